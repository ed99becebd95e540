"""Plan: the outcomes we target and the activity that produces them."""

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from kamplan.widgets import format as fmt
from kamplan.widgets.sections.base import Section
from kamplan.widgets.table import Table


class PlanSection(Section):
    def compose(self) -> ComposeResult:
        yield Static("Opportunities", classes="section-title")
        yield Table(id="opportunities", cursor_type="row", zebra_stripes=True)
        yield Static("Activity: overdue and coming, then the latest done", classes="section-title")
        yield Table(id="activities", cursor_type="row", zebra_stripes=True)

    def load(self) -> None:
        currency = self.account_screen.currency
        narrow = self.narrow
        opps = self.query_one("#opportunities", DataTable)
        opps.clear(columns=True)
        if narrow:
            opps.add_columns("Opportunity", "Value", "Prob", "Status", "Vote", "Qual")
        else:
            opps.add_columns("Opportunity", "Kind", "Value", "Prob", "Stage", "Status", "Vote", "Qual")
        for o in self.store.opportunities(self.account_id):
            status = Text(
                fmt.words(o.status) + (" ⚠" if o.optimism else ""), style="yellow" if o.optimism else ""
            )
            probability = "–" if o.probability is None else f"{o.probability} %"
            if narrow:
                cells = [
                    fmt.first_line(o.title, 26),
                    fmt.money(o.value),
                    probability,
                    status,
                    fmt.verdict(o.vote.verdict),
                    str(o.qualification_score),
                ]
            else:
                cells = [
                    fmt.first_line(o.title, 34),
                    fmt.words(o.kind),
                    fmt.money(o.value, currency),
                    probability,
                    fmt.first_line(o.stage, 14),
                    status,
                    fmt.verdict(o.vote.verdict),
                    str(o.qualification_score),
                ]
            opps.add_row(*cells, key=str(o.id))
        acts = self.query_one("#activities", DataTable)
        acts.clear(columns=True)
        acts.add_columns("Date", "Type", "With", "Objective", "Status")
        today = self.today
        for a in self.store.activities(self.account_id, today):
            overdue = a.status == "planned" and a.date < today
            acts.add_row(
                Text(
                    fmt.short_day(a.date) if narrow else fmt.day(a.date), style="bold red" if overdue else ""
                ),
                fmt.words(a.type),
                fmt.first_line(a.people, 14 if narrow else 24),
                fmt.first_line(a.objective, 20 if narrow else 50),
                Text("overdue", style="bold red") if overdue else a.status,
                key=str(a.id),
            )
