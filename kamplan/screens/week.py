"""This week: the planned activities of every live account, overdue first, then this week day by day,
then next week. Each is done, moved or cancelled with one key; a weekly session starts and ends here."""

from collections.abc import Callable
from contextlib import suppress
from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from kamplan.document.quick_add import SHORT_TYPE
from kamplan.enums import ActivityType
from kamplan.screens import activity_actions as acts
from kamplan.screens.base import KamplanScreen
from kamplan.screens.exporting import ask_export
from kamplan.store.week import Week, WeekItem
from kamplan.widgets import format as fmt
from kamplan.widgets.guard import guarded
from kamplan.widgets.keybar import KeyBar
from kamplan.widgets.table import Table

HEADING = "h:"  # the key of a heading row: the cursor passes over them
FIRST_ROWS = 2  # rows beyond a screenful drawn before the screen shows; the rest right after


def words(item: WeekItem) -> str:
    return acts.activity_words(item.type, list(item.people), item.date)


class WeekScreen(KamplanScreen):
    TITLE = "This week"
    BINDINGS = [
        Binding("escape", "back", "Back", id="week.back"),
        Binding("d", "done", "Done", id="week.done"),
        Binding("m", "move", "Move", id="week.move"),
        Binding("c", "cancel", "Cancel", id="week.cancel"),
        Binding("e", "edit", "Edit", id="week.edit"),
        Binding("enter", "open", "Open account", id="week.open", show=False),
        Binding("E", "export", "Export ICS/CSV", id="week.export", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.week: Week | None = None
        self.items: dict[int, WeekItem] = {}
        self._shown_stamp: object = None
        self._last_row = 0
        self.keys: list[str] = []  # the rows' keys, in order
        self._pending: list[Callable[[], object]] = []  # rows still to add to the table
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(id="week-summary")
        yield Table(id="week", cursor_type="row")
        yield Static(id="week-detail")
        yield KeyBar()

    @property
    def table(self) -> Table:
        return self.query_one("#week", Table)

    def on_mount(self) -> None:
        self.table.focus()

    def on_screen_resume(self) -> None:
        if self.kamplan.plan_stamp() != self._shown_stamp:
            self.reload()

    def plan_changed(self) -> None:
        self.reload()

    # Showing
    @guarded
    def reload(self, select: int | None = None) -> None:
        today = self.settings.current_date()
        self._shown_stamp = self.kamplan.plan_stamp()
        keep_row = self.table.cursor_row
        select = select if select is not None else self.current_id()
        week = self.week = self.store.week(today)
        self.items = {item.id: item for item in week.items}
        self._show_summary(week)
        self._fill(week)
        wanted = self.keys.index(str(select)) if select is not None and str(select) in self.keys else keep_row
        self._add_rows(max(self.app.size.height, wanted) + FIRST_ROWS)
        self._place_cursor(select, keep_row)
        if self._pending:
            self.call_after_refresh(self._add_rest, self._generation)

    def _show_summary(self, week: Week) -> None:
        monday = week.monday
        sunday = monday + timedelta(days=6)
        text = Text("This week", style="bold")
        text.append(f" {monday.day} {monday:%b} – {sunday.day} {sunday:%b}: ", style="dim")
        text.append(f"{len(week.this_week)} planned", style="bold")
        text.append(f" · next week {len(week.next_week)}")
        if week.overdue_count:
            text.append(f" · {week.overdue_count} overdue", style="bold red")
        accounts = {item.account for item in week.items}
        text.append(f" · {len(accounts)} account{'s' if len(accounts) != 1 else ''}", style="dim")
        self.query_one("#week-summary", Static).update(fmt.visible(text))

    def _fill(self, week: Week) -> None:
        """Overdue, this week and next week, each under a heading; a day's first activity says the day,
        and a weekday with nothing planned says so (it is room for more)."""
        table = self.table
        narrow = self.app.size.width < fmt.NARROW_WIDTH
        width = self.app.size.width
        account_width = 14 if narrow else 24
        with_width = 14 if narrow else 24
        objective_width = max(10, width - 10 - account_width - 8 - with_width - 5 * 2 - 1)
        table.clear(columns=True)
        table.add_column("Day", key="day", width=10)
        table.add_column("Account", key="account", width=account_width)
        table.add_column("Type", key="type", width=8)
        table.add_column("With", key="with", width=with_width)
        table.add_column("Objective", key="objective", width=objective_width)
        today = week.today
        self.keys = []
        self._pending = []
        self._generation += 1

        def heading(key: str, title: Text, note: str = "") -> None:
            self.keys.append(HEADING + key)
            self._pending.append(
                lambda: table.add_row(title, Text(note, style="dim"), "", "", "", key=HEADING + key)
            )

        def row(item: WeekItem, day: str, style: str) -> None:
            self.keys.append(str(item.id))
            self._pending.append(  # built when added: most rows are added after the screen is up
                lambda: table.add_row(
                    Text(day, style=style),
                    fmt.first_line(item.account, account_width),
                    SHORT_TYPE[ActivityType(item.type)],
                    fmt.first_line(", ".join(item.people) or fmt.DASH, with_width),
                    fmt.first_line(item.objective, objective_width),
                    key=str(item.id),
                )
            )

        def days(items: list[WeekItem], first: date, last: date) -> None:
            by_day: dict[date, list[WeekItem]] = {}
            for item in items:
                by_day.setdefault(item.date, []).append(item)
            for offset in range((last - first).days + 1):
                day = first + timedelta(days=offset)
                on_day = by_day.get(day, [])
                label = f"{day:%a} {day.day}"
                if not on_day:
                    if day.weekday() < 5 and day < today + timedelta(days=7):
                        heading(day.isoformat(), Text(label, style="dim"), "nothing yet")
                    continue
                style = "bold cyan" if day == today else "bold"
                for n, item in enumerate(on_day):
                    row(item, label if n == 0 else "", style)

        if week.overdue_count:
            shown = len(week.overdue)
            note = f"{week.overdue_count}" + (f", the latest {shown}" if week.overdue_count > shown else "")
            heading("overdue", Text("Overdue", style="bold red"), note)
            for item in week.overdue:
                day = f"{item.date:%d %b}" if item.date.year == today.year else f"{item.date:%d %b %y}"
                row(item, day, "red")
        monday = week.monday
        group = "bold underline"
        heading("this", Text("This week", style=group), f"today {today:%a} {today.day}")
        days(week.this_week, today, monday + timedelta(days=6))
        heading("next", Text("Next week", style=group), "" if week.next_week else "nothing yet")
        days(week.next_week, monday + timedelta(days=7), monday + timedelta(days=13))

    def _add_rows(self, count: int) -> None:
        """Add the next `count` rows waiting to be shown."""
        adding, self._pending = self._pending[:count], self._pending[count:]
        for add in adding:
            add()

    def _add_rest(self, generation: int) -> None:
        """The rows below the first screenful, added once the screen is up (a busy fortnight across fifty
        accounts is a thousand rows), a hundred at a time so that keys are handled in between."""
        if generation != self._generation or not self._pending:
            return  # filled afresh meanwhile
        self._add_rows(100)
        if self._pending:
            self.set_timer(0.01, lambda: self._add_rest(generation))

    def _place_cursor(self, select: int | None, fallback: int) -> None:
        table = self.table
        row = fallback
        if select is not None:
            with suppress(RowDoesNotExist):
                row = table.get_row_index(str(select))
        row = max(0, min(row, table.row_count - 1))
        self._last_row = -1
        table.move_cursor(row=row, animate=False)
        self._skip_heading(row, 1)

    def current_id(self) -> int | None:
        table = self.table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        return int(key) if key.isdigit() else None

    def current(self) -> WeekItem | None:
        found = self.current_id()
        return None if found is None else self.items.get(found)

    def _skip_heading(self, row: int, step: int) -> None:
        """Headings are not activities: the cursor moves on past them (back, at the end of the table)."""
        table = self.table
        ordered = self.keys[: table.row_count]
        at = row
        while 0 <= at < len(ordered) and ordered[at].startswith(HEADING):
            at += step
        if not 0 <= at < len(ordered):
            at = row
            while 0 <= at < len(ordered) and ordered[at].startswith(HEADING):
                at -= step
        if 0 <= at < len(ordered) and at != row:
            table.move_cursor(row=at, animate=False)

    @on(DataTable.RowHighlighted, "#week")
    def _highlighted(self) -> None:
        # The cursor as it is now: a refill queues highlights of rows the cursor has left since.
        row = self.table.cursor_row
        if 0 <= row < len(self.keys) and self.keys[row].startswith(HEADING):
            self._skip_heading(row, 1 if row >= self._last_row else -1)
            return
        self._last_row = row
        self._show_detail()
        self.refresh_bindings()

    def _show_detail(self) -> None:
        item = self.current()
        detail = self.query_one("#week-detail", Static)
        if item is None:
            empty = "Nothing planned these two weeks: open an account, 3 for its plan, a plans an activity."
            detail.update(Text(empty, style="dim"))
            return
        text = Text(f"{item.account}: ", style="bold")
        text.append(words(item))
        late = (self.week.today - item.date).days if self.week else 0
        if late > 0:
            text.append(f" · {late} day{'s' if late != 1 else ''} overdue", style="bold red")
        text.append("\nObjective: ", style="bold")
        text.append(item.objective or "none yet", style="" if item.objective else "dim")
        detail.update(fmt.visible(text))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done", "move", "cancel", "edit", "open"):
            return True if self.is_mounted and self.current() is not None else None
        return True

    # Actions
    def _saved(self, activity_id: int) -> None:
        self.reload()

    def action_done(self) -> None:
        item = self.current()
        if item is not None:
            today = self.settings.current_date()
            acts.ask_done(self, self.store, item.id, words(item), item.date, today, self._saved)

    def action_move(self) -> None:
        item = self.current()
        if item is not None:
            today = self.settings.current_date()
            acts.ask_move(self, self.store, item.id, words(item), item.date, today, self._saved)

    def action_cancel(self) -> None:
        item = self.current()
        if item is not None:
            acts.cancel(self, self.store, item.id, words(item), self._saved)

    def action_edit(self) -> None:
        item = self.current()
        if item is not None:
            today = self.settings.current_date()
            acts.edit_activity(self, self.store, item.account_id, item.id, today, self._saved)

    @on(DataTable.RowSelected, "#week")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        item = self.current()
        if item is not None:
            self.kamplan.open_account(item.account_id, activity_id=item.id)

    def action_export(self) -> None:
        store, today = self.store, self.settings.current_date()
        names = [name for _, name in store.live_accounts()]

        def export(fmt_: str) -> str:
            from kamplan.interchange.portfolio_export import export_accounts  # pydantic: only when asked

            return export_accounts(store.db_path, names, fmt_, today)

        ask_export(self, "every account's activities", "kamplan-all-accounts", today, export)
