"""One account: a header with its verdicts, and six sections reached by 1–6."""

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static, TabbedContent, TabPane

from kamplan.screens.base import KamplanScreen
from kamplan.widgets import format as fmt
from kamplan.widgets.guard import guarded
from kamplan.widgets.sections.assessment import AssessmentSection
from kamplan.widgets.sections.base import Section
from kamplan.widgets.sections.plan import PlanSection
from kamplan.widgets.sections.profile import ProfileSection
from kamplan.widgets.sections.qualification import QualificationSection
from kamplan.widgets.sections.reviews import ReviewsSection
from kamplan.widgets.sections.stakeholders import StakeholdersSection

SECTIONS: list[tuple[str, str, type[Section]]] = [
    ("profile", "Profile", ProfileSection),
    ("stakeholders", "Stakeholders", StakeholdersSection),
    ("plan", "Plan", PlanSection),
    ("qualification", "Qualification", QualificationSection),
    ("assessment", "Assessment", AssessmentSection),
    ("reviews", "Reviews", ReviewsSection),
]


class AccountScreen(KamplanScreen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="account.back"),
        *(
            Binding(str(n), f"section('{sid}')", label, id=f"account.section.{sid}", show=False)
            for n, (sid, label, _) in enumerate(SECTIONS, 1)
        ),
    ]

    def __init__(self, account_id: int, section: str = "profile") -> None:
        super().__init__()
        self.account_id = account_id
        self.initial_section = section
        self.currency = ""

    def compose(self) -> ComposeResult:
        yield Static(id="account-header")
        with TabbedContent(initial=self.initial_section, id="sections"):
            for n, (sid, label, section) in enumerate(SECTIONS, 1):
                with TabPane(f"{n} {label}", id=sid):
                    yield section(self.account_id, id=f"section-{sid}")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_header()
        self._activate(self.initial_section)

    @guarded
    def refresh_header(self) -> None:
        summary = self.store.summary(self.account_id, self.settings.current_date())
        if summary is None:
            return
        self.currency = summary.currency
        self.title = summary.name
        self.sub_title = "Account"
        text = Text()
        text.append(summary.name, style="bold")
        if summary.key_account:
            text.append(" ★", style="bold yellow")
        text.append(f"  ·  {fmt.quadrant(summary.quadrant)}", style="italic")
        text.append("  ·  vote today: ")
        text.append_text(fmt.verdict(summary.best_verdict))
        if summary.best_opportunity:
            text.append(f" ({fmt.first_line(summary.best_opportunity, 30)})", style="dim")
        text.append(f"  ·  relationship {fmt.integer(summary.relationship_index)}")
        self.query_one("#account-header", Static).update(text)

    def section(self, section_id: str) -> Section:
        return self.query_one(f"#section-{section_id}", Section)

    @guarded
    def _activate(self, section_id: str) -> None:
        section = self.section(section_id)
        section.ensure_loaded()
        section.focus_first()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self.section(event.pane.id).ensure_loaded()

    @guarded
    def action_section(self, section_id: str) -> None:
        self.query_one(TabbedContent).active = section_id
        self._activate(section_id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def show_person(self, person_id: int) -> None:
        self.action_section("stakeholders")
        stakeholders = self.section("stakeholders")
        assert isinstance(stakeholders, StakeholdersSection)
        stakeholders.select_person(person_id)
