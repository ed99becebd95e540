"""Assessment: how attractive the account is to us, how strong we are to them, and the relationship."""

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from kamplan import planning
from kamplan.screens.account.section import Section
from kamplan.widgets import format as fmt
from kamplan.widgets.table import Table


class AssessmentSection(Section):
    def compose(self) -> ComposeResult:
        yield Static(id="assessment-summary", classes="section-summary")
        yield Static("Attractiveness to us", classes="section-title")
        yield Table(id="attractiveness", cursor_type="row", zebra_stripes=True)
        yield Static("Our strength in their eyes", classes="section-title")
        yield Table(id="strength", cursor_type="row", zebra_stripes=True)
        yield Static("Relationship indicators", classes="section-title")
        yield Table(id="indicators", cursor_type="row", zebra_stripes=True)

    def load(self) -> None:
        result = self.store.assessment(self.account_id)
        self.query_one("#assessment-summary", Static).update(
            f"Attractiveness {fmt.score(result.attractiveness_score)} · our strength "
            f"{fmt.score(result.strength_score)} · quadrant [b]{fmt.quadrant(result.quadrant)}[/b] · "
            f"relationship index {fmt.integer(result.relationship_index)}"
        )
        for table_id, criteria in (
            ("#attractiveness", result.attractiveness),
            ("#strength", result.strength),
        ):
            self._criteria(table_id, criteria)
        table = self.query_one("#indicators", DataTable)
        table.clear(columns=True)
        table.add_columns("Indicator", "Score", "Evidence")
        # The evidence takes what the indicator and its score leave, so nothing hides to the right.
        width = self.app.size.width
        name_width = min(width // 2, max((len(name) for name, _, _ in result.indicators), default=9))
        evidence_width = max(10, width - 16 - name_width)
        for name, score, evidence in result.indicators:
            table.add_row(
                fmt.first_line(name, name_width),
                "–" if score is None else f"{score}/5",
                fmt.first_line(evidence, evidence_width),
            )

    def _criteria(self, table_id: str, criteria: list[planning.Criterion]) -> None:
        table = self.query_one(table_id, DataTable)
        table.clear(columns=True)
        table.add_columns("Criterion", "Weight", "Score")
        for c in criteria:
            table.add_row(c.name, f"{c.weight:g}", "–" if c.score is None else f"{c.score:g}/10")
        if not criteria:
            table.add_row("No criteria yet", "", "")
