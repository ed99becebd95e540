"""Key-to-screen latency on the heavy database, as a user feels it: a key sent through tmux, then polling
the screen until the first one that shows the key's effect. Before each key the app is left to go idle,
so every sample starts from a quiet app (a person does not type faster than the screen settles).

The floors are the same kinds of interaction on stock Textual widgets in small empty apps
(bench/floor_apps.py), driven the same way in the same run; FLOOR_OF says which floor each of kamplan's
measures is held to.
"""

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import plan_latency, screens
from bench.process import peak_rss_mib, settle
from bench.terminal import HarnessError, Screen, Terminal

SESSION = "latency"
PAUSE_SECONDS = 1.0  # longer than kamplan waits for quiet before its idle garbage collection (0.5 s)
# kamplan's command line sets ESCDELAY to 40 ms unless the user set it: so do the floor apps
FLOOR_ENV = {"ESCDELAY": "40"}

# kamplan's measures, by label
CURSOR = "portfolio: ↓ moves the cursor"
SORT = "portfolio: s sorts by the next column"
OPEN_NEW = "open account not opened before (enter)"
OPEN_LARGEST = "open account (enter, largest account)"
REOPEN = "open account again, nothing written since (enter)"
SECTION_SWITCH = "section switch, visited before"
FIELD_EDITOR = "profile: enter opens the field editor"
TYPING = "profile: a character typed into the field editor"
SAVE_EDIT = "profile: enter saves the edit"
ACCOUNT_HELP = "help on the account screen (?)"
CLOSE_HELP = "escape closes help"
BACK = "escape back to the portfolio"
PORTFOLIO_HELP = "help on the portfolio (?)"
PALETTE_OPEN = "palette opens (ctrl+p)"
PALETTE_CLOSE = "escape closes the palette"
PALETTE_JUMP = "palette: enter jumps to the account"
GRID_VIEW = "stakeholders: v shows the decision-making grid"
GRID_MOVE = "grid: shift+→ moves a person (saved at once)"
UNDO = "u undoes the move"
PERSON_FORM = "stakeholders: e opens the person form"
PERSON_SAVE = "person form: ctrl+s saves it"


def first_visit(key: str) -> str:
    return f"section {key} {screens.SECTION_TEXT[key][0]}, first visit"


# The floors, by label: each the same kind of interaction on a stock widget (bench/floor_apps.py)
FLOOR_TABLE = "DataTable of 100 rows: ↓ moves the cursor"
FLOOR_TABS = "TabbedContent of six DataTables: a tab shown before"
FLOOR_MODAL = "ModalScreen: a key pushes it"
FLOOR_MODAL_ENTER = "ModalScreen: enter pops it"
FLOOR_MODAL_ESCAPE = "ModalScreen: escape pops it"
FLOOR_PALETTE_OPEN = "command palette opens (ctrl+p)"
FLOOR_PALETTE_CLOSE = "command palette: escape closes it"
FLOOR_INPUT = "Input: a typed character shows"

# Which floor each of kamplan's measures is held to. Not here (no stock widget does the same): the sort,
# opening an account (a screen built from the database), and the palette's jump to an account.
FLOOR_OF = {
    CURSOR: FLOOR_TABLE,
    **{first_visit(key): FLOOR_TABS for key in "23456"},
    SECTION_SWITCH: FLOOR_TABS,
    FIELD_EDITOR: FLOOR_MODAL,
    TYPING: FLOOR_INPUT,
    SAVE_EDIT: FLOOR_MODAL_ENTER,
    ACCOUNT_HELP: FLOOR_MODAL,
    CLOSE_HELP: FLOOR_MODAL_ESCAPE,
    BACK: FLOOR_MODAL_ESCAPE,  # a screen popped by escape, as the modal is
    PORTFOLIO_HELP: FLOOR_MODAL,
    PALETTE_OPEN: FLOOR_PALETTE_OPEN,
    PALETTE_CLOSE: FLOOR_PALETTE_CLOSE,
    GRID_VIEW: FLOOR_TABS,  # another view of the same section, as a tab is
    GRID_MOVE: FLOOR_TABLE,  # a cursor-key move that redraws what is shown
    PERSON_FORM: FLOOR_MODAL,
    PERSON_SAVE: FLOOR_MODAL_ENTER,
    plan_latency.QUICK_ADD_OPEN: FLOOR_MODAL,
    plan_latency.QUICK_ADD_TYPE: FLOOR_INPUT,
    plan_latency.QUICK_ADD_SAVE: FLOOR_MODAL_ENTER,
    plan_latency.DONE_OPEN: FLOOR_MODAL,
    plan_latency.DONE_SAVE: FLOOR_MODAL_ENTER,
}


