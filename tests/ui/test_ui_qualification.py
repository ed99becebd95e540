"""The Qualification section by keys: the checklist answered with y p n d and evidence, the people in a
decision added and taken out, what-if ratings forgotten and kept, the smallest move to a win, the coaching
flags, and qualifying out. Each time, what the screen says of the vote and the score is what
kamplan.planning makes of the plan in the database."""

from datetime import date

from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from ui_support import notifications, screen_lines, shown, store_for, type_text

from kamplan import models as m
from kamplan import planning
from kamplan.enums import ActivityStatus, Answer, OpportunityStatus
from kamplan.screens.account.qualification import QualificationSection
from kamplan.screens.account.screen import AccountScreen
from kamplan.store.qualification import Qualification
from kamplan.widgets.dialogs import ConfirmDialog
from kamplan.widgets.form import RecordForm
from kamplan.widgets.qualification import Checklist, FlagTable, VoterTable

UI_TODAY = date(2026, 3, 4)  # as tests/ui/conftest.py gives the app


async def open_qualification(pilot) -> tuple[AccountScreen, QualificationSection]:  # type: ignore[no-untyped-def]
    await pilot.press("enter", "4")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AccountScreen)
    section = screen.section("qualification")
    assert isinstance(section, QualificationSection)
    return screen, section


def opportunity(engine: Engine, index: int) -> Qualification:
    """The index-th open opportunity as the plan in the database has it now."""
    return store_for(engine).qualification(1, UI_TODAY).opportunities[index]


def answers(engine: Engine, opportunity_id: int) -> dict[str, tuple[str, date | None, str]]:
    with Session(engine) as session:
        rows = session.exec(
            select(m.QualificationAnswer).where(m.QualificationAnswer.opportunity_id == opportunity_id)
        ).all()
        return {r.question: (str(r.answer), r.changed_on, r.evidence) for r in rows}


def assert_the_screen_tells_the_plan(section: QualificationSection, engine: Engine, index: int) -> None:
    """The score, the verdict, the vote in words and the smallest move on screen are planning's, worked
    out from the database (and from the what-if ratings shown, if any)."""
    view = store_for(engine).qualification(1, UI_TODAY)
    shown_opportunity = view.opportunities[index]
    assert section.opportunity_id == shown_opportunity.id
    voters = view.voters(shown_opportunity)
    saved = planning.vote_today(p.rating for p in voters)
    score = planning.qualification_score({a.question: a.answer for a in shown_opportunity.answers})
    status = shown(section.query_one("#qualification-status"))
    assert status.startswith(f"Score {score} · vote {saved.verdict} · ")
    low, high = planning.suggested_band(saved.verdict, score)
    assert f"suggested {low}–{high} %" in status
    reason = planning.optimism_reason("open", shown_opportunity.probability, saved, score, brief=True)
    assert (f"looks optimistic: {reason}" in status) == (reason is not None)

    def rating(person):  # type: ignore[no-untyped-def]
        if person.id in section.what_if:
            influence, support = section.what_if[person.id]
            return planning.Rating(influence, support, person.confirmed)
        return person.rating

    ratings = [(p.name, rating(p)) for p in voters]
    words = " ".join(shown(section.query_one("#vote-words")).split())
    assert words == planning.vote_explanation(ratings)
    move = planning.smallest_winning_move([r for _, r in ratings])
    said = " ".join(shown(section.query_one("#vote-move")).split())
    if move is None:
        assert said.endswith("rate the people in this decision first.")
    elif not move.changes:
        assert said.endswith("it is a win today.")
    else:
        steps = f"{move.steps} rating step{'s' if move.steps != 1 else ''} — "
        assert steps in said and all(ratings[c.index][0] in said for c in move.changes)


