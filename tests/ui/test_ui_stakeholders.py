"""The stakeholder map by keys: the person form with every field, bad input, removing and undoing,
our account team and owners, listens-to links, and what the list and the detail pane show."""

from datetime import timedelta

from conftest import UI_TODAY
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from textual.widgets import DataTable, Input
from ui_support import column, notifications, replace_input, shown, store_for, type_text

from kamplan import models as m
from kamplan.screens.account.screen import AccountScreen
from kamplan.widgets.dialogs import ConfirmDialog
from kamplan.widgets.form import RecordForm


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
        await pilot.press("tab", "t")  # technical evaluator
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
        await pilot.press("v")  # our team
        team = screen.query_one("#team ListTable", DataTable)
        assert app.focused is team
        assert "Without an owner: ! Margit Holmqvist" in shown(screen.query_one("#team-notes"))
        await pilot.press("a")
        await type_text(pilot, "Eva Lind")
        await pilot.press("tab")
        await type_text(pilot, "executive")
        await pilot.press("enter")
        assert "Eva Lind" in column(team)

        await pilot.press("v")  # back to the people: Margit gets Eva as her owner
        table = people_table(screen)
        table.move_cursor(row=[r.strip(" !") for r in column(table)].index("Margit Holmqvist"))
        await pilot.press("e")
        await field(pilot, "owner_id")
        await type_text(pilot, "Eva")
        await pilot.press("ctrl+s")
        assert person(ui_demo_engine, "Margit Holmqvist").owner_id is not None
        await pilot.press("v")
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
