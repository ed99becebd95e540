"""Stakeholders: who decides, their weight, whether they are for or against us, and who on our side owns
each relationship. Four views of one map, `v` to switch: the list, the decision-making grid, the org chart
and our account team. The highlighted person's details stay in view below."""

from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, Tree

from kamplan import planning
from kamplan.enums import Confidence, RelationshipLevel, Role
from kamplan.errors import FieldProblems, KamplanError
from kamplan.interchange.contact_report import contact_report_lines
from kamplan.screens.account.section import Section
from kamplan.store.people import Member, Person
from kamplan.widgets import format as fmt
from kamplan.widgets.decision_grid import DecisionGrid, GridPerson
from kamplan.widgets.dialogs import ConfirmDialog, PreviewDialog
from kamplan.widgets.editable_list import Column, EditableList, Row
from kamplan.widgets.form import (
    FormField,
    FormSpec,
    Kind,
    Option,
    RecordForm,
    choices,
    influence_field,
    support_field,
)
from kamplan.widgets.guard import attempt, guarded
from kamplan.widgets.org_chart import OrgChart, OrgPerson

WIDE_FROM = 110  # columns; below, the title is left out of the list
STALE_DAYS = planning.STALE_CONTACT_DAYS
VIEWS = ("list", "grid", "org", "team")
VIEW_NAMES = {"list": "people", "grid": "grid", "org": "org chart", "team": "our team"}
ROLE_OPTIONS = choices(list(Role))
LEVEL_OPTIONS = (
    Option(RelationshipLevel.VENDOR, "vendor", "v"),
    Option(RelationshipLevel.CREDIBLE_SOURCE, "credible source", "c"),
    Option(RelationshipLevel.PROBLEM_SOLVER, "problem solver", "p"),
    Option(RelationshipLevel.TRUSTED_ADVISOR, "trusted advisor", "t"),
)
SHORT_ROLES = {str(Role.TECHNICAL_EVALUATOR): "tech evaluator"}
LEVEL_RANK = {option.value: rank for rank, option in enumerate(LEVEL_OPTIONS)}
CONFIDENCE_OPTIONS = (
    Option(Confidence.CONFIRMED, "confirmed", "c"),
    Option(Confidence.ASSUMED, "assumed", "a"),
)
LONG_TEXTS = (
    ("needs", "Needs", "what the business needs from us (logical)"),
    ("wants", "Wants", "what they want for themselves (emotional)"),
    ("declared_agenda", "Declared agenda", ""),
    ("personal_agenda", "Personal agenda", ""),
    ("plan", "Plan for this person", "convert, neutralise or build on, and how"),
)


NOBODY = Text("nobody", style="bold red")


def needs_attention(person: Person, today: date) -> str:
    """Why a high-influence person needs a look ('' when they do not)."""
    if person.influence is None or person.influence < planning.HIGH_INFLUENCE:
        return ""
    if person.owner_id is None:
        return "no owner on our side"
    if person.last_contact is None or (today - person.last_contact).days > STALE_DAYS:
        return f"not contacted for {STALE_DAYS} days"
    return ""


def days_since(day: date | None, today: date) -> str:
    if day is None:
        return "never"
    days = (today - day).days
    return "today" if days == 0 else f"{days}d ago" if days > 0 else f"in {-days}d"