async def test_the_checklist_is_answered_by_single_keys(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, section = await open_qualification(pilot)
        checklist = section.query_one("#checklist", Checklist)
        renewal = opportunity(ui_demo_engine, 0)
        # 4 opens the section on the first question of the first open opportunity.
        assert app.focused is checklist and checklist.current_key() == "q1"
        detail = shown(section.query_one("#question-detail"))
        assert detail.startswith("Q1 yes since 17 Feb · evidence: Procurement runs an RFQ")
        assert "We know how this customer buys, step by step" in detail
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)

        await pilot.press("n")  # q1 yes → no
        assert answers(ui_demo_engine, renewal.id)["q1"][:2] == ("no", UI_TODAY)
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)
        assert "Score 65" in shown(section.query_one("#qualification-status"))
        assert "Find out next: Q1 We know how they buy" in shown(section.query_one("#find-out"))
        assert "optimistic" in shown(screen.query_one("#account-header"))

        await pilot.press("down", "d", "down", "p", "down", "y")  # q2 unknown, q3 partly (as it was), q4 yes
        got = answers(ui_demo_engine, renewal.id)
        assert [got[q][0] for q in ("q1", "q2", "q3", "q4")] == ["no", "unknown", "partly", "yes"]
        assert got["q3"][1] == date(2026, 2, 17)  # the same answer again moves no day
        assert checklist.current_key() == "q4"
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)

        await pilot.press("u")  # takes back q2 only; the cursor stays
        assert answers(ui_demo_engine, renewal.id)["q2"][0] == "yes"
        assert checklist.current_key() == "q4"
        assert "undid: Q2 'yes' → 'unknown'" in notifications(app)[-1]
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)

        # Evidence: e opens the note, Ctrl+S keeps it; the answer keeps its day.
        await pilot.press("e")
        assert isinstance(app.screen, RecordForm)
        editor = app.screen.query_one("#field-evidence")
        editor.text = ""  # type: ignore[attr-defined]
        await type_text(pilot, "Nadia said so on [b]Monday[/b].")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert answers(ui_demo_engine, renewal.id)["q4"][2] == "Nadia said so on [b]Monday[/b]."
        assert "Nadia said so on [b]Monday[/b]." in shown(section.query_one("#question-detail"))

        # → the next opportunity: its own answers, its own vote.
        await pilot.press("right")
        assert "◂ 2/3 ▸ Lidding film" in shown(section.query_one("#qualification-head"))
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 1)
        await pilot.press("left")
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)


async def test_the_people_in_a_decision_are_added_and_taken_out(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        _, section = await open_qualification(pilot)
        await pilot.press("v")
        voters = section.query_one("#voters", VoterTable)
        assert app.focused is voters and voters.row_count == 8
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)

        await pilot.press("a")
        assert isinstance(app.screen, RecordForm)
        await type_text(pilot, "Margit, Chiara")
        await pilot.press("enter")
        await pilot.pause()
        renewal = opportunity(ui_demo_engine, 0)
        names = {p.id: p.name for p in store_for(ui_demo_engine).qualification(1, UI_TODAY).people}
        assert [names[i] for i in renewal.participant_ids[-2:]] == ["Margit Holmqvist", "Chiara Lombardi"]
        assert voters.row_count == 10 and voters.current_key() == str(renewal.participant_ids[-2])
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)

        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert [names[i] for i in opportunity(ui_demo_engine, 0).participant_ids[-1:]] == ["Chiara Lombardi"]
        assert voters.row_count == 9
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)

        await pilot.press("u")
        assert opportunity(ui_demo_engine, 0).participant_ids == renewal.participant_ids
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)


async def test_what_if_changes_the_verdict_at_once_and_saves_only_when_kept(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    store = store_for(ui_demo_engine)
    saved = {p.id: (p.influence, p.support) for p in store.qualification(1, UI_TODAY).people}
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, section = await open_qualification(pilot)
        await pilot.press("v")
        voters = section.query_one("#voters", VoterTable)
        assert voters.current_key() == "1"  # Annelies Verbruggen, the CEO: influence 5, neutral
        assert "too close: 5 of 32 influence points undecided — Annelies Verbruggen" in shown(
            section.query_one("#vote-words")
        )

        await pilot.press("shift+right")  # supportive, for the moment
        assert section.what_if == {1: (5, 1)}
        assert shown(section.query_one("#vote-words")).startswith("win: 18 of 32 influence points for us")
        assert "too close → win" in shown(section.query_one("#what-if"))
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)
        assert {p.id: (p.influence, p.support) for p in store.qualification(1, UI_TODAY).people} == saved

        await pilot.press("escape")  # forgets the what-if; the screen stays
        assert section.what_if == {} and app.screen is screen
        assert not section.query_one("#what-if").display
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)

        await pilot.press(
            "down", "shift+down", "shift+right", "shift+right"
        )  # Pieter: influence 4, supportive
        assert section.what_if == {2: (4, 1)}
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)
        await pilot.press("ctrl+s")  # kept: one step
        await pilot.pause()
        people = {p.id: (p.influence, p.support) for p in store.qualification(1, UI_TODAY).people}
        assert people[2] == (4, 1) and section.what_if == {}
        assert "Kept the new ratings of Pieter Dekkers" in notifications(app)[-1]
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)

        await pilot.press("u")
        assert {p.id: (p.influence, p.support) for p in store.qualification(1, UI_TODAY).people} == saved
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)

        # m tries the smallest move: one step for the CEO; nothing is saved until Ctrl+S.
        assert "1 rating step — Annelies Verbruggen support 0 → +1" in shown(section.query_one("#vote-move"))
        await pilot.press("m")
        assert section.what_if == {1: (5, 1)}
        assert shown(section.query_one("#vote-words")).startswith("win:")
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 0)
        await pilot.press("v")  # leaving the view forgets it
        assert section.what_if == {}
        assert {p.id: (p.influence, p.support) for p in store.qualification(1, UI_TODAY).people} == saved