class Driver:
    """The app under test in its tmux session, and the samples taken so far, by label."""

    def __init__(
        self, term: Terminal, samples: dict[str, list[float]] | None = None, session: str = SESSION
    ) -> None:
        self.term = term
        self.samples = samples if samples is not None else {}
        self.session = session
        self.pid = 0

    def screen(self) -> Screen:
        return self.term.capture(self.session)

    def idle(self) -> None:
        settle(self.pid)

    def key(
        self,
        label: str | None,
        keys: Sequence[str],
        done: Callable[[Screen], bool],
        what: str,
        *,
        literal: bool = False,
    ) -> Screen:
        """Press `keys` from an idle app and wait for `done`; a `label` records the time under it."""
        self.idle()
        elapsed, screen = self.term.press(self.session, keys, done, what, literal=literal)
        if label is not None:
            self.samples.setdefault(label, []).append(elapsed)
        return screen

    def change(
        self, label: str | None, keys: Sequence[str], read: Callable[[Screen], object], what: str
    ) -> None:
        """Press `keys` and wait until `read(screen)` differs from what it was once the app had gone idle."""
        self.idle()
        before = read(self.screen())
        self.key(label, keys, lambda s: read(s) not in (None, before), what)


def run(
    term: Terminal,
    argv: Sequence[str],
    root: Path,
    names: list[str],
    largest: str,
    samples: int,
    into: dict[str, list[float]],
    between: Callable[[], None] = lambda: None,
) -> float | None:
    """All the interactions, their samples put `into` a dict by label; returns the app's peak RSS (MiB).
    `between` runs after the portfolio's keys, half-way through the account rounds, and at the end, each
    time once the app has done what it does when the user pauses (its idle garbage collection)."""
    d = Driver(term, into)

    def pause() -> None:
        settle(d.pid, quiet=PAUSE_SECONDS)
        between()

    first = min(names, key=str.casefold)
    since = time.perf_counter()
    term.spawn(SESSION, argv, root)
    term.wait(
        SESSION, lambda s: screens.footer_ready(s) and screens.shows(s, first), "the portfolio", since, 20
    )
    d.pid = term.app_pid(SESSION)
    try:
        portfolio_moves(d, samples)
        portfolio_sort(d, samples)
        open_new_accounts(d, min(samples, len(names) - 1))
        go_to(d, largest, sorted(names, key=str.casefold))
        pause()
        for n in range(samples):
            if n == samples // 2:
                pause()
            account_round(d, largest, n)
            write_from_the_portfolio(d)
            plan_latency.week_from_portfolio(d)
        for _ in range(samples):
            reopen(d, largest)
        for n in range(samples):
            portfolio_help(d)
            palette_close(d)
            palette_jump(d, names[(n * 7) % len(names)] if n else largest)
        pause()
        return peak_rss_mib(d.pid)
    finally:
        term.kill(SESSION)


def portfolio_moves(d: Driver, samples: int) -> None:
    for _ in range(samples):
        d.change(CURSOR, ["Down"], screens.detail_name, "the detail line to change")


def portfolio_sort(d: Driver, samples: int) -> None:
    label: str | None = SORT
    for presses in range(samples + 30):
        if presses >= samples:
            label = None  # not timed: only bringing the sort back to the names
            d.idle()
            if _by_name(d.screen()):
                return
        d.change(label, ["s"], screens.table_view, "the table's sort marker or row order to change")
    raise HarnessError("sorting never came back to the account names")


def _by_name(screen: Screen) -> bool:
    return any("Account ▲" in line and "Quadrant" in line for line in screen)


def write_from_the_portfolio(d: Driver) -> None:
    """k twice (key account off and on again): two writes, so the next open builds the account afresh
    (kamplan keeps a screen you left only while nothing is written) and its sections' first visits
    are first visits."""
    for _ in range(2):
        d.change(None, ["k"], screens.key_account_count, "the count of key accounts to change")


