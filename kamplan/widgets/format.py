"""How numbers, dates and verdicts read on screen. One place, so every screen says it the same way."""

from datetime import date
from typing import Any

from rich.text import Span, Text

from kamplan import planning
from kamplan.document.text import printable
from kamplan.enums import SUPPORT_WORDS

VERDICT_STYLE = {
    planning.Verdict.WIN: "bold green",
    planning.Verdict.LOSE: "bold red",
    planning.Verdict.TOO_CLOSE: "bold yellow",
    planning.Verdict.UNKNOWN: "dim",
}
GRID_STYLE = {
    planning.GridCategory.DRIVER: "bold green",
    planning.GridCategory.ADVOCATE: "green",
    planning.GridCategory.THREAT: "bold red",
    planning.GridCategory.CRITIC: "red",
    planning.GridCategory.UNKNOWN: "yellow",
    planning.GridCategory.UNRATED: "dim",
}
DASH = "–"
# Below this many columns, tables drop or shorten what the detail lines below them already say.
NARROW_WIDTH = 110


def money(value: float | None, currency: str = "") -> str:
    """Compact amounts: 6,430,000 -> '6.43m'."""
    if value is None:
        return DASH
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            text = f"{value / size:.3g}{suffix}"
            break
    else:
        text = f"{value:.0f}"
    return f"{text} {currency}".strip()


def full_money(value: float | None, currency: str = "") -> str:
    return DASH if value is None else f"{value:,.0f} {currency}".strip()


def score(value: float | None) -> str:
    return DASH if value is None else f"{value:.1f}"


def percent(value: float | None, digits: int = 0) -> str:
    return DASH if value is None else f"{value:.{digits}f} %"


def integer(value: int | None) -> str:
    return DASH if value is None else str(value)


def day(value: date | None) -> str:
    return DASH if value is None else value.isoformat()


def words(value: object) -> str:
    """A closed-set value as words: 'economic_buyer' -> 'economic buyer'."""
    return DASH if value is None else str(value).replace("_", " ")


def verdict(value: planning.Verdict | None) -> Text:
    if value is None:
        return Text(DASH, style="dim")
    return Text(str(value), style=VERDICT_STYLE[value])


def grid(value: planning.GridCategory) -> Text:
    return Text(str(value), style=GRID_STYLE[value])


def support(value: int | None) -> str:
    return DASH if value is None else f"{value:+d} {SUPPORT_WORDS[value]}" if value else "0 neutral"


def quadrant(value: planning.Quadrant | None) -> str:
    return DASH if value is None else str(value)


def shown(value: str, *, multiline: bool = False) -> str:
    """Text from the plan as the screen shows it: each control character and bidirectional override made
    visible (ESC as the four characters \\x1b), so an older database cannot drive the terminal. Hand the
    result on as text, never as markup: in a Text or Content, or to notify() with markup=False."""
    return printable(value, multiline=multiline)


def first_line(text: str, width: int = 60) -> str:
    """The first line of a text from the plan, shown (see `shown`) and cut to `width`."""
    line = shown(text.strip().splitlines()[0]) if text.strip() else ""
    return line if len(line) <= width else line[: width - 1] + "…"


def short_day(value: date | None) -> str:
    return DASH if value is None else f"{value:%d %b}"


def sentence(text: object) -> str:
    """`text` closing a sentence: the full stop, unless it ends with one already ("Acme B.V.")."""
    shown = str(text)
    return shown if shown.endswith((".", "!", "?")) else f"{shown}."


def visible(cell: Any) -> Any:
    """Text from the plan as it may be drawn: each control character made visible (see `shown`); a Text
    keeps its styles on the same characters. Anything else, or text with nothing to show, is left as it is."""
    if isinstance(cell, str):
        return cell if shown(cell, multiline=True) == cell else Text(shown(cell, multiline=True))
    if not isinstance(cell, Text) or shown(cell.plain, multiline=True) == cell.plain:
        return cell
    ends = [0]  # where each character of the cell ends once shown
    for char in cell.plain:
        ends.append(ends[-1] + len(shown(char, multiline=True)))
    result = cell.blank_copy(shown(cell.plain, multiline=True))
    last = len(cell.plain)
    result.spans = [Span(ends[min(s.start, last)], ends[min(s.end, last)], s.style) for s in cell.spans]
    return result
