"""The editable list: the same keys in every section. `a` add, `e`/Enter edit, `x` delete, `[` `]` move
where order matters, `/` filter by typing, `s`/`S` sort by the next column / the other way.

It is handed its rows as plain data and posts a Message for each key that changes something; the section
that owns it asks, saves, and hands the rows back. Filtering and sorting happen here, over the rows it
holds, so they need no trip to the database.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from kamplan.widgets.table import Table

EMPTY_KEY = "\0empty"  # the key of the row that says the list is empty


@dataclass(frozen=True)
class Column:
    label: str
    key: str
    width: int | None = None  # None: as wide as its widest cell
    sortable: bool = True


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[Any, ...]  # str or rich Text, one per column
    sort: tuple[Any, ...] = ()  # a sort key per column; default: the cell's text
    search: str = ""  # what the filter looks in; default: every cell's text


def _plain(cell: Any) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell)


class ListTable(Table):
    """The table inside an EditableList; its keys post the list's messages."""

    BINDINGS = [
        Binding("a", "add", "Add", id="list.add"),
        Binding("e,enter", "edit", "Edit", id="list.edit", key_display="e"),
        Binding("x,delete", "delete", "Delete", id="list.delete", key_display="x"),
        Binding("left_square_bracket", "move(-1)", "Up", id="list.up", key_display="["),
        Binding("right_square_bracket", "move(1)", "Down", id="list.down", key_display="]"),
        Binding("slash", "filter", "Filter", id="list.filter", key_display="/"),
        Binding("s", "sort", "Sort", id="list.sort"),
        Binding("S", "reverse", "Reverse", id="list.reverse", show=False),
    ]

    @property
    def owner(self) -> "EditableList":
        parent = self.parent
        assert isinstance(parent, EditableList)
        return parent

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        owner = self.owner
        if action == "add":
            return owner.can_add
        if action in ("edit", "delete"):
            return owner.current_key() is not None or (action == "edit" and owner.can_add) or None
        if action == "move":
            return (owner.movable and not owner.arranged()) or None if owner.movable else False
        if action in ("sort", "reverse"):
            return owner.sortable
        return True

    def action_add(self) -> None:
        self.post_message(EditableList.Add(self.owner))

    def action_edit(self) -> None:
        key = self.owner.current_key()
        if key is None:
            if self.owner.can_add:
                self.post_message(EditableList.Add(self.owner))
            return
        self.post_message(EditableList.Edit(self.owner, key))

    def action_delete(self) -> None:
        key = self.owner.current_key()
        if key is not None:
            self.post_message(EditableList.Delete(self.owner, key))

    def action_move(self, offset: int) -> None:
        key = self.owner.current_key()
        if key is not None:
            self.post_message(EditableList.Move(self.owner, key, offset))

    def action_filter(self) -> None:
        self.owner.open_filter()

    def action_sort(self) -> None:
        self.owner.next_sort()

    def action_reverse(self) -> None:
        self.owner.reverse_sort()


