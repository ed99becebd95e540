"""Text from the plan is shown as text everywhere in the app: never read as markup, never sent to the
terminal as control characters (DESIGN.md, "What a plan may hold"; issue 14, items 1 and 2).

An older database may hold what the import now refuses, so the texts are written straight into its tables.
One walk by keys goes through every screen and dialog that shows them; at each stop the app is still
running, the screen is not blank, the markup shows literally and every control character shows as an
escape like \\x1b. An error that ends the app anyway is reported in one line, with exit status 1."""

import ast
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from textual.app import App
from textual.command import CommandPalette
from textual.widgets import Input
from ui_support import (
    move_to_row,
    notifications,
    palette_options,
    screen_lines,
    store_for,
    type_text,
    wait_for_palette,
)

import kamplan
from kamplan.app import KamplanApp
from kamplan.cli import DEBUG_ENV, main
from kamplan.screens.account.screen import AccountScreen
from kamplan.screens.help import HelpScreen
from kamplan.screens.portfolio import PortfolioScreen
from kamplan.screens.trash import TrashScreen
from kamplan.widgets.dialogs import ConfirmDialog, EditDialog
from kamplan.widgets.form import RecordForm

MARKUP = "[/oops] [link=https://x]y[/link] [bold"
CONTROLS = "\x1b[2J\x07\x00\x9b\u202e"
HOSTILE = f"{MARKUP} {CONTROLS}!"
NAME = f"Acme {HOSTILE} Ltd"
OTHER = "Beta [/oops]"
RAW = ("\x1b", "\x07", "\x00", "\x9b", "\u202e")
ESC = "\\x1b"  # how an ESC shows: as text


def damage(path: Path) -> None:
    """What an older kamplan let in: markup-like text and control characters in every kind of text."""
    conn = sqlite3.connect(path)
    long_text = f"grow\n{HOSTILE}\n" + "very long " * 500
    conn.execute(
        "UPDATE account SET name = ?, industry = ?, strategy = ? WHERE name LIKE 'Kestrel%'",
        (NAME, HOSTILE, long_text),
    )
    for table, column, word in (
        ("stakeholder", "name", "Person"),
        ("team_member", "name", "Member"),
        ("swot_item", "text", "Item"),
        ("opportunity", "title", "Deal"),
        ("competitor", "name", "Rival"),
        ("criterion", "name", "Criterion"),
        ("relationship_indicator", "name", "Indicator"),
    ):
        conn.execute(f"UPDATE {table} SET {column} = ? || id || ' ' || ?", (word, HOSTILE))
    conn.execute("UPDATE stakeholder SET title = ?, needs = ?, source = ?", (HOSTILE, long_text, HOSTILE))
    conn.execute(
        "UPDATE stakeholder SET name = ? WHERE id = (SELECT min(id) FROM stakeholder)",
        ("Very long name " * 100 + HOSTILE,),
    )
    conn.execute("UPDATE team_member SET function = ?", (HOSTILE,))
    conn.execute("UPDATE activity SET objective = ?, outcome = ?", (HOSTILE, HOSTILE))
    conn.execute("UPDATE relationship_indicator SET evidence = ?", (HOSTILE,))
    conn.execute("UPDATE review SET notes = ?", (long_text,))
    conn.commit()
    conn.close()


@pytest.fixture
def hostile_engine(ui_demo_engine: Engine) -> Iterator[Engine]:
    assert ui_demo_engine.url.database
    store_for(ui_demo_engine).create_account(OTHER)
    damage(Path(ui_demo_engine.url.database))
    ui_demo_engine.dispose()  # no connection keeps what it read before
    yield ui_demo_engine


def check(app: App[object], *expected: str) -> str:
    """The app runs, the screen shows something, nothing raw reaches it, and `expected` shows literally."""
    assert app.is_running and app.return_code in (None, 0)
    shown = "\n".join(screen_lines(app))
    assert shown.strip(), "the screen is blank"
    notices = "\n".join(notifications(app))  # the toasts, drawn on a layer of their own
    for char in RAW:
        assert char not in shown and char not in notices, f"{char!r} reached the screen"
    for text in expected:
        assert text in shown or text in notices, f"{text!r} is not on the screen:\n{shown}\n{notices}"
    return shown


