"""The one table widget kamplan uses: Textual's DataTable, keeping its rendered cells between visits."""

from typing import Any

from textual import events
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable


class Table(DataTable[Any]):
    """Textual's DataTable forgets every rendered cell (each one a trip through Rich) whenever it is
    resized or its styles are updated, and both happen on every visit to a section: its tables are
    hidden and shown again, and focus moves into them. A rendered row depends only on the width, the
    column widths (which show in the virtual size), the theme, and the pseudo-classes (focus), which
    the caches already key on; so only a change in the first three has the cells rendered again."""

    _rendered_size: tuple[int, Size] | None = None
    _rendered_theme: object = None

    def _on_resize(self, event: events.Resize) -> None:
        # Textual calls each class's handler in turn; this skips DataTable's (render_lines checks sizes).
        event.prevent_default()

    def render_lines(self, crop: Region) -> list[Strip]:
        size = (self.size.width, self.virtual_size)
        if size != self._rendered_size:
            if self._rendered_size is not None:
                self._update_count += 1  # rows were laid out for other widths: render them again
            self._rendered_size = size
        return super().render_lines(crop)

    def notify_style_update(self) -> None:
        theme = (self.app.theme, self.app.ansi_color)
        if theme != self._rendered_theme:
            self._rendered_theme = theme
            super().notify_style_update()  # clears the caches
            return
        # The cursor's colours depend on focus and are cached apart from the cells: only they go.
        self._get_styles_to_render_cell.cache_clear()
        Widget.notify_style_update(self)
        self.refresh()
