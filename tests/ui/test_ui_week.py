"""This week, across two accounts: overdue first, then this week by day, then next week; done, moved and
cancelled with one key each (and undone); Enter opens the account at the activity; the portfolio's
pipeline."""

from datetime import timedelta
from pathlib import Path

import pytest
from conftest import UI_TODAY
from sqlalchemy.engine import Engine
from textual.widgets import DataTable
from ui_support import column, notifications, shown, store_for, type_text

from kamplan.enums import ActivityType
from kamplan.screens.account.plan import PlanSection
from kamplan.screens.account.screen import AccountScreen
from kamplan.screens.pipeline import PipelineScreen
from kamplan.screens.week import WeekScreen
from kamplan.widgets.bar_chart import BarChart
from kamplan.widgets.form import RecordForm


@pytest.fixture
def two_accounts(ui_demo_engine: Engine) -> dict[str, int]:
    """The demo and a second account with an overdue call, a tasting on Friday and a visit next week."""
    store = store_for(ui_demo_engine)
    other = store.create_account("Aardvark Dairy")
    anna = store.save_person(other, None, {"name": "Anna Berg"})
    ids = {"account": other}
    plans = {
        "late": (UI_TODAY - timedelta(days=9), ActivityType.CALL, "Chase the sample feedback"),
        "tasting": (UI_TODAY + timedelta(days=2), ActivityType.EVENT, "Tasting at the Aardvark plant"),
        "visit": (UI_TODAY + timedelta(days=8), ActivityType.MEETING, "Plant visit"),
    }
    for key, (day, kind, objective) in plans.items():
        values = {"date": day, "type": kind, "people": [anna], "objective": objective}
        ids[key] = store.save_activity(other, None, values)
    return ids


def keys(grid: DataTable[object]) -> list[str]:
    return [grid.coordinate_to_cell_key((n, 0)).row_key.value or "" for n in range(grid.row_count)]


def current(grid: DataTable[object]) -> str:
    return grid.coordinate_to_cell_key(grid.cursor_coordinate).row_key.value or ""


async def test_the_week_across_two_accounts(ui_demo_engine: Engine, make_ui_app, two_accounts) -> None:
    store = store_for(ui_demo_engine)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        grid = screen.query_one("#week", DataTable)
        order = keys(grid)
        # Headings, then each group in order; the cursor passes over the headings.
        assert order[0] == "h:overdue" and order.index("h:this") < order.index("h:next")
        overdue = order[1 : order.index("h:this")]
        assert str(two_accounts["late"]) == overdue[0]  # the oldest overdue first
        assert (
            order.index(str(two_accounts["tasting"]))
            < order.index("h:next")
            < order.index(str(two_accounts["visit"]))
        )
        assert {"Aardvark Dairy", "Kestrelmoor F…"} <= set(column(grid, 1))
        assert current(grid) == str(two_accounts["late"])
        assert "Overdue" in shown(screen.query_one("#week-summary")) or "overdue" in shown(
            screen.query_one("#week-summary")
        )
        assert "Chase the sample feedback" in shown(screen.query_one("#week-detail"))
        await pilot.press("up")  # onto the heading: back to where it was
        assert current(grid) == str(two_accounts["late"])

        await pilot.press("d")  # done, with its outcome: it leaves the week
        assert isinstance(app.screen, RecordForm)
        await type_text(pilot, "Samples liked; quote next")
        await pilot.press("enter")
        assert str(two_accounts["late"]) not in keys(grid)
        assert store.activity(two_accounts["late"]).outcome == "Samples liked; quote next"
        assert store.people(two_accounts["account"])[0].last_contact == UI_TODAY - timedelta(days=9)

        grid.move_cursor(row=keys(grid).index(str(two_accounts["tasting"])))
        await pilot.press("m")
        await type_text(pilot, "+8d")  # into next week
        await pilot.press("enter")
        order = keys(grid)
        assert order.index("h:next") < order.index(str(two_accounts["tasting"]))
        assert current(grid) == str(two_accounts["tasting"])  # the cursor goes with it

        await pilot.press("c")
        assert str(two_accounts["tasting"]) not in keys(grid)
        assert notifications(app)[-1] == "Cancelled event with Anna Berg, Thu 12 Mar. u undoes it."
        await pilot.press("u", "u", "u")
        assert store.activity(two_accounts["tasting"]).date == UI_TODAY + timedelta(days=2)
        assert store.activity(two_accounts["late"]).status == "planned"
        assert str(two_accounts["late"]) in keys(grid)


async def test_enter_opens_the_account_at_the_activity(
    ui_demo_engine: Engine, make_ui_app, two_accounts
) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "w")  # from an account this time
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        grid = screen.query_one("#week", DataTable)
        grid.move_cursor(row=keys(grid).index(str(two_accounts["visit"])))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        account = app.screen
        assert isinstance(account, AccountScreen) and account.account_id == two_accounts["account"]
        plan = account.section("plan")
        assert isinstance(plan, PlanSection) and account.active_section == "plan"
        activities = plan.query_one("#activities ListTable", DataTable)
        assert current(activities) == str(two_accounts["visit"]) and app.focused is activities


async def test_the_week_exports_every_account_to_one_calendar(
    ui_demo_engine: Engine, make_ui_app, two_accounts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"this week")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        await pilot.press("E", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    calendar = (tmp_path / "kamplan-all-accounts.ics").read_text()
    assert calendar.count("BEGIN:VEVENT") == 14 + 3
    assert "Tasting at the Aardvark plant" in calendar and "Send the CFO the reference case" in calendar


async def test_the_portfolio_pipeline_by_quarter(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await app.workers.wait_for_complete()  # read in a worker
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PipelineScreen)
        chart = screen.query_one(BarChart)
        assert [bar.label for bar in chart.bars] == ["2026-Q2", "2026-Q3", "2026-Q4"]
        assert [bar.value for bar in chart.bars] == [4_760_000, 950_000, 720_000]
        assert "6.43m factored from 3 open opportunities at 1 accounts" in shown(
            screen.query_one("#pipeline-summary-all")
        )
        assert "⚠ optimistic" in shown(screen.query_one("#pipeline-detail"))
        await pilot.press("enter")
        assert isinstance(app.screen, AccountScreen)
