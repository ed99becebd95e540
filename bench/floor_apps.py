"""The floors kamplan's interactions are measured against: each kind of interaction done on the same stock
Textual widget in a small empty app, started as `python -m bench.floor_apps KIND`.

Each app is the hello-world app's frame (a header, the widget, a footer) around one stock widget, with only
what the bench needs to see the key's effect in a plain-text capture of the screen:

table    a DataTable of 100 rows; ↓ moves its cursor, and a line under it names the highlighted row
         (as kamplan's portfolio names the highlighted account under its table)
tabs     a TabbedContent of six panes, each a DataTable of 100 rows; 1…6 switch to a pane
modal    m pushes a ModalScreen; enter or escape pops it
palette  ctrl+p opens the command palette (the stock one, with Textual's system commands); escape closes it
input    a focused Input to type into

Nothing here is tuned: these are what a plain Textual app costs, on this machine, in this run.
"""

import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Header, Input, Static, TabbedContent, TabPane

KINDS = ("table", "tabs", "modal", "palette", "input")
ROWS = 100
PANES = 6
READY = "Floor app ready"  # on every floor app's first screen
HIGHLIGHTED = "Highlighted: row "  # table: then the row's number, 000…099
MODAL_TEXT = "A stock ModalScreen"
PANE_TEXT = "pane {pane} row 000"  # tabs: the first cell of pane 1…6's table, shown only on that pane
INPUT_PLACEHOLDER = "Type here"
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet")


def fill(table: DataTable[str], rows: int = ROWS, first: str = "row {row:03d}") -> None:
    """Columns and rows much like a kamplan table's: a name, words, numbers, a date."""
    table.add_columns("Name", "Kind", "Owner", "Score", "Amount", "Due", "Status", "Notes")
    for row in range(rows):
        table.add_row(
            first.format(row=row),
            WORDS[row % len(WORDS)],
            f"{WORDS[(row * 3) % len(WORDS)].title()} {WORDS[(row * 7) % len(WORDS)].title()}",
            f"{(row * 37) % 100}",
            f"{(row * 7919) % 100000:,}",
            f"2026-{row % 12 + 1:02d}-{row % 28 + 1:02d}",
            ("open", "won", "lost")[row % 3],
            f"note {row} " + WORDS[(row * 5) % len(WORDS)],
        )


class FloorApp(App[None]):
    TITLE = "floor"
    CSS = "DataTable, TabbedContent { height: 1fr; }"  # the rest of the screen, as kamplan's tables

    def frame(self, body: ComposeResult) -> ComposeResult:
        yield Header()
        yield Static(READY)
        yield from body
        yield Footer()


class TableFloor(FloorApp):
    def compose(self) -> ComposeResult:
        yield from self.frame(self.body())

    def body(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Static(id="highlighted")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        fill(table)
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.query_one("#highlighted", Static).update(Text(f"{HIGHLIGHTED}{event.cursor_row:03d}"))


class TabsFloor(FloorApp):
    BINDINGS = [Binding(str(pane), f"show({pane})", f"Pane {pane}") for pane in range(1, PANES + 1)]

    def compose(self) -> ComposeResult:
        yield from self.frame(self.body())

    def body(self) -> ComposeResult:
        with TabbedContent():
            for pane in range(1, PANES + 1):
                with TabPane(f"Pane {pane}", id=f"pane-{pane}"):
                    yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for pane in range(1, PANES + 1):
            fill(self.query_one(f"#pane-{pane} DataTable", DataTable), first=f"pane {pane} row {{row:03d}}")

    def action_show(self, pane: int) -> None:
        self.query_one(TabbedContent).active = f"pane-{pane}"


class Dialog(ModalScreen[None]):
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical { width: 60; height: auto; padding: 1 2; border: thick $accent; background: $surface; }
    """
    BINDINGS = [Binding("enter,escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"{MODAL_TEXT}: enter or escape closes it")


class ModalFloor(FloorApp):
    BINDINGS = [Binding("m", "modal", "Modal")]

    def compose(self) -> ComposeResult:
        yield from self.frame([])

    def action_modal(self) -> None:
        self.push_screen(Dialog())


class PaletteFloor(FloorApp):
    def compose(self) -> ComposeResult:
        yield from self.frame([])


class InputFloor(FloorApp):
    def compose(self) -> ComposeResult:
        yield from self.frame([Input(placeholder=INPUT_PLACEHOLDER)])

    def on_mount(self) -> None:
        self.query_one(Input).focus()


APPS: dict[str, type[FloorApp]] = {
    "table": TableFloor,
    "tabs": TabsFloor,
    "modal": ModalFloor,
    "palette": PaletteFloor,
    "input": InputFloor,
}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in APPS:
        print(f"usage: python -m bench.floor_apps {{{','.join(KINDS)}}}", file=sys.stderr)
        return 2
    APPS[argv[0]]().run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
