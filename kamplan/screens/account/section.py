"""A section of the account screen: it loads what it shows when first opened, and again after edits.

A section reads and writes through the store and tells its screen what it changed with an Edited
message; the screen decides what else to redraw (the header, the other sections)."""

from dataclasses import dataclass
from datetime import date
from typing import cast

from textual import on
from textual.containers import VerticalScroll
from textual.geometry import Region, Spacing
from textual.message import Message
from textual.widgets import DataTable

from kamplan.screens.host import Host
from kamplan.store.service import Store
from kamplan.widgets.format import NARROW_WIDTH
from kamplan.widgets.guard import guarded


@dataclass
class AccountContext:
    """What the account screen knows that its sections show too; the screen keeps it current."""

    account_id: int
    currency: str = ""


class Section(VerticalScroll, can_focus=False):
    """Holds its account and the app's store itself: a dialog it opened may outlive its screen."""

    loaded = False
    _loaded_width = 0

    class Edited(Message):
        """The section saved a change to the plan (its own view is already redrawn)."""

        def __init__(self, section: "Section") -> None:
            super().__init__()
            self.section = section

    def __init__(self, context: AccountContext, *, id: str) -> None:
        super().__init__(id=id)
        self.context = context
        self.account_id = context.account_id

    @property
    def kamplan(self) -> Host:
        return cast(Host, self.app)

    @property
    def store(self) -> Store:
        return self.kamplan.store

    def edited(self) -> None:
        """Tell the screen this section saved something."""
        self.post_message(self.Edited(self))

    def reload(self) -> None:
        """Show the plan as it is now (after an undo, or an edit made elsewhere)."""
        if self.loaded:
            self._load_for_width()

    @property
    def today(self) -> date:
        return self.kamplan.settings.current_date()

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW_WIDTH

    def on_resize(self) -> None:
        # Tables pick their columns and cut long text by the terminal's width: rebuild them for a new one.
        if self.loaded and self.app.size.width != self._loaded_width:
            self._load_for_width()

    @guarded
    def ensure_loaded(self) -> None:
        # Not while its widgets are missing (the screen is closing, taking them with it): it loads when
        # it is shown again.
        if not self.loaded and self.is_attached and self.children:
            self._load_for_width()
            self.loaded = True

    def _load_for_width(self) -> None:
        self._loaded_width = self.app.size.width
        self.load()

    def load(self) -> None:
        raise NotImplementedError

    @on(DataTable.RowHighlighted)
    def _follow_cursor(self, event: DataTable.RowHighlighted) -> None:
        # Tables here grow with their rows, so the section, not the table, must scroll to the cursor;
        # after the refresh, so a docked preview that changed size with the cursor is measured right.
        self.call_after_refresh(self._scroll_to_cursor, event.data_table)

    def _scroll_to_cursor(self, table: DataTable[object]) -> None:
        if not table.has_focus:  # the other tables' cursors (say, each SWOT list's) must not move the view
            return
        header = table.header_height if table.show_header else 0
        top = table.region.y - self.region.y + int(self.scroll_y)
        row = top + header + table.cursor_row - int(table.scroll_y)
        docked = sum(
            child.outer_size.height
            for child in self.children
            if child.styles.dock == "bottom" and child.display
        )
        self.scroll_to_region(
            Region(0, row - header, 1, header + 1),
            animate=False,
            immediate=True,
            spacing=Spacing(0, 0, docked, 0),
        )

    def focus_first(self) -> None:
        """Put the cursor in the section's main table."""
        tables = self.query(DataTable)
        if tables:
            tables.first().focus()
