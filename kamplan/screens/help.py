"""`?`: the keys of the screen you were on, with what each does."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from kamplan.widgets.dialogs import Dialog
from kamplan.widgets.table import Table

GLOBAL_KEYS = [
    ("↑ ↓ pgup pgdn", "Move the cursor in a list"),
    ("enter", "Open or edit what the cursor is on"),
    ("ctrl+p", "Find an account, a stakeholder or a command"),
    ("?", "This help"),
    ("escape", "Back one step"),
    ("tab / shift+tab", "Move between parts of the screen"),
    ("^q", "Quit"),
]


BOX_WIDTH = 90  # at most; on a narrower terminal, the terminal's width less a margin either side
KEY_WIDTH = 16  # at most: longer keys wrap, like the descriptions
# Columns inside the box that the two columns cannot use: its border and padding, the vertical scrollbar
# and each cell's padding.
CHROME = 2 + 2 + 2 + 2 * 2


class HelpScreen(Dialog[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help.close")]

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box") as box:
            box.border_title = Content(f"Keys · {self.title_text}")  # an account's name: never markup
            yield Table(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static("↑ ↓ scroll · esc close", classes="hint")

    def on_mount(self) -> None:
        listed = {item for pair in self.keys for item in pair}
        self.rows = [
            *self.keys,
            # The keys every screen has, unless the screen lists them already.
            *((k, d) for k, d in GLOBAL_KEYS if k not in listed and d not in listed),
        ]
        self._fill()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if self.is_mounted:
            self._fill()

    def _fill(self) -> None:
        """Both columns fit the box at any width (80 columns included): a long description wraps onto
        more lines of its row rather than running off the box."""
        width = min(BOX_WIDTH, self.app.size.width - 4)
        self.query_one("#help-box").styles.width = width
        key_width = min(KEY_WIDTH, max(len(key) for key, _ in self.rows))
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("Key", width=key_width)
        table.add_column("What it does", width=max(10, width - CHROME - key_width))
        for key, description in self.rows:
            table.add_row(Text(key), Text(description), height=None)

    def action_close(self) -> None:
        self.close(None)
