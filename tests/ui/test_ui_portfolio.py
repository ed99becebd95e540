"""The portfolio screen, driven by keys: the welcome, the demo, creating, opening and managing accounts."""

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Input, Label
from ui_support import (
    account_in_db,
    accounts_in_db,
    column,
    cursor_key,
    headers,
    notifications,
    replace_input,
    screen_lines,
    settle,
    shown,
    store_for,
    type_text,
)

from kamplan.cli import main
from kamplan.screens import portfolio
from kamplan.screens.account.screen import AccountScreen
from kamplan.screens.portfolio import PortfolioScreen
from kamplan.screens.trash import TrashScreen
from kamplan.store.demo import demo_document
from kamplan.widgets.dialogs import ConfirmDialog, EditDialog

DEMO = "Kestrelmoor Foods B.V."


def accounts_table(app: object) -> DataTable[object]:
    return app.screen.query_one("#accounts", DataTable)  # type: ignore[attr-defined]


def names(table: DataTable[object]) -> list[str]:
    """The account names as listed, without the key-account star the narrow layout adds."""
    return [name.removeprefix("★ ") for name in column(table)]


async def test_empty_database_welcomes_and_d_adds_the_demo_once(engine: Engine, make_ui_app) -> None:
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        welcome = screen.query_one("#welcome")
        assert welcome.display
        assert "Welcome to kamplan" in shown(welcome)
        assert not accounts_table(app).display

        await pilot.press("d")
        await settle(pilot)  # the demo is added in a worker thread
        table = accounts_table(app)
        assert table.display and not welcome.display
        assert table.row_count == 1
        assert names(table)[0].startswith("Kestrelmoor")
        assert list(accounts_in_db(engine)) == [DEMO]
        assert f"Added the demo account {DEMO} Enter opens it." in notifications(app)  # "B.V.", not "B.V.."

        await pilot.press("d")
        await settle(pilot)
        assert accounts_table(app).row_count == 1
        assert list(accounts_in_db(engine)) == [DEMO]


async def test_n_creates_an_account_and_opens_it(engine: Engine, make_ui_app) -> None:
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, EditDialog)
        await type_text(pilot, "Acme Corp.")
        await pilot.press("enter")
        await pilot.pause()

        created = accounts_in_db(engine)
        assert list(created) == ["Acme Corp."]
        screen = app.screen
        assert isinstance(screen, AccountScreen)
        assert screen.account_id == created["Acme Corp."].id
        assert shown(screen.query_one("#account-header")).startswith("Acme Corp.")

        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)
        assert names(accounts_table(app)) == ["Acme Corp."]


async def test_names_show_exactly_as_typed_brackets_included(engine: Engine, make_ui_app) -> None:
    """Table cells are text, not markup: "[b]" must not vanish as a style tag."""
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "[b]Acme[/b]")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert names(accounts_table(app)) == ["[b]Acme[/b]"]
        assert any("[b]Acme[/b]" in line for line in screen_lines(app))


async def test_new_account_rejects_an_empty_or_taken_name(engine: Engine, make_ui_app) -> None:
    store_for(engine).create_account("Acme")
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        dialog = app.screen
        assert isinstance(dialog, EditDialog)
        await pilot.press("enter")
        assert app.screen is dialog
        assert "needs a name" in shown(dialog.query_one("#error", Label))

        await type_text(pilot, "acme")  # names are compared without case
        await pilot.press("enter")
        assert app.screen is dialog
        assert "exists already" in shown(dialog.query_one("#error", Label))
        assert list(accounts_in_db(engine)) == ["Acme"]

        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)
        assert list(accounts_in_db(engine)) == ["Acme"]
        assert accounts_table(app).row_count == 1


async def test_enter_opens_the_account_and_escape_returns(engine: Engine, make_ui_app) -> None:
    store = store_for(engine)
    store.create_account("Alpha")
    bravo = store.create_account("Bravo")
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        screen = app.screen
        assert isinstance(screen, AccountScreen)
        assert screen.account_id == bravo
        assert shown(screen.query_one("#account-header")).startswith("Bravo")

        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)
        assert cursor_key(accounts_table(app)) == str(bravo)  # the cursor stays where it was


async def test_r_renames_and_refuses_a_taken_name(engine: Engine, make_ui_app) -> None:
    store = store_for(engine)
    alpha = store.create_account("Alpha")
    store.create_account("Bravo")
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        dialog = app.screen
        assert isinstance(dialog, EditDialog)
        assert dialog.query_one("#editor", Input).value == "Alpha"
        await replace_input(pilot, "Bravo")
        await pilot.press("enter")
        assert app.screen is dialog
        assert "exists already" in shown(dialog.query_one("#error", Label))
        assert account_in_db(engine, alpha).name == "Alpha"

        await replace_input(pilot, "Aardvark")
        await pilot.press("enter")
        assert isinstance(app.screen, PortfolioScreen)
        assert account_in_db(engine, alpha).name == "Aardvark"
        assert names(accounts_table(app)) == ["Aardvark", "Bravo"]


