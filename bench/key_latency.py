"""Key-to-screen latency on the heavy database, as a user feels it: a key sent through tmux, then polling
the screen until the first one that shows the key's effect. Before each key the app is left to go idle,
so every sample starts from a quiet app (a person does not type faster than the screen settles).
"""

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import screens
from bench.process import peak_rss_mib, settle
from bench.terminal import HarnessError, Screen, Terminal

SESSION = "latency"


class Driver:
    """The app under test in its tmux session, and the samples taken so far, by label."""

    def __init__(self, term: Terminal, samples: dict[str, list[float]] | None = None) -> None:
        self.term = term
        self.samples = samples if samples is not None else {}
        self.pid = 0

    def screen(self) -> Screen:
        return self.term.capture(SESSION)

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
        elapsed, screen = self.term.press(SESSION, keys, done, what, literal=literal)
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
) -> float | None:
    """All the interactions, their samples put `into` a dict by label; returns the app's peak RSS (MiB)."""
    d = Driver(term, into)
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
        for n in range(samples):
            account_round(d, largest, n)
            write_from_the_portfolio(d)
        for _ in range(samples):
            reopen(d, largest)
        for n in range(samples):
            portfolio_help(d)
            palette_jump(d, names[(n * 7) % len(names)] if n else largest)
        return peak_rss_mib(d.pid)
    finally:
        term.kill(SESSION)


def portfolio_moves(d: Driver, samples: int) -> None:
    for _ in range(samples):
        d.change("portfolio: ↓ moves the cursor", ["Down"], screens.detail_name, "the detail line to change")


def portfolio_sort(d: Driver, samples: int) -> None:
    label: str | None = "portfolio: s sorts by the next column"
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
        "open account again, nothing written since (enter)",
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
            "open account not opened before (enter)",
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
        "open account (enter, largest account)",
        ["Enter"],
        lambda s: screens.account_header(s, name) and screens.shows(s, profile_text),
        f"the account screen of {name!r}",
    )
    for key in "23456":
        section, text = screens.SECTION_TEXT[key]
        d.key(
            f"section {key} {section}, first visit",
            [key],
            lambda s, t=text: screens.shows(s, t),
            text,
        )
    for key in "1234561":
        section, text = screens.SECTION_TEXT[key]
        d.key("section switch, visited before", [key], lambda s, t=text: screens.shows(s, t), text)
    edit_industry(d, f"Bench edit {n:02d}")
    d.key("help on the account screen (?)", ["?"], lambda s: screens.shows(s, screens.HELP_TITLE), "help")
    d.key(
        "escape closes help", ["Escape"], lambda s: not screens.shows(s, screens.HELP_TITLE), "help to close"
    )
    d.key(
        "escape back to the portfolio",
        ["Escape"],
        lambda s: screens.shows(s, screens.PORTFOLIO_DETAIL),
        "the portfolio",
    )


def edit_industry(d: Driver, value: str) -> None:
    """Enter on the profile's first field (Industry), replace its text, save with Enter."""
    d.key(
        "profile: enter opens the field editor",
        ["Enter"],
        lambda s: screens.shows(s, screens.DIALOG_HINT),
        "dialog",
    )
    d.key(None, ["C-u"], lambda s: True, "")
    d.key(None, [value], lambda s: screens.shows(s, value), "the typed text", literal=True)
    d.key(
        "profile: enter saves the edit",
        ["Enter"],
        lambda s: screens.shows(s, value) and not screens.shows(s, screens.DIALOG_HINT),
        "the new value in the profile",
    )


def portfolio_help(d: Driver) -> None:
    d.key("help on the portfolio (?)", ["?"], lambda s: screens.shows(s, screens.HELP_TITLE), "help")
    d.key(None, ["Escape"], lambda s: not screens.shows(s, screens.HELP_TITLE), "help to close")


def palette_jump(d: Driver, name: str) -> None:
    """Ctrl+P, type the name, Enter on the first hit (already highlighted: Down would pass it)."""
    d.key(
        "palette opens (ctrl+p)", ["C-p"], lambda s: screens.shows(s, screens.PALETTE_PROMPT), "the palette"
    )
    hit = f"Go to account: {name}"
    d.key(None, [name], lambda s: screens.shows(s, hit), f"the hit {hit!r}", literal=True)
    time.sleep(0.3)  # the palette adds hits in batches a quarter of a second apart: let the list settle
    d.key(
        "palette: enter jumps to the account",
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
