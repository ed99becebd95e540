"""Plan: the outcomes we target and the activity that produces them. Five views of the plan, `v` to go
round them: the activities (first: the week's work), the opportunities, the pipeline by quarter, the targets
and funnel, and the competitors. The highlighted row's details stay in view below."""

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from kamplan import planning
from kamplan.enums import ActivityType, OpportunityStatus
from kamplan.screens import activity_actions as acts
from kamplan.screens.account.plan_parts import (
    CLOSING_OPTIONS,
    KIND_OPTIONS,
    STATUS_OPTIONS,
    STATUS_STYLE,
    THREAT_OPTIONS,
    TYPE_OPTIONS,
    PlanList,
    funnel_summary,
    per_week,
    percent,
    pipeline_bars,
    short_type,
    spark,
)
from kamplan.screens.account.section import Section
from kamplan.screens.exporting import ask_export, file_stem
from kamplan.store.activities import ActivityItem
from kamplan.store.opportunities import CompetitorItem, OpportunityItem
from kamplan.widgets import format as fmt
from kamplan.widgets.bar_chart import BarChart
from kamplan.widgets.dialogs import ConfirmDialog
from kamplan.widgets.editable_list import Column, EditableList, Row
from kamplan.widgets.form import FormField, FormSpec, Kind, Option, RecordForm
from kamplan.widgets.guard import attempt, guarded

VIEWS = ("activities", "opportunities", "pipeline", "funnel", "competitors")
VIEW_NAMES = {"funnel": "targets & funnel"}
ACTIVITY_TITLE = "Activity: overdue and coming, then the latest done"


