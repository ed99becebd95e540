"""The first screen: every account at a glance, the portfolio's health, and the way into each account."""

from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import RowDoesNotExist
from textual.worker import Worker, WorkerState

from kamplan.errors import KamplanError
from kamplan.planning import CapacityStatus
from kamplan.screens.base import KamplanScreen
from kamplan.store.rows import AccountRow
from kamplan.store.summary import AccountSummary, Checks, Portfolio
from kamplan.widgets import format as fmt
from kamplan.widgets.dialogs import ConfirmDialog, EditDialog
from kamplan.widgets.guard import attempt, guarded
from kamplan.widgets.keybar import KeyBar
from kamplan.widgets.table import Table

# (column label, sort key, shown when narrow) in display order; the key sorts empty values last.
COLUMNS: list[tuple[str, str, bool]] = [
    ("Account", "name", True),
    ("Key", "key_account", False),
    ("Quadrant", "quadrant", True),
    ("Attr", "attractiveness", False),
    ("Str", "strength", False),
    ("Rel", "relationship_index", True),
    ("Best bet", "best_opportunity", True),
    ("Vote", "best_verdict", True),
    ("Pipeline", "factored_pipeline", True),
    ("Next", "next_activity", True),
    ("Late", "overdue", True),
]
DEMO_WORKER = "demo"
# From this many stakeholders on, the first screen shows the forecast checks a moment after it is painted.
CHECKS_LATER_FROM = 600
CHECKS_DELAY = 0.05  # seconds  # the worker that adds the demo account
# While the portfolio is shown, how often it looks whether the plan was changed from outside the app.
CHECK_SECONDS = 2.0
# Below this width the table drops the columns the quadrant already sums up, and shortens the rest.
NARROW = 118
FULL = 160  # from here on, names and the best bet get room, and the next activity says what it is
SHORT_QUADRANT = {
    "key": "key",
    "key development": "key dev",
    "maintenance": "maint",
    "opportunistic": "opport",
}
DESCENDING_FIRST = {
    "key_account",
    "attractiveness",
    "strength",
    "relationship_index",
    "factored_pipeline",
    "overdue",
}

WELCOME = """\
[b]Welcome to kamplan.[/b]

Plan the few customer accounts that matter most: know their business, map who decides and \
who is for or against you, plan the activity that moves each deal, and ask the hard question \
every week: [i]if they voted today, would we win?[/i]

Everything stays in one private file on this computer and works offline.

Press [b]d[/b] to add a demo account (Kestrelmoor Foods) and look around,
or [b]n[/b] to create your first account. [b]?[/b] lists every key.
"""


def _sort_value(summary: AccountSummary, key: str) -> tuple[bool, object]:
    value = getattr(summary, key)
    if key == "name" or key == "best_opportunity":
        value = (value or "").casefold()
    elif key == "next_activity":
        value = value.date if value else None
    elif key in ("quadrant", "best_verdict"):
        value = str(value) if value is not None else None
    return (value is None, value if value is not None else 0)


QUADRANT_MEANING = {
    "key": "attractive to us, and we are strong with them",
    "key development": "attractive to us, but we are not yet strong with them",
    "maintenance": "less attractive to us, though we are strong with them",
    "opportunistic": "neither very attractive nor a strong position",
}


def _detail(s: AccountSummary, checks: Checks | None, width: int = 80) -> Text:
    """The highlighted account in full sentences, under the table; then what its forecasts and a coach
    would question, one line each."""
    text = Text()
    text.append(fmt.shown(s.name), style="bold")
    if s.quadrant is not None:
        text.append(f" · {s.quadrant}: {QUADRANT_MEANING[str(s.quadrant)]}", style="italic")
    text.append("\nBest bet: ", style="dim")
    if s.best_opportunity:
        text.append(fmt.shown(s.best_opportunity) + " · if they voted today: ")
        text.append_text(fmt.verdict(s.best_verdict))
    else:
        text.append("no open opportunity")
    text.append("\nNext: ", style="dim")
    nxt = s.next_activity
    text.append(
        f"{nxt.date:%a %d %b} {fmt.words(nxt.type)}: {fmt.shown(nxt.objective)}" if nxt else "nothing planned"
    )
    if s.overdue:
        text.append(f" · {s.overdue} overdue", style="bold red")
    if checks is None:
        return text
    for o in checks.optimistic:
        tail = f" {o.probability} %, suggested {o.band[0]}–{o.band[1]} %: {o.brief}"
        title = fmt.first_line(o.title, max(12, width - 20 - len(tail)))
        text.append(f"\n⚠ optimistic: {title}{tail}", style="yellow")
    if checks.coaching_flags or checks.qualified_out:
        text.append("\n")
        if checks.coaching_flags:
            text.append(f"⚑ {_count(checks.coaching_flags, 'coaching flag')}")
        if checks.qualified_out:
            text.append(" · " if checks.coaching_flags else "")
            freed = _freed(checks.qualified_out, checks.qualified_out_value, checks.freed_activities)
            text.append(f"qualified out {freed}")
    return text


