"""One account: a header with its verdicts, and six sections reached by 1–6."""

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import ContentSwitcher, Static

from kamplan.screens.account.assessment import AssessmentSection
from kamplan.screens.account.plan import PlanSection
from kamplan.screens.account.profile import ProfileSection
from kamplan.screens.account.qualification import QualificationSection
from kamplan.screens.account.reviews import ReviewsSection
from kamplan.screens.account.section import AccountContext, Section
from kamplan.screens.account.stakeholders import StakeholdersSection
from kamplan.screens.base import KamplanScreen
from kamplan.store.summary import Checks
from kamplan.widgets import format as fmt
from kamplan.widgets.clickline import ClickLine
from kamplan.widgets.guard import guarded
from kamplan.widgets.keybar import KeyBar

SECTIONS: list[tuple[str, str, type[Section]]] = [
    ("profile", "Profile", ProfileSection),
    ("stakeholders", "Stakeholders", StakeholdersSection),
    ("plan", "Plan", PlanSection),
    ("qualification", "Qualification", QualificationSection),
    ("assessment", "Assessment", AssessmentSection),
    ("reviews", "Reviews", ReviewsSection),
]


SECTION_TYPES = {sid: section for sid, _, section in SECTIONS}
BUILD_AHEAD_PAUSE = 0.05  # seconds after a section is shown before the next one is built
ACTIVE = "bold $block-cursor-foreground on $block-cursor-background"


