"""Plan: the outcomes we target and the activity that produces them."""

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from kamplan.screens.account.section import Section
from kamplan.widgets import format as fmt
from kamplan.widgets.table import Table


class PlanSection(Section):
    def compose(self) -> ComposeResult:
        yield Static("Opportunities", classes="section-title")
        yield Table(id="opportunities", cursor_type="row", zebra_stripes=True)
        yield Static("Activity: overdue and coming, then the latest done", classes="section-title")
        yield Table(id="activities", cursor_type="row", zebra_stripes=True)

    def load(self) -> None:
        currency = self.context.currency
        narrow = self.narrow
        title_width = max(16, min(40, self.app.size.width - 82))  # what the other wide columns leave
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
                    fmt.first_line(o.title, title_width),
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
        # The objective takes what the other columns leave, so the status stays in view.
        objective_width = max(10, min(60, self.app.size.width - (61 if narrow else 77)))
        for a in self.store.activities(self.account_id, self.today):
            acts.add_row(
                Text(
                    fmt.short_day(a.date) if narrow else fmt.day(a.date),
                    style="bold red" if a.overdue else "",
                ),
                fmt.words(a.type),
                fmt.first_line(a.people, 14 if narrow else 24),
                fmt.first_line(a.objective, objective_width),
                Text("overdue", style="bold red") if a.overdue else a.status,
                key=str(a.id),
            )
