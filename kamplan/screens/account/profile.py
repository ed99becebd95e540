"""Profile: the customer's business in their own terms, the economics, and SWOT. Every field editable."""

from contextlib import suppress
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from kamplan import planning
from kamplan.document.labels import ACCOUNT_LABELS, PROFILE_LABELS, SEGMENTATION_LABELS
from kamplan.enums import SwotKind
from kamplan.screens.account.section import Section
from kamplan.store.rows import AccountRow
from kamplan.widgets import format as fmt
from kamplan.widgets.dialogs import ConfirmDialog, EditDialog
from kamplan.widgets.guard import attempt, guarded
from kamplan.widgets.table import Table


@dataclass(frozen=True)
class FieldSpec:
    name: str
    multiline: bool = False
    hint: str = ""
    money: bool = False

    @property
    def label(self) -> str:
        return ACCOUNT_LABELS[self.name]


HEADING = "heading:"
COMPUTED = "computed:"

LAYOUT: list[FieldSpec | str] = [
    "Economics",
    FieldSpec("industry"),
    FieldSpec("currency", hint="three letters, e.g. EUR"),
    FieldSpec("planning_horizon_years", hint="1, 2 or 3"),
    FieldSpec("annual_revenue", hint="e.g. 840m, 12.5k or 1,200,000", money=True),
    FieldSpec("wallet", hint="the wallet, e.g. 38m", money=True),
    FieldSpec("our_revenue", hint="e.g. 9.2m", money=True),
    f"{COMPUTED}share_of_wallet",
    FieldSpec("cost_to_serve", hint="e.g. 1.65m", money=True),
    f"{COMPUTED}margin",
    "Their business",
    *(FieldSpec(name, multiline=True) for name in PROFILE_LABELS),
    "Segmentation",
    *(FieldSpec(name, multiline=True) for name in SEGMENTATION_LABELS),
]
SPECS = {item.name: item for item in LAYOUT if isinstance(item, FieldSpec)}
SWOT_TITLES = {
    SwotKind.STRENGTH: "Strengths",
    SwotKind.WEAKNESS: "Weaknesses",
    SwotKind.OPPORTUNITY: "Opportunities",
    SwotKind.THREAT: "Threats",
}


class ProfileFields(Table):
    BINDINGS = [Binding("e", "edit", "Edit", id="profile.edit")]

    def action_edit(self) -> None:
        self.action_select_cursor()


class SwotList(Table):
    """One of the four SWOT lists; its keys add, edit, move and delete items."""

    BINDINGS = [
        Binding("a", "add", "Add", id="swot.add"),
        Binding("e,enter", "edit", "Edit", id="swot.edit", show=False),
        Binding("left_square_bracket", "move(-1)", "Up", id="swot.up"),
        Binding("right_square_bracket", "move(1)", "Down", id="swot.down"),
        Binding("delete,x", "delete", "Delete", id="swot.delete"),
    ]

    def __init__(self, kind: SwotKind) -> None:
        super().__init__(id=f"swot-{kind}", cursor_type="row", show_header=False, classes="swot")
        self.kind = kind
        self.border_title = SWOT_TITLES[kind]

    @property
    def section(self) -> "ProfileSection":
        return self.screen.query_one(ProfileSection)

    def item_id(self) -> int | None:
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key and key.isdigit() else None

    def action_add(self) -> None:
        self.section.add_swot(self.kind)

    def action_edit(self) -> None:
        item_id = self.item_id()
        if item_id is None:
            self.section.add_swot(self.kind)
        else:
            self.section.edit_swot(self, item_id)

    def action_move(self, offset: int) -> None:
        item_id = self.item_id()
        if item_id is not None:
            self.section.move_swot(item_id, offset, self.cursor_row + offset)

    def action_delete(self) -> None:
        item_id = self.item_id()
        if item_id is not None:
            self.section.delete_swot(self, item_id)


