"""The Textual app. It is handed its settings and database engine; it opens nothing itself."""

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from textual.driver import Driver

from kamplan.commands import AccountsProvider, StakeholdersProvider
from kamplan.config import Settings
from kamplan.idle_gc import IdleCollector
from kamplan.screens.account.recent import RecentAccounts
from kamplan.screens.messages import SettingsChanged
from kamplan.store.service import Store
from kamplan.store.settings import LIMITS
from kamplan.widgets.dialogs import EditDialog
from kamplan.widgets.format import shown

IDLE_CHECK_SECONDS = 0.25
WARM_UP = "warm-up"  # the worker that loads the database libraries after the first paint


class KamplanApp(App[None]):
    TITLE = "kamplan"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {AccountsProvider, StakeholdersProvider}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, settings: Settings, store: Store) -> None:
        super().__init__()
        self.settings = settings
        self.store = store
        self.recent_accounts = RecentAccounts(self)
        self._week: Screen[Any] | None = None  # This week, kept once built: a session comes back to it often
        self.idle_collector = IdleCollector()

    def plan_stamp(self) -> object:
        """What must be unchanged for anything drawn from the plan to still be right: the plan itself
        (written here or by any other process) and the day, which makes activities late by itself."""
        return (self.store.fingerprint(), self.settings.current_date())

    def garbage_made(self) -> None:
        self.idle_collector.garbage_made()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice, whoever gives it, with its control characters made visible: most quote the plan.
        kamplan's own notices also pass markup=False, as they quote names that may look like markup."""
        message, title = shown(message, multiline=True), shown(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_driver_class(self) -> "type[Driver]":
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":  # the one for Linux and macOS, unless TEXTUAL_DRIVER says
            from kamplan.driver import KamplanDriver

            return KamplanDriver
        return driver

    def on_mount(self) -> None:
        from kamplan.screens.portfolio import PortfolioScreen

        self.settings = self.store.load_settings(self.settings)
        self.push_screen(PortfolioScreen())

    def on_ready(self) -> None:
        # The first screen is up: now load the database libraries the next keys will need, and read the
        # week ahead, off the UI thread so the keys pressed meanwhile are handled at once.
        week = partial(self.store.prefetch_week, self.settings.current_date())
        self.run_worker(
            partial(self.store.warm_up, _preload_screens, week),
            name=WARM_UP,
            thread=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Warmed up: hand the full garbage collections to IdleCollector, which makes them while the user
        # is not typing. Not in tests: there, one process runs many apps, and frozen objects are never freed.
        if event.worker.name == WARM_UP and event.state == WorkerState.SUCCESS and not self.is_headless:
            self.idle_collector.start()
            self.set_interval(IDLE_CHECK_SECONDS, self.idle_collector.tick)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.idle_collector.input()
        await super().on_event(event)

    def open_account(
        self, account_id: int, *, person_id: int | None = None, activity_id: int | None = None
    ) -> None:
        from kamplan.screens.account.screen import AccountScreen

        # Going to another account from an account screen replaces it, so Escape returns to the portfolio.
        while isinstance(self.screen, AccountScreen) or len(self.screen_stack) > 2:
            self.pop_screen()
        screen = self.recent_accounts.take(account_id)
        if screen is None:
            section = "stakeholders" if person_id else "plan" if activity_id else "profile"
            screen = AccountScreen(account_id, section)
            self.recent_accounts.keep(screen)
        self.push_screen(screen)
        if person_id is not None:
            screen.call_after_refresh(screen.show_person, person_id)
        elif activity_id is not None:
            screen.call_after_refresh(screen.show_activity, activity_id)

    def action_help(self) -> None:
        from kamplan.screens.help import HelpScreen

        screen = self.screen
        keys: dict[str, list[str]] = {}  # what it does -> the keys that do it
        for active in screen.active_bindings.values():
            binding = active.binding
            # Only kamplan's own keys (they carry ids); widget internals like cursor keys are in GLOBAL_KEYS.
            if binding.id and binding.description and active.enabled:
                shown = binding.key_display or self.get_key_display(binding)
                if shown not in keys.setdefault(binding.description, []):
                    keys[binding.description].append(shown)
        listed = [(" / ".join(shown), description) for description, shown in keys.items()]
        self.push_screen(HelpScreen(screen.title or "kamplan", listed))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Portfolio", "Back to all accounts", self._to_portfolio)
        yield SystemCommand(
            "This week", "Every account's planned activities: overdue, this week, next week", self.show_week
        )
        yield SystemCommand(
            "Pipeline", "Factored value by quarter over every account, optimistic flags", self._show_pipeline
        )
        yield SystemCommand("New account", "Create an account", self._portfolio_action("new"))
        yield SystemCommand(
            "Add the demo account", "A fictional key account to explore", self._portfolio_action("demo")
        )
        yield SystemCommand(
            "Trash", "Deleted accounts, to restore or delete for good", self._portfolio_action("show_trash")
        )
        yield SystemCommand(
            "Archived accounts", "Show or hide archived accounts", self._portfolio_action("toggle_archived")
        )
        yield SystemCommand("Help", "The keys of this screen", self.action_help)
        for key, (label, low, high) in LIMITS.items():
            yield SystemCommand(
                f"Set limit: {label.lower()}",
                f"Now {getattr(self.settings, key)}; {low}–{high}",
                partial(self._edit_limit, key, label),
            )

    def _edit_limit(self, key: str, label: str) -> None:
        def save(text: str) -> int:
            value = self.store.save_limit(key, text)
            changed: dict[str, Any] = {key: value}
            self.settings = replace(self.settings, **changed)
            return value

        def saved(value: int | None) -> None:
            if value is not None:
                self.notify(f"{label}: {value}", markup=False)
                self.screen.post_message(SettingsChanged())

        self.push_screen(EditDialog(label, str(getattr(self.settings, key)), save), saved)

    def show_week(self) -> None:
        from kamplan.screens.week import WeekScreen

        if self._week is None:
            self._week = WeekScreen()
            self.install_screen(self._week, "week")
        week = self._week
        if week in self.screen_stack:  # under a dialog or an account opened from it: back to it
            while self.screen is not week:
                self.pop_screen()
            return
        self.push_screen(week)

    def _show_pipeline(self) -> None:
        from kamplan.screens.pipeline import PipelineScreen

        if not isinstance(self.screen, PipelineScreen):
            self.push_screen(PipelineScreen())

    def _to_portfolio(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def _portfolio_action(self, action: str) -> Callable[[], None]:
        def run() -> None:
            self._to_portfolio()
            self.call_after_refresh(self.screen.run_action, action)

        return run


def _preload_screens() -> None:
    """The modules the next keys will need: the account screen and the text editor (slow to import)."""
    from textual.widgets import TextArea  # noqa: F401

    import kamplan.screens.account.screen  # noqa: F401


def make_app(settings: Settings, engine: "Engine | None" = None) -> KamplanApp:
    """The app on `settings.db_path`; an engine already open is reused, else it opens after first paint."""
    return KamplanApp(settings, Store(settings.db_path, engine))