def forecast_line(summary: Checks, width: int) -> Text:
    """The forecasts the plan does not back up, each with its reason, and what a coach would question: a
    line under the header ('' when there is nothing to say). Titles are cut so the line fits `width`."""
    text = Text()
    if not summary.optimistic and not summary.coaching_flags:
        return text
    text.append("\n")
    flags = f"⚑ {summary.coaching_flags} flag{'s' if summary.coaching_flags != 1 else ''}"
    if summary.optimistic:
        tails = [f" {o.probability} % ({o.brief})" for o in summary.optimistic]
        fixed = (
            len("⚠ optimistic: ")
            + sum(len(t) + 3 for t in tails)
            + (len(flags) if summary.coaching_flags else 0)
        )
        room = max(16, min(30, (width - fixed) // len(tails)))
        text.append("⚠ optimistic: ", style="bold yellow")
        for n, (o, tail) in enumerate(zip(summary.optimistic, tails, strict=True)):
            text.append(" · " if n else "")
            text.append(fmt.first_line(o.title, room), style="yellow")
            text.append(tail, style="yellow")
        text.append(" · " if summary.coaching_flags else "")
    if summary.coaching_flags:
        text.append(flags, style="bold")
    return text


class AccountScreen(KamplanScreen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="account.back"),
        Binding("w", "week", "Week", id="account.week"),
        *(
            Binding(str(n), f"section('{sid}')", label, id=f"account.section.{sid}", show=False)
            for n, (sid, label, _) in enumerate(SECTIONS, 1)
        ),
    ]

    def __init__(self, account_id: int, section: str = "profile") -> None:
        super().__init__()
        self.account_id = account_id
        self.context = AccountContext(account_id)
        self.active_section = section
        self._mounting: dict[str, asyncio.Future[Section]] = {}
        self.left_at: object = None  # the plan_stamp when this screen was last left (RecentAccounts)
        self._left_theme: object = None
        self._build_ahead_pending = False

    def compose(self) -> ComposeResult:
        yield Static(id="account-header")
        yield ClickLine(id="section-bar")
        # Only the first section is built now (fast open); each other one when the section before it is
        # shown (_build_ahead), or when first visited if that comes sooner. A plain switcher and one line
        # of section names: Textual's TabbedContent animated its underline and restyled every tab.
        with ContentSwitcher(initial=f"section-{self.active_section}", id="sections"):
            yield self._new_section(self.active_section)
        yield KeyBar()

    def _show_section_bar(self) -> None:
        self.query_one("#section-bar", ClickLine).show(
            [
                (
                    Content.from_markup(f"[{ACTIVE if sid == self.active_section else 'dim'}] {n} {label} "),
                    f"screen.section('{sid}')",
                )
                for n, (sid, label, _) in enumerate(SECTIONS, 1)
            ]
        )

    @contextmanager
    def _unless_closed(self) -> Iterator[None]:
        """Building a section awaits its mount; if Escape closed the screen meanwhile, the widgets it
        reaches for are gone. That is no error: there is nothing left to show."""
        try:
            yield
        except (NoMatches, ValueError):
            if self in self.app.screen_stack:
                raise

    async def on_mount(self) -> None:
        self.refresh_header()
        self._show_section_bar()
        with self._unless_closed():
            await self._activate(self.active_section)
        self.call_after_refresh(self._build_ahead)

    def _build_ahead(self) -> None:
        """Build the section after the one shown, so its first visit finds it ready: a weekly review goes
        through them in order. Only that one (every widget costs memory, and kept screens add up), and
        after a pause, so a key pressed meanwhile is handled first."""
        if not self._build_ahead_pending:
            self._build_ahead_pending = True
            self.set_timer(BUILD_AHEAD_PAUSE, self._build_next)

    async def _build_next(self) -> None:
        self._build_ahead_pending = False
        ids = [sid for sid, _, _ in SECTIONS]
        following = ids[ids.index(self.active_section) + 1 :]
        if not following or not self.is_current:  # left meanwhile: that is for when it is shown again
            return
        with self._unless_closed():
            (await self._built(following[0])).ensure_loaded()

    def on_screen_suspend(self) -> None:
        self.left_at = self.kamplan.plan_stamp()
        self._left_theme = self._theme()

    def _theme(self) -> object:
        return (self.app.theme, self.app.ansi_color)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. Textual restyles every widget of a screen pushed again:
        # 70 ms for a kept account with all its sections built. Its styles can only be out of date if
        # the theme changed while it was away.
        if self.left_at is not None and self._left_theme == self._theme():
            event.refresh_styles = False
        self._build_ahead()  # if it was left before the next section was built

    @guarded
    def refresh_header(self) -> None:
        summary = self.store.summary(self.account_id, self.settings.current_date())
        if summary is None:
            return
        self.context.currency = summary.currency
        self.title = fmt.shown(summary.name)  # the help screen's title too
        self.sub_title = "Account"
        text = Text()
        text.append(fmt.shown(summary.name), style="bold")
        if summary.key_account:
            text.append(" ★", style="bold yellow")
        text.append(f"  ·  {fmt.quadrant(summary.quadrant)}", style="italic")
        text.append("  ·  vote today: ")
        text.append_text(fmt.verdict(summary.best_verdict))
        if summary.best_opportunity:
            text.append(f" ({fmt.first_line(summary.best_opportunity, 30)})", style="dim")
        text.append(f"  ·  relationship {fmt.integer(summary.relationship_index)}")
        coverage = self.store.coverage(self.account_id, self.settings.current_date())
        text.append(f"  ·  power coverage {fmt.percent(coverage.power)}")
        if coverage.comfort_zone:
            text.append("  ⚠ comfort zone", style="bold red")
        checks = self.store.checks(self.settings.current_date(), self.account_id).get(self.account_id)
        if checks is not None:
            text.append_text(forecast_line(checks, self.app.size.width - 2))
        self.query_one("#account-header", Static).update(text)

    def on_section_edited(self, event: Section.Edited) -> None:
        """A section saved a change: the header and every other section may show it."""
        self.plan_changed(keep=event.section)

    def plan_changed(self, keep: Section | None = None) -> None:
        """Redraw what the plan changed: the header now, the shown section now (unless it is `keep`,
        which already did), the others when next shown."""
        self.refresh_header()
        for section in self.query(Section):
            if section is keep or not section.loaded:
                continue
            if section.display and section.id == f"section-{self.active_section}":
                section.reload()
            else:
                section.loaded = False

    def section(self, section_id: str) -> Section:
        return self.query_one(f"#section-{section_id}", Section)

    def _new_section(self, section_id: str) -> Section:
        return SECTION_TYPES[section_id](self.context, id=f"section-{section_id}")

    async def _built(self, section_id: str) -> Section:
        """The section, mounted on first use. Two quick keys may both ask for it: the second waits for
        the first one's mount instead of finding it half-built."""
        if section_id not in self._mounting:
            found = self.query(f"#section-{section_id}")
            if found:
                return found.first(Section)
            section = self._new_section(section_id)
            section.display = False  # the switcher shows it
            self._mounting[section_id] = asyncio.ensure_future(self._mount_into(section))
        return await asyncio.shield(self._mounting[section_id])

    async def _mount_into(self, section: Section) -> Section:
        await self.query_one("#sections", ContentSwitcher).mount(section)
        return section

    @guarded
    async def _activate(self, section_id: str) -> None:
        section = await self._built(section_id)
        section.ensure_loaded()
        section.focus_first()

    async def action_section(self, section_id: str) -> None:
        with self._unless_closed():
            section = await self._built(section_id)
            if self.active_section != section_id or not section.display:
                self.active_section = section_id
                self.query_one("#sections", ContentSwitcher).current = section.id
                self._show_section_bar()
            await self._activate(section_id)
            self._build_ahead()

    def action_week(self) -> None:
        self.kamplan.show_week()

    async def show_activity(self, activity_id: int) -> None:
        await self.action_section("plan")
        with self._unless_closed():
            plan = self.section("plan")
            assert isinstance(plan, PlanSection)
            plan.show_activity(activity_id)

    async def show_person(self, person_id: int) -> None:
        await self.action_section("stakeholders")
        with self._unless_closed():
            stakeholders = self.section("stakeholders")
            assert isinstance(stakeholders, StakeholdersSection)
            stakeholders.select_person(person_id)