class PlanSection(Section):
    BINDINGS = [
        Binding("v", "view(1)", "View", id="plan.view"),
        Binding("V", "view(-1)", "Previous view", id="plan.view_back", show=False),
        Binding("d", "done", "Done", id="plan.done"),
        Binding("m", "move", "Move", id="plan.move"),
        Binding("c", "cancel", "Cancel", id="plan.cancel"),
        Binding("c", "close", "Close", id="plan.close"),
        Binding("A", "full_form", "Plan in the full form", id="plan.full_form", show=False),
        Binding("E", "export", "Export ICS/CSV", id="plan.export", show=False),
    ]

    view = "activities"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fresh: set[str] = set()
        self.activities: dict[int, ActivityItem] = {}
        self.opportunities: dict[int, OpportunityItem] = {}
        self.competitors: dict[int, CompetitorItem] = {}
        self.steps: dict[str, planning.FunnelStep] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="plan-views", classes="section-summary")
        with Vertical(id="plan-activities", classes="plan-view"):
            yield Static(ACTIVITY_TITLE, id="activities-title", classes="section-title")
            yield PlanList(
                id="activities", zebra_stripes=True, empty="nothing planned yet · a plans an activity"
            )
        with Vertical(id="plan-opportunities", classes="plan-view"):
            yield Static(id="opportunities-summary", classes="section-summary")
            yield PlanList(id="opportunities", zebra_stripes=True, empty="no opportunity yet · a adds one")
        with Vertical(id="plan-pipeline", classes="plan-view"):
            yield Static(id="pipeline-summary", classes="section-summary")
            yield BarChart(id="pipeline-chart", empty="no open opportunity with a target date yet")
        with Vertical(id="plan-funnel", classes="plan-view"):
            yield Static(id="funnel-summary", classes="section-summary")
            yield PlanList(id="targets", can_add=False, sortable=False)
        with Vertical(id="plan-competitors", classes="plan-view"):
            yield PlanList(id="competitors", zebra_stripes=True, empty="no competitor yet · a adds one")
        yield Static(id="plan-detail", classes="detail")

    # Views
    def focus_first(self) -> None:
        self._main().focus()

    def _main(self) -> Any:
        if self.view == "pipeline":
            return self.query_one("#pipeline-chart")
        return self.query_one(f"#{'targets' if self.view == 'funnel' else self.view}", PlanList)

    def _show_views(self) -> None:
        text = Text("v view: ", style="dim")
        for view in VIEWS:
            text.append(
                f" {VIEW_NAMES.get(view, view)} ", style="reverse bold" if view == self.view else "dim"
            )
        self.query_one("#plan-views", Static).update(text)
        for view in VIEWS:
            self.query_one(f"#plan-{view}").display = view == self.view

    def action_view(self, step: int) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + step) % len(VIEWS)]
        self._show_views()
        self._load_view()
        self.focus_first()
        self.refresh_bindings()

    def show_activity(self, activity_id: int) -> None:
        """Go to the activities and put the cursor on this one (from the week view)."""
        self.ensure_loaded()
        if self.view != "activities":
            self.view = "activities"
            self._show_views()
        self._load_view(select=str(activity_id))
        self.focus_first()

    # Loading
    def load(self) -> None:
        self.fresh.clear()
        self._show_views()
        self._load_view()

    @guarded
    def _load_view(self, select: str | None = None) -> None:
        view = self.view
        if view in self.fresh and select is None:
            self._show_detail()
            return
        {
            "activities": self._fill_activities,
            "opportunities": self._fill_opportunities,
            "pipeline": self._fill_pipeline,
            "funnel": self._fill_funnel,
            "competitors": self._fill_competitors,
        }[view](select)
        self.fresh.add(view)
        self._show_detail()

    def _after_change(self, select: int | str | None = None) -> None:
        """Something was saved from this section: redraw the view, and tell the screen."""
        if self.is_attached:
            self.fresh.clear()
            self._load_view(select=None if select is None else str(select))
        self.edited()

    def _current(self) -> str | None:
        main = self._main()
        return main.current_key() if isinstance(main, PlanList) else None

    # Activities
    def _fill_activities(self, select: str | None) -> None:
        today, narrow, width = self.today, self.narrow, self.app.size.width
        include = int(select) if select and select.isdigit() else None
        items = self.store.plan_activities(self.account_id, today, include)
        self.activities = {a.id: a for a in items}
        with_width = 15 if narrow else 24
        type_width = 8 if narrow else 18
        fixed = 11 + type_width + with_width + 2 + 9
        # The objective takes what the others leave (each column has a cell of padding either side; the
        # section has its scrollbar), so the status stays in view.
        objective_width = max(10, min(70, width - fixed - 6 * 2 - 4))
        columns = [
            Column("Date", "date", width=11),
            Column("Type", "type", width=type_width),
            Column("With", "with", width=with_width),
            Column("#", "opportunity", width=2),
            Column("Objective", "objective", width=objective_width),
            Column("Status", "status", width=9),
        ]
        rows = []
        for a in items:
            late = a.overdue(today)
            rows.append(
                Row(
                    str(a.id),
                    (
                        Text(
                            f"{a.date:%a %d %b}", style="bold red" if late else "dim" if not a.planned else ""
                        ),
                        short_type(a.type, narrow),
                        fmt.first_line(a.names or fmt.DASH, with_width),
                        f"#{a.opportunity_number}" if a.opportunity_number else "",
                        fmt.first_line(a.objective, objective_width),
                        acts.status_text(a.status, late),
                    ),
                    (
                        a.date,
                        a.type,
                        a.names.casefold(),
                        a.opportunity_number,
                        a.objective.casefold(),
                        a.status,
                    ),
                    " ".join((a.type, a.names, a.objective, a.outcome, a.status, a.opportunity or "")),
                )
            )
        listing = self.query_one("#activities", PlanList)
        listing.show(columns, rows, select=select)
        overdue = sum(1 for a in items if a.overdue(today))
        coming = sum(1 for a in items if a.planned and not a.overdue(today))
        title = Text(ACTIVITY_TITLE)
        title.append(f" · {coming} coming", style="dim")
        if overdue:
            title.append(f" · {overdue} overdue", style="bold red")
        self.query_one("#activities-title", Static).update(fmt.visible(title))

    def _activity_detail(self, a: ActivityItem) -> Text:
        text = Text()
        text.append(f"{fmt.words(a.type).capitalize()}", style="bold")
        text.append(f" with {a.names}" if a.names else " with nobody at the customer")
        text.append(f" · {a.date:%a} {a.date.day} {a.date:%b}")
        text.append_text(Text(" · ") + acts.status_text(a.status, a.overdue(self.today)))
        text.append("\nObjective: ", style="bold")
        text.append(a.objective or "none yet", style="" if a.objective else "dim")
        if a.outcome or a.status == "done":
            text.append("\nOutcome: ", style="bold")
            text.append(" ".join(a.outcome.split()) or "none written", style="" if a.outcome else "dim")
        context = []
        if a.opportunity_number:
            context.append(f"for #{a.opportunity_number} {fmt.first_line(a.opportunity or '', 40)}")
        if a.owner:
            context.append(f"owner {a.owner}")
        if context:
            joined = " · ".join(context)
            text.append(f"\n{joined[:1].upper()}{joined[1:]}", style="dim")
        return text

    def _selected_activity(self) -> ActivityItem | None:
        key = self.query_one("#activities", PlanList).current_key()
        return self.activities.get(int(key)) if key else None

    @on(EditableList.Add, "#activities")
    def _quick_add(self, event: EditableList.Add) -> None:
        if type(event) is EditableList.Add:
            acts.quick_add_line(self, self.store, self.account_id, self.today, self._activity_saved)

    def action_full_form(self) -> None:
        acts.edit_activity(self, self.store, self.account_id, None, self.today, self._activity_saved)

    @on(EditableList.Edit, "#activities")
    def _edit_activity(self, event: EditableList.Edit) -> None:
        if type(event) is EditableList.Edit:
            acts.edit_activity(
                self, self.store, self.account_id, int(event.key), self.today, self._activity_saved
            )

    @on(EditableList.Delete, "#activities")
    def _delete_activity(self, event: EditableList.Delete) -> None:
        a = self.activities.get(int(event.key))
        if a is not None:
            acts.ask_delete(self, self.store, a.id, self._words(a), self._activity_saved)

    def _activity_saved(self, activity_id: int) -> None:
        self._after_change(select=activity_id)

    @staticmethod
    def _words(a: ActivityItem) -> str:
        return acts.activity_words(a.type, [name for _, name in a.people], a.date)

    def action_done(self) -> None:
        a = self._selected_activity()
        if a is not None:
            acts.ask_done(self, self.store, a.id, self._words(a), a.date, self.today, self._activity_saved)

    def action_move(self) -> None:
        a = self._selected_activity()
        if a is not None:
            acts.ask_move(self, self.store, a.id, self._words(a), a.date, self.today, self._activity_saved)

    def action_cancel(self) -> None:
        a = self._selected_activity()
        if a is not None:
            acts.cancel(self, self.store, a.id, self._words(a), self._activity_saved)

    # Opportunities
    def _fill_opportunities(self, select: str | None) -> None:
        items = self.store.plan_opportunities(self.account_id)
        self.opportunities = {o.id: o for o in items}
        narrow, width = self.narrow, self.app.size.width
        currency = "" if narrow else self.context.currency
        fixed = 3 + (8 if narrow else 12) + 5 + 14 + 9 + 4 + (0 if narrow else 10 + 10)
        title_width = max(12, min(50, width - fixed - (7 if narrow else 9) * 2 - 3))
        columns = [
            Column("#", "number", width=3),
            Column("Opportunity", "title", width=title_width),
            Column("Value", "value", width=8 if narrow else 12),
            Column("Prob", "probability", width=5),
        ]
        if not narrow:
            columns += [Column("Target", "target", width=10), Column("Stage", "stage", width=10)]
        columns += [
            Column("Status", "status", width=14),
            Column("Vote", "vote", width=9),
            Column("Qual", "qual", 4),
        ]
        rows = []
        for o in items:
            status = Text(fmt.words(o.status), style=STATUS_STYLE.get(o.status, ""))
            if o.optimism:
                status = Text(f"{fmt.words(o.status)} ⚠", style="bold yellow")
            cells: list[Any] = [
                f"#{o.number}",
                fmt.first_line(o.title, title_width),
                fmt.money(o.value, currency),
                fmt.DASH if o.probability is None else f"{o.probability} %",
            ]
            sort: list[Any] = [o.number, o.title.casefold(), o.value, o.probability]
            if not narrow:
                cells += [fmt.short_day(o.target_date), fmt.first_line(o.stage, 10)]
                sort += [o.target_date, o.stage.casefold()]
            cells += [status, fmt.verdict(o.vote.verdict) if o.is_open else Text(fmt.DASH, "dim"),
                      str(o.qualification_score)]  # fmt: skip
            sort += [o.status, str(o.vote.verdict), o.qualification_score]
            rows.append(
                Row(str(o.id), tuple(cells), tuple(sort), f"{o.title} {o.stage} {o.status} {o.kind or ''}")
            )
        self.query_one("#opportunities", PlanList).show(columns, rows, select=select)
        self.query_one("#opportunities-summary", Static).update(fmt.visible(self._opportunity_summary(items)))

    def _opportunity_summary(self, items: list[OpportunityItem]) -> Text:
        open_ = [o for o in items if o.is_open]
        factored = planning.factored_value(
            planning.PipelineItem(o.value, o.probability, o.status, o.target_date) for o in items
        )
        text = Text(f"{len(open_)} open", style="bold")
        text.append(f", factored {fmt.money(factored, self.context.currency)}")
        for status in ("won", "lost", "qualified_out"):
            closed = [o for o in items if o.status == status]
            if closed:
                text.append(f" · {len(closed)} {fmt.words(status)}", style=STATUS_STYLE[status])
        out = [o for o in items if o.status == "qualified_out"]
        if out:  # a result, not a failure: the time it frees
            text.append(f": {fmt.money(sum(o.value or 0 for o in out))} of time freed", "cyan")
        flagged = [o for o in items if o.optimism]
        if flagged:
            text.append(f" · ⚠ {len(flagged)} optimistic", style="bold yellow")
        text.append("\nc closes one as won, lost or qualified out, with the reason", style="dim")
        return text

    def _opportunity_detail(self, o: OpportunityItem) -> Text:
        text = Text()
        text.append(f"#{o.number} {o.title}", style="bold")
        facts = [fmt.words(o.kind) if o.kind else "", fmt.money(o.value, self.context.currency)]
        facts += [f"{o.probability} %" if o.probability is not None else ""]
        facts.append(f"stage {o.stage}" if o.stage else "")
        facts.append(f"by {o.target_date:%d %b %Y}" if o.target_date else "")
        text.append(" · " + " · ".join(f for f in facts if f and f != fmt.DASH), style="dim")
        text.append("\n")
        text.append(fmt.words(o.status).capitalize(), style=STATUS_STYLE.get(o.status, "bold"))
        if o.status_reason:
            text.append(f": {' '.join(o.status_reason.split())}")
        if o.is_open:
            text.append(" · vote today ")
            text.append_text(fmt.verdict(o.vote.verdict))
            text.append(f" · qualification {o.qualification_score}")
        if o.optimism:
            text.append(f" · ⚠ optimistic: {o.optimism}", style="bold yellow")
        text.append("\nDecide: ", style="bold")
        text.append(", ".join(name for _, name in o.participants) or "nobody named (the whole map votes)")
        if o.competitors:
            text.append(" · against ", style="bold")
            text.append(", ".join(name for _, name in o.competitors))
        return text

    def _opportunity_form(self, title: str) -> FormSpec:
        names = self.store.plan_names(self.account_id)
        currency = self.context.currency or "the account's currency"
        people = tuple(Option(i, name, detail=title_) for i, name, title_ in names.people)
        rivals = tuple(Option(i, name) for i, name in names.competitors)
        fields = (
            FormField("title", "Title", required=True),
            FormField("kind", "Kind", Kind.CHOICE, options=KIND_OPTIONS),
            FormField("value", "Value", Kind.MONEY, hint=f"in {currency}: 450k, 1.2m"),
            FormField("target_date", "Target date", Kind.DATE),
            FormField("stage", "Stage", hint="in your own words: qualification, proposal, negotiation …"),
            FormField("probability", "Probability %", Kind.PERCENT, hint="0–100; from 50 it must be earned"),
            FormField("status", "Status", Kind.CHOICE, required=True, options=STATUS_OPTIONS),
            FormField("status_reason", "Reason", hint="why it was won, lost or qualified out"),
            FormField("participants", "Who decides", Kind.REFERENCES, options=people,
                      hint="the people in the decision; none: the whole map votes"),
            FormField("competitors", "Competitors", Kind.REFERENCES, options=rivals,
                      hint="who we are up against" if rivals else "none yet: add them under v competitors"),
        )  # fmt: skip
        return FormSpec(title, fields, focus="title", today=self.today)

    def _open_opportunity(self, opportunity_id: int | None) -> None:
        found = self.opportunities.get(opportunity_id) if opportunity_id is not None else None
        title = f"Edit #{found.number} {fmt.first_line(found.title, 50)}" if found else "New opportunity"
        spec = self._opportunity_form(title)
        values = found.values() if found else {"status": OpportunityStatus.OPEN}
        store, account_id = self.store, self.account_id

        def save(values: dict[str, Any]) -> int:
            return store.save_opportunity(account_id, opportunity_id, values)

        self.app.push_screen(RecordForm(spec, values, save), self._saved)

    def _saved(self, result: int | None) -> None:
        if result is not None:
            self._after_change(select=result)

    @on(EditableList.Add, "#opportunities")
    def _add_opportunity(self, event: EditableList.Add) -> None:
        if type(event) is EditableList.Add:
            self._open_opportunity(None)

    @on(EditableList.Edit, "#opportunities")
    def _edit_opportunity(self, event: EditableList.Edit) -> None:
        if type(event) is EditableList.Edit:
            self._open_opportunity(int(event.key))

    @on(EditableList.Delete, "#opportunities")
    def _delete_opportunity(self, event: EditableList.Delete) -> None:
        o = self.opportunities[int(event.key)]

        def confirmed(yes: bool | None) -> None:
            if yes and attempt(self, lambda: self.store.delete_opportunity(o.id)):
                self._after_change()

        question = (
            f"Delete #{o.number} {o.title}? Its qualification answers go with it; its activities stay."
            " Closing it (c) keeps it as a result. (u undoes it)"
        )
        self.app.push_screen(ConfirmDialog(question), confirmed)

    def action_close(self) -> None:
        key = self.query_one("#opportunities", PlanList).current_key()
        o = self.opportunities.get(int(key)) if key else None
        if o is None:
            return
        fields = (
            FormField("status", "Closed as", Kind.CHOICE, required=True, options=CLOSING_OPTIONS,
                      hint="qualifying out is a result, not a failure: it frees time"),
            FormField("status_reason", "Reason", required=True, hint="why: it stays with the opportunity"),
        )  # fmt: skip
        spec = FormSpec(
            f"Close #{o.number} {fmt.first_line(o.title, 50)}", fields, focus="status", today=self.today
        )
        values = {"status": o.status if not o.is_open else None, "status_reason": o.status_reason}
        store = self.store

        def save(values: dict[str, Any]) -> int:
            store.close_opportunity(o.id, values["status"], values["status_reason"])
            return o.id

        def closed(result: int | None) -> None:
            if result is not None:
                self.notify(f"Closed #{o.number} {fmt.first_line(o.title, 40)}. u undoes it.", markup=False)
                self._saved(result)

        self.app.push_screen(RecordForm(spec, values, save), closed)

    # Pipeline
    def _fill_pipeline(self, select: str | None) -> None:
        items = self.store.plan_opportunities(self.account_id)
        self.opportunities = {o.id: o for o in items}
        currency = self.context.currency
        self.query_one("#pipeline-chart", BarChart).show(pipeline_bars(items, currency))
        open_ = [o for o in items if o.is_open]
        factored = planning.factored_value(
            planning.PipelineItem(o.value, o.probability, o.status, o.target_date) for o in open_
        )
        text = Text("Factored pipeline ", style="bold")
        text.append(fmt.full_money(factored, currency), style="bold")
        text.append(f" from {len(open_)} open opportunit{'y' if len(open_) == 1 else 'ies'}")
        text.append(": value × probability, by quarter of the target date", style="dim")
        flagged = [o for o in open_ if o.optimism]
        for o in flagged:
            text.append(f"\n⚠ #{o.number} at {o.probability} % is optimistic: {o.optimism}", style="yellow")
        self.query_one("#pipeline-summary", Static).update(fmt.visible(text))

    # Targets and funnel
    def _fill_funnel(self, select: str | None) -> None:
        steps = self.store.funnel(self.account_id, self.today)
        self.steps = {s.type: s for s in steps}
        narrow = self.narrow
        columns = [
            Column("Type", "type", width=8 if narrow else 18),
            Column("Target", "target", width=6),
            Column("Avg", "average", width=5),
            Column("Now", "now", width=3),
            Column("9 weeks", "weeks", width=9),
            Column("→ Next", "next", width=8 if narrow else 18),
            Column("Plan", "plan", width=5),
            Column("Got", "got", width=5),
        ]
        rows = []
        for s in steps:
            average = Text(f"{s.average:.1f}", style="bold red" if s.behind else "")
            got = Text(percent(s.achieved_rate), style="bold red" if s.converting_short else "")
            rows.append(
                Row(
                    s.type,
                    (
                        short_type(s.type, narrow),
                        per_week(s.per_week),
                        average,
                        str(s.weekly[-1]),
                        spark(s.weekly, s.per_week or 0),
                        short_type(s.converts_to, narrow) if s.converts_to else fmt.DASH,
                        percent(s.expected_rate),
                        got,
                    ),
                )
            )
        self.query_one("#targets", PlanList).show(columns, rows, select=select)
        self.query_one("#funnel-summary", Static).update(funnel_summary(steps))

    def _step_detail(self, s: planning.FunnelStep) -> Text:
        text = Text(fmt.words(s.type).capitalize(), style="bold")
        text.append(f": {per_week(s.per_week)} a week planned" if s.per_week is not None else ": no target")
        earlier = " ".join(str(n) for n in s.weekly[:-1])
        text.append(f" · done, oldest week first: {earlier} · this week {s.weekly[-1]}")
        if s.converts_to:
            text.append(
                f"\nShould turn into {fmt.words(s.converts_to)}: {percent(s.expected_rate)} planned, "
            )
            text.append(
                percent(s.achieved_rate) + " achieved", style="bold red" if s.converting_short else ""
            )
        text.append("\ne sets the target and the conversion · x clears them", style="dim")
        return text

    @on(EditableList.Edit, "#targets")
    def _edit_target(self, event: EditableList.Edit) -> None:
        if type(event) is not EditableList.Edit:
            return
        step = self.steps[event.key]
        kind = ActivityType(step.type)
        fields = (
            FormField("per_week", "Per week", Kind.NUMBER, "how many; 0.25: one a month", True, high=100),
            FormField("converts_to", "Turns into", Kind.CHOICE, options=TYPE_OPTIONS,
                      hint="the type it should lead to; ⌫ none"),
            FormField("conversion_rate", "Conversion %", Kind.PERCENT, hint="how many of them should, in %"),
        )  # fmt: skip
        spec = FormSpec(f"Target for {fmt.words(kind)}", fields, focus="per_week", today=self.today)
        values = {
            "per_week": step.per_week if step.per_week is not None else 0.0,
            "converts_to": None if step.converts_to is None else ActivityType(step.converts_to),
            "conversion_rate": None if step.expected_rate is None else round(step.expected_rate * 100),
        }
        store, account_id = self.store, self.account_id

        def save(values: dict[str, Any]) -> str:
            rate = values["conversion_rate"]
            store.save_target(
                account_id,
                kind,
                values["per_week"] or 0.0,
                values["converts_to"],
                None if rate is None else rate / 100,
            )
            return step.type

        self.app.push_screen(RecordForm(spec, values, save), self._saved)

    @on(EditableList.Delete, "#targets")
    def _clear_target(self, event: EditableList.Delete) -> None:
        kind = ActivityType(event.key)

        def confirmed(yes: bool | None) -> None:
            if yes and attempt(self, lambda: self.store.clear_target(self.account_id, kind)):
                self._after_change(select=event.key)

        self.app.push_screen(
            ConfirmDialog(f"Clear the target for {fmt.words(kind)}? (u undoes it)"), confirmed
        )

    # Competitors
    def _fill_competitors(self, select: str | None) -> None:
        items = self.store.competitors(self.account_id)
        self.competitors = {c.id: c for c in items}
        width = self.app.size.width
        name_width = max(12, min(30, (width - 30) // 3))
        close_width = max(12, min(40, width - name_width - 6 - 12 - 4 * 2 - 3))
        columns = [
            Column("Competitor", "name", width=name_width),
            Column("Threat", "threat", width=6),
            Column("Close to", "close", width=close_width),
            Column("Threatens", "threatens", width=12),
        ]
        rows = []
        for c in items:
            threat = c.threat or 0
            dots = Text("●" * threat, style="bold red" if threat >= 4 else "yellow" if threat == 3 else "")
            dots.append("○" * (5 - threat), style="dim")
            threatens = " ".join(f"#{n}" for _, n, _, status in c.threatens if status == "open")
            rows.append(
                Row(
                    str(c.id),
                    (
                        fmt.first_line(c.name, name_width),
                        dots if c.threat else Text(fmt.DASH, style="dim"),
                        fmt.first_line(", ".join(name for _, name in c.close_to) or fmt.DASH, close_width),
                        threatens or fmt.DASH,
                    ),
                    (c.name.casefold(), -threat, len(c.close_to), len(c.threatens)),
                )
            )
        self.query_one("#competitors", PlanList).show(columns, rows, select=select)

    def _competitor_detail(self, c: CompetitorItem) -> Text:
        room = max(20, self.app.size.width - 16)  # one line each: e shows them in full
        text = Text(c.name, style="bold")
        text.append(f" · threat {c.threat}/5" if c.threat else " · threat not rated")
        for label, value in (("Strong", c.strengths), ("Weak", c.weaknesses), ("Our counter", c.counter)):
            text.append(f"\n{label}: ", style="bold")
            line = fmt.first_line(" ".join(value.split()), room)
            text.append(line or "none yet", style="" if value else "dim")
        text.append("\nThreatens: ", style="bold")
        text.append(
            "; ".join(
                f"#{n} {fmt.first_line(title, 30)} ({fmt.words(status)})"
                for _, n, title, status in c.threatens
            )
            or "no opportunity named"
        )
        return text

    def _open_competitor(self, competitor_id: int | None) -> None:
        found = self.competitors.get(competitor_id) if competitor_id is not None else None
        names = self.store.plan_names(self.account_id)
        people = tuple(Option(i, name, detail=title) for i, name, title in names.people)
        opportunities = tuple(
            Option(i, acts.opportunity_label(n, title), detail=acts.STATUS_WORDS.get(status, status))
            for i, n, title, status in names.opportunities
        )
        fields = (
            FormField("name", "Name", required=True),
            FormField("threat", "Threat", Kind.CHOICE, "how much they endanger our business here",
                      options=THREAT_OPTIONS),
            FormField("strengths", "Strong where", Kind.LONG_TEXT),
            FormField("weaknesses", "Weak where", Kind.LONG_TEXT),
            FormField("close_to", "Close to", Kind.REFERENCES, options=people,
                      hint="the people at the customer they are close to"),
            FormField("threatens", "Threatens", Kind.REFERENCES, options=opportunities,
                      hint="the opportunities they compete for: #1, #2 … or first letters"),
            FormField("counter", "Our counter-strategy", Kind.LONG_TEXT),
        )  # fmt: skip
        title = f"Edit {found.name}" if found else "New competitor"
        spec = FormSpec(title, fields, focus="name", today=self.today)
        values = found.values() if found else {}
        store, account_id = self.store, self.account_id

        def save(values: dict[str, Any]) -> int:
            return store.save_competitor(account_id, competitor_id, values)

        self.app.push_screen(RecordForm(spec, values, save), self._saved)

    @on(EditableList.Add, "#competitors")
    def _add_competitor(self, event: EditableList.Add) -> None:
        if type(event) is EditableList.Add:
            self._open_competitor(None)

    @on(EditableList.Edit, "#competitors")
    def _edit_competitor(self, event: EditableList.Edit) -> None:
        if type(event) is EditableList.Edit:
            self._open_competitor(int(event.key))

    @on(EditableList.Delete, "#competitors")
    def _delete_competitor(self, event: EditableList.Delete) -> None:
        c = self.competitors[int(event.key)]

        def confirmed(yes: bool | None) -> None:
            if yes and attempt(self, lambda: self.store.delete_competitor(c.id)):
                self._after_change()

        self.app.push_screen(ConfirmDialog(f"Delete the competitor {c.name}? (u undoes it)"), confirmed)

    # The detail below, and which keys apply
    @on(EditableList.Highlighted)
    def _highlighted(self, event: EditableList.Highlighted) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _show_detail(self) -> None:
        key = self._current()
        shown: Text | None = None
        if key and key.isdigit():
            number = int(key)
            if self.view == "activities" and number in self.activities:
                shown = self._activity_detail(self.activities[number])
            elif self.view == "opportunities" and number in self.opportunities:
                shown = self._opportunity_detail(self.opportunities[number])
            elif self.view == "competitors" and number in self.competitors:
                shown = self._competitor_detail(self.competitors[number])
        elif key and self.view == "funnel" and key in self.steps:
            shown = self._step_detail(self.steps[key])
        detail = self.query_one("#plan-detail", Static)
        detail.display = shown is not None
        if shown is not None:
            detail.update(fmt.visible(shown))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done", "move", "cancel", "full_form"):
            if self.view != "activities":
                return False
            if action == "full_form":
                return True
            selected = self._selected_activity() if self.is_mounted else None
            return True if selected is not None and selected.planned else None
        if action == "close":
            if self.view != "opportunities":
                return False
            key = self.query_one("#opportunities", PlanList).current_key() if self.is_mounted else None
            return True if key else None
        return True

    # Export
    def action_export(self) -> None:
        store, account_id, today = self.store, self.account_id, self.today
        summary = store.summary(account_id, today)
        name = summary.name if summary else str(account_id)

        def export(fmt_: str) -> str:
            from kamplan.interchange.export import export_account  # loads the document model: when asked

            return export_account(store.db_path, name, fmt_, today)

        ask_export(self, f"{name}: activities", file_stem(name), today, export)