def reopen(d: Driver, name: str) -> None:
    """Enter on an account left a moment ago with nothing written since: the kept screen, then Escape."""
    d.key(
        REOPEN,
        ["Enter"],
        lambda s: screens.account_header(s, name) and screens.shows(s, screens.SECTION_TEXT["1"][1]),
        f"the account screen of {name!r}",
    )
    d.key(None, ["Escape"], lambda s: screens.shows(s, screens.PORTFOLIO_DETAIL), "the portfolio")


def open_new_accounts(d: Driver, samples: int) -> None:
    """Open accounts not opened before in this run (kamplan keeps the last few it showed, so a reopened
    one is faster): ↓ to the next account, Enter, Escape."""
    for _ in range(samples):
        d.change(None, ["Down"], screens.detail_name, "the cursor to move")
        d.idle()
        name = screens.detail_name(d.screen())
        assert name is not None
        d.key(
            OPEN_NEW,
            ["Enter"],
            lambda s, name=name: (
                screens.account_header(s, name) and screens.shows(s, screens.SECTION_TEXT["1"][1])
            ),
            f"the account screen of {name!r}",
        )
        d.key(None, ["Escape"], lambda s: screens.shows(s, screens.PORTFOLIO_DETAIL), "the portfolio")


def go_to(d: Driver, name: str, ordered: list[str]) -> None:
    """Move the portfolio cursor to `name` (not timed); the table is sorted by name."""
    for _ in range(2 * len(ordered)):
        d.idle()
        current = screens.detail_name(d.screen())
        if current == name:
            return
        if current not in ordered:
            raise HarnessError(f"the portfolio's detail line names no known account: {current!r}")
        key = "Down" if ordered.index(current) < ordered.index(name) else "Up"
        d.change(None, [key], screens.detail_name, "the cursor to move")
    raise HarnessError(f"could not move the portfolio cursor to {name!r}")


def account_round(d: Driver, name: str, n: int) -> None:
    """Open the account, visit every section in order (first visits: each built in the background while
    the one before was shown), edit a profile field, help, back."""
    profile_text = screens.SECTION_TEXT["1"][1]
    d.key(
        OPEN_LARGEST,
        ["Enter"],
        lambda s: screens.account_header(s, name) and screens.shows(s, profile_text),
        f"the account screen of {name!r}",
    )
    for key in "23456":
        text = screens.SECTION_TEXT[key][1]
        d.key(first_visit(key), [key], lambda s, t=text: screens.shows(s, t), text)
    for key in "1234561":
        text = screens.SECTION_TEXT[key][1]
        d.key(SECTION_SWITCH, [key], lambda s, t=text: screens.shows(s, t), text)
    edit_industry(d, n)
    stakeholder_map(d)
    text = screens.SECTION_TEXT["3"][1]
    d.key(None, ["3"], lambda s: screens.shows(s, text), text)
    plan_latency.plan_round(d, n)
    d.key(None, ["1"], lambda s: screens.shows(s, screens.SECTION_TEXT["1"][1]), "the profile")
    d.key(ACCOUNT_HELP, ["?"], lambda s: screens.shows(s, screens.HELP_TITLE), "help")
    d.key(CLOSE_HELP, ["Escape"], lambda s: not screens.shows(s, screens.HELP_TITLE), "help to close")
    d.key(
        BACK,
        ["Escape"],
        lambda s: screens.shows(s, screens.PORTFOLIO_DETAIL),
        "the portfolio",
    )


def edit_industry(d: Driver, n: int) -> None:
    """Enter on the profile's first field (Industry), replace its text, save with Enter.

    The new value's start is typed at once; its last characters one by one, each timed. Every prefix
    that is waited for is new on the screen (the profile behind the dialog shows the last round's)."""
    stem, timed = f"Bench {n:02d} ty", "ped"
    value = stem + timed
    d.key(FIELD_EDITOR, ["Enter"], lambda s: screens.shows(s, screens.DIALOG_HINT), "dialog")
    d.key(None, ["C-u"], lambda s: True, "")
    d.key(None, [stem], lambda s: screens.shows(s, stem), "the typed text", literal=True)
    for at, char in enumerate(timed):
        typed = stem + timed[: at + 1]
        d.key(TYPING, [char], lambda s, t=typed: screens.shows(s, t), repr(typed), literal=True)
    d.key(
        SAVE_EDIT,
        ["Enter"],
        lambda s: screens.shows(s, value) and not screens.shows(s, screens.DIALOG_HINT),
        "the new value in the profile",
    )