def person_form(
    title: str, everyone: list[Person], team: list[Member], person: Person | None, today: date
) -> FormSpec:
    others = tuple(
        Option(p.id, p.name, detail=p.title) for p in everyone if person is None or p.id != person.id
    )
    owners = tuple(Option(t.id, t.name, detail=t.function) for t in team)
    fields = [
        FormField("name", "Name", required=True),
        FormField("title", "Title"),
        FormField("department", "Department"),
        FormField("email", "Email"),
        FormField("phone", "Phone"),
        FormField("role", "Decision role", Kind.CHOICE, options=ROLE_OPTIONS),
        influence_field("influence", hint="1 notional … 5 decisive; ⌫ not yet rated"),
        support_field("support", hint="⌫ not yet rated"),
        FormField("confidence", "Ratings are", Kind.CHOICE, "how sure you are of both", True,
                  CONFIDENCE_OPTIONS),
        FormField("source", "Rated from", hint="where the ratings come from: a meeting, a coach, a guess"),
        FormField("reports_to_id", "Reports to", Kind.REFERENCE, options=others),
        FormField("owner_id", "Owner on our side", Kind.REFERENCE, options=owners,
                  hint="one of our account team (add them under v: our team)" if owners else
                  "add our people first: v until 'our team', then a"),
        FormField("relationship_level", "Relationship now", Kind.CHOICE, options=LEVEL_OPTIONS),
        FormField("relationship_wanted", "Relationship wanted", Kind.CHOICE, options=LEVEL_OPTIONS),
        FormField("last_contact", "Last contact", Kind.DATE),
        FormField("listens_to", "Listens to", Kind.REFERENCES, options=others,
                  hint="people outside the reporting line they take advice from; commas between"),
        *(FormField(name, label, Kind.LONG_TEXT, hint) for name, label, hint in LONG_TEXTS),
    ]  # fmt: skip
    return FormSpec(title, tuple(fields), focus="name", today=today)


def detail(person: Person, today: date) -> Text:
    """Everything about one person that the list has no room for (the plan's text shown: fmt.shown)."""
    text = Text()
    text.append(fmt.shown(person.name), style="bold")
    where = ", ".join(part for part in (person.title, person.department) if part)
    if where:
        text.append(f"  {fmt.shown(where)}")
    if person.reports_to:
        text.append(f"  · reports to {fmt.shown(person.reports_to)}", style="dim")
    contact = "  ".join(part for part in (person.email, person.phone) if part)
    if contact:
        text.append(f"  · {fmt.shown(contact)}", style="dim")
    text.append("\n")
    text.append_text(fmt.grid(person.grid))
    text.append(
        f" · influence {fmt.integer(person.influence)} · support {fmt.support(person.support)}"
        f" · {person.confidence}" + (f" ({fmt.shown(person.source)})" if person.source else ""),
        style="italic" if not person.confirmed else "",
    )
    text.append("\n")
    text.append("Owner ", style="bold")
    text.append(fmt.shown(person.owner or "nobody"), style="" if person.owner else "bold red")
    text.append(f" · relationship {fmt.words(person.relationship_level) or '?'}")
    text.append(f" → {fmt.words(person.relationship_wanted) or '?'}")
    text.append(
        f" · last contact {fmt.day(person.last_contact)} ({days_since(person.last_contact, today)})\n"
    )
    for name, label, _ in LONG_TEXTS:
        value = getattr(person, name)
        if value or name == "plan":
            text.append(f"{label}: ", style="bold")
            text.append(fmt.shown(" ".join(value.split())) or "none yet", style="" if value else "bold red")
            text.append("\n")
    if person.listens_to:
        text.append("Listens to: ", style="bold")
        text.append(fmt.shown(", ".join(name for _, name in person.listens_to)) + "\n")
    return text


class PeopleList(EditableList):
    pass


class TeamList(EditableList):
    pass


