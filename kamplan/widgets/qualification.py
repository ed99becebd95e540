"""The Qualification section's widgets: the checklist of the ten questions, the people in a decision (with
the what-if keys), the coaching flags, and the bars of a vote.

Each is handed plain data and posts Messages; the section saves, works out the measures in
kamplan.planning and hands the new data back. Every name and note is shown as text, never as markup.

Keys: in the checklist `y` yes, `p` partly, `n` no, `d` don't know (unknown: `u` is undo, `?` help),
`e`/Enter the evidence. Among the people: `a` add to the decision, `x` take out, Shift+←→ support and
Shift+↑↓ influence for the moment (what if), `m` the smallest move to a win, Ctrl+S keep the what-if,
Escape forget it, Enter open the person. In all three ← → go to the previous or next opportunity.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from kamplan.enums import Answer
from kamplan.widgets.format import DASH, SUPPORT_WORDS
from kamplan.widgets.names import cut, one_line
from kamplan.widgets.table import Table

ANSWER_STYLE = {
    Answer.YES: "bold green",
    Answer.PARTLY: "yellow",
    Answer.NO: "bold red",
    Answer.UNKNOWN: "dim",
}
ANSWER_WORDS = {Answer.YES: "yes", Answer.PARTLY: "partly", Answer.NO: "no", Answer.UNKNOWN: "unknown"}
# The single key for each answer; "don't know" is d: u undoes and ? shows the help everywhere.
ANSWER_KEYS = ((Answer.YES, "y"), (Answer.PARTLY, "p"), (Answer.NO, "n"), (Answer.UNKNOWN, "d"))
ANSWER_LEGEND = "y yes · p partly · n no · d don't know · e evidence"
ROLE_SHORT = {
    "economic_buyer": "econ buyer",
    "decision_maker": "decision maker",
    "technical_evaluator": "tech evaluator",
    "influencer": "influencer",
    "gatekeeper": "gatekeeper",
    "coach": "coach",
    "user": "user",
}


class QualificationTable(Table):
    """A table of the section: ← → ask for the previous or next opportunity."""

    BINDINGS = [
        Binding(
            "left", "browse(-1)", "Opportunity", id="qualification.previous", show=False, key_display="←→"
        ),
        Binding("right", "browse(1)", "Opportunity", id="qualification.next", show=False, key_display="←→"),
    ]

    class Browse(Message):
        def __init__(self, table: "QualificationTable", step: int) -> None:
            super().__init__()
            self.table = table
            self.step = step

        @property
        def control(self) -> "QualificationTable":
            return self.table

    def action_browse(self, step: int) -> None:
        self.post_message(self.Browse(self, step))

    def current_key(self) -> str | None:
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def select(self, key: str | None) -> None:
        """Put the cursor on the row `key` if it is there, else keep it where it is (within the rows)."""
        keys = [row.key.value for row in self.ordered_rows]
        row = keys.index(key) if key in keys else min(self.cursor_row, max(0, self.row_count - 1))
        self.move_cursor(row=row, animate=False)


# The checklist
@dataclass(frozen=True)
class ChecklistRow:
    key: str  # q1 … q10
    number: int
    question: str  # as the section words it for the room there is
    answer: Answer
    evidence: bool  # some evidence is written down
    changed: date | None
    recent: bool  # changed in the last seven days: what moved this week


class Checklist(QualificationTable):
    BINDINGS = [
        *(
            Binding(
                key, f"answer('{answer.value}')", ANSWER_WORDS[answer].capitalize(), id=f"checklist.{answer}"
            )
            for answer, key in ANSWER_KEYS
        ),
        Binding("e", "evidence", "Evidence", id="checklist.evidence"),
        Binding("enter", "evidence", "Evidence", id="checklist.evidence_enter", show=False),
    ]

    class Answered(Message):
        """Answer the question `key` so."""

        def __init__(self, checklist: "Checklist", key: str, answer: Answer) -> None:
            super().__init__()
            self.checklist = checklist
            self.key = key
            self.answer = answer

        @property
        def control(self) -> "Checklist":
            return self.checklist

    class EvidenceWanted(Message):
        """Write down what the answer to `key` rests on."""

        def __init__(self, checklist: "Checklist", key: str) -> None:
            super().__init__()
            self.checklist = checklist
            self.key = key

        @property
        def control(self) -> "Checklist":
            return self.checklist

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._shown: tuple[ChecklistRow, ...] | None = None

    def show(self, rows: Sequence[ChecklistRow], question_width: int, select: str | None = None) -> None:
        keep = select if select is not None else self.current_key()
        if tuple(rows) != self._shown or not self.columns:
            self._shown = tuple(rows)
            index = self.cursor_row
            self.clear(columns=True)
            self.add_column("Q", key="number")
            self.add_column("Question", key="question", width=question_width)
            self.add_column("Answer", key="answer")
            self.add_column("Changed", key="changed")
            for row in rows:
                answer = Text(ANSWER_WORDS[row.answer], style=ANSWER_STYLE[row.answer])
                if row.evidence:
                    answer.append(" ✎", style="dim")
                changed = Text(DASH if row.changed is None else f"{row.changed:%d %b}")
                if row.recent:
                    changed.stylize("bold")
                self.add_row(
                    Text(str(row.number), style="dim"),
                    cut(one_line(row.question), question_width),
                    answer,
                    changed,
                    key=row.key,
                )
            self.move_cursor(row=min(index, max(0, self.row_count - 1)), animate=False)
        self.select(keep)

    def action_answer(self, answer: str) -> None:
        key = self.current_key()
        if key is not None:
            self.post_message(self.Answered(self, key, Answer(answer)))

    def action_evidence(self) -> None:
        key = self.current_key()
        if key is not None:
            self.post_message(self.EvidenceWanted(self, key))


# The people in a decision
@dataclass(frozen=True)
class VoterRow:
    id: int
    name: str
    role: str | None
    influence: int | None
    support: int | None
    confirmed: bool
    before: tuple[int | None, int | None] | None = None  # the saved ratings, when a what-if moved them


def _rating(value: int | None, *, signed: bool = False) -> str:
    if value is None:
        return DASH
    return f"{value:+d}" if signed and value else str(value)


class VoterTable(QualificationTable):
    # One line each in the help for the arrows: Shift+←→ support, Shift+↑↓ influence.
    BINDINGS = [
        Binding("a", "add", "Add people", id="vote.add"),
        Binding("x,delete", "remove", "Take out", id="vote.remove", key_display="x"),
        Binding("shift+right", "what_if(0, 1)", "What if", id="vote.more_support", key_display="⇧←→"),
        Binding("shift+left", "what_if(0, -1)", "What if", id="vote.less_support", show=False,
                key_display="⇧←→"),
        Binding("shift+up", "what_if(1, 0)", "What if: influence", id="vote.more_influence", show=False,
                key_display="⇧↑↓"),
        Binding("shift+down", "what_if(-1, 0)", "What if: influence", id="vote.less_influence", show=False,
                key_display="⇧↑↓"),
        Binding("m", "try_move", "Smallest win", id="vote.move"),
        Binding("ctrl+s", "keep", "Keep", id="vote.keep"),
        Binding("escape", "forget", "Forget", id="vote.forget"),
        Binding("enter", "open", "Open person", id="vote.open", show=False),
    ]  # fmt: skip

    class Request(Message):
        """Something asked of the section for the person under the cursor (None: nobody there)."""

        def __init__(self, table: "VoterTable", person_id: int | None) -> None:
            super().__init__()
            self.table = table
            self.person_id = person_id

        @property
        def control(self) -> "VoterTable":
            return self.table

    class Add(Request):
        """Add people of the account to the decision."""

    class Remove(Request):
        """Take this person out of the decision."""

    class Open(Request):
        """Show this person in the stakeholder map."""

    class TryMove(Request):
        """Try the smallest move to a win, as a what-if."""

    class Keep(Request):
        """Save the what-if."""

    class Forget(Request):
        """Forget the what-if."""

    class WhatIf(Request):
        """Move this person's influence or support one step, for the moment."""

        def __init__(self, table: "VoterTable", person_id: int | None, influence: int, support: int) -> None:
            super().__init__(table, person_id)
            self.influence = influence
            self.support = support

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.what_if = False
        self.can_remove = True
        self._shown: tuple[tuple[VoterRow, ...], int] | None = None

    def show(
        self,
        rows: Sequence[VoterRow],
        name_width: int,
        *,
        what_if: bool,
        can_remove: bool,
        select: str | None = None,
    ) -> None:
        keep = select if select is not None else self.current_key()
        changed = (self.what_if, self.can_remove) != (what_if, can_remove)
        self.what_if, self.can_remove = what_if, can_remove
        if (tuple(rows), name_width) != self._shown or not self.columns:
            self._shown = (tuple(rows), name_width)
            index = self.cursor_row
            self.clear(columns=True)
            self.add_column("Person", key="name", width=name_width)
            self.add_column("Role", key="role")
            self.add_column("I", key="influence")
            self.add_column("Support", key="support")
            self.add_column("Vote", key="vote")
            for row in rows:
                self.add_row(*self._cells(row, name_width), key=str(row.id))
            if not rows:
                self.add_row(Text("nobody in this decision yet · a adds people", style="dim"), "", "", "", "")
            self.move_cursor(row=min(index, max(0, self.row_count - 1)), animate=False)
        self.select(keep)
        if changed:
            self.refresh_bindings()

    @staticmethod
    def _cells(row: VoterRow, name_width: int) -> tuple[Text, ...]:
        moved = row.before is not None
        style = "bold italic" if moved else "" if row.confirmed else "italic"
        name = Text()
        if moved:
            name.append("→ ", style="bold yellow")
        name.append(cut(one_line(row.name), name_width - len(name.plain)), style=style)
        influence = Text(_rating(row.influence), style="bold yellow" if moved else "")
        if row.support is None:
            support = Text(DASH, style="dim")
        else:
            support = Text(
                f"{_rating(row.support, signed=True)} {SUPPORT_WORDS.get(row.support, '')}".strip()
            )
            support.stylize("green" if row.support > 0 else "red" if row.support < 0 else "yellow")
        if moved:
            support.stylize("bold")
        if row.influence is None or row.support is None:
            weighted = Text("unrated", style="dim")
        else:
            weighted = Text(_rating(row.influence * row.support, signed=True))
        return (name, Text(ROLE_SHORT.get(row.role or "", DASH)), influence, support, weighted)

    def _person(self) -> int | None:
        key = self.current_key()
        return int(key) if key is not None and key.isdigit() else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("keep", "forget"):
            return self.what_if
        if action == "remove":
            return self.can_remove and self._person() is not None
        return True

    def action_add(self) -> None:
        self.post_message(self.Add(self, self._person()))

    def action_remove(self) -> None:
        self.post_message(self.Remove(self, self._person()))

    def action_open(self) -> None:
        if self._person() is not None:
            self.post_message(self.Open(self, self._person()))

    def action_try_move(self) -> None:
        self.post_message(self.TryMove(self, self._person()))

    def action_keep(self) -> None:
        self.post_message(self.Keep(self, self._person()))

    def action_forget(self) -> None:
        self.post_message(self.Forget(self, self._person()))

    def action_what_if(self, influence: int, support: int) -> None:
        if self._person() is not None:
            self.post_message(self.WhatIf(self, self._person(), influence, support))


