"""The terminal driver answers a lone Escape once ESCDELAY is over, and still reads key sequences whole."""

import os
import selectors
import time
from codecs import getincrementaldecoder

from textual import constants
from textual._xterm_parser import XTermParser

from kamplan.driver import IDLE_WAIT, KamplanDriver


class Reader:
    """The driver's reading step on a pipe, collecting the keys it would send to the app."""

    def __init__(self) -> None:
        self.read_end, self.write_end = os.pipe()
        self.driver = KamplanDriver.__new__(KamplanDriver)  # no terminal: only the reading is tested
        self.driver.fileno = self.read_end  # type: ignore[misc]
        self.keys: list[str] = []
        self.driver.process_message = lambda event: self.keys.append(event.key)  # type: ignore[method-assign,attr-defined]
        self.selector = selectors.SelectSelector()
        self.selector.register(self.read_end, selectors.EVENT_READ)
        self.parser = XTermParser(False)
        self.decode = getincrementaldecoder("utf-8")().decode

    def step(self, wait: float, pending: bool) -> bool:
        return self.driver._read(self.selector, self.parser, self.decode, wait, pending)

    def until_key(self, typed: str, limit: float = 5.0) -> None:
        """Type, then run the driver's loop until a key comes out."""
        os.write(self.write_end, typed.encode())
        started = time.monotonic()
        pending = False
        while not self.keys and time.monotonic() - started < limit:
            pending = self.step(constants.ESCAPE_DELAY / 4 if pending else IDLE_WAIT, pending)

    def close(self) -> None:
        self.selector.close()
        os.close(self.read_end)
        os.close(self.write_end)


def test_a_lone_escape_is_watched_closely_until_escdelay_is_over() -> None:
    """Textual's own loop would next look up after its 100 ms input wait; this one after a short one."""
    reader = Reader()
    try:
        os.write(reader.write_end, b"\x1b")
        assert reader.step(IDLE_WAIT, pending=False) is True  # read; the loop now waits ESCDELAY / 4
        assert reader.keys == []
        time.sleep(constants.ESCAPE_DELAY)
        assert reader.step(0, pending=True) is False
        assert reader.keys == ["escape"]
    finally:
        reader.close()


def test_sequences_that_start_with_escape_are_still_one_key() -> None:
    reader = Reader()
    try:
        reader.until_key("\x1b[A")
        assert reader.keys == ["up"]
        reader.keys.clear()
        reader.until_key("q")
        assert reader.keys == ["q"]
    finally:
        reader.close()