class StakeholdersSection(Section):
    BINDINGS = [
        Binding("v", "next_view", "View", id="stakeholders.view"),
        Binding("a", "add_person", "Add", id="stakeholders.add"),
        Binding("i", "import_contacts", "Import", id="stakeholders.import"),
    ]

    view = "list"

    def compose(self) -> ComposeResult:
        yield Static(id="stakeholders-summary", classes="section-summary")
        yield Static(id="stakeholders-views", classes="section-summary")
        yield PeopleList(id="people", zebra_stripes=True, empty="nobody yet · a adds a person")
        yield DecisionGrid(id="grid")
        yield OrgChart(id="org")
        with Vertical(id="team-view"):
            yield TeamList(id="team", empty="nobody on our side yet · a adds one")
            yield Static(id="team-notes", classes="section-summary")
        yield Static(id="stakeholder-detail", classes="detail")

    def focus_first(self) -> None:
        self._view_widget().focus()

    def _view_widget(self) -> Any:
        return self.query_one({"list": "#people", "grid": "#grid", "org": "#org", "team": "#team"}[self.view])

    # Loading
    @guarded
    def load(self) -> None:
        self.people = {p.id: p for p in self.store.people(self.account_id)}
        self.members = self.store.team(self.account_id)
        self.coverage = self.store.coverage(self.account_id, self.today)
        self._show_summary()
        self._show_views()
        self._fill_people()
        self._fill_grid()
        self._fill_org()
        self._fill_team()

    def _show_summary(self) -> None:
        rated = [p for p in self.people.values() if planning.is_rated(p.influence, p.support)]
        text = Text(f"{len(self.people)} people, {len(rated)} rated · coverage ")
        text.append(fmt.percent(self.coverage.power), style="bold")
        text.append(" of their influence reached in 30 days")
        if self.coverage.comfort_zone:
            text.append(
                "\n⚠ comfort zone: most contact this month was with low-influence people", style="bold red"
            )
        self.query_one("#stakeholders-summary", Static).update(text)

    def _show_views(self) -> None:
        text = Text("v view: ", style="dim")
        for view in VIEWS:
            text.append(f" {VIEW_NAMES[view]} ", style="reverse bold" if view == self.view else "dim")
        self.query_one("#stakeholders-views", Static).update(text)
        self.query_one("#people").display = self.view == "list"
        self.query_one("#grid").display = self.view == "grid"
        self.query_one("#org").display = self.view == "org"
        self.query_one("#team-view").display = self.view == "team"
        self.query_one("#stakeholder-detail").display = self.view != "team"

    def _fill_people(self, select: int | None = None) -> None:
        today, width = self.today, self.app.size.width
        wide = width >= WIDE_FROM
        # Fixed columns: role 14, influence 1, support 2, grid 8, contact 9, each with 2 of padding; the
        # name, owner (and title when wide) share the rest, so the last contact stays in view.
        room = width - 4 - (14 + 1 + 2 + 8 + 9 + 5 * 2) - (3 if wide else 2) * 2
        title_width = room // 4 if wide else 0
        owner_width = max(6, (room - title_width) * 2 // 5)
        name_width = max(8, room - title_width - owner_width)
        columns = [Column("Name", "name", width=name_width + 2)]
        if wide:
            columns.append(Column("Title", "title", width=title_width))
        columns += [
            Column("Role", "role", width=14),
            Column("I", "influence", width=1),
            Column("S", "support", width=2),
            Column("Grid", "grid", width=8),
            Column("Owner", "owner", width=owner_width),
            Column("Contact", "contact", width=9),
        ]
        rows = []
        for p in self.people.values():
            flag = needs_attention(p, today)
            name = Text("! ", style="bold red") if flag else Text("  ")
            name.append(fmt.first_line(p.name, name_width), style="" if p.confirmed else "italic")
            owner = (
                Text(fmt.first_line(p.owner, owner_width)) if p.owner else Text("nobody", style="bold red")
            )
            cells: list[Any] = [name]
            if wide:
                cells.append(fmt.first_line(p.title, title_width))
            cells += [
                SHORT_ROLES.get(p.role or "", fmt.words(p.role)),
                fmt.integer(p.influence),
                fmt.DASH if p.support is None else f"{p.support:+d}" if p.support else "0",
                fmt.grid(p.grid),
                owner,
                days_since(p.last_contact, today),
            ]
            sort: list[Any] = [p.name.casefold()]
            if wide:
                sort.append(p.title.casefold())
            sort += [p.role, -(p.influence or 0), -(p.support or 0) if p.support is not None else None,
                     p.grid, (p.owner or "").casefold(), p.last_contact]  # fmt: skip
            search = " ".join((p.name, p.title, p.department, p.role or "", p.owner or "", p.grid))
            rows.append(Row(str(p.id), tuple(cells), tuple(sort), search))
        listing = self.query_one("#people", PeopleList)
        listing.show(columns, rows, select=None if select is None else str(select))
        self._show_detail(listing.current_key())

    def _fill_grid(self, select: int | None = None) -> None:
        people = [
            GridPerson(p.id, p.name, p.influence, p.support, p.confirmed, p.owner)
            for p in self.people.values()
        ]
        self.query_one("#grid", DecisionGrid).show(people, select)

    def _fill_org(self, select: int | None = None) -> None:
        people = [
            OrgPerson(
                p.id, p.name, p.title, p.reports_to_id, p.grid, p.owner, tuple(n for _, n in p.listens_to)
            )
            for p in self.people.values()
        ]
        self.query_one("#org", OrgChart).show(people, select)

    def _fill_team(self, select: int | None = None) -> None:
        owned_by = {m.id: m for m in self.members}
        columns = [Column("Our person", "name"), Column("Function", "function"), Column("Owns", "owns")]
        rows = []
        for member in self.members:
            people = [self.people[i] for i in member.owns if i in self.people]
            rows.append(
                Row(
                    str(member.id),
                    (member.name, member.function, f"{len(people)}: " + ", ".join(p.name for p in people[:3])
                     + (" …" if len(people) > 3 else "") if people else "nobody yet"),
                    (member.name.casefold(), member.function.casefold(), len(people)),
                )
            )  # fmt: skip
        self.query_one("#team", TeamList).show(columns, rows, select=None if select is None else str(select))
        notes = Text()
        unowned = [p for p in self.people.values() if p.owner_id is None]
        if unowned:
            text = ", ".join(("! " if needs_attention(p, self.today) else "") + p.name for p in unowned)
            notes.append("Without an owner: ", style="bold red")
            notes.append(fmt.shown(text) + "\n")
        gaps = [p for p in self.people.values() if p.owner_id in owned_by]
        if gaps:
            notes.append("Pairs, ours – theirs (are they peers?), relationship now → wanted\n", style="bold")
        for p in sorted(gaps, key=lambda p: (p.owner or "", -(p.influence or 0), p.name)):
            now, wanted = p.relationship_level, p.relationship_wanted
            short = now is not None and wanted is not None and LEVEL_RANK[wanted] > LEVEL_RANK[now]
            ours = owned_by[p.owner_id]  # type: ignore[index]
            mine = ours.name + (f" ({ours.function})" if ours.function else "")
            theirs = p.name + (f" ({p.title})" if p.title else "")
            notes.append(f"  {fmt.shown(mine)} – {fmt.shown(theirs)}: ")
            notes.append(f"{fmt.words(now) or '?'} → {fmt.words(wanted) or '?'}")
            notes.append("  gap\n" if short else "\n", style="bold yellow" if short else "")
        if not gaps and not unowned:
            notes.append("Nobody at the customer yet.", style="dim")
        self.query_one("#team-notes", Static).update(notes)

    def _show_detail(self, key: str | None) -> None:
        person = self.people.get(int(key)) if key and key.isdigit() else None
        shown = (
            detail(person, self.today) if person else Text("No stakeholders yet: a adds one.", style="dim")
        )
        self.query_one("#stakeholder-detail", Static).update(shown)

    @on(EditableList.Highlighted, "#people")
    def _highlighted(self, event: EditableList.Highlighted) -> None:
        self._show_detail(event.key)

    @on(DecisionGrid.Highlighted)
    def _grid_highlighted(self, event: DecisionGrid.Highlighted) -> None:
        self._show_detail(None if event.person_id is None else str(event.person_id))

    @on(Tree.NodeHighlighted, "#org")
    def _org_highlighted(self, event: Tree.NodeHighlighted[int]) -> None:
        if event.node.data is not None:
            self._show_detail(str(event.node.data))

    @property
    def everyone(self) -> list[Person]:
        return list(self.people.values())

    def current_person(self) -> int | None:
        """The person highlighted in the view shown."""
        if self.view == "grid":
            return self.query_one("#grid", DecisionGrid).selected_id
        if self.view == "org":
            return self.query_one("#org", OrgChart).selected_id
        key = self.query_one("#people", PeopleList).current_key()
        return int(key) if key else None

    def select_person(self, person_id: int) -> None:
        self.ensure_loaded()
        if self.view != "list":
            self.view = "list"
            self._show_views()
        self._fill_people(select=person_id)
        self.query_one("#people", PeopleList).focus()

    def action_next_view(self) -> None:
        """The next view, on the same person."""
        person = self.current_person() if self.view != "team" else None
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self._show_views()
        if person is not None and self.view == "grid":
            self.query_one("#grid", DecisionGrid).select(person)
        elif person is not None and self.view == "org":
            self.query_one("#org", OrgChart).select(person)
        elif person is not None and self.view == "list":
            self._fill_people(select=person)
        self.focus_first()
        if self.view != "team":
            self._show_detail(None if self.current_person() is None else str(self.current_person()))

    # Editing people
    def _after_change(self, select: int | None = None) -> None:
        if self.is_attached:
            select = select if select is not None else self.current_person()
            self.load()
            if select is not None:
                self._fill_people(select=select)
                self._fill_grid(select=select)
                self._fill_org(select=select)
        self.edited()

    def action_add_person(self) -> None:
        self.open_person(None)

    # The grid and the org chart
    @on(DecisionGrid.Moved)
    @guarded
    def _rating_moved(self, event: DecisionGrid.Moved) -> None:
        self.store.set_rating(event.person_id, event.influence, event.support)
        self._after_change(select=event.person_id)

    @on(DecisionGrid.Opened)
    def _grid_opened(self, event: DecisionGrid.Opened) -> None:
        self.open_person(event.person_id)

    @on(OrgChart.Opened)
    def _org_opened(self, event: OrgChart.Opened) -> None:
        self.open_person(event.person_id)

    @on(OrgChart.Reparent)
    @guarded
    def _reparent(self, event: OrgChart.Reparent) -> None:
        self.store.set_reports_to(event.person_id, event.new_manager_id)
        self._after_change(select=event.person_id)

    @on(OrgChart.ReparentRequested)
    def _choose_manager(self, event: OrgChart.ReparentRequested) -> None:
        person = self.people[event.person_id]
        others = tuple(
            Option(p.id, p.name, detail=p.title) for p in self.people.values() if p.id != person.id
        )
        field = FormField(
            "reports_to_id",
            "Reports to",
            Kind.REFERENCE,
            "empty: nobody, at the top of the chart",
            options=others,
        )
        spec = FormSpec(f"Who does {person.name} report to?", (field,), today=self.today)
        store, account_id = self.store, self.account_id

        def save(values: dict[str, Any]) -> int:
            return store.save_person(account_id, person.id, {"reports_to_id": values["reports_to_id"]})

        def saved(result: int | None) -> None:
            if result is not None:
                self._after_change(select=result)

        self.app.push_screen(RecordForm(spec, {"reports_to_id": person.reports_to_id}, save), saved)

    def open_person(self, person_id: int | None) -> None:
        everyone = list(self.people.values())
        person = self.people.get(person_id) if person_id is not None else None
        title = f"Edit {person.name}" if person else "New stakeholder"
        spec = person_form(title, everyone, self.members, person, self.today)
        values = person.values() if person else {"confidence": Confidence.ASSUMED}
        store, account_id = self.store, self.account_id

        def save(values: dict[str, Any]) -> int:
            return store.save_person(account_id, person_id, values)

        def saved(result: int | None) -> None:
            if result is not None:
                self._after_change(select=result)

        self.app.push_screen(RecordForm(spec, values, save), saved)

    @on(EditableList.Add, "#people")
    def _add_person(self, event: EditableList.Add) -> None:
        if type(event) is EditableList.Add:
            self.open_person(None)

    @on(EditableList.Edit, "#people")
    def _edit_person(self, event: EditableList.Edit) -> None:
        if type(event) is EditableList.Edit:
            self.open_person(int(event.key))

    @on(EditableList.Delete, "#people")
    def _delete_person(self, event: EditableList.Delete) -> None:
        person = self.people[int(event.key)]

        def confirmed(yes: bool | None) -> None:
            if yes and attempt(self, lambda: self.store.delete_person(person.id)):
                self._after_change()

        self.app.push_screen(
            ConfirmDialog(f"Remove {person.name} from the map? Their links go with them (u undoes it)."),
            confirmed,
        )

    # Our team
    @on(EditableList.Add, "#team")
    def _add_member(self, event: EditableList.Add) -> None:
        if type(event) is EditableList.Add:
            self._member_form(None)

    @on(EditableList.Edit, "#team")
    def _edit_member(self, event: EditableList.Edit) -> None:
        if type(event) is EditableList.Edit:
            self._member_form(int(event.key))

    def _member_form(self, member_id: int | None) -> None:
        member = next((m for m in self.members if m.id == member_id), None)
        spec = FormSpec(
            f"Edit {member.name}" if member else "New member of our account team",
            (
                FormField("name", "Name", required=True),
                FormField("function", "Function", hint="sales, service, finance, product, executive, …"),
            ),
            today=self.today,
        )
        store, account_id = self.store, self.account_id

        def save(values: dict[str, Any]) -> int:
            return store.save_member(account_id, member_id, values["name"], values["function"])

        def saved(result: int | None) -> None:
            if result is not None and self.is_attached:
                self.load()
                self._fill_team(select=result)
                self.edited()

        values = {"name": member.name, "function": member.function} if member else {}
        self.app.push_screen(RecordForm(spec, values, save), saved)

    @on(EditableList.Delete, "#team")
    def _delete_member(self, event: EditableList.Delete) -> None:
        member = next(m for m in self.members if m.id == int(event.key))
        owns = f" The {len(member.owns)} people they own will have no owner." if member.owns else ""

        def confirmed(yes: bool | None) -> None:
            if yes and attempt(self, lambda: self.store.delete_member(member.id)):
                self._after_change()

        self.app.push_screen(
            ConfirmDialog(f"Remove {member.name} from our team?{owns} (u undoes it)"), confirmed
        )

    # Contacts from a file
    def action_import_contacts(self) -> None:
        """Ask for a file (LinkedIn, Salesforce, HubSpot, vCard or any CSV), show what importing it
        would do, and only then write it."""
        from kamplan.interchange.contacts import read_contacts

        store, account_id, today = self.store, self.account_id, self.today
        field = FormField(
            "file", "File", Kind.FILE, "LinkedIn Connections.csv, a CRM export, a vCard file or any CSV"
        )
        spec = FormSpec("Import stakeholders from a file", (field,), today=today)

        def read(values: dict[str, Any]) -> tuple[object, object, str]:
            try:
                parsed = read_contacts(values["file"])
            except KamplanError as error:
                raise FieldProblems({"file": str(error)}) from None
            return parsed, store.preview_contacts(account_id, parsed, today), values["file"].name

        def preview(result: tuple[Any, Any, str] | None) -> None:
            if result is None:
                return
            parsed, report, name = result
            action = f"add {len(report.added)} {'person' if len(report.added) == 1 else 'people'}"
            text = "\n".join(contact_report_lines(report, name))

            def answered(yes: bool | None) -> None:
                if yes:
                    self._import(parsed)

            self.app.push_screen(
                PreviewDialog("Import stakeholders", text, action if report.added else ""), answered
            )

        self.app.push_screen(RecordForm(spec, {}, read), preview)

    @guarded
    def _import(self, parsed: Any) -> None:
        report = self.store.import_contacts(self.account_id, parsed, self.today)
        added = len(report.added)
        self.notify(
            f"added {added} {'person' if added == 1 else 'people'} from the file, unrated: "
            "place them on the grid (v) · u undoes the import",
            markup=False,
        )
        self._after_change()
