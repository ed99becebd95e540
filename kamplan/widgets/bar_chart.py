"""A horizontal bar chart drawn in text: one bar a row, as long as the widget is wide, with lines of notes
under each bar (say, the opportunities in a quarter and their flags). It is handed the bars as plain data."""

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as words or a number, right of the bar
    style: str = ""  # a Rich style; "" is the theme's accent colour
    notes: tuple[Text, ...] = ()  # lines under the bar


def bar_text(value: float, largest: float, width: int) -> str:
    """A bar of `width` cells for the largest value, in eighths of a cell; a value above 0 shows at least
    a sliver."""
    if largest <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


class BarChart(Widget, can_focus=True):
    DEFAULT_CSS = """
    BarChart { height: auto; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None, empty: str = "nothing to draw") -> None:
        super().__init__(id=id)
        self.bars: list[Bar] = []
        self.empty = empty

    def show(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, sum(1 + len(bar.notes) for bar in self.bars))

    def render(self) -> Text:
        if not self.bars:
            return Text(self.empty, style="dim")
        width = self.content_region.width or self.size.width
        label_width = max(len(bar.label) for bar in self.bars)
        shown_width = max(len(bar.shown) for bar in self.bars)
        room = max(4, width - label_width - shown_width - 3)
        largest = max(bar.value for bar in self.bars)
        lines = []
        for bar in self.bars:
            line = Text(bar.label.ljust(label_width) + " ", style="bold")
            drawn = bar_text(bar.value, largest, room)
            line.append(drawn, style=bar.style or self.app.theme_variables.get("accent", "cyan"))
            line.append(" " * (room - len(drawn) + 1) + bar.shown.rjust(shown_width))
            lines.append(line)
            for note in bar.notes:
                indented = Text(" " * (label_width + 1))
                indented.append_text(note)
                indented.truncate(width, overflow="ellipsis")
                lines.append(indented)
        return Text("\n").join(lines)
