"""The portfolio's pipeline: the factored value of every live account's open opportunities by quarter of
their target date, as a bar chart, and the opportunities under it with the optimistic flags (a probability
of 50 % or more that the vote today or the qualification does not back up)."""

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from kamplan import planning
from kamplan.errors import KamplanError
from kamplan.planning.pipeline import UNDATED, quarter_key
from kamplan.screens.base import KamplanScreen
from kamplan.store.opportunities import OpportunityItem
from kamplan.widgets import format as fmt
from kamplan.widgets.bar_chart import Bar, BarChart
from kamplan.widgets.keybar import KeyBar
from kamplan.widgets.table import Table


def quarter_of(item: OpportunityItem) -> str:
    return quarter_key(item.target_date) if item.target_date else UNDATED


class PipelineScreen(KamplanScreen):
    TITLE = "Pipeline"
    BINDINGS = [
        Binding("escape", "back", "Back", id="pipeline.back"),
        Binding("enter", "open", "Open account", id="pipeline.open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, tuple[int, str, OpportunityItem]] = {}
        self._shown_stamp: object = None

    def compose(self) -> ComposeResult:
        yield Static(id="pipeline-summary-all")
        with VerticalScroll(id="portfolio-pipeline"):
            yield BarChart(id="pipeline-quarters", empty="no open opportunity in the live accounts")
            yield Static("Open opportunities, by quarter and factored value", classes="section-title")
            yield Table(id="pipeline-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="pipeline-detail")
        yield KeyBar()

    def on_screen_resume(self) -> None:
        if self.kamplan.plan_stamp() != self._shown_stamp:
            self.reload()

    def plan_changed(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read every live account's opportunities in a worker (a heavy portfolio takes a few frames)."""
        self._shown_stamp = self.kamplan.plan_stamp()
        if not self.query_one("#pipeline-quarters", BarChart).bars:
            waiting = Text("Reading the pipeline …", style="dim")
            self.query_one("#pipeline-summary-all", Static).update(waiting)
        self._read()

    @work(thread=True, exclusive=True, group="pipeline")
    def _read(self) -> None:
        try:
            found = self.store.portfolio_opportunities()
        except KamplanError as error:
            said = str(error)
            self.app.call_from_thread(self.notify, said, title="Not read", severity="error", markup=False)
            return
        self.app.call_from_thread(self._show, found)

    def _show(self, everything: list[tuple[int, str, str, OpportunityItem]]) -> None:
        if not self.is_attached:
            return
        found = [(aid, name, item) for aid, name, _, item in everything if item.is_open]
        items = [
            planning.PipelineItem(item.value, item.probability, item.status, item.target_date)
            for _, _, item in found
        ]
        quarters = planning.pipeline_by_quarter(items)
        flagged = {q: sum(1 for _, _, i in found if i.optimism and quarter_of(i) == q) for q in quarters}
        bars = []
        for quarter, value in quarters.items():
            notes: tuple[Text, ...] = ()
            if flagged[quarter]:
                notes = (Text(f"⚠ {flagged[quarter]} optimistic", style="bold yellow"),)
            count = sum(1 for _, _, i in found if quarter_of(i) == quarter)
            bars.append(Bar(quarter, value, f"{fmt.money(value)} · {count}", notes=notes))
        self.query_one("#pipeline-quarters", BarChart).show(bars)
        total = planning.factored_value(items)
        text = Text("Pipeline ", style="bold")
        text.append(fmt.money(total), style="bold")
        accounts = {aid for aid, _, _ in found}
        text.append(f" factored from {len(found)} open opportunities at {len(accounts)} accounts")
        text.append(" · value × probability, by quarter of the target date", style="dim")
        optimistic = sum(flagged.values())
        if optimistic:
            said = f"\n⚠ {optimistic} optimistic: a probability the vote or the qualification does not back"
            text.append(said, style="bold yellow")
        self.query_one("#pipeline-summary-all", Static).update(fmt.visible(text))
        self._fill(found)

    def _fill(self, found: list[tuple[int, str, OpportunityItem]]) -> None:
        table = self.query_one("#pipeline-table", Table)
        width = self.app.size.width
        table.clear(columns=True)
        account_width = 14 if width < fmt.NARROW_WIDTH else 24
        title_width = max(12, width - 8 - account_width - 8 - 5 - 2 - 6 * 2 - 4)
        for label, key, size in (("Quarter", "quarter", 8), ("Account", "account", account_width),
                                 ("Opportunity", "title", title_width), ("Factored", "factored", 8),
                                 ("Prob", "prob", 5), ("", "flag", 2)):  # fmt: skip
            table.add_column(label, key=key, width=size)

        def order(row: tuple[int, str, OpportunityItem]) -> tuple[object, ...]:
            item = row[2]
            return (quarter_of(item) == UNDATED, quarter_of(item), -factored(item), row[1].casefold())

        self.rows = {}
        for aid, name, item in sorted(found, key=order):
            key = f"{aid}:{item.id}"
            self.rows[key] = (aid, name, item)
            table.add_row(
                quarter_of(item),
                fmt.first_line(name, account_width),
                fmt.first_line(f"#{item.number} {item.title}", title_width),
                fmt.money(factored(item)),
                fmt.DASH if item.probability is None else f"{item.probability} %",
                Text("⚠", style="bold yellow") if item.optimism else "",
                key=key,
            )
        table.focus()
        self._show_detail()

    @on(DataTable.RowHighlighted, "#pipeline-table")
    def _highlighted(self) -> None:
        self._show_detail()

    def current(self) -> tuple[int, str, OpportunityItem] | None:
        table = self.query_one("#pipeline-table", Table)
        if table.row_count == 0:
            return None
        return self.rows.get(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")

    def _show_detail(self) -> None:
        found = self.current()
        detail = self.query_one("#pipeline-detail", Static)
        if found is None:
            detail.update(Text("No open opportunity: add one in an account's plan (3, v).", style="dim"))
            return
        _, name, item = found
        text = Text(f"{name}: ", style="bold")
        text.append(f"#{item.number} {item.title}")
        text.append(f"\n{fmt.money(item.value)} × {item.probability or 0} % · vote today ")
        text.append_text(fmt.verdict(item.vote.verdict))
        text.append(f" · qualification {item.qualification_score}")
        if item.optimism:
            text.append(f"\n⚠ optimistic: {item.optimism}", style="bold yellow")
        detail.update(fmt.visible(text))

    @on(DataTable.RowSelected, "#pipeline-table")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        found = self.current()
        if found is not None:
            self.kamplan.open_account(found[0])


def factored(item: OpportunityItem) -> float:
    return planning.factored_value(
        [planning.PipelineItem(item.value, item.probability, "open", item.target_date)]
    )
