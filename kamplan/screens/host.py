"""What a screen may ask of the app that shows it. Screens read this protocol, never the app module:
the app imports the screens, so the screens importing the app would close an import loop."""

from typing import Protocol

from kamplan.config import Settings
from kamplan.store.service import Store


class Host(Protocol):
    store: Store
    settings: Settings

    def plan_stamp(self) -> object:
        """Unchanged while everything drawn from the plan is still right."""
        ...

    def open_account(
        self, account_id: int, *, person_id: int | None = None, activity_id: int | None = None
    ) -> None:
        """Show the account; at a stakeholder (their map) or an activity (its plan) when one is given."""
        ...

    def show_week(self) -> None:
        """This week across the live accounts (one screen, kept)."""
        ...

    def garbage_made(self) -> None:
        """Objects that hold one another were dropped: a full collection will free them."""
        ...
