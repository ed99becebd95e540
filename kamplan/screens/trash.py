"""Deleted accounts wait here until the trash is emptied; any of them can be restored."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from kamplan.screens.base import KamplanScreen
from kamplan.widgets import format as fmt
from kamplan.widgets.dialogs import ConfirmDialog
from kamplan.widgets.guard import attempt, guarded
from kamplan.widgets.keybar import KeyBar
from kamplan.widgets.table import Table


class TrashScreen(KamplanScreen):
    TITLE = "Trash"
    BINDINGS = [
        Binding("escape", "back", "Back", id="trash.back"),
        Binding("r", "restore", "Restore", id="trash.restore"),
        Binding("E", "empty", "Empty trash", id="trash.empty"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="trash-note")
        yield Table(id="trash", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    @guarded
    def plan_changed(self) -> None:
        self.reload()

    def reload(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns("Account", "Deleted on")
        trashed = self.store.trash()
        for account in trashed:
            table.add_row(account.name, f"{account.deleted_at:%Y-%m-%d %H:%M}", key=str(account.id))
        note = (
            "The trash is empty."
            if not trashed
            else "Deleted accounts stay here until you empty the trash. r restores the selected one."
        )
        self.query_one("#trash-note", Static).update(note)
        table.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("restore", "empty"):
            return self.query_one(DataTable).row_count > 0
        return True

    @guarded
    def action_restore(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        name = table.get_row(key)[0]
        self.store.trash_account(int(key), trashed=False)
        self.notify(f"Restored {fmt.sentence(name)}", markup=False)
        self.reload()

    def action_empty(self) -> None:
        count = self.query_one(DataTable).row_count

        def confirmed(yes: bool | None) -> None:
            if yes and attempt(self, self.store.empty_trash):
                self.notify(f"Deleted {count} account(s) for good.", markup=False)
                self.reload()

        self.app.push_screen(
            ConfirmDialog(f"Delete the {count} account(s) in the trash for good?\nThis cannot be undone."),
            confirmed,
        )
