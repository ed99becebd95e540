"""Qualification: per open opportunity, the ten hard questions answered with their evidence, the litmus
test of today's vote (and what would change it), the forecast set against both, and what a coach would
question. It makes a weak position hard to hide behind an appealing forecast.

Three views of the opportunity shown, `v` to switch: the checklist, the vote today, the coaching flags;
← → go to the previous or next open opportunity; `o` qualifies it out. The keys of each view are in
kamplan.widgets.qualification. Every measure is worked out in kamplan.planning, here only shown."""

from datetime import date, timedelta
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from kamplan import planning
from kamplan.enums import Answer
from kamplan.screens.account.section import AccountContext, Section
from kamplan.store.qualification import Qualification, QualificationView, Voter
from kamplan.widgets import format as fmt
from kamplan.widgets.decision_grid import START_INFLUENCE, START_SUPPORT
from kamplan.widgets.dialogs import ConfirmDialog
from kamplan.widgets.form import FormField, FormSpec, Kind, Option, RecordForm
from kamplan.widgets.guard import attempt, guarded
from kamplan.widgets.names import cut, one_line
from kamplan.widgets.qualification import (
    ANSWER_STYLE,
    ANSWER_WORDS,
    Checklist,
    ChecklistRow,
    FlagRow,
    FlagTable,
    QualificationTable,
    VoterRow,
    VoterTable,
    vote_bars,
)

# Short forms of the ten questions, where the full wording (kamplan.planning.QUESTIONS) has no room.
SHORT_QUESTIONS = {
    "q1": "We know how they buy",
    "q2": "A real budget exists",
    "q3": "Needs and wants of every player known",
    "q4": "We can meet those needs and wants",
    "q5": "Unique strengths central to their problem",
    "q6": "They said they prefer us",
    "q7": "We talk to every influencer",
    "q8": "They know a decision is due",
    "q9": "We know how and when they decide",
    "q10": "Worth pursuing at all",
}
VIEWS = ("checklist", "vote", "coach")
VIEW_NAMES = {"checklist": "checklist", "vote": "vote today", "coach": "coach"}
WIDE = 108  # columns of text from which the section can spend a second line on the questions to find out
RECENT_DAYS = 7  # an answer changed this recently is what moved this week
TO_FIND_OUT = (Answer.NO, Answer.UNKNOWN)


def question_number(key: str) -> int:
    return planning.QUESTION_KEYS.index(key) + 1


def recent(day: date | None, today: date) -> bool:
    """Changed in the last seven days: what moved this week."""
    return day is not None and today - timedelta(days=RECENT_DAYS) < day <= today


def _signed(value: int) -> str:
    return f"{value:+d}" if value else "0"


def _rating(value: int | None) -> str:
    return fmt.DASH if value is None else _signed(value)


def steps_text(steps: int) -> str:
    return f"{steps} rating step{'s' if steps != 1 else ''}"


def move_text(move: planning.WinningMove | None, names: list[str]) -> Text:
    """The smallest move to a win, in words: how many steps, and whom they concern."""
    text = Text()
    text.append("Smallest move to a win: ", style="bold")
    if move is None:
        text.append("rate the people in this decision first.")
        return text
    if not move.changes:
        text.append("none needed, it is a win today.")
        return text
    text.append(f"{steps_text(move.steps)} — ")
    parts = []
    for change in move.changes:
        what = []
        if change.new_support != change.support:
            what.append(f"support {_signed(change.support)} → {_signed(change.new_support)}")
        if change.new_influence != change.influence:
            what.append(f"influence {change.influence} → {change.new_influence}")
        parts.append(f"{names[change.index]} {' and '.join(what)}")
    text.append("; ".join(parts))
    text.append(" · m tries it", style="dim")
    return text


