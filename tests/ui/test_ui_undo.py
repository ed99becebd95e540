"""u undoes the last change made anywhere in the app and U redoes it: across sections and the portfolio."""

from sqlalchemy.engine import Engine
from textual.widgets import DataTable
from ui_support import (
    account_in_db,
    column,
    notifications,
    replace_input,
    rows,
    store_for,
    type_text,
)

from kamplan.enums import SwotKind
from kamplan.screens.account.screen import AccountScreen
from kamplan.screens.portfolio import PortfolioScreen


async def test_undo_and_redo_across_two_sections_and_the_portfolio(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    store = store_for(ui_demo_engine)
    account_id, name = store.live_accounts()[0]
    before = account_in_db(ui_demo_engine, account_id)
    people_before = store.people(account_id)
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "ctrl+u", *"Renamed Foods", "enter")  # the portfolio
        await pilot.press("enter")  # open the account
        screen = app.screen
        assert isinstance(screen, AccountScreen)
        await pilot.press("e")  # Industry
        await replace_input(pilot, "Packaging")
        await pilot.press("enter")
        await pilot.press("tab", "a")  # a new strength
        await type_text(pilot, "Fast")
        await pilot.press("enter")
        strengths = screen.query_one("#swot-strength ListTable", DataTable)
        assert column(strengths)[-1] == "Fast"
        await pilot.press("2", "v", "shift+right")  # the Stakeholders section: a rating on the grid
        moved = [p for p in store.people(account_id) if p not in people_before]
        assert len(moved) == 1

        await pilot.press("u")  # undoes the grid move, where it was made
        assert notifications(app)[-1].startswith(f"undid: '{moved[0].name}'")
        assert store.people(account_id) == people_before
        await pilot.press("1", "u")  # then, in the profile, the SWOT item
        assert notifications(app)[-1] == "undid: new strength 'Fast'"
        assert "Fast" not in column(strengths)
        await pilot.press("u")
        assert notifications(app)[-1].startswith("undid: Industry ")
        assert account_in_db(ui_demo_engine, account_id).industry == before.industry
        fields = screen.query_one("#profile-fields", DataTable)
        assert rows(fields)[1][1].startswith(before.industry[:20])  # the screen shows it again

        await pilot.press("escape", "u")  # in the portfolio: the rename made there
        assert isinstance(app.screen, PortfolioScreen)
        assert account_in_db(ui_demo_engine, account_id).name == name
        assert name[:11] in column(app.screen.query_one("#accounts", DataTable))[0]
        await pilot.press("U")
        assert account_in_db(ui_demo_engine, account_id).name == "Renamed Foods"
        assert notifications(app)[-1] == f"redid: rename '{name}' → 'Renamed Foods'"
        await pilot.press("u", "u", "u", "u", "u")
        assert notifications(app)[-1] == "nothing to undo"
    assert [i.text for i in store.swot(account_id) if i.kind == SwotKind.STRENGTH][-1] != "Fast"