def _count(number: int, thing: str, things: str = "") -> str:
    return f"{number} {thing if number == 1 else things or thing + 's'}"


def _freed(opportunities: int, value: float, activities: int) -> str:
    """What qualifying out freed: '2: 2.35m and 5 activities freed'."""
    return f"{opportunities}: {fmt.money(value)} and {_count(activities, 'activity', 'activities')} freed"


class PortfolioScreen(KamplanScreen):
    TITLE = "Portfolio"
    BINDINGS = [
        Binding("enter", "open", "Open", id="portfolio.open", show=False),
        Binding("n", "new", "New", id="portfolio.new"),
        Binding("d", "demo", "Demo", id="portfolio.demo", show=False),  # the welcome box offers it
        Binding("r", "rename", "Rename", id="portfolio.rename"),
        Binding("k", "toggle_key", "★ Key", id="portfolio.key"),
        Binding("w", "week", "Week", id="portfolio.week"),
        Binding("p", "pipeline", "Pipeline", id="portfolio.pipeline", show=False),
        Binding("s", "sort", "Sort", id="portfolio.sort"),
        Binding("S", "reverse", "Reverse", id="portfolio.reverse", show=False),
        Binding("a", "archive", "Archive", id="portfolio.archive", show=False),
        Binding("A", "toggle_archived", "Archived accounts", id="portfolio.archived", show=False),
        Binding("x,delete", "trash", "Delete", id="portfolio.trash"),
        Binding("t", "show_trash", "Trash", id="portfolio.show_trash", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[AccountSummary] = []
        self.sort_column = 0
        self.descending = False
        self.show_archived = False
        self._empty: bool | None = None
        self._built_narrow: int | None = None
        self._shown_stamp: object = None  # the app's plan_stamp when the table was last filled
        self._shown_portfolio: Portfolio | None = None
        self._filled_with: object = None  # what the table was last filled from (see _fill_key)
        self.checks: dict[int, Checks] = {}  # per account: forecasts, flags, what qualifying out freed

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="portfolio"):
            yield Static(id="health")
            yield Table(id="accounts", cursor_type="row", zebra_stripes=True)
            yield Static(id="account-detail")
            yield Static(WELCOME, id="welcome")
        yield KeyBar()

    def plan_changed(self) -> None:
        self.reload()

    def on_mount(self) -> None:
        # The plan may change while it is shown: in another kamplan window, or by a command such as
        # `kamplan import --replace` run beside the app. Looking costs two file stats.
        self.set_interval(CHECK_SECONDS, self._check_while_shown)

    def on_screen_resume(self) -> None:
        # Also runs when the screen first shows. Back from help or an account where nothing was saved,
        # the table is already right: reloading it would only cost time.
        self._check_plan()

    def _check_while_shown(self) -> None:
        if self.is_current:  # not under a dialog: closing it resumes the screen, which looks then
            self._check_plan()

    def _check_plan(self) -> None:
        """Reload if the plan (or the day, which makes activities late) changed since the table was
        filled; the table itself is redrawn only if what it shows changed."""
        if self.kamplan.plan_stamp() != self._shown_stamp:
            self.reload()

    def on_settings_changed(self) -> None:
        self.reload()

    # Loading and showing
    @property
    def table(self) -> Table:
        return self.query_one("#accounts", Table)

    def current_id(self) -> int | None:
        table = self.table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    @guarded
    def reload(self, select: int | None = None) -> None:
        select = select if select is not None else self.current_id()
        if self._shown_stamp is not None:  # (the warm-up reads it at start) the plan changed: the week is
            today = self.settings.current_date()  # where a session goes next, so it is read ahead
            self.run_worker(partial(self.store.prefetch_week, today), thread=True, group="prefetch")
        self._shown_stamp = self.kamplan.plan_stamp()
        settings = self.settings
        store = self.store
        if self.show_archived:
            self.summaries = []
            archived = store.archived()
            self._fill_archived(archived, select)
            self._show_health(None)
            self._set_empty(False)
            return
        portfolio = store.portfolio(
            settings.current_date(), settings.relationship_capacity, settings.key_account_limit
        )
        first, shown_checks = self._shown_portfolio is None, self.checks
        if first and sum(s.stakeholders for s in portfolio.accounts) > CHECKS_LATER_FROM:
            # Scoring every opportunity and running the coaching rules over a heavy portfolio takes longer
            # than the rest of this read: on the first screen, they come just after it is painted.
            self.set_timer(CHECKS_DELAY, self._load_checks)
        else:
            self.checks = self._read_checks()
        if portfolio == self._shown_portfolio and self._filled_with == self._fill_key():
            # An edit that changed nothing shown here (most edits in an account): keep the drawn table.
            self._restore_cursor(select)
            if self.checks != shown_checks:  # an answer, a rating: the forecasts and flags may have moved
                self._show_health(portfolio.capacity)
                self._show_account(self.current_id())
            return
        self._shown_portfolio = portfolio
        was_empty = self._empty
        self.summaries = portfolio.accounts
        self._empty = not self.summaries
        self._show_health(portfolio.capacity)
        self._set_empty(not self.summaries)
        self._fill(select)
        if was_empty is not None and was_empty != self._empty:
            self.refresh_bindings()  # the keys that apply change with emptiness (the footer rebuilds: costly)

    def _read_checks(self) -> dict[int, Checks]:
        return self.store.checks(self.settings.current_date())

    @guarded
    def _load_checks(self) -> None:
        if self.show_archived or not self.is_attached:
            return
        checks = self._read_checks()
        if checks != self.checks:
            self.checks = checks
            self._show_account(self.current_id())
            if self._shown_portfolio is not None:
                self._show_health(self._shown_portfolio.capacity)

    def _set_empty(self, empty: bool) -> None:
        self.query_one("#welcome").display = empty
        self.query_one("#account-detail").display = not empty and not self.show_archived
        self.table.display = not empty
        self.query_one("#health").display = not empty
        (self.query_one("#welcome") if empty else self.table).focus()

    def _show_health(self, capacity: CapacityStatus | None) -> None:
        health = self.query_one("#health", Static)
        if capacity is None:
            health.update("[b]Archived accounts[/b] · a restores the selected one · A shows the portfolio")
            health.display = True
            return
        text = Text()
        over_relationships = capacity.relationships > capacity.relationship_limit
        over_accounts = capacity.key_accounts > capacity.key_account_limit
        text.append("Relationships ", style="dim")
        text.append(
            f"{capacity.relationships}/{capacity.relationship_limit}",
            style="bold red" if over_relationships else "bold",
        )
        text.append("   Key accounts ", style="dim")
        text.append(
            f"{capacity.key_accounts}/{capacity.key_account_limit}",
            style="bold red" if over_accounts else "bold",
        )
        accounts = [self.checks[s.id] for s in self.summaries if s.id in self.checks]
        optimistic = sum(len(s.optimistic) for s in accounts)
        flags = sum(s.coaching_flags for s in accounts)
        closed = sum(s.qualified_out for s in accounts)
        if optimistic:
            text.append(f"   ⚠ {optimistic} optimistic", style="bold yellow")
        if flags:
            text.append(f"   ⚑ {_count(flags, 'coaching flag')}", style="bold")
        if closed:
            value = sum(s.qualified_out_value for s in accounts)
            freed = sum(s.freed_activities for s in accounts)
            text.append("   Qualified out ", style="dim")
            text.append(_freed(closed, value, freed))
        for warning in capacity.warnings:
            text.append(f"\n⚠ {warning}", style="red")
        health.update(text)

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW  # the terminal's: known before this screen's first layout

    @property
    def layout_tier(self) -> int:
        """0 narrow, 1 wide, 2 full: which columns show and how much room the text gets."""
        return 0 if self.narrow else 1 if self.app.size.width < FULL else 2

    def visible_columns(self) -> list[tuple[str, str, bool]]:
        return [c for c in COLUMNS if c[2] or not self.narrow]

    def _fill_key(self) -> object:
        return (tuple(self.summaries), self.layout_tier, self.sort_column, self.descending)

    def _fill(self, select: int | None) -> None:
        table = self.table
        table.clear(columns=True)
        self._built_narrow = self.layout_tier
        columns = self.visible_columns()
        self.sort_column = min(self.sort_column, len(columns) - 1)
        for label, shown in self._labels(columns).items():
            table.add_column(shown, key=label)
        for s in self._ordered(columns):
            table.add_row(*self._cells(s, {c[1] for c in columns}), key=str(s.id))
        self._filled_with = self._fill_key()
        self._restore_cursor(select)

    def _resort(self) -> None:
        """The same rows in a new order: reordered in place, not added again (which measures and draws
        every cell anew)."""
        select = self.current_id()
        columns = self.visible_columns()
        if self._filled_with is None:  # the table shows something else: fill it
            self._fill(select)
            return
        self.table.relabel(self._labels(columns))
        self.table.show_in_order([str(s.id) for s in self._ordered(columns)])
        self._filled_with = self._fill_key()
        self._restore_cursor(select)

    def _labels(self, columns: list[tuple[str, str, bool]]) -> dict[str, str]:
        """Each column's header by its key; the sorted one is marked ▲ or ▼."""
        return {
            label: label + ((" ▼" if self.descending else " ▲") if index == self.sort_column else "")
            for index, (label, _, _) in enumerate(columns)
        }

    def _ordered(self, columns: list[tuple[str, str, bool]]) -> list[AccountSummary]:
        key = columns[self.sort_column][1]
        ordered = sorted(self.summaries, key=lambda s: _sort_value(s, key), reverse=self.descending)
        if self.descending:  # keep empty values last either way
            ordered.sort(key=lambda s: _sort_value(s, key)[0])
        return ordered

    def _cells(self, s: AccountSummary, shown: set[str]) -> list[object]:
        narrow = self.narrow
        tier = self.layout_tier
        full = tier == 2
        nxt = s.next_activity
        quadrant = fmt.quadrant(s.quadrant)
        cells: dict[str, object] = {
            "name": ("★ " if s.key_account and narrow else "") + fmt.first_line(s.name, (12, 22, 30)[tier]),
            "key_account": "★" if s.key_account else "",
            "quadrant": SHORT_QUADRANT.get(quadrant, quadrant) if narrow else quadrant,
            "attractiveness": fmt.score(s.attractiveness),
            "strength": fmt.score(s.strength),
            "relationship_index": fmt.integer(s.relationship_index),
            "best_opportunity": fmt.first_line(s.best_opportunity or fmt.DASH, (8, 16, 28)[tier]),
            "best_verdict": fmt.verdict(s.best_verdict),
            "factored_pipeline": fmt.money(s.factored_pipeline, ""),
            "next_activity": (f"{nxt.date:%d %b}" + (f" {fmt.words(nxt.type)}" if full else ""))
            if nxt
            else fmt.DASH,
            "overdue": Text(str(s.overdue), style="bold red") if s.overdue else "0",
        }
        return [cells[key] for _, key, _ in COLUMNS if key in shown]

    def on_resize(self) -> None:
        # Refill only when the column set changes: a refill re-measures every cell.
        if self.summaries and not self.show_archived and self._built_narrow != self.layout_tier:
            self._fill(self.current_id())

    def _fill_archived(self, archived: list[AccountRow], select: int | None) -> None:
        table = self.table
        table.clear(columns=True)
        self._filled_with = self._shown_portfolio = None
        table.add_columns("Account", "Archived on")
        for account in archived:
            table.add_row(
                account.name,
                f"{account.archived_at:%Y-%m-%d}",
                key=str(account.id),
            )
        self._restore_cursor(select)
        self.table.focus()

    def _restore_cursor(self, select: int | None) -> None:
        if select is None:
            return
        try:
            row = self.table.get_row_index(str(select))
        except RowDoesNotExist:  # the account is no longer listed here
            return
        self.table.move_cursor(row=row)

    def selected_name(self) -> str:
        account_id = self.current_id()
        for s in self.summaries:
            if s.id == account_id:
                return s.name
        if account_id is not None:
            return str(self.table.get_row(str(account_id))[0])
        return ""

    # Which keys apply now (hidden from the footer when they do not)
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        has_row = self.table.row_count > 0
        if action in ("open", "rename", "toggle_key", "trash", "sort", "reverse", "week", "pipeline"):
            return has_row and not self.show_archived
        if action == "archive":
            return has_row
        return True

    @on(DataTable.RowHighlighted, "#accounts")
    def _show_detail(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value if event.row_key is not None else None  # None: the table was emptied
        self._show_account(int(key) if key is not None else None)

    def _show_account(self, account_id: int | None) -> None:
        summary = next((s for s in self.summaries if s.id == account_id), None)
        checks = self.checks.get(account_id) if account_id is not None else None
        self.query_one("#account-detail", Static).update(
            _detail(summary, checks, self.app.size.width) if summary else "", layout=False
        )

    # Actions
    @on(DataTable.RowSelected, "#accounts")
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        account_id = self.current_id()
        if account_id is None:
            return
        if self.show_archived:
            self.notify("Restore it first (a) to open it.", severity="warning", markup=False)
            return
        self.kamplan.open_account(account_id)

    def action_new(self) -> None:
        store = self.store

        def created(account_id: int | None) -> None:
            if account_id is not None:
                self.show_archived = False
                self.reload(select=account_id)
                self.kamplan.open_account(account_id)

        self.app.push_screen(
            EditDialog("New account: the customer's name", "", store.create_account), created
        )

    def action_demo(self) -> None:
        # A whole plan is imported: in a worker thread, so the screen stays responsive meanwhile.
        if not any(w.name == DEMO_WORKER and not w.is_finished for w in self.workers):
            add = partial(self.store.add_demo, self.settings.current_date())
            self.run_worker(add, name=DEMO_WORKER, thread=True, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != DEMO_WORKER:
            return
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            if not isinstance(error, KamplanError):
                raise error or RuntimeError("adding the demo failed")  # a bug: as if raised here
            self.notify(str(error), severity="error", markup=False)
        elif event.state == WorkerState.SUCCESS:
            self._demo_added(str(event.worker.result))

    def _demo_added(self, name: str) -> None:
        self.show_archived = False
        self.reload()
        for s in self.summaries:
            if s.name == name:
                self._restore_cursor(s.id)
        self.notify(f"Added the demo account {fmt.sentence(name)} Enter opens it.", markup=False)

    def action_rename(self) -> None:
        account_id = self.current_id()
        if account_id is None:
            return
        store = self.store
        self.app.push_screen(
            EditDialog(
                "Rename account", self.selected_name(), lambda name: store.rename_account(account_id, name)
            ),
            lambda _: self.reload(),
        )

    @guarded
    def action_toggle_key(self) -> None:
        account_id = self.current_id()
        summary = next((s for s in self.summaries if s.id == account_id), None)
        if summary is None:
            return
        self.store.set_key_account(summary.id, not summary.key_account)
        self.reload()

    @guarded
    def action_archive(self) -> None:
        account_id = self.current_id()
        if account_id is None:
            return
        name = self.selected_name()
        self.store.archive_account(account_id, not self.show_archived)
        if self.show_archived:
            self.notify(f"Restored {name} to the portfolio.", markup=False)
        else:
            self.notify(f"Archived {fmt.sentence(name)} A shows archived accounts.", markup=False)
        self.reload()

    @guarded
    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()

    def action_trash(self) -> None:
        account_id = self.current_id()
        if account_id is None:
            return
        name = self.selected_name()

        def confirmed(yes: bool | None) -> None:
            if yes and attempt(self, lambda: self.store.trash_account(account_id)):
                self.notify(f"Moved {name} to the trash. t opens the trash to restore it.", markup=False)
                self.reload()

        self.app.push_screen(
            ConfirmDialog(
                f"Move {name} to the trash?\nYou can restore it from the trash until it is emptied."
            ),
            confirmed,
        )

    def action_week(self) -> None:
        self.kamplan.show_week()

    def action_pipeline(self) -> None:
        from kamplan.screens.pipeline import PipelineScreen

        self.app.push_screen(PipelineScreen())

    def action_show_trash(self) -> None:
        from kamplan.screens.trash import TrashScreen

        self.app.push_screen(TrashScreen())

    @guarded
    def action_sort(self) -> None:
        columns = self.visible_columns()
        self.sort_column = (self.sort_column + 1) % len(columns)
        key = columns[self.sort_column][1]
        self.descending = key in DESCENDING_FIRST  # numbers read best high-to-low
        self._resort()  # the ▲/▼ in the column's header says which

    @guarded
    def action_reverse(self) -> None:
        self.descending = not self.descending
        self._resort()

    def key_escape(self) -> None:
        if self.show_archived:
            self.action_toggle_archived()
