"""Qualification: the ten hard questions per opportunity, and the litmus test of today's vote."""

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from kamplan import planning
from kamplan.screens.account.section import Section
from kamplan.widgets import format as fmt
from kamplan.widgets.table import Table

# Short forms of the ten questions, for the table; the full wording is in kamplan.planning.QUESTIONS.
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
ANSWER_STYLE = {"yes": "green", "partly": "yellow", "no": "red", "unknown": "dim"}


class QualificationSection(Section):
    def compose(self) -> ComposeResult:
        yield Static(id="votes", classes="section-summary")
        yield Table(id="qualification-table", cursor_type="row", zebra_stripes=True)

    def load(self) -> None:
        opps = [o for o in self.store.opportunities(self.account_id) if planning.is_open(o.status)]
        votes = Text()
        if not opps:
            votes.append("No open opportunities to qualify.", style="dim")
        for n, o in enumerate(opps, 1):
            v = o.vote
            votes.append(f"#{n} {fmt.first_line(o.title, 40)}: ", style="bold")
            votes.append("if they voted today: ")
            votes.append_text(fmt.verdict(v.verdict))
            votes.append(f" ({v.votes_for} for, {v.against} against, {v.undecided} undecided)")
            votes.append(f" · score {o.qualification_score}")
            if o.optimism:
                votes.append(f"\n   ⚠ {o.probability} % looks optimistic: {o.optimism}", style="yellow")
            votes.append("\n")
        self.query_one("#votes", Static).update(votes)
        table = self.query_one("#qualification-table", DataTable)
        table.clear(columns=True)
        table.add_column("Question", key="question")
        for n, _ in enumerate(opps, 1):
            table.add_column(f"#{n}", key=f"o{n}")
        # The questions in full where they fit beside the answers ("unknown" and padding: 9 each), else
        # their short forms, cut if even those do not.
        room = self.app.size.width - 6 - 9 * len(opps)
        questions = planning.QUESTIONS
        if max(len(text) for text in questions.values()) > room:
            questions = SHORT_QUESTIONS
        for key in planning.QUESTION_KEYS:
            answers = [o.answers[key] for o in opps]
            table.add_row(
                fmt.first_line(questions[key], max(10, room)),
                *(Text(str(a), style=ANSWER_STYLE[str(a)]) for a in answers),
                key=key,
            )
        table.add_row(
            Text("Score", style="bold"), *(Text(str(o.qualification_score), style="bold") for o in opps)
        )
