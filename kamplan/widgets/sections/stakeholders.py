"""Stakeholders: who decides, their weight, and whether they are for or against us."""

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from kamplan.store.account_view import StakeholderRow
from kamplan.widgets import format as fmt
from kamplan.widgets.sections.base import Section


class StakeholdersSection(Section):
    def compose(self) -> ComposeResult:
        yield Static(id="stakeholders-summary", classes="section-summary")
        yield DataTable(id="stakeholders", cursor_type="row", zebra_stripes=True)
        yield Static(id="stakeholder-detail", classes="detail")

    def load(self) -> None:
        self.people = {p.id: p for p in self.store.stakeholders(self.account_id)}
        coverage = self.store.power_coverage(self.account_id, self.today)
        rated = [p for p in self.people.values() if p.influence is not None and p.support is not None]
        self.query_one("#stakeholders-summary", Static).update(
            f"{len(self.people)} people, {len(rated)} rated · power coverage "
            f"{fmt.percent(coverage)} of their influence reached in the last 30 days"
        )
        table = self.query_one("#stakeholders", DataTable)
        table.clear(columns=True)
        table.add_columns("Name", "Title", "Role", "Infl", "Support", "Grid", "Owner", "Last contact")
        for p in self.people.values():
            table.add_row(
                p.name,
                fmt.first_line(p.title, 26),
                fmt.words(p.role),
                fmt.integer(p.influence),
                fmt.support(p.support),
                fmt.grid(p.grid),
                p.owner or Text("nobody", style="bold red"),
                fmt.day(p.last_contact),
                key=str(p.id),
            )
        if not self.people:
            self.query_one("#stakeholder-detail", Static).update("No stakeholders yet.")

    def select_person(self, person_id: int) -> None:
        self.ensure_loaded()
        table = self.query_one("#stakeholders", DataTable)
        table.move_cursor(row=table.get_row_index(str(person_id)))
        table.focus()

    @on(DataTable.RowHighlighted, "#stakeholders")
    def _show_detail(self, event: DataTable.RowHighlighted) -> None:
        person = self.people.get(int(event.row_key.value or 0))
        if person is not None:
            self.query_one("#stakeholder-detail", Static).update(_detail(person))


def _detail(p: StakeholderRow) -> Text:
    text = Text()
    text.append(p.name, style="bold")
    text.append(f"  {p.title}" + (f", {p.department}" if p.department else ""))
    if p.reports_to:
        text.append(f"  · reports to {p.reports_to}", style="dim")
    text.append("\n")
    text.append(f"{p.grid} · ratings {'confirmed' if p.confirmed else 'assumed'}\n", style="italic")
    text.append("Plan: ", style="bold")
    text.append((p.plan or "none yet") + "\n", style="" if p.plan else "bold red")
    return text
