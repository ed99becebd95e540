"""The stakeholder map by keys: the person form with every field, bad input, removing and undoing,
our account team and owners, listens-to links, and what the list and the detail pane show."""

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from textual.widgets import DataTable, Input
from ui_support import column, notifications, replace_input, screen_lines, shown, store_for, type_text

from kamplan import models as m
from kamplan.screens.account.screen import AccountScreen
from kamplan.widgets.decision_grid import DecisionGrid
from kamplan.widgets.dialogs import ConfirmDialog, PreviewDialog
from kamplan.widgets.form import RecordForm
from kamplan.widgets.org_chart import OrgChart

UI_TODAY = date(2026, 3, 4)  # as tests/ui/conftest.py gives the app


def person(engine: Engine, name: str) -> m.Stakeholder:
    with Session(engine) as session:
        found = session.exec(select(m.Stakeholder).where(m.Stakeholder.name == name)).one()
        session.expunge(found)
        return found


def listens_to(engine: Engine, name: str) -> list[str]:
    with Session(engine) as session:
        who = session.exec(select(m.Stakeholder).where(m.Stakeholder.name == name)).one()
        links = session.exec(
            select(m.ListensTo).where(m.ListensTo.stakeholder_id == who.id).order_by(m.ListensTo.position)
        ).all()
        return [session.get(m.Stakeholder, link.listens_to_id).name for link in links]  # type: ignore[union-attr]


async def open_people(pilot) -> AccountScreen:  # type: ignore[no-untyped-def]
    await pilot.press("enter", "2")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AccountScreen)
    return screen


def people_table(screen: AccountScreen) -> DataTable[object]:
    return screen.query_one("#people ListTable", DataTable)


async def field(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#field-{name}").focus()
    await pilot.pause()


async def test_add_a_person_with_every_field_by_keys(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#field-name").has_focus  # the cursor starts in the name
        await type_text(pilot, "Maria Vos")
        await pilot.press("tab")
        await type_text(pilot, "Head of Quality")
        await pilot.press("tab")
        await type_text(pilot, "Quality")
        await pilot.press("tab")
        await type_text(pilot, "maria.vos@kestrelmoor.example")
        await pilot.press("tab", "tab", "t")  # no phone; technical evaluator
        await pilot.press("tab", "4", "tab", "p")  # influence 4, supportive
        await pilot.press("tab", "c", "tab")  # ratings confirmed
        await type_text(pilot, "plant visit")
        await pilot.press("tab")
        await type_text(pilot, "Piet")  # reports to Pieter Dekkers, by its first letters
        await pilot.press("tab")
        await type_text(pilot, "Ines")  # owner
        await pilot.press("tab", "c", "tab", "t")  # credible source now, trusted advisor wanted
        await pilot.press("tab")
        await type_text(pilot, "mon")
        await pilot.press("tab")
        await type_text(pilot, "Joost, Femke")
        await field(pilot, "needs")
        await type_text(pilot, "Fewer line stops")
        await field(pilot, "plan")
        await type_text(pilot, "Build on: invite to the trial")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AccountScreen)
        table = people_table(screen)
        assert column(table)[table.cursor_row].strip() == "Maria Vos"  # the cursor is on the new person
        assert "Fewer line stops" in shown(screen.query_one("#stakeholder-detail"))

    maria = person(ui_demo_engine, "Maria Vos")
    assert (maria.title, maria.department) == ("Head of Quality", "Quality")
    assert maria.email == "maria.vos@kestrelmoor.example"
    assert (maria.role, maria.influence, maria.support) == ("technical_evaluator", 4, 1)
    assert (maria.confidence, maria.source) == ("confirmed", "plant visit")
    assert maria.reports_to_id == person(ui_demo_engine, "Pieter Dekkers").id
    assert (maria.relationship_level, maria.relationship_wanted) == ("credible_source", "trusted_advisor")
    assert maria.last_contact == UI_TODAY + timedelta(days=5)  # the next Monday (UI_TODAY is a Wednesday)
    assert maria.plan == "Build on: invite to the trial"
    assert listens_to(ui_demo_engine, "Maria Vos") == ["Joost Hermsen", "Femke Jansma"]


async def test_bad_input_is_refused_at_its_field(ui_demo_engine: Engine, make_ui_app) -> None:
    boss = person(ui_demo_engine, "Pieter Dekkers")
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        table = people_table(screen)
        table.move_cursor(row=[r.strip() for r in column(table)].index("Pieter Dekkers"))
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, RecordForm)
        # Pieter reporting to someone who reports to him would close a circle.
        report = next(p for p in store_for(ui_demo_engine).people(1) if p.reports_to_id == boss.id)
        await field(pilot, "reports_to_id")
        await replace_input(pilot, report.name)
        await field(pilot, "name")
        await replace_input(pilot, "")
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "must not be empty" in shown(form.query_one("#note-name"))
        await replace_input(pilot, "Pieter Dekkers")
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "reporting circle" in shown(form.query_one("#note-reports_to_id"))
        await field(pilot, "owner_id")
        await replace_input(pilot, "Zed")
        await pilot.press("ctrl+s")
        assert "nobody or nothing here is called 'Zed'" in shown(form.query_one("#note-owner_id"))
    assert person(ui_demo_engine, "Pieter Dekkers").reports_to_id == boss.reports_to_id


