"""The one table widget kamplan uses: Textual's DataTable, keeping its rendered cells between visits."""

from collections.abc import Mapping, Sequence
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text, TextType
from textual import events
from textual._two_way_dict import TwoWayDict
from textual.geometry import Region, Size
from textual.render import measure
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets._data_table import ColumnKey, RowKey, SegmentLines

from kamplan.widgets.format import shown, visible


class Table(DataTable[Any]):
    """Textual's DataTable forgets every rendered cell (each one a trip through Rich) whenever it is
    resized or its styles are updated, and both happen on every visit to a section: its tables are
    hidden and shown again, and focus moves into them. A rendered row depends only on the width, the
    column widths (which show in the virtual size), the theme, and the pseudo-classes (focus), which
    the caches already key on; so only a change in the first three has the cells rendered again.

    It also measures new rows before its first render, draws one-line text cells directly, and can
    reorder and relabel its rows in place. Much of this reaches into DataTable's internals: Textual is
    pinned to 8.2.x, tests/core/test_textual_private.py lists every private name used, and
    tests/ui/test_table_parity.py draws the same rows here and in a plain DataTable to compare.
    DataTable.sort is not for this table (its cells are Text, which do not compare): use show_in_order."""

    _rendered_size: tuple[int, Size] | None = None
    _rendered_theme: object = None
    _style_this_pass: Style | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._row_styles: dict[object, Style] = {}

    def add_row(
        self, *cells: object, height: int | None = 1, key: str | None = None, label: TextType | None = None
    ) -> RowKey:
        """Text is shown as it is: DataTable would read a string as markup (slowly, and an account named
        "[b]" would lose its brackets). Every cell's control characters are made visible (format.shown):
        an older database may hold them, and one ESC in a cell blanked the whole table."""
        return super().add_row(*map(_visible, cells), height=height, key=key, label=label)

    def show_in_order(self, keys: Sequence[str]) -> None:
        """Show the rows in this order (every row's key, once): what DataTable.sort does, for an order
        worked out elsewhere, without adding the rows again (which measures and draws every cell)."""
        self._row_locations = TwoWayDict({RowKey(key): index for index, key in enumerate(keys)})
        self._update_count += 1
        self.refresh()

    def relabel(self, labels: Mapping[str, str]) -> None:
        """New headers for columns (by key); each column is as wide as its widest cell or header."""
        for key, label in labels.items():
            column = self.columns[ColumnKey(key)]
            if column.label.plain == label:
                continue
            column.label = Text(label)
            cells = (
                cell.cell_len if isinstance(cell, Text) else measure(self.app.console, cell, 1)
                for cell in self.get_column(key)
            )
            column.content_width = max([column.label.cell_len, *cells])
        self._update_dimensions([])  # the virtual size, from the columns' widths
        self._update_count += 1

    async def _on_idle(self, event: events.Idle) -> None:
        # Runs before DataTable's own idle handler, which measures new rows cell by cell through Rich:
        # rows added after the first render (a long list filled in parts) are measured here the fast way,
        # and DataTable's handler finds nothing left to do.
        self._measure_now()

    def _on_resize(self, event: events.Resize) -> None:
        # Textual calls each class's handler in turn; this skips DataTable's (render_lines checks sizes).
        event.prevent_default()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._require_update_dimensions or self._updated_cells:
            # DataTable measures new rows when idle, after a first render with every column too narrow:
            # each new table was rendered twice. Measure them first.
            self._measure_now()
        size = (self.size.width, self.virtual_size)
        if size != self._rendered_size:
            if self._rendered_size is not None:
                self._update_count += 1  # rows were laid out for other widths: render them again
            self._rendered_size = size
        self._style_this_pass = super().rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._style_this_pass = None

    @property
    def rich_style(self) -> Style:
        # DataTable asks for it on every line it draws, even one it has cached, and each answer walks
        # the styles of every ancestor; within one pass over the lines it cannot change.
        return self._style_this_pass or super().rich_style

    def _measure_now(self) -> None:
        """What DataTable's idle handler does (it has no awaits), run before rendering."""
        if self._updated_cells:
            updated = self._updated_cells.copy()
            self._updated_cells.clear()
            self._update_column_widths(updated)
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            if all(self._widen_columns_for(key) for key in new_rows):
                self._update_dimensions([])  # only the virtual size, from the columns' widths
            else:
                self._update_dimensions(new_rows)

    def _widen_columns_for(self, row_key: RowKey) -> bool:
        """Widen the columns for a new one-line row of one-line Text cells (its width is its length;
        Rich's measure splits every cell into words); False for any other row, left to DataTable."""
        row = self.rows.get(row_key)
        if row is None:
            return True  # removed before it was measured
        cells = self._data[row_key]
        if row.auto_height or row.height != 1 or row.label is not None:
            return False
        widths = {}
        for key, cell in cells.items():
            if not isinstance(cell, Text) or "\n" in cell.plain or "\t" in cell.plain:
                return False
            widths[key] = cell.cell_len
        for key, width in widths.items():
            column = self.columns[key]
            column.content_width = max(column.content_width, width)
        return True

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        """A one-line Text cell, rendered straight to segments; DataTable sends each cell through
        Rich's whole layout machinery (Styled, Padding, render_lines), which was most of the time every
        table took to draw. Anything else goes the usual way. Cached under DataTable's own key."""
        is_header = row_index == -1
        row_key = self._header_row_key if is_header else self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None or self.fixed_rows or self.fixed_columns:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        key = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cache = self._cell_render_cache
        if key in cache:
            return cache[key]
        height = self.header_height if is_header else self.rows[row_key].height
        cell = self._get_row_renderables(row_index)[1][column_index]
        if height != 1 or not isinstance(cell, Text) or "\n" in cell.plain or "\t" in cell.plain:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        component_style, post_style = self._get_styles_to_render_cell(
            is_header,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component_style
        padding = self.cell_padding
        inner = max(0, width - 2 * padding)
        if cell.cell_len > inner:
            cell = cell.copy()
            cell.truncate(inner, overflow=cell.overflow or "fold")
        if cell.style:  # a base style renders only as a span, which Rich's own path adds by joining
            cell = Text().join([cell])
        segments = [
            Segment(" " * padding),
            *cell.render(self.app.console, end=""),
            Segment(" " * (inner - cell.cell_len + padding)),
        ]
        lines = [list(Segment.apply_style(segments, pre_style, post_style))]
        cache[key] = lines
        return lines

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        # Asked for every line drawn, and each answer walks the styles of every ancestor; the answer
        # changes only with the row's kind, the pseudo-classes and the styles (cleared on any update).
        if self.fixed_rows or not self.zebra_stripes:
            return super()._get_row_style(row_index, base_style)
        key = (-1 if row_index == -1 else row_index % 2, base_style, self._pseudo_class_state)
        style = self._row_styles.get(key)
        if style is None:
            style = self._row_styles[key] = super()._get_row_style(row_index, base_style)
        return style

    def notify_style_update(self) -> None:
        self._row_styles.clear()
        theme = (self.app.theme, self.app.ansi_color)
        if theme != self._rendered_theme:
            self._rendered_theme = theme
            super().notify_style_update()  # clears the caches
            return
        # The cursor's colours depend on focus and are cached apart from the cells: only they go.
        self._get_styles_to_render_cell.cache_clear()
        Widget.notify_style_update(self)
        self.refresh()


def _visible(cell: object) -> object:
    """A cell as text (a str would be read as markup), its control characters made visible."""
    return Text(shown(cell, multiline=True)) if isinstance(cell, str) else visible(cell)
