"""What the Plan section's views show, as plain functions and constants: the options of its forms, its
lists' quiet table, the pipeline's bars, the funnel's summary and sparkline."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from kamplan import planning
from kamplan.document import quick_add
from kamplan.enums import ActivityType, OpportunityKind, OpportunityStatus
from kamplan.planning.pipeline import UNDATED, quarter_key
from kamplan.store.opportunities import OpportunityItem
from kamplan.widgets import format as fmt
from kamplan.widgets.bar_chart import Bar
from kamplan.widgets.editable_list import EditableList, ListTable
from kamplan.widgets.form import Option, choices

KIND_OPTIONS = choices(list(OpportunityKind))
STATUS_OPTIONS = (
    Option(OpportunityStatus.OPEN, "open", "o"),
    Option(OpportunityStatus.WON, "won", "w"),
    Option(OpportunityStatus.LOST, "lost", "l"),
    Option(OpportunityStatus.QUALIFIED_OUT, "qualified out", "q"),
)
CLOSING_OPTIONS = STATUS_OPTIONS[1:]
STATUS_STYLE = {"won": "bold green", "lost": "red", "qualified_out": "cyan"}
THREAT_OPTIONS = tuple(
    Option(n, f"{n} {word}", str(n))
    for n, word in enumerate(("slight", "some", "moderate", "serious", "severe"), 1)
)
TYPE_OPTIONS = choices(list(ActivityType), {kind: str(kind).replace("_", " ") for kind in ActivityType})
SPARK = " ▁▂▃▄▅▆▇█"


class _QuietTable(ListTable):
    """The plan's lists keep filter, sort and delete out of the key bar (they still work, and ? lists them):
    the section's own keys need the room at 80 columns."""

    BINDINGS = [
        Binding("x,delete", "delete", "Delete", id="list.delete", key_display="x", show=False),
        Binding("slash", "filter", "Filter", id="list.filter", key_display="/", show=False),
        Binding("s", "sort", "Sort", id="list.sort", show=False),
    ]


class PlanList(EditableList):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter: type to narrow the list · enter keep · esc clear")
        yield _QuietTable(cursor_type="row", **self._table_options)


def short_type(kind: str, narrow: bool) -> str:
    return quick_add.SHORT_TYPE[ActivityType(kind)] if narrow else fmt.words(kind)


def spark(weekly: tuple[int, ...], scale: float) -> str:
    top = max(scale, *weekly, 1)
    return "".join(SPARK[min(8, round(n / top * 8))] if n else "·" for n in weekly)


def percent(rate: float | None) -> str:
    return fmt.DASH if rate is None else f"{rate * 100:.0f} %"


def per_week(value: float | None) -> str:
    return fmt.DASH if value is None else f"{value:g}"


def pipeline_bars(items: list[OpportunityItem], currency: str) -> list[Bar]:
    """A bar per quarter of the open opportunities' factored value, each opportunity under its quarter with
    its sum and the optimistic flag."""
    open_ = [o for o in items if o.is_open]
    quarters = planning.pipeline_by_quarter(
        planning.PipelineItem(o.value, o.probability, o.status, o.target_date) for o in open_
    )
    bars = []
    for quarter, value in quarters.items():
        notes = []
        for o in open_:
            if (quarter_key(o.target_date) if o.target_date else UNDATED) != quarter:
                continue
            note = Text(f"#{o.number} {fmt.first_line(o.title, 26)} ")
            note.append(f"{fmt.money(o.value)} × {o.probability or 0} %", style="dim")
            if o.optimism:
                note.append(f" ⚠ {short_optimism(o.optimism)}", style="bold yellow")
            notes.append(note)
        bars.append(Bar(quarter, value, fmt.money(value, currency), notes=tuple(notes)))
    return bars


def short_optimism(reason: str) -> str:
    """planning.optimism_reason in a few words, for beside a bar: "vote too close, qualification 40"."""
    short = reason.replace("the vote today is ", "vote ").replace("qualification score ", "qualification ")
    return short.replace(" is below 50", "").replace("; ", ", ")


def funnel_summary(steps: list[planning.FunnelStep]) -> Text:
    text = Text("Target a week · average of 8 weeks · now · 9 weeks · → next type: planned, got", "dim")
    for s in steps:
        if s.converting_short and s.converts_to:
            text.append(f"\n⚠ {fmt.words(s.type)} → {fmt.words(s.converts_to)}: ", style="bold red")
            text.append(f"{percent(s.expected_rate)} planned, {percent(s.achieved_rate)} achieved "
                        f"({sum(s.weekly)} done in 9 weeks)")  # fmt: skip
    behind = [quick_add.SHORT_TYPE[ActivityType(s.type)] for s in steps if s.behind]
    if behind:
        text.append(f"\nBehind target: {', '.join(behind)}", style="yellow")
    return text
