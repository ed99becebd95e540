"""Python's full garbage collections, moved to the moments the user is not typing.

The collector makes a full pass once enough objects have outlived two younger passes. In this app that
pass walks every widget of every kept account screen: 20–90 ms, spent on whatever key it happened to land
on. So the app freezes what it loaded at start (it lives as long as the app), leaves the young
generations to Python, and makes the full pass itself once the keyboard has been quiet for a moment.
"""

import gc
import time
from collections.abc import Callable

QUIET_SECONDS = 0.5  # no key or click for this long: the user is reading, not typing
BRIEF_QUIET_SECONDS = 0.2  # enough of a pause when a whole screen is waiting to be freed
DUE_AFTER = 10  # young passes between full ones: Python's own default
OVERDUE_AFTER = 50  # a user who never pauses still gets a full pass this often
NEVER = 1 << 30


class IdleCollector:
    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        collect: Callable[[], object] = gc.collect,
        passes_since_full: Callable[[], int] = lambda: gc.get_count()[2],
    ) -> None:
        self._clock = clock
        self._collect = collect
        self._passes_since_full = passes_since_full
        self._last_input = clock()
        self._garbage_made = False

    def start(self) -> None:
        """Freeze what exists now and take full passes away from Python (call `tick` often from then on)."""
        gc.freeze()
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, NEVER)

    def input(self) -> None:
        """The user pressed a key or clicked."""
        self._last_input = self._clock()

    def garbage_made(self) -> None:
        """Much was just thrown away (a whole screen): make the pass at the next pause, due or not."""
        self._garbage_made = True

    def tick(self) -> bool:
        """Make the full pass if it is due and the user has paused (or it is long overdue)."""
        passes = self._passes_since_full()
        quiet_for = self._clock() - self._last_input
        due = passes >= DUE_AFTER and quiet_for >= QUIET_SECONDS
        freeing = self._garbage_made and quiet_for >= BRIEF_QUIET_SECONDS
        if passes >= OVERDUE_AFTER or due or freeing:
            self._garbage_made = False
            self._collect()
            return True
        return False