def find_out(opportunity: Qualification, width: int) -> Text:
    """The questions answered no or unknown, the next things to find out, on one line if they fit in
    words, else by number."""
    to_find = [a.question for a in opportunity.answers if a.answer in TO_FIND_OUT]
    text = Text()
    if not to_find:
        text.append("Nothing left to find out: no question is answered no or unknown.", style="dim")
        return text
    text.append("Find out next: ", style="bold")
    words = " · ".join(f"Q{question_number(q)} {SHORT_QUESTIONS[q]}" for q in to_find)
    lines = 2 if width >= WIDE else 1  # at 80 columns every line counts
    if text.cell_len + len(words) > lines * width:
        words = ", ".join(f"Q{question_number(q)}" for q in to_find) + " (answered no or unknown)"
    text.append(words)
    return text


class QualificationSection(Section):
    BINDINGS = [
        Binding("v", "next_view", "View", id="qualification.view"),
        Binding("o", "qualify_out", "Qualify out", id="qualification.out"),
    ]

    view = "checklist"

    def __init__(self, context: AccountContext, *, id: str) -> None:
        super().__init__(context, id=id)
        self.data = QualificationView((), ())
        self.opportunity_id: int | None = None
        self._index = 0  # where the opportunity shown was: the next one takes its place when it closes
        self.what_if: dict[int, tuple[int, int]] = {}  # person → ratings for the moment, not saved

    def compose(self) -> ComposeResult:
        yield Static(id="qualification-head", classes="section-summary")
        yield Static(id="qualification-status", classes="section-summary")
        with Vertical(id="checklist-view", classes="qualification-view"):
            yield Checklist(id="checklist")
            yield Static(id="find-out", classes="section-summary")
            yield Static(id="question-detail", classes="section-summary")
        with Vertical(id="vote-view", classes="qualification-view"):
            yield Static(id="what-if", classes="section-summary")
            yield Static(id="vote-note", classes="section-summary")
            yield VoterTable(id="voters")
            yield Static(id="vote-bars", classes="section-summary")
            yield Static(id="vote-words", classes="section-summary")
            yield Static(id="vote-move", classes="section-summary")
        with Vertical(id="coach-view", classes="qualification-view"):
            yield FlagTable(id="flags")
            yield Static(id="flag-detail", classes="section-summary")

    # Loading
    @guarded
    def load(self) -> None:
        self.data = self.store.qualification(self.account_id, self.today)
        ids = [o.id for o in self.data.opportunities]
        if self.opportunity_id in ids:
            self._index = ids.index(self.opportunity_id)
        elif ids:
            self._index = min(self._index, len(ids) - 1)
            self.opportunity_id = ids[self._index]
        else:
            self.opportunity_id = None
        people = {p.id for p in self.data.people}
        self.what_if = {k: v for k, v in self.what_if.items() if k in people}
        self._show()

    @property
    def opportunity(self) -> Qualification | None:
        return next((o for o in self.data.opportunities if o.id == self.opportunity_id), None)

    def _table(self) -> QualificationTable:
        tables = {"checklist": "#checklist", "vote": "#voters", "coach": "#flags"}
        return self.query_one(tables[self.view], QualificationTable)

    def focus_first(self) -> None:
        self._table().focus()

    @property
    def _width(self) -> int:
        return self.app.size.width - 2  # the section's scrollbar gutter

    def _show(self) -> None:
        for view in VIEWS:
            self.query_one(f"#{view}-view").display = view == self.view
        opportunity = self.opportunity
        self._show_head(opportunity)
        self._show_status(opportunity)
        if opportunity is None:
            for view in VIEWS:
                self.query_one(f"#{view}-view").display = False
            return
        self._show_checklist(opportunity)
        self._show_vote(opportunity)
        self._show_flags(opportunity)

    def _show_head(self, opportunity: Qualification | None) -> None:
        text = Text()
        count = len(self.data.opportunities)
        if opportunity is None:
            text.append("No open opportunity to qualify: add one under 3 Plan.", style="dim")
            self.query_one("#qualification-head", Static).update(fmt.visible(text))
            return
        views = Text()
        for view in VIEWS:
            name = VIEW_NAMES[view]
            if view == "coach" and opportunity.flags:
                name += f" ⚑{len(opportunity.flags)}"
            views.append(f" {name} ", style="reverse bold" if view == self.view else "dim")
        text.append(f"◂ {self._index + 1}/{count} ▸ ", style="bold" if count > 1 else "dim")
        room = self._width - 2 - text.cell_len - views.cell_len - 4
        text.append(cut(one_line(opportunity.title), max(8, room)), style="bold")
        text.append(" " * max(1, self._width - 2 - text.cell_len - views.cell_len - 2))
        text.append("v ", style="dim")
        text.append_text(views)
        self.query_one("#qualification-head", Static).update(fmt.visible(text))

    def _vote(self, opportunity: Qualification, *, what_if: bool = False) -> planning.Vote:
        return planning.vote_today(self._rating(p, what_if=what_if) for p in self.data.voters(opportunity))

    def _rating(self, person: Voter, *, what_if: bool) -> planning.Rating:
        if what_if and person.id in self.what_if:
            influence, support = self.what_if[person.id]
            return planning.Rating(influence, support, person.confirmed)
        return person.rating

    def _show_status(self, opportunity: Qualification | None) -> None:
        status = self.query_one("#qualification-status", Static)
        if opportunity is None:
            status.update("")
            return
        score = opportunity.score
        vote = self._vote(opportunity)
        band = planning.suggested_band(vote.verdict, score)
        text = Text()
        text.append(f"Score {score}", style="bold")
        text.append(" · vote ")
        text.append_text(fmt.verdict(vote.verdict))
        text.append(" · your forecast ")
        probability = opportunity.probability
        text.append(fmt.DASH if probability is None else f"{probability} %", style="bold")
        gap = planning.band_gap(probability, band)
        text.append(f", suggested {band[0]}–{band[1]} %", style="bold yellow" if gap else "")
        reason = planning.optimism_reason("open", probability, vote, score, brief=True)
        if reason:
            text.append(f"\n⚠ {probability} % looks optimistic: {reason}", style="bold yellow")
        status.update(fmt.visible(text))

    # The checklist
    def _show_checklist(self, opportunity: Qualification) -> None:
        question_width = max(12, self._width - 26)
        longest = max(len(text) for text in planning.QUESTIONS.values())
        words = planning.QUESTIONS if longest <= question_width else SHORT_QUESTIONS
        today = self.today
        rows = [
            ChecklistRow(
                a.question,
                question_number(a.question),
                words[a.question],
                a.answer,
                bool(a.evidence.strip()),
                a.changed,
                recent(a.changed, today),
            )
            for a in opportunity.answers
        ]
        checklist = self.query_one("#checklist", Checklist)
        checklist.show(rows, question_width)
        self._show_question(checklist.current_key())
        self.query_one("#find-out", Static).update(fmt.visible(find_out(opportunity, self._width - 2)))

    def _show_question(self, key: str | None) -> None:
        opportunity = self.opportunity
        answer = next((a for a in opportunity.answers if a.question == key), None) if opportunity else None
        text = Text()
        if answer is not None:
            text.append(f"Q{question_number(answer.question)} ", style="bold")
            text.append(ANSWER_WORDS[answer.answer], style=ANSWER_STYLE[answer.answer])
            if answer.changed is not None:
                text.append(f" since {fmt.short_day(answer.changed)}")
            text.append(" · evidence: ", style="bold")
            if answer.evidence.strip():
                text.append(" ".join(answer.evidence.split()))
            else:
                text.append("none yet (e)", style="dim")
            text.append(f"\n{planning.QUESTIONS[answer.question]}", style="italic")
        self.query_one("#question-detail", Static).update(fmt.visible(text))

    @on(DataTable.RowHighlighted, "#checklist")
    def _question_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_question(None if event.row_key is None else event.row_key.value)

    @on(Checklist.Answered)
    @guarded
    def _answered(self, event: Checklist.Answered) -> None:
        opportunity = self.opportunity
        if opportunity is None:
            return
        old = next(a.answer for a in opportunity.answers if a.question == event.key)
        if old == event.answer:
            return  # nothing changes: no step to undo
        self.store.set_answer(opportunity.id, event.key, event.answer, self.today)
        self._after_change()

    @on(Checklist.EvidenceWanted)
    def _evidence(self, event: Checklist.EvidenceWanted) -> None:
        opportunity = self.opportunity
        if opportunity is None:
            return
        answer = next(a for a in opportunity.answers if a.question == event.key)
        number = question_number(event.key)
        spec = FormSpec(
            f"Q{number} evidence · {one_line(opportunity.title)}",
            (
                FormField(
                    "evidence",
                    f"Q{number} {ANSWER_WORDS[answer.answer]}",
                    Kind.LONG_TEXT,
                    planning.QUESTIONS[event.key] + " What shows it: who said what, when.",
                ),
            ),
            today=self.today,
        )
        store, opportunity_id = self.store, opportunity.id

        def save(values: dict[str, Any]) -> bool:
            store.set_evidence(opportunity_id, event.key, values["evidence"])
            return True

        def saved(result: bool | None) -> None:
            if result:
                self._after_change()

        self.app.push_screen(RecordForm(spec, {"evidence": answer.evidence}, save), saved)

    # The vote today
    def _show_vote(self, opportunity: Qualification) -> None:
        voters = self.data.voters(opportunity)
        named = bool(opportunity.participant_ids)
        note = Text()
        if not named:
            note.append(
                "Nobody is named for this decision, so everyone at the account votes · a names who does"
            )
        self.query_one("#vote-note", Static).update(fmt.visible(note))
        self.query_one("#vote-note").display = not named
        rows = []
        for person in voters:
            rating = self._rating(person, what_if=True)
            moved = person.id in self.what_if
            before = (person.influence, person.support) if moved else None
            rows.append(
                VoterRow(
                    person.id,
                    person.name,
                    person.role,
                    rating.influence,
                    rating.support,
                    person.confirmed,
                    before,
                )
            )
        name_width = max(10, min(30, self._width - 56))
        self.query_one("#voters", VoterTable).show(
            rows, name_width, what_if=bool(self.what_if), can_remove=named
        )
        vote = self._vote(opportunity, what_if=True)
        self.query_one("#vote-bars", Static).update(
            vote_bars(vote.votes_for, vote.against, vote.undecided, min(self._width - 2, 70))
        )
        explained = planning.vote_explanation([(p.name, self._rating(p, what_if=True)) for p in voters])
        words = Text()
        verdict, _, rest = explained.partition(":")
        words.append(verdict, style=fmt.VERDICT_STYLE[vote.verdict])
        words.append(f":{rest}")
        self.query_one("#vote-words", Static).update(fmt.visible(words))
        ratings = [self._rating(p, what_if=True) for p in voters]
        move = planning.smallest_winning_move(ratings)
        self.query_one("#vote-move", Static).update(fmt.visible(move_text(move, [p.name for p in voters])))
        banner = self.query_one("#what-if", Static)
        banner.display = bool(self.what_if)
        if self.what_if:
            saved = self._vote(opportunity)
            text = Text(" What if ", style="bold reverse yellow")
            people = {p.id: p for p in self.data.people}
            changes = []
            for pid, (influence, support) in self.what_if.items():
                person = people[pid]
                what = []
                if support != person.support:
                    what.append(f"support {_rating(person.support)} → {_signed(support)}")
                if influence != person.influence:
                    what.append(f"influence {fmt.integer(person.influence)} → {influence}")
                changes.append(f"{person.name} {' and '.join(what)}")
            text.append(" " + "; ".join(changes) + ": the vote ")
            if saved.verdict == vote.verdict:
                text.append("stays ")
                text.append_text(fmt.verdict(vote.verdict))
            else:
                text.append_text(fmt.verdict(saved.verdict))
                text.append(" → ")
                text.append_text(fmt.verdict(vote.verdict))
            text.append(" · not saved: ctrl+s keeps it, esc forgets it", style="dim")
            banner.update(fmt.visible(text))

    def _voter(self, person_id: int | None) -> Voter | None:
        return next((p for p in self.data.people if p.id == person_id), None)

    @on(VoterTable.WhatIf)
    def _try_rating(self, event: VoterTable.WhatIf) -> None:
        person = self._voter(event.person_id)
        if person is None:
            return
        influence, support = self.what_if.get(person.id, (person.influence, person.support))
        influence = START_INFLUENCE if influence is None else influence
        support = START_SUPPORT if support is None else support
        moved = (min(5, max(1, influence + event.influence)), min(2, max(-2, support + event.support)))
        if moved == (person.influence, person.support):
            self.what_if.pop(person.id, None)
        else:
            self.what_if[person.id] = moved
        self._refresh_vote()

    def _refresh_vote(self) -> None:
        opportunity = self.opportunity
        if opportunity is not None:
            self._show_vote(opportunity)

    @on(VoterTable.TryMove)
    def _try_move(self) -> None:
        opportunity = self.opportunity
        if opportunity is None:
            return
        voters = self.data.voters(opportunity)
        move = planning.smallest_winning_move([self._rating(p, what_if=True) for p in voters])
        if move is None:
            self.notify(
                "Nobody in this decision is rated yet: rate them first (2 Stakeholders, or ⇧ arrows here)."
            )
            return
        if not move.changes:
            self.notify("It is a win already.")
            return
        for change in move.changes:
            person = voters[change.index]
            moved = (change.new_influence, change.new_support)
            if moved == (person.influence, person.support):
                self.what_if.pop(person.id, None)
            else:
                self.what_if[person.id] = moved
        self._refresh_vote()

    @on(VoterTable.Keep)
    @guarded
    def _keep(self) -> None:
        people = {p.id: p for p in self.data.people}
        changes = {
            pid: rating
            for pid, rating in self.what_if.items()
            if pid in people and rating != (people[pid].influence, people[pid].support)
        }
        self.what_if.clear()
        if changes:
            self.store.set_ratings({pid: (i, s) for pid, (i, s) in changes.items()})
            names = ", ".join(people[pid].name for pid in changes)
            self.notify(f"Kept the new ratings of {names} · u undoes it", markup=False)
            self._after_change()
        else:
            self._refresh_vote()

    @on(VoterTable.Forget)
    def _forget(self) -> None:
        self.what_if.clear()
        self._refresh_vote()

    @on(VoterTable.Add)
    def _add_people(self) -> None:
        opportunity = self.opportunity
        if opportunity is None:
            return
        named = set(opportunity.participant_ids)
        others = tuple(
            Option(p.id, p.name, detail=p.title or fmt.words(p.role))
            for p in self.data.people
            if p.id not in named
        )
        if not others:
            self.notify("Everyone at the account takes part already; add people under 2 Stakeholders.")
            return
        hint = "names, commas between"
        if not named:
            hint += "; from now on only the people named vote, not everyone at the account"
        spec = FormSpec(
            f"Who takes part in {one_line(opportunity.title)}?",
            (FormField("people", "People", Kind.REFERENCES, hint, required=True, options=others),),
            today=self.today,
        )
        store, opportunity_id = self.store, opportunity.id

        def save(values: dict[str, Any]) -> list[int]:
            return store.add_participants(opportunity_id, values["people"])

        def saved(added: list[int] | None) -> None:
            if added:
                self._after_change()
                self.query_one("#voters", VoterTable).select(str(added[0]))

        self.app.push_screen(RecordForm(spec, {}, save), saved)

    @on(VoterTable.Remove)
    def _remove_person(self, event: VoterTable.Remove) -> None:
        opportunity = self.opportunity
        person = self._voter(event.person_id)
        if opportunity is None or person is None or person.id not in opportunity.participant_ids:
            return
        last = len(opportunity.participant_ids) == 1
        then = " With nobody named, everyone at the account votes." if last else ""

        def confirmed(yes: bool | None) -> None:
            if yes and attempt(self, lambda: self.store.remove_participant(opportunity.id, person.id)):
                self._after_change()

        self.app.push_screen(
            ConfirmDialog(
                f"Take {person.name} out of the decision on {opportunity.title}?{then} (u undoes it)"
            ),
            confirmed,
        )

    @on(VoterTable.Open)
    @on(FlagTable.Open)
    async def _open_person(self, event: VoterTable.Open | FlagTable.Open) -> None:
        show_person = getattr(self.screen, "show_person", None)
        if event.person_id is not None and show_person is not None:
            await show_person(event.person_id)

    # Coaching flags
    def _show_flags(self, opportunity: Qualification) -> None:
        rows = [
            FlagRow(str(n), flag.subject, flag.message, flag.person_id)
            for n, flag in enumerate(opportunity.flags)
        ]
        table = self.query_one("#flags", FlagTable)
        table.show(rows, max(20, self._width - 4))
        self._show_flag(table.current_key())

    def _show_flag(self, key: str | None) -> None:
        opportunity = self.opportunity
        text = Text()
        flags = opportunity.flags if opportunity else ()
        if key is not None and key.isdigit() and int(key) < len(flags):
            flag = flags[int(key)]
            text.append(f"{flag.subject}: ", style="bold")
            text.append(flag.message)
            text.append("\nFix: ", style="bold green")
            text.append(flag.fix)
            if flag.person_id is not None:
                text.append(" · enter opens them", style="dim")
        self.query_one("#flag-detail", Static).update(fmt.visible(text))

    @on(DataTable.RowHighlighted, "#flags")
    def _flag_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_flag(None if event.row_key is None else event.row_key.value)

    # Moving around
    @on(QualificationTable.Browse)
    def _browse(self, event: QualificationTable.Browse) -> None:
        ids = [o.id for o in self.data.opportunities]
        if len(ids) < 2:
            return
        self._index = (self._index + event.step) % len(ids)
        self.opportunity_id = ids[self._index]
        self._show()

    def action_next_view(self) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        if self.view != "vote":
            self.what_if.clear()  # a what-if lasts while it is in view
        self._show()
        self.focus_first()

    # Qualifying out
    def action_qualify_out(self) -> None:
        opportunity = self.opportunity
        if opportunity is None:
            return
        fields = [
            FormField(
                "reason",
                "Why",
                Kind.LONG_TEXT,
                "what the next review reads: no budget, no access to who decides, not worth the effort …",
                required=True,
            )
        ]
        planned = opportunity.planned_activities
        if planned:
            fields.append(
                FormField(
                    "cancel",
                    f"Its {planned} planned activit{'y' if planned == 1 else 'ies'}",
                    Kind.CHOICE,
                    "cancelled, they free the time they would take",
                    required=True,
                    options=(Option(True, "cancel", "c"), Option(False, "keep", "k")),
                )
            )
        spec = FormSpec(f"Qualify out: {one_line(opportunity.title)}", tuple(fields), today=self.today)
        store, title, value = self.store, opportunity.title, opportunity.value
        currency = self.context.currency

        def save(values: dict[str, Any]) -> int:
            return store.qualify_out(opportunity.id, values["reason"], bool(values.get("cancel")))

        def saved(cancelled: int | None) -> None:
            if cancelled is None:
                return
            freed = f" and {cancelled} planned activit{'y' if cancelled == 1 else 'ies'}" if cancelled else ""
            self.notify(
                f"Qualified out {title}: {fmt.money(value, currency)}{freed} freed · u undoes it",
                markup=False,
            )
            self._after_change()

        self.app.push_screen(RecordForm(spec, {"cancel": True}, save), saved)

    # After a change
    def _after_change(self) -> None:
        if self.is_attached:
            self.load()
        self.edited()