async def test_the_coaching_flags_of_an_opportunity(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, section = await open_qualification(pilot)
        await pilot.press("right", "v", "v")
        flags = section.query_one("#flags", FlagTable)
        lidding = opportunity(ui_demo_engine, 1)
        assert app.focused is flags and flags.row_count == len(lidding.flags) == 5
        assert [f.rule for f in lidding.flags][:3] == [
            "no-economic-buyer",
            "no-decision-maker",
            "no-champion",
        ]
        assert "Fix: Find out who signs off the money" in shown(section.query_one("#flag-detail"))
        assert "⚑ 9 flags" in shown(screen.query_one("#account-header"))
        await pilot.press("down", "down", "down")  # Margit Holmqvist: no owner on our side
        assert "Give them an owner" in shown(section.query_one("#flag-detail"))
        await pilot.press("enter")  # opens her in the stakeholder map
        await pilot.pause()
        assert screen.active_section == "stakeholders"
        assert screen.section("stakeholders").current_person() == 4  # type: ignore[attr-defined]


async def test_qualify_out_with_the_reason(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        _, section = await open_qualification(pilot)
        await pilot.press("right")
        lidding = opportunity(ui_demo_engine, 1)
        await pilot.press("o")
        assert isinstance(app.screen, RecordForm)
        await pilot.press("ctrl+s")  # no reason: refused at the field
        assert isinstance(app.screen, RecordForm)
        await type_text(pilot, "No budget for lids before 2027; Chiara picks the shortlist alone.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        with Session(ui_demo_engine) as session:
            closed = session.get(m.Opportunity, lidding.id)
            assert closed is not None and closed.status == OpportunityStatus.QUALIFIED_OUT
            assert closed.status_reason.startswith("No budget for lids")
            planned = session.exec(
                select(m.Activity).where(
                    m.Activity.opportunity_id == lidding.id, m.Activity.status == ActivityStatus.PLANNED
                )
            ).all()
            assert planned == []
        assert f"and {lidding.planned_activities} planned activities freed" in notifications(app)[-1]
        # The next open opportunity takes its place.
        assert "◂ 2/2 ▸ Recyclable" in shown(section.query_one("#qualification-head"))
        assert_the_screen_tells_the_plan(section, ui_demo_engine, 1)

        await pilot.press("escape")  # the portfolio counts what it freed
        await pilot.pause()
        health = shown(app.screen.query_one("#health"))
        assert "Qualified out 2: 2.35m and" in health

        await pilot.press("enter", "u")  # back in the account, undone
        await pilot.pause()
        assert opportunity(ui_demo_engine, 1).id == lidding.id


async def test_an_account_without_open_opportunities(engine: Engine, make_ui_app) -> None:
    store_for(engine).create_account("Empty")
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        _, section = await open_qualification(pilot)
        assert "No open opportunity to qualify" in shown(section.query_one("#qualification-head"))
        await pilot.press("y", "v", "o", "right")  # nothing to answer, nothing breaks
        assert "No open opportunity" in "\n".join(screen_lines(app))


def test_answer_keys_leave_undo_and_help_alone() -> None:
    keys = {binding.key for binding in Checklist.BINDINGS}
    assert {"y", "p", "n", "d"} <= keys and not keys & {"u", "U", "question_mark"}
    assert [a for a in Answer] == [Answer.YES, Answer.PARTLY, Answer.NO, Answer.UNKNOWN]


async def test_the_portfolio_counts_the_flags_a_change_in_an_account_moved(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    """Naming the CFO in the lidding decision leaves every number of the portfolio's table as it was, but
    takes one coaching flag away (no economic buyer): the health line says so on the way back."""
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "⚑ 9 coaching flags" in shown(app.screen.query_one("#health"))
        await open_qualification(pilot)
        await pilot.press("right", "v", "a")
        await type_text(pilot, "Pieter")
        await pilot.press("enter")
        await pilot.pause()
        assert "⚑ 8 flags" in "\n".join(screen_lines(app))
        await pilot.press("escape")
        await pilot.pause()
        assert "⚑ 8 coaching flags" in shown(app.screen.query_one("#health"))
