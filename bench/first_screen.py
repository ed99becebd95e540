"""Time to a usable first screen, from outside: start the app in tmux, poll until its screen is painted.

kamplan and the hello-world floor take turns (after warm-up runs of each), so both see the same machine.
"""

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench import screens
from bench.process import peak_rss_mib
from bench.terminal import Screen, Terminal

FIRST_SCREEN_TIMEOUT = 20.0


@dataclass
class Launch:
    label: str
    argv: Sequence[str]
    ready: Callable[[Screen], bool]
    what: str
    times: list[float] = field(default_factory=list)
    peak_rss_mib: float | None = None


def hello(root: Path) -> Launch:
    from bench.hello_app import GREETING

    return Launch(
        "hello",
        [str(root / ".venv/bin/python"), str(root / "bench/hello_app.py")],
        lambda s: screens.footer_ready(s) and screens.shows(s, GREETING[:20]),
        "the hello-world app's line and footer",
    )


def kamplan(root: Path, db: Path, first_account: str) -> Launch:
    return Launch(
        "kamplan",
        [str(root / ".venv/bin/kamplan"), "--db", str(db)],
        # The full name: the table is first filled narrow (before the screen knows its width), then wide.
        lambda s: (
            screens.footer_ready(s) and screens.shows(s, first_account) and screens.table_view(s) is not None
        ),
        f"the portfolio table (with {first_account!r}) and the footer",
    )


def measure(term: Terminal, root: Path, launches: list[Launch], runs: int, warmups: int) -> None:
    for n in range(warmups + runs):
        for launch in launches:
            session = f"{launch.label}-{n}"
            since = time.perf_counter()
            term.spawn(session, launch.argv, root)
            elapsed, _ = term.wait(session, launch.ready, launch.what, since, FIRST_SCREEN_TIMEOUT)
            pid = term.app_pid(session)
            launch.peak_rss_mib = peak_rss_mib(pid)
            term.kill(session)
            if n >= warmups:
                launch.times.append(elapsed)