async def test_k_toggles_the_key_account_flag(engine: Engine, make_ui_app) -> None:
    alpha = store_for(engine).create_account("Alpha")
    assert account_in_db(engine, alpha).key_account  # new accounts start as key accounts
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        assert column(accounts_table(app)) == ["★ Alpha"]
        await pilot.press("k")
        assert not account_in_db(engine, alpha).key_account
        assert column(accounts_table(app)) == ["Alpha"]
        await pilot.press("k")
        assert account_in_db(engine, alpha).key_account
        assert column(accounts_table(app)) == ["★ Alpha"]


async def test_a_archives_and_restores_from_the_archived_list(engine: Engine, make_ui_app) -> None:
    store = store_for(engine)
    alpha = store.create_account("Alpha")
    store.create_account("Bravo")
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert account_in_db(engine, alpha).archived_at is not None
        assert names(accounts_table(app)) == ["Bravo"]

        await pilot.press("A")
        table = accounts_table(app)
        assert headers(table) == ["Account", "Archived on"]
        assert column(table) == ["Alpha"]
        await pilot.press("a")
        assert account_in_db(engine, alpha).archived_at is None
        assert any("Restored Alpha" in message for message in notifications(app))

        await pilot.press("A")
        assert names(accounts_table(app)) == ["Alpha", "Bravo"]


async def test_x_trash_restore_and_empty(engine: Engine, make_ui_app) -> None:
    store = store_for(engine)
    alpha = store.create_account("Alpha")
    bravo = store.create_account("Bravo")
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert isinstance(app.screen, PortfolioScreen)
        assert account_in_db(engine, alpha).deleted_at is not None
        assert names(accounts_table(app)) == ["Bravo"]

        await pilot.press("t")
        assert isinstance(app.screen, TrashScreen)
        trash = app.screen.query_one("#trash", DataTable)
        assert column(trash) == ["Alpha"]
        await pilot.press("r")
        assert account_in_db(engine, alpha).deleted_at is None
        assert trash.row_count == 0
        assert "The trash is empty" in shown(app.screen.query_one("#trash-note"))

        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)
        assert names(accounts_table(app)) == ["Alpha", "Bravo"]

        # Trash Bravo, then empty the trash: it is gone from the database for good.
        await pilot.press("down", "x", "y", "t")
        assert column(app.screen.query_one("#trash", DataTable)) == ["Bravo"]
        await pilot.press("E")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert isinstance(app.screen, TrashScreen)
        assert account_in_db(engine, bravo) is None
        assert list(accounts_in_db(engine)) == ["Alpha"]


async def test_x_then_n_keeps_the_account(engine: Engine, make_ui_app) -> None:
    alpha = store_for(engine).create_account("Alpha")
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, PortfolioScreen)
        assert account_in_db(engine, alpha).deleted_at is None
        assert names(accounts_table(app)) == ["Alpha"]


async def test_s_cycles_the_sort_column_and_S_reverses(engine: Engine, make_ui_app) -> None:
    store = store_for(engine)
    alpha = store.create_account("Alpha")
    store.create_account("Bravo")
    charlie = store.create_account("Charlie")
    store.set_key_account(alpha, False)  # only Bravo is a key account
    store.set_key_account(charlie, False)
    app = make_ui_app(engine)
    async with app.run_test(size=(160, 48)) as pilot:
        table = accounts_table(app)
        assert headers(table)[:2] == ["Account ▲", "Key"]
        assert names(table) == ["Alpha", "Bravo", "Charlie"]

        await pilot.press("S")
        table = accounts_table(app)
        assert headers(table)[0] == "Account ▼"
        assert names(table) == ["Charlie", "Bravo", "Alpha"]

        await pilot.press("s")  # to the Key column, key accounts first
        table = accounts_table(app)
        assert headers(table)[:2] == ["Account", "Key ▼"]
        assert names(table)[0] == "Bravo"

        await pilot.press("S")
        table = accounts_table(app)
        assert headers(table)[:2] == ["Account", "Key ▲"]
        assert names(table)[-1] == "Bravo"


async def test_sort_wraps_around_at_80_columns(engine: Engine, make_ui_app) -> None:
    store = store_for(engine)
    for name in ("Charlie", "Alpha", "Bravo"):
        store.create_account(name)
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        count = len(headers(accounts_table(app)))
        await pilot.press("s")
        assert headers(accounts_table(app))[1] == "Quadrant ▲"
        await pilot.press(*["s"] * (count - 1))  # round to the name again
        table = accounts_table(app)
        assert headers(table)[0] == "Account ▲"
        assert names(table) == ["Alpha", "Bravo", "Charlie"]


async def test_sorting_in_place_draws_what_a_fresh_table_would(engine: Engine, make_ui_app) -> None:
    """Sorting reorders the rows and moves the ▲/▼ without building the table again; the screen must
    show exactly what a table built from scratch in that order shows (column widths included)."""
    store = store_for(engine)
    for name in ("Charlie", "Alpha", "Bravo Brothers Holding"):
        store.create_account(name)
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "s", "S", "s")
        await pilot.pause()
        sorted_in_place = screen_lines(app)
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        screen._fill(screen.current_id())  # the reference: the same order, built anew
        await pilot.pause()
        assert screen_lines(app) == sorted_in_place