async def test_remove_a_person_and_undo_brings_them_back_with_their_links(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    before = store_for(ui_demo_engine).people(1)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        table = people_table(screen)
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert table.row_count == len(before) - 1
        await pilot.press("u")
        assert notifications(app)[-1].startswith("undid: delete ")
        assert table.row_count == len(before)
    assert store_for(ui_demo_engine).people(1) == before


async def test_our_team_owners_and_relationship_gaps(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        await pilot.press("v", "v", "v")  # the grid, the org chart, our team
        team = screen.query_one("#team ListTable", DataTable)
        assert app.focused is team
        assert "Without an owner: ! Margit Holmqvist" in shown(screen.query_one("#team-notes"))
        await pilot.press("a")
        await type_text(pilot, "Eva Lind")
        await pilot.press("tab")
        await type_text(pilot, "executive")
        await pilot.press("enter")
        assert "Eva Lind" in column(team)

        await pilot.press("v")  # round to the people: Margit gets Eva as her owner
        table = people_table(screen)
        table.move_cursor(row=[r.strip(" !") for r in column(table)].index("Margit Holmqvist"))
        await pilot.press("e")
        await field(pilot, "owner_id")
        await type_text(pilot, "Eva")
        await pilot.press("ctrl+s")
        assert person(ui_demo_engine, "Margit Holmqvist").owner_id is not None
        await pilot.press("v", "v", "v")
        assert "Without an owner: ! Margit" not in shown(screen.query_one("#team-notes"))
        eva_row = column(team).index("Eva Lind")
        assert "1: Margit Holmqvist" in column(team, 2)[eva_row]

        team.move_cursor(row=eva_row)
        await pilot.press("x", "y")  # Margit has no owner again
        assert person(ui_demo_engine, "Margit Holmqvist").owner_id is None


async def test_filter_and_sort_the_people(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        table = people_table(screen)
        await pilot.press("slash")
        await type_text(pilot, "threat")
        assert all(row == "threat" for row in column(table, 4))
        await pilot.press("enter")
        assert isinstance(app.focused, DataTable)
        await pilot.press("escape")  # clears the filter, stays in the account
        assert isinstance(app.screen, AccountScreen)
        assert table.row_count == 16
        await pilot.press("s")  # by name
        names = [n.strip(" !") for n in column(table)]
        assert names == sorted(names, key=str.casefold)
        assert isinstance(screen.query_one("#people Input"), Input)


async def test_grid_moves_save_at_once_update_the_header_and_undo(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    dekkers = person(ui_demo_engine, "Pieter Dekkers")
    assert (dekkers.influence, dekkers.support) == (5, -1)  # a threat
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        table = people_table(screen)
        table.move_cursor(row=[r.strip(" !") for r in column(table)].index("Pieter Dekkers"))
        await pilot.press("v")  # the grid, on the same person
        grid = screen.query_one("#grid", DecisionGrid)
        assert app.focused is grid and grid.selected_id == dekkers.id
        header_before = shown(screen.query_one("#account-header"))
        await pilot.press("shift+right")  # sceptical → neutral: no longer a threat
        moved = person(ui_demo_engine, "Pieter Dekkers")
        assert (moved.influence, moved.support) == (5, 0)
        assert grid.selected_id == dekkers.id
        assert "threat 2" in "\n".join(screen_lines(app))  # the totals line counts one threat fewer
        await pilot.press("shift+up")  # already decisive: nothing changes
        assert person(ui_demo_engine, "Pieter Dekkers").influence == 5
        await pilot.press("u")
        assert notifications(app)[-1] == "undid: 'Pieter Dekkers': support sceptical → neutral"
        assert person(ui_demo_engine, "Pieter Dekkers").support == -1
        assert shown(screen.query_one("#account-header")) == header_before
        await pilot.press("enter")  # opens the person
        assert isinstance(app.screen, RecordForm)


async def test_reparent_in_the_org_chart_refuses_a_circle(ui_demo_engine: Engine, make_ui_app) -> None:
    people = store_for(ui_demo_engine).people(1)
    boss = next(p for p in people if any(q.reports_to_id == p.id for q in people) and p.reports_to_id is None)
    report = next(p for p in people if p.reports_to_id == boss.id)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        await pilot.press("v", "v")  # the org chart
        chart = screen.query_one("#org", OrgChart)
        assert app.focused is chart
        chart.select(boss.id)
        await pilot.press("r")  # who does the boss report to? Their own report: refused at the field
        form = app.screen
        assert isinstance(form, RecordForm)
        await type_text(pilot, report.name)
        await pilot.press("enter")
        assert app.screen is form
        assert "reporting circle" in shown(form.query_one("#note-reports_to_id"))
        await pilot.press("escape", "y")
        chart.select(report.id)
        await pilot.press("shift+left")  # the report moves up a level: to the top
        assert person(ui_demo_engine, report.name).reports_to_id is None
        await pilot.press("u")
        assert person(ui_demo_engine, report.name).reports_to_id == boss.id


async def test_import_contacts_from_the_section_shows_what_it_would_do_first(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    file = Path(__file__).parent.parent / "fixtures" / "contacts" / "linkedin-connections.csv"
    before = len(store_for(ui_demo_engine).people(1))
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_people(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, RecordForm)
        await type_text(pilot, str(file.parent / "nothing-here.csv"))
        await pilot.press("enter")
        assert "there is no file" in shown(app.screen.query_one("#note-file"))
        await replace_input(pilot, str(file))
        await pilot.press("enter")
        preview = app.screen
        assert isinstance(preview, PreviewDialog)
        text = shown(preview.query_one("#preview-text"))
        assert "would add" in text and "Jürgen Weiß" in text and "passed over" in text
        assert "Sofia Marin: title must not hold an escape character" in text
        assert len(store_for(ui_demo_engine).people(1)) == before  # nothing written yet
        await pilot.press("enter")
        assert isinstance(app.screen, AccountScreen)
        added = len(store_for(ui_demo_engine).people(1)) - before
        assert added >= 2
        assert people_table(screen).row_count == before + added
        assert person(ui_demo_engine, "Jürgen Weiß").influence is None  # unrated, for the grid
        await pilot.press("u")
        assert len(store_for(ui_demo_engine).people(1)) == before