async def test_every_screen_and_dialog_shows_hostile_text_as_text(
    hostile_engine: Engine, make_ui_app: Callable[[Engine], KamplanApp]
) -> None:
    app = make_ui_app(hostile_engine)
    async with app.run_test(size=(120, 40)) as pilot:

        async def press(*keys: str, expected: tuple[str, ...] = (), screen: type | None = None) -> str:
            await pilot.press(*keys)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            if screen is not None:
                assert isinstance(app.screen, screen), app.screen
            return check(app, *expected)

        # The portfolio: the table (first the hostile account), the line under it.
        shown = await press(screen=PortfolioScreen, expected=("Acme [/oops]", OTHER, ESC))
        assert f"Acme {MARKUP} {ESC}" in shown  # the detail line has the name in full

        # Rename: the name in the field as text; a taken name is refused with a message quoting it.
        await press("r", screen=EditDialog, expected=("Rename account", "Acme [/oops]"))
        editor = app.screen.query_one(Input)
        assert editor.value.startswith(f"Acme {MARKUP} {ESC}")
        editor.value = OTHER.upper()
        await press("enter", screen=EditDialog, expected=("exists already", "BETA [/OOPS]"))
        await press("escape", screen=PortfolioScreen)

        # Delete (to the trash), the notice, undo, and the trash itself.
        await press("x", screen=ConfirmDialog, expected=(f"Move Acme {MARKUP}", ESC))
        await press("y", screen=PortfolioScreen, expected=("Moved Acme [/oops]",))
        await press("u", screen=PortfolioScreen, expected=("undid", "Acme [/oops]"))
        await press("up", "x", "y", screen=PortfolioScreen)  # the cursor stayed on the other account
        await press("t", screen=TrashScreen, expected=("Acme [/oops]",))
        await press("r", screen=TrashScreen, expected=("Restored Acme [/oops]",))
        await press("escape", screen=PortfolioScreen, expected=("Acme [/oops]",))

        # Archive it, see the archived accounts, restore it from there.
        await press("up", "a", screen=PortfolioScreen, expected=("Archived Acme [/oops]",))
        await press("A", screen=PortfolioScreen, expected=("Archived accounts", "Acme [/oops]"))
        await press("a", screen=PortfolioScreen, expected=("Restored Acme [/oops]",))
        await press("A", screen=PortfolioScreen)

        # A new account named with markup, opened at once; the demo again.
        await press("n", screen=EditDialog)
        await type_text(pilot, "[link=https://x]New[/link] [/b]")
        await press("enter", screen=AccountScreen, expected=("[link=https://x]New[/link] [/b]",))
        await press("escape", "d", screen=PortfolioScreen, expected=("Added the demo account",))

        # The palette finds the account and the people by their names, shown as text.
        await press("ctrl+p", screen=CommandPalette)
        await type_text(pilot, "acme")
        await wait_for_palette(pilot, "Go to account: Acme [/oops]")
        check(app, "Acme [/oops]")
        await press("escape", screen=PortfolioScreen)
        await press("ctrl+p", screen=CommandPalette)
        await type_text(pilot, "sta oops")
        await wait_for_palette(pilot, "Go to stakeholder: ")
        assert any(MARKUP in option for option in palette_options(app)), palette_options(app)
        check(app, "[/oops]")
        await press("escape", screen=PortfolioScreen)

        # The account: its header, and each section.
        portfolio = app.screen
        assert isinstance(portfolio, PortfolioScreen)
        hostile_id = next(s.id for s in portfolio.summaries if s.name == NAME)
        await move_to_row(pilot, portfolio.table, str(hostile_id))
        await press("enter", screen=AccountScreen, expected=(f"Acme {MARKUP} {ESC}",))
        await press("question_mark", screen=HelpScreen, expected=(f"Keys · Acme {MARKUP}",))
        await press("escape", screen=AccountScreen)

        # 1 Profile: the fields, the preview, a field's form, the SWOT lists, their form and delete.
        await press("1", "down", "down", expected=("Industry", MARKUP, ESC))
        await press("up", "up", "e", screen=RecordForm, expected=(MARKUP,))
        assert app.screen.query_one(Input).value == f"{MARKUP} {ESC}[2J\\x07\\x00\\x9b\\u202e!"
        await press("escape", screen=AccountScreen)
        await press("tab", expected=("Item",))
        await press("e", screen=RecordForm, expected=("Edit strength", MARKUP))
        await press("escape", "x", screen=ConfirmDialog, expected=("Delete this strength", MARKUP, ESC))
        await press("y", screen=AccountScreen)
        await press("u", screen=AccountScreen, expected=("undid",))

        # 2 Stakeholders: the list and the details, a person's form, delete and undo; then each view.
        await press("2", screen=AccountScreen, expected=("Very long name", "Person", ESC))
        await press("e", screen=RecordForm, expected=("Edit Very long name", MARKUP))
        await press("escape", "down", "x", screen=ConfirmDialog, expected=("from the map", MARKUP))
        await press("y", screen=AccountScreen)
        await press("u", screen=AccountScreen, expected=("undid",))
        await press("v", screen=AccountScreen, expected=("Unrated",))  # the decision grid
        await press("v", screen=AccountScreen, expected=("owner",))  # the org chart
        await press("r", screen=RecordForm, expected=("Who does", "report to?", MARKUP))
        await press("escape", screen=AccountScreen)
        await press("v", screen=AccountScreen, expected=("Our person", "Member", MARKUP, ESC))  # our team
        await press("e", screen=RecordForm, expected=("Edit Member", MARKUP))
        await press("escape", "x", screen=ConfirmDialog, expected=("from our team", MARKUP))
        await press("n", "v", screen=AccountScreen)

        # 3–6: the plan, qualification, assessment, reviews.
        await press("3", screen=AccountScreen, expected=(MARKUP, ESC))
        await press("4", screen=AccountScreen, expected=(MARKUP,))
        await press("5", screen=AccountScreen, expected=(MARKUP, ESC))
        await press("6", "down", screen=AccountScreen, expected=("grow", ESC))
        await press("escape", screen=PortfolioScreen)
    assert app.return_code in (None, 0)


