"""Profile: the customer's business in their own terms, the economics, and SWOT. Every field editable:
`e` on a field edits it, on a heading edits every field under it in one form; the SWOT lists are
editable lists."""

from contextlib import suppress
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from kamplan import planning
from kamplan.document.labels import ACCOUNT_LABELS, PROFILE_LABELS, SEGMENTATION_LABELS
from kamplan.enums import SwotKind
from kamplan.screens.account.section import Section
from kamplan.store.rows import AccountRow
from kamplan.widgets import format as fmt
from kamplan.widgets.dialogs import ConfirmDialog
from kamplan.widgets.editable_list import Column, EditableList, Row
from kamplan.widgets.form import FormField, FormSpec, Kind, Option, RecordForm
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
    FieldSpec("planning_horizon_years", hint="how many years the plan looks ahead"),
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


SWOT_SINGULAR = {
    SwotKind.STRENGTH: "strength",
    SwotKind.WEAKNESS: "weakness",
    SwotKind.OPPORTUNITY: "opportunity",
    SwotKind.THREAT: "threat",
}
HORIZON = tuple(Option(n, f"{n} year{'s' if n > 1 else ''}", str(n)) for n in (1, 2, 3))
SWOT_COLUMNS = (Column("Item", "item", sortable=False),)


def form_field(spec: FieldSpec) -> FormField:
    """The form field that edits one profile field."""
    if spec.name == "planning_horizon_years":
        return FormField(spec.name, spec.label, Kind.CHOICE, spec.hint, required=True, options=HORIZON)
    kind = Kind.MONEY if spec.money else Kind.LONG_TEXT if spec.multiline else Kind.TEXT
    return FormField(spec.name, spec.label, kind, spec.hint)


