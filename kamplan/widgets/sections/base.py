"""A section of the account screen: it loads what it shows when first opened, and again after edits."""

from datetime import date
from typing import TYPE_CHECKING, cast

from textual.containers import VerticalScroll

from kamplan.store.service import Store

if TYPE_CHECKING:
    from kamplan.screens.account import AccountScreen


class Section(VerticalScroll):
    loaded = False

    @property
    def account_screen(self) -> "AccountScreen":
        return cast("AccountScreen", self.screen)

    @property
    def store(self) -> Store:
        return self.account_screen.store

    @property
    def account_id(self) -> int:
        return self.account_screen.account_id

    @property
    def today(self) -> date:
        return self.account_screen.settings.current_date()

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.load()
            self.loaded = True

    def load(self) -> None:
        raise NotImplementedError

    def focus_first(self) -> None:
        """Put the cursor in the section's main table."""
        from textual.widgets import DataTable

        tables = self.query(DataTable)
        if tables:
            tables.first().focus()
