"""Small helpers for the UI tests: read what a table or a label shows, type text, wait for the palette."""

import io
from pathlib import Path

from rich.console import Console
from rich.text import Text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Label, Static

from kamplan.models import Account
from kamplan.store.service import Store


def plain(value: object) -> str:
    return value.plain if isinstance(value, Text) else str(value)


def rows(table: DataTable[object]) -> list[list[str]]:
    """Every row as the table shows it, as plain strings."""
    return [[plain(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


def column(table: DataTable[object], index: int = 0) -> list[str]:
    return [row[index] for row in rows(table)]


def headers(table: DataTable[object]) -> list[str]:
    return [plain(c.label) for c in table.ordered_columns]


def cursor_key(table: DataTable[object]) -> str | None:
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def shown(widget: Widget) -> str:
    """The text a Static or Label shows."""
    assert isinstance(widget, Static | Label)
    return plain(widget.render())


def notifications(app: App[object]) -> list[str]:
    return [n.message for n in app._notifications]


async def type_text(pilot: Pilot[object], text: str) -> None:
    await pilot.press(*text)


async def replace_input(pilot: Pilot[object], text: str) -> None:
    """Clear the focused Input (home, then delete to the end) and type `text`."""
    await pilot.press("home", "ctrl+k")
    await type_text(pilot, text)


async def move_to_row(pilot: Pilot[object], table: DataTable[object], key: str, limit: int = 40) -> None:
    """Press down (or up) until the row `key` is under the cursor."""
    target = table.get_row_index(key)
    step = "down" if target > table.cursor_row else "up"
    for _ in range(limit):
        if table.cursor_row == target:
            return
        await pilot.press(step)
    raise AssertionError(f"could not reach row {key!r}")


async def settle(pilot: Pilot[object]) -> None:
    """Let workers (the command palette's search) finish and the screen refresh."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def store_for(engine: Engine) -> Store:
    """The app's store facade on the test's database, to set up data and read it back."""
    assert engine.url.database
    return Store(Path(engine.url.database), engine)


def accounts_in_db(engine: Engine) -> dict[str, Account]:
    """Every account row, trashed and archived ones too, by name."""
    with Session(engine) as session:
        return {a.name: a for a in session.exec(select(Account))}


def account_in_db(engine: Engine, account_id: int) -> Account | None:
    with Session(engine) as session:
        return session.get(Account, account_id)


def cursor_on_screen(table: DataTable[object]) -> bool:
    """Whether the table's cursor row lies inside the visible part of every scrolling container above it."""
    header = table.header_height if table.show_header else 0
    y = table.region.y + header + table.cursor_row - round(table.scroll_y)
    node = table.parent
    while isinstance(node, Widget):
        if node.is_scrollable:
            visible = node.content_region
            if not visible.y <= y < visible.bottom:
                return False
        node = node.parent
    return table.region.y <= y < table.region.bottom


def screen_lines(app: App[object]) -> list[str]:
    """The terminal as the user sees it, one string per line (what a screenshot would show)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text().splitlines()


def palette_options(app: App[object]) -> list[str]:
    """The command palette's list, each option's first line."""
    from textual.command import CommandList

    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]


async def wait_for_palette(pilot: Pilot[object], expected: str, timeout: float = 10.0) -> None:
    """Wait until the palette's search is done and its list holds an option starting with `expected`."""
    for _ in range(int(timeout / 0.05)):
        await settle(pilot)
        if any(o.startswith(expected) for o in palette_options(pilot.app)) and not any(
            w.is_running for w in pilot.app.workers
        ):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"no {expected!r} in the palette: {palette_options(pilot.app)}")