class ProfileSection(Section):
    def compose(self) -> ComposeResult:
        yield Static(id="profile-preview")
        yield ProfileFields(id="profile-fields", cursor_type="row", show_header=False)
        yield Static("SWOT · a add · enter edit · [ ] move · x delete", classes="section-title")
        with Grid(id="swot-grid"):
            for kind in SwotKind:
                yield SwotList(kind)

    @guarded
    def load(self) -> None:
        account = self.store.account(self.account_id)
        if account is None:
            return
        self.account = account
        self._fill_fields(account)
        self._fill_swot()

    def _fill_fields(self, account: AccountRow, select: str | None = None) -> None:
        table = self.query_one(ProfileFields)
        current = select or self._current_key(table)
        table.clear(columns=True)
        table.add_column("Field", key="field", width=28)
        table.add_column("Value", key="value")
        # Each value is cut to what the terminal shows (the whole text is in the preview and the editor).
        value_width = max(10, self.app.size.width - 36)
        for item in LAYOUT:
            if isinstance(item, str) and item.startswith(COMPUTED):
                label, value = self._computed(account, item.removeprefix(COMPUTED))
                table.add_row(Text(label, style="italic"), Text(value, style="italic"), key=item)
            elif isinstance(item, str):
                table.add_row(Text(item.upper(), style="bold underline"), "", key=HEADING + item)
            else:
                table.add_row(item.label, self._shown(account, item, value_width), key=item.name)
        if current:
            with suppress(RowDoesNotExist):  # the row is gone
                table.move_cursor(row=table.get_row_index(current))
        elif table.row_count > 1:
            table.move_cursor(row=1)

    @staticmethod
    def _current_key(table: DataTable[object]) -> str | None:
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @staticmethod
    def _shown(account: AccountRow, spec: FieldSpec, width: int) -> Text | str:
        value = getattr(account, spec.name)
        if value is None or value == "":
            return Text("empty · enter to fill in", style="dim")
        if spec.money:
            return fmt.full_money(value, account.currency)
        return fmt.first_line(str(value), width)

    @staticmethod
    def _computed(account: AccountRow, name: str) -> tuple[str, str]:
        if name == "share_of_wallet":
            share = planning.share_of_wallet(account.our_revenue, account.wallet)
            return ACCOUNT_LABELS[name], fmt.percent(None if share is None else share * 100, 1)
        margin = planning.margin(account.our_revenue, account.cost_to_serve)
        pct = planning.margin_pct(account.our_revenue, account.cost_to_serve)
        text = fmt.full_money(margin, account.currency)
        return ACCOUNT_LABELS[name], text if pct is None else f"{text}  ({pct:.0f} %)"

    @on(DataTable.RowHighlighted)
    def _preview_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.has_focus:
            self.show_preview(event.data_table)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, DataTable):
            self.show_preview(event.widget)

    def show_preview(self, table: DataTable[object]) -> None:
        """The highlighted text in full, docked under the section: the tables show one line of it."""
        key = self._current_key(table) or ""
        label, value = "", ""
        if isinstance(table, SwotList) and key.isdigit():
            label, value = SWOT_TITLES[table.kind][:-1], self.swot_texts[int(key)]
        elif (spec := SPECS.get(key)) is not None and spec.multiline:
            label, value = spec.label, getattr(self.account, spec.name)
        preview = self.query_one("#profile-preview", Static)
        preview.display = bool(value)
        if value:
            preview.update(Text.assemble((f"{label}: ", "bold"), value))

    # Field editing
    @on(DataTable.RowSelected, "#profile-fields")
    def _edit_field(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        if key.startswith(HEADING):
            return
        if key.startswith(COMPUTED):
            self.notify("Computed from our revenue, their wallet and the cost to serve.", timeout=3)
            return
        spec = SPECS[key]
        value = getattr(self.account, spec.name)
        if spec.money and value is not None:
            value = f"{value:,.0f}"

        def save(text: str) -> object:
            # In a tuple: a field saved empty stores None, which must not read as a cancel.
            return (self.store.update_account_field(self.account_id, spec.name, text),)

        self.app.push_screen(
            EditDialog(
                spec.label,
                "" if value is None else str(value),
                save,
                multiline=spec.multiline,
                hint=spec.hint,
            ),
            lambda saved: None if saved is None else self._after_edit(spec.name),  # None: cancelled
        )

    @guarded
    def _after_edit(self, field: str) -> None:
        if not self.is_attached:  # the account screen closed while the dialog was open
            return
        account = self.store.account(self.account_id)
        if account is not None:
            self.account = account
            self._fill_fields(account, select=field)
        self.edited()

    # SWOT
    @guarded
    def _fill_swot(self, focus: tuple[SwotKind, int] | None = None) -> None:
        if not self.is_attached:  # the account screen closed while a dialog was open
            return
        items = self.store.swot(self.account_id)
        self.swot_texts = {item.id: item.text for item in items}  # in full: the lists show them cut
        # Two lists side by side, each in a border: cut each item to what shows (the preview has it all).
        item_width = max(10, (self.app.size.width - 5) // 2 - 4)
        for kind in SwotKind:
            table = self.query_one(f"#swot-{kind}", SwotList)
            table.clear(columns=True)
            table.add_column("Item", key="item")
            mine = [item for item in items if item.kind == kind]
            for item in mine:
                table.add_row(fmt.first_line(item.text, item_width), key=str(item.id))
            if not mine:
                table.add_row(Text("none yet · a to add", style="dim"), key=f"empty-{kind}")
            table.border_subtitle = str(len(mine)) if mine else ""
            if focus and focus[0] == kind:
                table.move_cursor(row=max(0, min(focus[1], table.row_count - 1)))

    def add_swot(self, kind: SwotKind) -> None:
        def save(text: str) -> int:
            return self.store.add_swot(self.account_id, kind, text)

        def done(item_id: int | None) -> None:
            if item_id is not None:
                self._fill_swot(focus=(kind, 10_000))

        label = SWOT_TITLES[kind][:-1] if kind != SwotKind.OPPORTUNITY else "Opportunity"
        self.app.push_screen(EditDialog(f"New {label.lower()}", "", save, hint="one short line"), done)

    def edit_swot(self, table: SwotList, item_id: int) -> None:
        row = table.cursor_row
        current = self.swot_texts[item_id]

        def save(text: str) -> bool:
            self.store.edit_swot(item_id, text)
            return True

        self.app.push_screen(
            EditDialog(f"Edit {SWOT_TITLES[table.kind].lower()[:-1]}", current, save),
            lambda _: self._fill_swot(focus=(table.kind, row)),
        )

    @guarded
    def move_swot(self, item_id: int, offset: int, row: int) -> None:
        kind = next(t.kind for t in self.query(SwotList) if t.has_focus)
        self.store.move_swot(item_id, offset)
        self._fill_swot(focus=(kind, row))

    def delete_swot(self, table: SwotList, item_id: int) -> None:
        row = table.cursor_row
        text = self.swot_texts[item_id]

        def confirmed(yes: bool | None) -> None:
            if yes:
                attempt(self, lambda: self.store.delete_swot(item_id))
                self._fill_swot(focus=(table.kind, row))

        self.app.push_screen(ConfirmDialog(f"Delete this {table.kind}?\n\n{text}"), confirmed)