async def test_wide_terminal_shows_every_column(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(160, 48)):
        table = accounts_table(app)
        assert [h.rstrip(" ▲") for h in headers(table)] == [
            "Account",
            "Key",
            "Quadrant",
            "Attr",
            "Str",
            "Rel",
            "Best bet",
            "Vote",
            "Pipeline",
            "Next",
            "Late",
        ]
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_narrow_terminal_drops_columns_and_fits(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)):
        table = accounts_table(app)
        labels = [h.rstrip(" ▲") for h in headers(table)]
        assert "Attr" not in labels and "Str" not in labels and "Key" not in labels
        assert labels[0] == "Account" and "Next" in labels
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert not table.show_horizontal_scrollbar


async def test_narrow_table_fits_with_a_scrollbar_whatever_the_sort(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    """Enough accounts for a vertical scrollbar, and each column in turn carrying the ▲/▼: at 80 columns
    the table still fits, so nothing is hidden to the right."""
    store = store_for(ui_demo_engine)
    for n in range(30):
        store.create_account(f"Northern Logistics Holding {n:02d}")
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        table = accounts_table(app)
        for _ in range(2 * len(headers(table))):  # every column, ascending and descending
            assert table.virtual_size.width <= table.scrollable_content_region.width, headers(table)
            await pilot.press("S")
            assert table.virtual_size.width <= table.scrollable_content_region.width, headers(table)
            await pilot.press("s")


async def test_resizing_switches_the_column_set(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(160, 48)) as pilot:
        assert "Attr" in headers(accounts_table(app))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        table = accounts_table(app)
        assert "Attr" not in headers(table)
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_cells_are_drawn_in_full(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = next(line for line in screen_lines(app) if line.strip().startswith("★ Kestrel"))
        for text in ("★ Kestrelmoor…", "key dev", "Renew r…", "too close", "6.43m", "04 Mar"):
            assert text in line, line


async def test_medium_terminal_fits_without_scrolling_sideways(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(120, 36)):
        table = accounts_table(app)
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_back_on_the_portfolio_after_midnight_counts_what_became_late(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    """Nothing was written while the account was open, but the day changed (a session past midnight):
    activities planned for the day before are late now, and the portfolio says so."""
    from dataclasses import replace
    from datetime import timedelta

    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(160, 48)) as pilot:
        table = accounts_table(app)
        late = headers(table).index("Late")
        before = column(table, late)[0]
        await pilot.press("enter")
        assert isinstance(app.screen, AccountScreen)
        app.settings = replace(app.settings, today=app.settings.current_date() + timedelta(days=60))
        await pilot.press("escape")
        await pilot.pause()
        table = accounts_table(app)
        assert int(column(table, late)[0]) > int(before)


async def test_the_demo_and_the_warm_up_run_off_the_ui_thread(engine: Engine, make_ui_app) -> None:
    """Both take a while (a whole plan to import; SQLAlchemy to load): in worker threads, keys still work."""
    app = make_ui_app(engine)
    store = app.store
    threads: dict[str, threading.Thread] = {}
    add_demo, warm_up = store.add_demo, store.warm_up

    def demo_in(today: object = None) -> str:
        threads["demo"] = threading.current_thread()
        return add_demo(today)  # type: ignore[arg-type]

    def warm_up_in(*preload: object) -> None:
        threads["warm-up"] = threading.current_thread()
        warm_up(*preload)  # type: ignore[arg-type]

    store.add_demo, store.warm_up = demo_in, warm_up_in  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await settle(pilot)
        assert accounts_table(app).row_count == 1
    assert list(accounts_in_db(engine)) == [DEMO]
    assert set(threads) == {"demo", "warm-up"}
    assert threading.main_thread() not in threads.values()


async def test_the_portfolio_shows_an_import_run_beside_the_open_app(
    ui_demo_engine: Engine, make_ui_app, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kamplan import --replace` in another terminal: the portfolio on screen picks it up by itself (it
    looks every CHECK_SECONDS while shown), and redraws nothing while nothing changed."""
    monkeypatch.setattr(portfolio, "CHECK_SECONDS", 0.05)
    app = make_ui_app(ui_demo_engine)
    doc = demo_document(app.settings.current_date())
    for opportunity in doc["opportunities"]:
        opportunity["status"] = "lost"  # no open opportunity left: no best bet, no pipeline
    plan = tmp_path / "replaced.json"
    plan.write_text(json.dumps(doc), encoding="utf-8")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        shown_before = screen._shown_portfolio
        assert column(accounts_table(app), 7) == ["too close"]
        await pilot.pause(0.3)
        assert screen._shown_portfolio is shown_before  # nothing changed: nothing read again

        assert main(["--db", str(db_path), "import", str(plan), "--replace"]) == 0
        await pilot.pause(0.3)
        assert column(accounts_table(app), 7) == ["–"]  # the vote of the best bet: there is none now
        assert column(accounts_table(app), 8) == ["0"]  # the factored pipeline
