"""Finding your way: ? lists the keys of the screen you are on; Ctrl+P finds accounts, people and commands."""

from sqlalchemy.engine import Engine
from textual.command import CommandPalette
from textual.widgets import DataTable
from ui_support import (
    column,
    cursor_key,
    cursor_on_screen,
    palette_options,
    screen_lines,
    settle,
    store_for,
    type_text,
    wait_for_palette,
)

from kamplan.screens.account.screen import AccountScreen
from kamplan.screens.help import HelpScreen
from kamplan.screens.portfolio import PortfolioScreen
from kamplan.screens.trash import TrashScreen


def help_keys(app: object) -> list[str]:
    """The descriptions the help screen lists."""
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, HelpScreen)
    return column(screen.query_one("#help-keys", DataTable), 1)


async def palette(pilot, query: str, expected: str) -> None:
    """Open the command palette, type `query`, check the best match starts with `expected` and take it."""
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await type_text(pilot, query)
    await wait_for_palette(pilot, expected)
    assert palette_options(pilot.app)[0].startswith(expected), palette_options(pilot.app)
    await pilot.press("enter")
    await settle(pilot)


async def test_question_mark_lists_the_keys_of_the_screen(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        keys = help_keys(app)
        for description in ("New", "Demo", "Rename", "Sort", "Delete", "Trash", "Archived accounts"):
            assert description in keys, keys
        for description in (
            "Open or edit what the cursor is on",
            "Find an account, a stakeholder or a command",
        ):
            assert description in keys  # the keys every screen has
        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)

        await pilot.press("enter", "question_mark")
        keys = help_keys(app)
        assert "Back" in keys and "Profile" in keys and "Reviews" in keys
        assert "Sort" not in keys and "New" not in keys
        await pilot.press("escape")
        assert isinstance(app.screen, AccountScreen)


def box_words(app: object) -> str:
    """The words inside the help box as the terminal shows them, line after line."""
    box = app.screen.query_one("#help-box")  # type: ignore[attr-defined]
    lines = screen_lines(app)[box.region.y : box.region.bottom]  # type: ignore[arg-type]
    cropped = [line[box.region.x : box.region.right].strip("█▀▄▌▐ ") for line in lines]
    return " ".join(" ".join(cropped).split())


async def test_help_fits_80_by_24_with_every_key_readable_in_full(
    ui_demo_engine: Engine, make_ui_app
) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        for to_screen in ((), ("enter",)):  # the portfolio, then an account
            await pilot.press(*to_screen, "question_mark")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, HelpScreen)
            box = screen.query_one("#help-box")
            table = screen.query_one("#help-keys", DataTable)
            assert box.region.x >= 0 and box.region.right <= 80 and box.region.bottom <= 24
            # Nothing runs off to the side: both columns fit, and long descriptions wrap.
            assert table.virtual_size.width <= table.scrollable_content_region.width
            expected = {f"{key} {what}" for key, what in zip(column(table, 0), help_keys(app), strict=True)}
            seen = set()
            for _ in range(table.row_count):  # down to the last key: each one scrolls into view, whole
                words = box_words(app)
                seen |= {row for row in expected if " ".join(row.split()) in words}
                await pilot.press("down")
            assert cursor_on_screen(table)
            assert seen == expected, expected - seen
            assert "Find an account, a stakeholder or a command" in " ".join(seen)
            await pilot.press("escape")


async def test_help_lists_each_key_once(engine: Engine, make_ui_app) -> None:
    app = make_ui_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        keys = help_keys(app)
        assert keys.count("Quit") == 1


async def test_palette_opens_an_account_by_name(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await palette(pilot, "Kestrelmoor", "Go to account: Kestrelmoor Foods B.V.")
        screen = app.screen
        assert isinstance(screen, AccountScreen)
        assert screen.account_id == store_for(ui_demo_engine).live_accounts()[0][0]
        assert screen.active_section == "profile"


async def test_palette_finds_a_stakeholder(ui_demo_engine: Engine, make_ui_app) -> None:
    joost = next(p for p in store_for(ui_demo_engine).people_directory() if p.name.startswith("Joost"))
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await palette(pilot, "Joost", "Go to stakeholder: Joost Hermsen")
        screen = app.screen
        assert isinstance(screen, AccountScreen)
        assert screen.account_id == joost.account_id
        assert screen.active_section == "stakeholders"
        people = screen.section("stakeholders").query_one("#people ListTable", DataTable)
        assert cursor_key(people) == str(joost.id)
        assert column(people)[people.cursor_row].strip() == "Joost Hermsen"
        assert app.focused is people
        assert cursor_on_screen(people)


async def test_palette_runs_a_command(ui_demo_engine: Engine, make_ui_app) -> None:
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # from an account screen, the command still works
        assert isinstance(app.screen, AccountScreen)
        await palette(pilot, "Trash", "Trash")
        assert isinstance(app.screen, TrashScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)


async def test_palette_to_the_account_already_open_and_kept(ui_demo_engine: Engine, make_ui_app) -> None:
    """The account on screen is also the kept one: going to it from the palette shows it again."""
    joost = next(p for p in store_for(ui_demo_engine).people_directory() if p.name.startswith("Joost"))
    app = make_ui_app(ui_demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "escape")
        await settle(pilot)
        await pilot.press("enter")  # the kept screen
        await settle(pilot)
        kept = app.screen
        assert isinstance(kept, AccountScreen)
        await palette(pilot, "Kestrelmoor", "Go to account: Kestrelmoor Foods B.V.")
        assert app.screen is kept
        await palette(pilot, "Joost", "Go to stakeholder: Joost Hermsen")
        screen = app.screen
        assert isinstance(screen, AccountScreen)
        assert screen.active_section == "stakeholders"
        people = screen.section("stakeholders").query_one("#people ListTable", DataTable)
        assert cursor_key(people) == str(joost.id)
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.screen_stack) == 2  # Escape goes back to the portfolio