class ProfileFields(Table):
    BINDINGS = [
        Binding("e,enter", "edit", "Edit", id="profile.edit", key_display="e"),
    ]

    class EditRequested(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def action_edit(self) -> None:
        if self.row_count:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or ""
            self.post_message(self.EditRequested(key))


class SwotList(EditableList):
    """One of the four SWOT lists, kept in the order the KAM gives them."""

    def __init__(self, kind: SwotKind) -> None:
        super().__init__(id=f"swot-{kind}", classes="swot", movable=True, show_header=False)
        self.kind = kind
        self.border_title = SWOT_TITLES[kind]


class ProfileSection(Section):
    def compose(self) -> ComposeResult:
        yield Static(id="profile-preview")
        yield ProfileFields(id="profile-fields", cursor_type="row", show_header=False)
        yield Static("SWOT · a add · e edit · [ ] move · x delete · u undo", classes="section-title")
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
                table.add_row(
                    Text(item.upper(), style="bold underline"),
                    Text("e edits them all", style="dim"),
                    key=HEADING + item,
                )
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
            return Text("empty · e to fill in", style="dim")
        if spec.money:
            return fmt.full_money(value, account.currency)
        if spec.name == "planning_horizon_years":
            return f"{value} year{'s' if value != 1 else ''}"
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
        owner = table.parent
        if isinstance(owner, SwotList) and key in self.swot_texts:
            label, value = SWOT_SINGULAR[owner.kind].capitalize(), self.swot_texts[key]
        elif (spec := SPECS.get(key)) is not None and spec.multiline:
            label, value = spec.label, getattr(self.account, spec.name)
        preview = self.query_one("#profile-preview", Static)
        preview.display = bool(value)
        if value:
            preview.update(Text.assemble((f"{label}: ", "bold"), fmt.shown(value, multiline=True)))

    # Field editing
    @on(ProfileFields.EditRequested)
    def _edit_field(self, event: ProfileFields.EditRequested) -> None:
        key = event.key
        if key.startswith(COMPUTED):
            self.notify(
                "Computed from our revenue, their wallet and the cost to serve.", timeout=3, markup=False
            )
            return
        if key.startswith(HEADING):
            group = self._group(key.removeprefix(HEADING))
            self._open_form(group[0].label if len(group) == 1 else key.removeprefix(HEADING), group, key)
        else:
            self._open_form(SPECS[key].label, [SPECS[key]], key)

    @staticmethod
    def _group(heading: str) -> list[FieldSpec]:
        """The fields under a heading, up to the next one."""
        start = LAYOUT.index(heading) + 1
        following = [
            n
            for n, item in enumerate(LAYOUT[start:], start)
            if isinstance(item, str) and not item.startswith(COMPUTED)
        ]
        end = following[0] if following else len(LAYOUT)
        return [item for item in LAYOUT[start:end] if isinstance(item, FieldSpec)]

    def _open_form(self, title: str, specs: list[FieldSpec], select: str) -> None:
        account_id = self.account_id
        store = self.store  # the form may outlive this section's screen
        labels = {spec.name: spec.label for spec in specs}

        def save(values: dict[str, object]) -> bool:
            store.update_account_fields(account_id, values, labels)
            return True

        form = FormSpec(title, tuple(form_field(spec) for spec in specs), today=self.today)
        values = {spec.name: getattr(self.account, spec.name) for spec in specs}
        self.app.push_screen(RecordForm(form, values, save), lambda saved: self._after_edit(saved, select))

    @guarded
    def _after_edit(self, saved: object, select: str) -> None:
        if saved is None or not self.is_attached:  # cancelled, or the account screen closed meanwhile
            return
        account = self.store.account(self.account_id)
        if account is not None:
            self.account = account
            self._fill_fields(account, select=select)
            self.show_preview(self.query_one(ProfileFields))
        self.edited()

    # SWOT
    @guarded
    def _fill_swot(self, select: tuple[SwotKind, str | None] | None = None) -> None:
        if not self.is_attached:  # the account screen closed while a dialog was open
            return
        items = self.store.swot(self.account_id)
        self.swot_texts = {str(item.id): item.text for item in items}  # in full: the lists show them cut
        # Two lists side by side, each in a border: cut each item to what shows (the preview has it all).
        item_width = max(10, (self.app.size.width - 5) // 2 - 4)
        for kind in SwotKind:
            rows = [
                Row(str(item.id), (fmt.first_line(item.text, item_width),), search=item.text)
                for item in items
                if item.kind == kind
            ]
            chosen = select[1] if select and select[0] == kind else None
            self.query_one(f"#swot-{kind}", SwotList).show(SWOT_COLUMNS, rows, select=chosen)

    @on(EditableList.Add)
    def _add_swot(self, event: EditableList.Add) -> None:
        if not isinstance(event.list, SwotList) or type(event) is not EditableList.Add:
            return
        kind = event.list.kind
        self._swot_form(kind, f"New {SWOT_SINGULAR[kind]}", "", None)

    @on(EditableList.Edit)
    def _edit_swot(self, event: EditableList.Edit) -> None:
        if not isinstance(event.list, SwotList) or type(event) is not EditableList.Edit:
            return
        kind = event.list.kind
        self._swot_form(kind, f"Edit {SWOT_SINGULAR[kind]}", self.swot_texts[event.key], int(event.key))

    def _swot_form(self, kind: SwotKind, title: str, text: str, item_id: int | None) -> None:
        store, account_id = self.store, self.account_id
        field = FormField(
            "text", SWOT_SINGULAR[kind].capitalize(), Kind.TEXT, "one short line", required=True
        )

        def save(values: dict[str, object]) -> str:
            if item_id is None:
                return str(store.add_swot(account_id, kind, str(values["text"])))
            store.edit_swot(item_id, str(values["text"]))
            return str(item_id)

        def saved(key: str | None) -> None:
            if key is not None:
                self._fill_swot(select=(kind, key))
                self.edited()

        self.app.push_screen(
            RecordForm(FormSpec(title, (field,), today=self.today), {"text": text}, save), saved
        )

    @on(EditableList.Move)
    @guarded
    def _move_swot(self, event: EditableList.Move) -> None:
        if isinstance(event.list, SwotList):
            self.store.move_swot(int(event.key), event.offset)
            self._fill_swot(select=(event.list.kind, event.key))
            self.edited()

    @on(EditableList.Delete)
    def _delete_swot(self, event: EditableList.Delete) -> None:
        if not isinstance(event.list, SwotList):
            return
        item_id, kind = int(event.key), event.list.kind
        text = self.swot_texts[event.key]

        def confirmed(yes: bool | None) -> None:
            if yes and attempt(self, lambda: self.store.delete_swot(item_id)):
                self._fill_swot()
                self.edited()

        self.app.push_screen(
            ConfirmDialog(f"Delete this {SWOT_SINGULAR[kind]}? (u undoes it)\n\n{text}"), confirmed
        )
