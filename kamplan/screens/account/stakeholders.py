"""Stakeholders: who decides, their weight, and whether they are for or against us."""

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from kamplan import planning
from kamplan.screens.account.section import Section
from kamplan.store.account_view import StakeholderRow
from kamplan.widgets import format as fmt
from kamplan.widgets.table import Table

WIDE_FROM = 130  # columns; below, the title is left out and the ratings are shown as numbers


class StakeholdersSection(Section):
    def compose(self) -> ComposeResult:
        yield Static(id="stakeholders-summary", classes="section-summary")
        yield Table(id="stakeholder-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="stakeholder-detail", classes="detail")

    def load(self) -> None:
        self.people = {p.id: p for p in self.store.stakeholders(self.account_id)}
        coverage = self.store.power_coverage(self.account_id, self.today)
        rated = [p for p in self.people.values() if planning.is_rated(p.influence, p.support)]
        self.query_one("#stakeholders-summary", Static).update(
            f"{len(self.people)} people, {len(rated)} rated · power coverage "
            f"{fmt.percent(coverage)} of their influence reached in the last 30 days"
        )
        table = self.query_one("#stakeholder-table", DataTable)
        table.clear(columns=True)
        # Names, titles and owners share what the other columns leave, so the last contact stays in view.
        width = self.app.size.width
        wide = width >= WIDE_FROM
        if wide:
            room = width - 76
            name_width, title_width = min(34, room * 2 // 5), min(30, room * 7 // 20)
            owner_width = min(30, room - name_width - title_width)
            table.add_columns("Name", "Title", "Role", "Infl", "Support", "Grid", "Owner", "Last contact")
        else:
            room = width - 54
            name_width, title_width = min(34, room * 11 // 20), 0
            owner_width = min(30, room - name_width)
            table.add_columns("Name", "Role", "I", "S", "Grid", "Owner", "Contact")
        for p in self.people.values():
            owner = fmt.first_line(p.owner, owner_width) if p.owner else Text("nobody", style="bold red")
            if wide:
                cells = [
                    fmt.first_line(p.name, name_width),
                    fmt.first_line(p.title, title_width),
                    fmt.words(p.role),
                    fmt.integer(p.influence),
                    fmt.support(p.support),
                    fmt.grid(p.grid),
                    owner,
                    fmt.day(p.last_contact),
                ]
            else:
                cells = [
                    fmt.first_line(p.name, name_width),
                    fmt.words(p.role),
                    fmt.integer(p.influence),
                    fmt.DASH if p.support is None else f"{p.support:+d}" if p.support else "0",
                    fmt.grid(p.grid),
                    owner,
                    fmt.short_day(p.last_contact),
                ]
            table.add_row(*cells, key=str(p.id))
        if not self.people:
            self.query_one("#stakeholder-detail", Static).update("No stakeholders yet.")

    def select_person(self, person_id: int) -> None:
        self.ensure_loaded()
        table = self.query_one("#stakeholder-table", DataTable)
        table.move_cursor(row=table.get_row_index(str(person_id)))
        table.focus()

    @on(DataTable.RowHighlighted, "#stakeholder-table")
    def _show_detail(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value if event.row_key is not None else None  # None: the table was emptied
        person = self.people.get(int(key or 0))
        if person is not None:
            self.query_one("#stakeholder-detail", Static).update(_detail(person))


def _detail(p: StakeholderRow) -> Text:
    text = Text()
    text.append(p.name, style="bold")
    text.append(f"  {p.title}" + (f", {p.department}" if p.department else ""))
    if p.reports_to:
        text.append(f"  · reports to {p.reports_to}", style="dim")
    text.append("\n")
    text.append(
        f"{p.grid} · influence {fmt.integer(p.influence)} · support {fmt.support(p.support)}"
        f" · ratings {'confirmed' if p.confirmed else 'assumed'}\n",
        style="italic",
    )
    text.append("Plan: ", style="bold")
    text.append((p.plan or "none yet") + "\n", style="" if p.plan else "bold red")
    return text
