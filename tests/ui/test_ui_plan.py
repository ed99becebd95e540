"""The Plan section by keys: the quick-add line (what it takes and what it refuses, with the message), done
with its outcome and the last contact, move, cancel and undo, closing opportunities with their reasons,
competitors and targets, and the ICS/CSV export."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import UI_TODAY
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from textual.content import Content
from textual.widgets import DataTable, Input
from ui_support import column, notifications, replace_input, shown, store_for, type_text

from kamplan import models as m
from kamplan.screens.account.plan import PlanSection
from kamplan.screens.account.screen import AccountScreen
from kamplan.widgets.form import RecordForm
from kamplan.widgets.quick_add import QuickAddLine, WordSuggester

FRIDAY = UI_TODAY + timedelta(days=2)  # UI_TODAY is a Wednesday


def activities(engine: Engine) -> list[m.Activity]:
    with Session(engine) as session:
        found = list(session.exec(select(m.Activity).order_by(m.Activity.id)))
        for row in found:
            session.expunge(row)
        return found


def reached(engine: Engine, activity_id: int) -> list[str]:
    with Session(engine) as session:
        return [
            name
            for (name,) in session.execute(
                select(m.Stakeholder.name)
                .join(m.ActivityStakeholder, m.ActivityStakeholder.stakeholder_id == m.Stakeholder.id)
                .where(m.ActivityStakeholder.activity_id == activity_id)
            )
        ]


def last_contact(engine: Engine, name: str) -> date | None:
    with Session(engine) as session:
        return session.exec(select(m.Stakeholder).where(m.Stakeholder.name == name)).one().last_contact


async def open_plan(pilot) -> PlanSection:  # type: ignore[no-untyped-def]
    await pilot.press("enter", "3")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AccountScreen)
    plan = screen.section("plan")
    assert isinstance(plan, PlanSection)
    return plan


def table(plan: PlanSection, name: str) -> DataTable[object]:
    return plan.query_one(f"#{name} ListTable", DataTable)


async def paste(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Put `text` in the focused field at once (as a paste does): typing it key by key is tested once."""
    await pilot.pause()  # a focus() just made takes effect
    field = pilot.app.focused
    if isinstance(field, Input):
        field.value = text
    else:
        field.load_text(text)
    await pilot.pause()


async def cursor_to(pilot, grid: DataTable[object], key: str) -> None:  # type: ignore[no-untyped-def]
    grid.move_cursor(row=grid.get_row_index(key))
    await pilot.pause()


async def test_quick_add_plans_a_call_with_one_enter(ui_demo_engine: Engine, make_ui_app) -> None:
    before = len(activities(ui_demo_engine))
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await open_plan(pilot)
        assert app.focused is table(plan, "activities")  # the section opens in the activity list
        await pilot.press("a")
        line = app.screen
        assert isinstance(line, QuickAddLine)
        await type_text(pilot, 'call Pieter Dekkers fri "check the budget"')
        assert line.understood == (
            "→ call with Pieter Dekkers · Fri 6 Mar 2026 (in 2 days) · “check the budget”"
        )
        await pilot.press("enter")
        assert isinstance(app.screen, AccountScreen)
        new = activities(ui_demo_engine)[-1]
        assert len(activities(ui_demo_engine)) == before + 1
        assert (new.date, new.type, new.status, new.objective) == (
            FRIDAY,
            "call",
            "planned",
            "check the budget",
        )
        assert reached(ui_demo_engine, new.id) == ["Pieter Dekkers"]
        grid = table(plan, "activities")
        assert grid.coordinate_to_cell_key(grid.cursor_coordinate).row_key.value == str(new.id)
        assert "check the budget" in shown(plan.query_one("#plan-detail"))

        await pilot.press("a")
        await paste(pilot, 'mtg joost, nadia +1w #1 "QBR"')  # several people, an opportunity, +1w
        await pilot.press("enter")
        meeting = activities(ui_demo_engine)[-1]
        assert (meeting.date, meeting.type, meeting.opportunity_id) == (
            UI_TODAY + timedelta(weeks=1),
            "meeting",
            1,
        )
        assert reached(ui_demo_engine, meeting.id) == ["Joost Hermsen", "Nadia El Idrissi"]

        await pilot.press("u")
        assert notifications(app)[-1] == "undid: new meeting with Joost Hermsen +1 11 Mar"
        assert len(activities(ui_demo_engine)) == before + 1