def _grid(screen: Screen) -> tuple[str, ...] | None:
    """The grid's lines, from its header row to the line under its totals that names the selected person
    with their rating in words (a move can happen inside a crowded cell's hidden part)."""
    start = next((at for at, line in enumerate(screen) if screens.GRID_HEADER in line), None)
    if start is None:
        return None
    end = next((at for at in range(start, len(screen)) if "Σ" in screen[at]), len(screen) - 2)
    return tuple(screen[start : end + 2])


def stakeholder_map(d: Driver) -> None:
    """From the profile: the Stakeholders section's grid, a rating moved and undone, the person form
    opened and saved, and back to the list and the profile (the views' order: people, grid, org, team)."""
    text = screens.SECTION_TEXT["2"][1]
    d.key(None, ["2"], lambda s: screens.shows(s, text), text)
    d.key(GRID_VIEW, ["v"], lambda s: screens.shows(s, screens.GRID_HEADER), "the grid")
    d.change(GRID_MOVE, ["S-Right"], _grid, "a name to move on the grid")
    d.key(UNDO, ["u"], lambda s: screens.shows(s, screens.UNDONE), "the undo notice")
    d.key(PERSON_FORM, ["Enter"], lambda s: screens.shows(s, screens.DIALOG_HINT), "the person form")
    d.key(PERSON_SAVE, ["C-s"], lambda s: not screens.shows(s, screens.DIALOG_HINT), "the form to close")
    for _ in range(3):
        d.key(None, ["v"], lambda s: True, "")
    d.key(None, ["1"], lambda s: screens.shows(s, screens.SECTION_TEXT["1"][1]), "the profile")


def portfolio_help(d: Driver) -> None:
    d.key(PORTFOLIO_HELP, ["?"], lambda s: screens.shows(s, screens.HELP_TITLE), "help")
    d.key(None, ["Escape"], lambda s: not screens.shows(s, screens.HELP_TITLE), "help to close")


def palette_close(d: Driver) -> None:
    d.key(None, ["C-p"], lambda s: screens.shows(s, screens.PALETTE_PROMPT), "the palette")
    d.key(
        PALETTE_CLOSE,
        ["Escape"],
        lambda s: not screens.shows(s, screens.PALETTE_PROMPT),
        "the palette to close",
    )


def palette_jump(d: Driver, name: str) -> None:
    """Ctrl+P, type the name, Enter on the first hit (already highlighted: Down would pass it)."""
    d.key(PALETTE_OPEN, ["C-p"], lambda s: screens.shows(s, screens.PALETTE_PROMPT), "the palette")
    hit = f"Go to account: {name}"
    d.key(None, [name], lambda s: screens.shows(s, hit), f"the hit {hit!r}", literal=True)
    time.sleep(0.3)  # the palette adds hits in batches a quarter of a second apart: let the list settle
    d.key(
        PALETTE_JUMP,
        ["Enter"],
        lambda s: screens.account_header(s, name),
        f"the account screen of {name!r}",
    )
    d.key(None, ["Escape"], lambda s: screens.shows(s, screens.PORTFOLIO_DETAIL), "the portfolio")


def hello_floor(term: Terminal, argv: Sequence[str], root: Path, samples: int) -> list[float]:
    """The same measure on the hello-world app (n updates its one line): what Textual and tmux cost alone."""
    from bench.hello_app import GREETING

    d = Driver(term)
    since = time.perf_counter()
    term.spawn("hello-keys", argv, root)
    term.wait("hello-keys", lambda s: screens.shows(s, f"{GREETING} · 0"), "the hello-world app", since, 20)
    d.pid = term.app_pid("hello-keys")
    times = []
    try:
        for n in range(1, samples + 1):
            d.idle()
            elapsed, _ = term.press(
                "hello-keys",
                ["n"],
                lambda s, n=n: screens.shows(s, f"{GREETING} · {n}"),
                "the count to go up",
            )
            times.append(elapsed)
    finally:
        term.kill("hello-keys")
    return times