def test_an_error_that_ends_the_app_is_one_line_and_exit_status_1(
    demo_db_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Textual catches an error in a handler and ends the app; the command must not then report success."""

    def crash(self: KamplanApp) -> None:
        raise ValueError(f"a bug quoting {NAME}")

    monkeypatch.setattr(KamplanApp, "on_mount", crash)
    monkeypatch.setattr(KamplanApp, "run", lambda self: App.run(self, headless=True))
    assert main(["--db", str(demo_db_file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kamplan: unexpected error (ValueError: a bug quoting Acme [/oops]") and ESC in err
    assert err.count("\n") == 1 and "Traceback" not in err and not any(char in err for char in RAW)

    monkeypatch.setenv(DEBUG_ENV, "1")
    with pytest.raises(ValueError, match="a bug quoting"):
        main(["--db", str(demo_db_file)])


def test_every_notice_of_kamplan_is_given_as_text() -> None:
    """notify() reads its message as markup unless told not to: one built from anything (most quote the
    plan) must say markup=False."""
    missing = []
    for path in Path(kamplan.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "notify" or isinstance(node.func.value, ast.Call):  # super().notify
                continue
            if node.args and isinstance(node.args[0], ast.Constant):  # a fixed message quotes nothing
                continue
            markup = next((k.value for k in node.keywords if k.arg == "markup"), None)
            if not (isinstance(markup, ast.Constant) and markup.value is False):
                missing.append(f"{path.name}:{node.lineno}")
    assert not missing, f"notify() without markup=False: {missing}"
