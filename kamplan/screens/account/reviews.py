"""Reviews: the weekly record of the plan's measures, and the trend they draw."""

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Sparkline, Static

from kamplan.screens.account.section import Section
from kamplan.widgets import format as fmt
from kamplan.widgets.table import Table


def _number(metrics: dict[str, object], key: str) -> float | None:
    value = metrics.get(key)
    return float(value) if isinstance(value, int | float) else None


class ReviewsSection(Section):
    def compose(self) -> ComposeResult:
        yield Static(id="reviews-summary", classes="section-summary")
        yield Static("Relationship index over time", classes="section-title")
        yield Sparkline([], id="trend-relationship")
        yield Static("Power coverage over time", classes="section-title")
        yield Sparkline([], id="trend-coverage")
        yield Table(id="review-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="review-detail", classes="detail")

    def load(self) -> None:
        reviews = self.store.reviews(self.account_id)
        self.reviews = reviews
        currency = self.context.currency
        self.query_one("#reviews-summary", Static).update(
            f"{len(reviews)} weekly reviews"
            + (f", the latest on {fmt.day(reviews[0].date)}" if reviews else "")
        )
        oldest_first = list(reversed(reviews))
        for widget_id, key in (
            ("#trend-relationship", "relationship_index"),
            ("#trend-coverage", "power_coverage"),
        ):
            values = [v for r in oldest_first if (v := _number(r.metrics, key)) is not None]
            self.query_one(widget_id, Sparkline).data = values
        table = self.query_one("#review-table", DataTable)
        table.clear(columns=True)
        table.add_columns("Date", "Rel", "Coverage", "Pipeline", "Qual", "Notes")
        notes_width = max(10, min(80, self.app.size.width - 50))  # what the measures leave
        for n, r in enumerate(reviews):
            table.add_row(
                fmt.day(r.date),
                fmt.integer(_int(r.metrics.get("relationship_index"))),
                fmt.percent(_number(r.metrics, "power_coverage")),
                fmt.money(_number(r.metrics, "factored_pipeline"), currency),
                fmt.integer(_int(r.metrics.get("qualification_score"))),
                fmt.first_line(r.notes, notes_width),
                key=str(n),
            )
        detail = self.query_one("#review-detail", Static)
        detail.display = bool(reviews)

    @on(DataTable.RowHighlighted, "#review-table")
    def _show_notes(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted review's notes in full: the table shows their start."""
        key = event.row_key.value if event.row_key is not None else None
        if key is None or not key.isdigit() or int(key) >= len(self.reviews):
            return
        review = self.reviews[int(key)]
        text = Text()
        text.append(f"{fmt.day(review.date)}  ", style="bold")
        notes = fmt.shown(review.notes, multiline=True)
        text.append(notes or "no notes", style="" if notes else "dim")
        self.query_one("#review-detail", Static).update(text)


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) else None
