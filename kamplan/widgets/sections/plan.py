"""Plan: the outcomes we target and the activity that produces them."""

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from kamplan.widgets import format as fmt
from kamplan.widgets.sections.base import Section


class PlanSection(Section):
    def compose(self) -> ComposeResult:
        yield Static("Opportunities", classes="section-title")
        yield DataTable(id="opportunities", cursor_type="row", zebra_stripes=True)
        yield Static("Activity: overdue and coming, then the latest done", classes="section-title")
        yield DataTable(id="activities", cursor_type="row", zebra_stripes=True)

    def load(self) -> None:
        currency = self.account_screen.currency
        opps = self.query_one("#opportunities", DataTable)
        opps.clear(columns=True)
        opps.add_columns("Opportunity", "Kind", "Value", "Prob", "Stage", "Status", "Vote", "Qual")
        for o in self.store.opportunities(self.account_id):
            status = fmt.words(o.status)
            opps.add_row(
                fmt.first_line(o.title, 34),
                fmt.words(o.kind),
                fmt.money(o.value, currency),
                "–" if o.probability is None else f"{o.probability} %",
                fmt.first_line(o.stage, 14),
                Text(status + (" ⚠" if o.optimism else ""), style="yellow" if o.optimism else ""),
                fmt.verdict(o.vote.verdict),
                str(o.qualification_score),
                key=str(o.id),
            )
        acts = self.query_one("#activities", DataTable)
        acts.clear(columns=True)
        acts.add_columns("Date", "Type", "With", "Objective", "Status")
        today = self.today
        for a in self.store.activities(self.account_id, today):
            overdue = a.status == "planned" and a.date < today
            acts.add_row(
                Text(fmt.day(a.date), style="bold red" if overdue else ""),
                fmt.words(a.type),
                fmt.first_line(a.people, 24),
                fmt.first_line(a.objective, 40),
                Text("overdue", style="bold red") if overdue else a.status,
                key=str(a.id),
            )