class EditableList(Vertical):
    DEFAULT_CSS = """
    EditableList { height: auto; }
    EditableList > Input { display: none; height: 1; border: none; padding: 0 1; }
    EditableList.-filtering > Input { display: block; }
    EditableList > ListTable { height: auto; }
    """

    class Add(Message):
        def __init__(self, source: "EditableList") -> None:
            super().__init__()
            self.list = source

        @property
        def control(self) -> "EditableList":
            return self.list

    class Edit(Add):
        def __init__(self, source: "EditableList", key: str) -> None:
            super().__init__(source)
            self.key = key

    class Delete(Edit):
        pass

    class Move(Edit):
        def __init__(self, source: "EditableList", key: str, offset: int) -> None:
            super().__init__(source, key)
            self.offset = offset

    class Highlighted(Edit):
        """The cursor is on another row (key "" when the list is empty)."""

    def __init__(
        self,
        *,
        id: str | None = None,
        classes: str | None = None,
        movable: bool = False,
        sortable: bool = True,
        can_add: bool = True,
        empty: str = "none yet · a to add",
        show_header: bool = True,
        zebra_stripes: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.movable = movable
        self.sortable = sortable and not movable  # a list kept in order is shown in that order
        self.can_add = can_add
        self.empty = empty
        self._table_options = {"show_header": show_header, "zebra_stripes": zebra_stripes}
        self.columns: list[Column] = []
        self.rows: list[Row] = []
        self.filter_text = ""
        self.sort_column: int | None = None
        self.sort_reverse = False
        self._shown_columns: tuple[Column, ...] = ()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter: type to narrow the list · enter keep · esc clear")
        yield ListTable(cursor_type="row", **self._table_options)

    @property
    def table(self) -> ListTable:
        return self.query_one(ListTable)

    def focus(self, scroll_visible: bool = True) -> "EditableList":
        self.table.focus(scroll_visible)
        return self

    # Data
    def show(self, columns: Sequence[Column], rows: Sequence[Row], select: str | None = None) -> None:
        """Show these rows; the cursor stays on `select`, else on the row it was on, else at its place."""
        table = self.table
        keep = select if select is not None else self.current_key()
        index = table.cursor_row
        self.columns, self.rows = list(columns), list(rows)
        if tuple(columns) != self._shown_columns:
            table.clear(columns=True)
            for column in columns:
                table.add_column(column.label, key=column.key, width=column.width)
            self._shown_columns = tuple(columns)
        self._fill(keep, index)

    def _visible(self) -> list[Row]:
        rows = self.rows
        if self.filter_text:
            wanted = self.filter_text.casefold().split()
            rows = [r for r in rows if all(w in self._haystack(r) for w in wanted)]
        if self.sort_column is not None:
            n = self.sort_column
            rows = sorted(rows, key=lambda r: _sort_key(r, n), reverse=self.sort_reverse)
        return rows

    @staticmethod
    def _haystack(row: Row) -> str:
        return (row.search or " ".join(_plain(c) for c in row.cells)).casefold()

    def _fill(self, keep: str | None, index: int) -> None:
        table = self.table
        table.clear()
        self._relabel()
        visible = self._visible()
        for row in visible:
            table.add_row(*row.cells, key=row.key)
        if not visible:
            message = self.empty
            if self.rows:
                message = f"nothing matches {self.filter_text!r} · esc clears the filter"
            table.add_row(Text(message, style="dim"), *([""] * (len(self.columns) - 1)), key=EMPTY_KEY)
        keys = [row.key for row in visible]
        if keep in keys:
            table.move_cursor(row=keys.index(keep), animate=False)
        else:
            table.move_cursor(row=max(0, min(index, table.row_count - 1)), animate=False)
        count = str(len(self.rows)) if self.rows else ""
        self.border_subtitle = f"{len(visible)} of {len(self.rows)}" if self.filter_text else count
        table.refresh_bindings()

    def _relabel(self) -> None:
        labels = {}
        for n, column in enumerate(self.columns):
            mark = (" ▼" if self.sort_reverse else " ▲") if n == self.sort_column else ""
            labels[column.key] = column.label + mark
        self.table.relabel(labels)

    def current_key(self) -> str | None:
        table = self.table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key in (None, EMPTY_KEY) else key

    def arranged(self) -> bool:
        """Filtered or sorted: the order shown is not the list's own."""
        return bool(self.filter_text) or self.sort_column is not None

    # Sorting
    def next_sort(self) -> None:
        sortable = [n for n, c in enumerate(self.columns) if c.sortable]
        if not sortable:
            return
        if self.sort_column is None:
            self.sort_column = sortable[0]
        else:
            later = [n for n in sortable if n > self.sort_column]
            self.sort_column = later[0] if later else None
        self.sort_reverse = False
        self._fill(self.current_key(), self.table.cursor_row)

    def reverse_sort(self) -> None:
        if self.sort_column is None:
            self.next_sort()
        self.sort_reverse = not self.sort_reverse
        self._fill(self.current_key(), self.table.cursor_row)

    # Filtering
    def open_filter(self) -> None:
        self.add_class("-filtering")
        field = self.query_one(Input)
        field.value = self.filter_text
        field.focus()

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter_text = event.value.strip()
        self._fill(self.current_key(), 0)

    @on(Input.Submitted)
    def _filter_kept(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.filter_text:
            self.remove_class("-filtering")
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.query_one(Input).has_focus:
            event.stop()
            self.clear_filter()
            self.table.focus()
        elif event.key == "escape" and self.filter_text:
            event.stop()  # the first Escape clears the filter; the next one goes back as always
            self.clear_filter()

    def clear_filter(self) -> None:
        self.remove_class("-filtering")
        if self.filter_text:
            self.filter_text = ""
            self.query_one(Input).value = ""
            self._fill(self.current_key(), self.table.cursor_row)

    @on(ListTable.RowHighlighted)
    def _highlighted(self, event: ListTable.RowHighlighted) -> None:
        self.post_message(self.Highlighted(self, self.current_key() or ""))


def _sort_key(row: Row, column: int) -> tuple[int, Any]:
    value = row.sort[column] if column < len(row.sort) else _plain(row.cells[column]).casefold()
    return (1, 0) if value is None or value == "" else (0, value)  # the blanks last