async def test_quick_add_refuses_what_it_cannot_read_and_says_why(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    before = len(activities(ui_demo_engine))
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("a")
        line = app.screen
        assert isinstance(line, QuickAddLine)
        for typed, message in [
            ("call zed fri", "nobody at this account is called 'zed'"),
            ("call j fri", "'j' could be Femke Jansma, Joost Hermsen, Julia Brandt: type more of the name"),
            ("cal pieter fri", "start with what it is: call, mtg, brief, event, proposal, referral, intro"),
            ("call pieter", "when? add a date: 2026-12-15, 15 dec"),
            ("call pieter fri #7", "there is no opportunity #7 (the plan lists #1–#4)"),
            ("call pieter fri @zz", "nobody on our side is called 'zz'"),
        ]:
            await paste(pilot, typed)
            await pilot.press("enter")
            assert app.screen is line, typed  # still open: nothing saved
            assert line.understood.startswith(message), (typed, line.understood)
            assert line.query_one("#quick-understood").has_class("-error")
        await pilot.press("escape")
        assert isinstance(app.screen, AccountScreen)
    assert len(activities(ui_demo_engine)) == before


async def test_done_asks_the_outcome_and_updates_the_last_contact_and_undo_takes_it_back(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    ruben = next(
        a for a in activities(ui_demo_engine) if a.objective.startswith("Confirm the final RFQ date")
    )
    before = last_contact(ui_demo_engine, "Ruben Claes")
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await open_plan(pilot)
        await cursor_to(pilot, table(plan, "activities"), str(ruben.id))
        await pilot.press("d")
        form = app.screen
        assert isinstance(form, RecordForm) and form.spec.title == "Done: call with Ruben Claes, Thu 5 Mar"
        await paste(pilot, "RFQ on 16 March, price weighs 40 %")
        await pilot.press("enter")
        done = next(a for a in activities(ui_demo_engine) if a.id == ruben.id)
        assert (done.status, done.outcome, done.date) == (
            "done",
            "RFQ on 16 March, price weighs 40 %",
            UI_TODAY,
        )
        assert last_contact(ui_demo_engine, "Ruben Claes") == UI_TODAY
        assert "done" in column(table(plan, "activities"), 5)[table(plan, "activities").cursor_row]

        await pilot.press("u")
        assert notifications(app)[-1] == "undid: done: call with Ruben Claes 5 Mar"
        undone = next(a for a in activities(ui_demo_engine) if a.id == ruben.id)
        assert (undone.status, undone.outcome, undone.date) == ("planned", "", ruben.date)
        assert last_contact(ui_demo_engine, "Ruben Claes") == before
        await pilot.press("U")  # and redone
        assert last_contact(ui_demo_engine, "Ruben Claes") == UI_TODAY


async def test_move_takes_a_date_cancel_is_one_key_and_both_undo(ui_demo_engine: Engine, make_ui_app) -> None:
    lars = next(a for a in activities(ui_demo_engine) if a.objective.startswith("Agree the tray trial"))
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await open_plan(pilot)
        grid = table(plan, "activities")
        await cursor_to(pilot, grid, str(lars.id))
        await pilot.press("m")
        assert isinstance(app.screen, RecordForm)
        await type_text(pilot, "nonsense")
        await pilot.press("enter")
        assert "is not a date" in shown(app.screen.query_one("#note-day"))
        await replace_input(pilot, "+1w")
        await pilot.press("enter")
        moved = next(a for a in activities(ui_demo_engine) if a.id == lars.id)
        assert moved.date == UI_TODAY + timedelta(weeks=1)  # dates count from today, as in every form
        assert grid.coordinate_to_cell_key(grid.cursor_coordinate).row_key.value == str(lars.id)  # followed

        await pilot.press("c")
        assert next(a for a in activities(ui_demo_engine) if a.id == lars.id).status == "cancelled"
        assert notifications(app)[-1].startswith("Cancelled meeting with Elif Aydın +1")
        await pilot.press("m")  # a cancelled activity does not move: the key does nothing
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("u", "u")
        back = next(a for a in activities(ui_demo_engine) if a.id == lars.id)
        assert (back.status, back.date) == ("planned", lars.date)


async def test_closing_opportunities_asks_for_the_reason_and_qualified_out_stays_in_view(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    store = store_for(ui_demo_engine)
    lidding, trays = store.plan_opportunities(1)[1:3]
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await open_plan(pilot)
        await pilot.press("v")
        grid = table(plan, "opportunities")
        assert app.focused is grid
        await cursor_to(pilot, grid, str(lidding.id))
        await pilot.press("c")
        form = app.screen
        assert isinstance(form, RecordForm)
        await pilot.press("enter")  # nothing chosen, no reason
        assert app.screen is form
        assert "pick one" in shown(form.query_one("#note-status"))
        assert "must not be empty" in shown(form.query_one("#note-status_reason"))
        await pilot.press("q", "tab")
        await paste(pilot, "No budget before 2028; the film renewal needs the time")
        await pilot.press("enter")
        closed = store.plan_opportunities(1)[1]
        assert (closed.status, closed.probability) == ("qualified_out", 0)
        assert closed.status_reason == "No budget before 2028; the film renewal needs the time"
        assert "qualified out" in column(grid, 4)[grid.get_row_index(str(lidding.id))]  # still listed
        assert "2 qualified out" in shown(plan.query_one("#opportunities-summary"))
        assert "No budget before 2028" in shown(plan.query_one("#plan-detail"))

        await cursor_to(pilot, grid, str(trays.id))
        await pilot.press("c", "w", "tab")
        await paste(pilot, "Trial passed; Lars signed off")
        await pilot.press("enter")
        assert (store.plan_opportunities(1)[2].status, store.plan_opportunities(1)[2].probability) == (
            "won",
            100,
        )
        await pilot.press(
            "e"
        )  # the full form: reopening without a reason is fine, closing without one is not
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#field-status_reason").focus()
        await replace_input(pilot, "")
        await pilot.press("enter")
        assert "say why it was won" in shown(form.query_one("#note-status_reason"))
        await pilot.press("escape", "y")
        await pilot.press("u")
        assert store.plan_opportunities(1)[2].status == "open"


async def test_competitors_targets_and_a_new_opportunity_by_keys(ui_demo_engine: Engine, make_ui_app) -> None:
    store = store_for(ui_demo_engine)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await open_plan(pilot)
        await pilot.press("V")  # the views go round both ways: competitors
        assert plan.view == "competitors"
        await pilot.press("a")
        await paste(pilot, "Polyfoil [/EU]")  # user text, never markup
        await pilot.press("tab", "4", "tab")
        await paste(pilot, "Cheap mono-PE film")
        plan_form = app.screen
        assert isinstance(plan_form, RecordForm)
        plan_form.query_one("#field-close_to").focus()
        await type_text(pilot, "Lars")
        plan_form.query_one("#field-threatens").focus()
        await type_text(pilot, "#3")
        await pilot.press("ctrl+s")
        polyfoil = next(c for c in store.competitors(1) if c.name == "Polyfoil [/EU]")
        assert polyfoil.threat == 4 and polyfoil.strengths == "Cheap mono-PE film"
        assert [name for _, name in polyfoil.close_to] == ["Lars Overbeek"]
        assert [n for _, n, _, _ in polyfoil.threatens] == [3]
        assert "#3" in column(table(plan, "competitors"), 3)[table(plan, "competitors").cursor_row]
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, RecordForm)
        title = form.query_one("Vertical").border_title  # read back as markup: the brackets escaped
        assert title is not None and Content.from_markup(title).plain == "Edit Polyfoil [/EU]"
        await pilot.press("escape")

        await pilot.press("V")  # targets and funnel
        targets = table(plan, "targets")
        await cursor_to(pilot, targets, "meeting")
        await pilot.press("e")
        await replace_input(pilot, "3")
        await pilot.press("enter")
        step = next(s for s in store.funnel(1, UI_TODAY) if s.type == "meeting")
        assert (step.per_week, step.converts_to, step.expected_rate) == (3, "proposal", 0.5)

        await pilot.press("V", "V", "a")  # a new opportunity
        await paste(pilot, "Shrink sleeves for desserts")
        await pilot.press("tab", "g", "tab")
        await type_text(pilot, "250k")
        await pilot.press("tab")
        await type_text(pilot, "15 sep")
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#field-probability").focus()
        await type_text(pilot, "60")
        form.query_one("#field-participants").focus()
        await paste(pilot, "Chiara, Sem")
        await pilot.press("enter")
        new = store.plan_opportunities(1)[-1]
        assert (new.number, new.title, new.kind, new.value, new.probability) == (
            5, "Shrink sleeves for desserts", "grow", 250_000, 60
        )  # fmt: skip
        assert [name for _, name in new.participants] == ["Chiara Lombardi", "Sem Postma"]
        assert new.optimism is not None  # 60 % with no qualification answered: flagged
        assert "⚠" in column(table(plan, "opportunities"), 4)[table(plan, "opportunities").cursor_row]


async def test_the_plan_exports_its_calendar_and_spreadsheet(
    ui_demo_engine: Engine, make_ui_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("E")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.raw("file") == str(tmp_path / "kestrelmoor-foods-b-v.ics")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        calendar = (tmp_path / "kestrelmoor-foods-b-v.ics").read_text()
        assert calendar.count("BEGIN:VEVENT") == 14  # the planned ones, overdue included
        assert (
            notifications(app)[-1]
            == f"Wrote 14 planned activities to {tmp_path / 'kestrelmoor-foods-b-v.ics'}"
        )

        await pilot.press("E")
        await paste(pilot, "plan.txt")
        await pilot.press("enter")
        assert "end the name with .ics" in shown(app.screen.query_one("#note-file"))
        await paste(pilot, "kestrelmoor-foods-b-v.ics")
        await pilot.press("enter")
        assert "exists already: Enter again replaces it" in shown(app.screen.query_one("#note-file"))
        await paste(pilot, "~/activities.csv")  # ~ is the home folder (the test's own)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = (Path.home() / "activities.csv").read_text()
    assert written.startswith("\"date\",\"type\",\"status\",\"stakeholders\"") and written.count("\n") == 45


async def test_the_line_suggests_the_rest_of_a_name() -> None:
    words = WordSuggester(["call", "Pieter Dekkers", "Pia Olsen", "@Sanne"])
    assert await words.get_suggestion("call Pie") == "call Pieter Dekkers"
    assert await words.get_suggestion("call Pieter D") == "call Pieter Dekkers"
    assert await words.get_suggestion("call pieter fri @sa") == "call pieter fri @Sanne"
    assert await words.get_suggestion("cal") is None  # the type is typed, not suggested as a name
    assert await words.get_suggestion('call pieter fri "Pie') is None  # inside the quotes: the objective
    assert await words.get_suggestion("call pieter fri #1") is None


async def test_an_account_name_with_brackets_is_text_in_the_plan_and_its_help(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    store = store_for(ui_demo_engine)
    odd = store.create_account("Acme [/x] [b]Foods")
    store.save_activity(odd, None, {"date": UI_TODAY, "type": "call", "objective": "[red]not markup"})
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "3", "question_mark")  # the first account by name: Acme
        title = app.screen.query_one("Vertical").border_title
        assert title is not None and Content.from_markup(title).plain == "Keys · Acme [/x] [b]Foods"
        await pilot.press("escape")
        plan = app.screen.query_one(PlanSection)
        assert "[red]not markup" in column(table(plan, "activities"), 4)[0]
        await pilot.press("E")
        form = app.screen
        assert isinstance(form, RecordForm) and form.raw("file").endswith("acme-x-b-foods.ics")