def vote_bars(votes_for: int, against: int, undecided: int, width: int) -> Text:
    """The vote as three bars, one block per influence point (scaled down when they would not fit)."""
    label_width = 14  # "Undecided  23 "
    room = max(1, width - label_width)
    most = max(votes_for, against, undecided, 1)
    scale = min(1.0, room / most)
    text = Text()
    for n, (label, points, style) in enumerate(
        (("For", votes_for, "green"), ("Against", against, "red"), ("Undecided", undecided, "yellow"))
    ):
        if n:
            text.append("\n")
        text.append(f"{label:<10}{points:>3} ", style="bold")
        text.append("█" * round(points * scale), style=style)
    if scale < 1:
        text.append(f"\n(each █ is {1 / scale:.1f} influence points)", style="dim")
    return text


# Coaching flags
@dataclass(frozen=True)
class FlagRow:
    key: str
    subject: str
    message: str
    person_id: int | None


class FlagTable(QualificationTable):
    BINDINGS = [Binding("enter", "open", "Open person", id="flags.open")]

    class Open(Message):
        def __init__(self, table: "FlagTable", person_id: int) -> None:
            super().__init__()
            self.table = table
            self.person_id = person_id

        @property
        def control(self) -> "FlagTable":
            return self.table

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, show_header=False)
        self.rows_shown: dict[str, FlagRow] = {}

    def show(self, rows: Sequence[FlagRow], width: int, select: str | None = None) -> None:
        keep = select if select is not None else self.current_key()
        index = self.cursor_row
        self.rows_shown = {row.key: row for row in rows}
        self.clear(columns=True)
        self.add_column("Flag", key="flag", width=width)
        for row in rows:
            text = Text("⚑ ", style="bold yellow")
            text.append(one_line(row.subject), style="bold")
            text.append(f": {one_line(row.message)}")
            self.add_row(_cut_text(text, width), key=row.key)
        if not rows:
            self.add_row(Text("Nothing a coach would question here.", style="dim"), key="")
        self.move_cursor(row=min(index, max(0, self.row_count - 1)), animate=False)
        self.select(keep)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            row = self.rows_shown.get(self.current_key() or "")
            return row is not None and row.person_id is not None
        return True

    def action_open(self) -> None:
        row = self.rows_shown.get(self.current_key() or "")
        if row is not None and row.person_id is not None:
            self.post_message(self.Open(self, row.person_id))


def _cut_text(text: Text, width: int) -> Text:
    if text.cell_len <= width:
        return text
    cut_text = text[: max(0, width - 1)]
    cut_text.append("…")
    return cut_text
