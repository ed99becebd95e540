"""The last few account screens, kept alive while the plan is unchanged."""

from functools import partial
from itertools import count
from typing import TYPE_CHECKING, cast

from textual.app import App

from kamplan.screens.host import Host

if TYPE_CHECKING:  # the account screen loads after the first paint: not for this module
    from kamplan.screens.account.screen import AccountScreen

KEEP = 4  # a weekly session moves between a handful of accounts
REMOVE_AFTER = 1.0  # seconds


class RecentAccounts:
    """Going back to an account you just left shows it at once, where you left it: building the screen
    again took most of the time to open one. A kept screen is shown again only if nothing at all was
    written to the plan (here or by any other process) since it was left; otherwise a fresh one is
    built, so a kept screen never shows stale data."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.screens: dict[int, tuple[str, AccountScreen]] = {}  # account id -> (installed name, screen)
        self._serial = count()

    @property
    def _host(self) -> Host:
        return cast(Host, self.app)

    def take(self, account_id: int) -> "AccountScreen | None":
        kept = self.screens.get(account_id)
        if kept is not None and kept[1].left_at == self._host.plan_stamp():
            self.screens[account_id] = self.screens.pop(account_id)  # now the most recent
            return kept[1]
        return None

    def keep(self, screen: "AccountScreen") -> None:
        """Keep a new screen, dropping the one it replaces and the oldest beyond KEEP."""
        self._drop(screen.account_id)
        name = f"account-{screen.account_id}-{next(self._serial)}"
        self.app.install_screen(screen, name)
        self.screens[screen.account_id] = (name, screen)
        for account_id in list(self.screens)[:-KEEP]:
            self._drop(account_id)

    def _drop(self, account_id: int) -> None:
        kept = self.screens.get(account_id)
        if kept is None or kept[1] in self.app.screen_stack:
            return
        del self.screens[account_id]
        self.app.uninstall_screen(kept[0])
        if kept[1].is_attached:
            # Removing a screen with all its sections built takes a while (50 ms and more): not now,
            # while the account that replaces it is being drawn.
            self.app.set_timer(REMOVE_AFTER, partial(self._remove, kept[1]))

    async def _remove(self, screen: "AccountScreen") -> None:
        await screen.remove()
        self._host.garbage_made()  # its widgets hold one another: only a full pass frees them