class Floors:
    """The floor apps, each in its own tmux session, started once and left running (idle) beside kamplan,
    and sampled a few at a time between kamplan's phases (`sample`), so that both see the same machine
    (this kind of machine's speed drifts within a run, too). Each is driven as kamplan is."""

    def __init__(self, term: Terminal, root: Path, into: dict[str, list[float]]) -> None:
        self.term, self.root, self.into = term, root, into
        self.drivers: dict[str, Driver] = {}
        self.pane = 1  # tabs: the pane shown
        self.typed = "Typed:"  # input: the text so far

    def __enter__(self) -> "Floors":
        from bench import floor_apps

        try:
            for kind in floor_apps.KINDS:
                self._start(kind, floor_apps.READY)
            self._warm_up()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _start(self, kind: str, ready: str) -> None:
        session = f"floor-{kind}"
        since = time.perf_counter()
        argv = [str(self.root / ".venv/bin/python"), "-m", "bench.floor_apps", kind]
        self.term.spawn(session, argv, self.root, {} if "ESCDELAY" in os.environ else FLOOR_ENV)
        self.drivers[kind] = Driver(self.term, self.into, session)
        self.term.wait(
            session,
            lambda s: screens.footer_ready(s) and screens.shows(s, ready),
            f"the {kind} floor app",
            since,
            20,
        )
        self.drivers[kind].pid = self.term.app_pid(session)

    def close(self) -> None:
        for driver in self.drivers.values():
            self.term.kill(driver.session)
        self.drivers.clear()

    def _warm_up(self) -> None:
        """Every pane of the tabs shown once (the timed switches are to panes shown before); the start of
        the Input's text typed at once (each timed character then makes a text not shown before)."""
        from bench.floor_apps import PANES

        for pane in [*range(2, PANES + 1), 1]:
            self._tab(None, pane)
        typed = self.typed
        self.drivers["input"].key(None, [typed], lambda s: screens.shows(s, typed), repr(typed), literal=True)

    def sample(self, samples: int) -> None:
        """`samples` of each floor measure (of the modal's push, twice that), taking turns."""
        from bench.floor_apps import PANES

        for _ in range(samples):
            self._cursor()
            self._tab(FLOOR_TABS, self.pane % PANES + 1)
            self._modal()
            self._palette()
            self._type()

    def _cursor(self) -> None:
        from bench.floor_apps import HIGHLIGHTED, ROWS

        def highlighted(screen: Screen) -> str | None:
            return next((line.strip() for line in screen if HIGHLIGHTED in line), None)

        if len(self.into.get(FLOOR_TABLE, [])) < ROWS - 1:  # the cursor stops at the last row
            self.drivers["table"].change(FLOOR_TABLE, ["Down"], highlighted, "the highlighted row to change")

    def _modal(self) -> None:
        from bench.floor_apps import MODAL_TEXT

        d = self.drivers["modal"]
        for label, key in ((FLOOR_MODAL_ENTER, "Enter"), (FLOOR_MODAL_ESCAPE, "Escape")):
            d.key(FLOOR_MODAL, ["m"], lambda s: screens.shows(s, MODAL_TEXT), "the modal screen")
            d.key(label, [key], lambda s: not screens.shows(s, MODAL_TEXT), "the modal screen to close")

    def _palette(self) -> None:
        d, prompt = self.drivers["palette"], screens.PALETTE_PROMPT
        d.key(FLOOR_PALETTE_OPEN, ["C-p"], lambda s: screens.shows(s, prompt), "the palette")
        d.key(FLOOR_PALETTE_CLOSE, ["Escape"], lambda s: not screens.shows(s, prompt), "the palette to close")

    def _type(self) -> None:
        if len(self.typed) >= 100:  # the Input is wider than that: the text's start stays in view
            return
        char = "abcdefghijklmnopqrstuvwxyz"[len(self.typed) % 26]
        typed = self.typed = self.typed + char
        self.drivers["input"].key(
            FLOOR_INPUT, [char], lambda s: screens.shows(s, typed), repr(typed), literal=True
        )

    def _tab(self, label: str | None, pane: int) -> None:
        from bench.floor_apps import PANE_TEXT

        text = PANE_TEXT.format(pane=pane)
        self.drivers["tabs"].key(label, [str(pane)], lambda s: screens.shows(s, text), text)
        self.pane = pane
