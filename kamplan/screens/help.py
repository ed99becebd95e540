"""`?`: the keys of the screen you were on, with what each does."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
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


class HelpScreen(Dialog[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help.close")]

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box") as box:
            box.border_title = f"Keys · {self.title_text}"
            yield Table(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static("esc close", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "What it does")
        for key, description in self.keys:
            table.add_row(key, description)
        listed = {item for pair in self.keys for item in pair}
        for key, description in GLOBAL_KEYS:
            if key not in listed and description not in listed:  # the screen may list it already
                table.add_row(key, description)
        table.focus()

    def action_close(self) -> None:
        self.close(None)
