"""The terminal driver: Textual's own for Linux and macOS, with a lone Escape answered on time."""

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Callable

from textual import constants
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

ESC = "\x1b"
IDLE_WAIT = 0.1  # Textual's: how long the input thread waits for input before looking up


class KamplanDriver(LinuxDriver):
    """Textual's input thread notices that a lone Escape's ESCDELAY is over only when its wait for
    input ends, up to 100 ms later; Escape is kamplan's way back, so every press of it lagged. After
    input that ends in an Escape, this thread looks again every quarter of ESCDELAY until it is over."""

    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        escape_wait = constants.ESCAPE_DELAY / 4
        pending = False
        try:
            while not self.exit_event.is_set():
                pending = self._read(selector, parser, decode, escape_wait if pending else IDLE_WAIT, pending)
            selector.unregister(self.fileno)
            self._read(selector, parser, decode, IDLE_WAIT, pending, final=True)
        finally:
            selector.close()

    def _read(
        self,
        selector: selectors.BaseSelector,
        parser: XTermParser,
        decode: Callable[..., str],
        wait: float,
        pending: bool,
        final: bool = False,
    ) -> bool:
        """Feed what arrives within `wait` to the parser; True while a lone Escape awaits its timeout."""
        ready = selector.select(wait)
        for index, (_, mask) in enumerate(ready):
            if mask & selectors.EVENT_READ:
                data = decode(os.read(self.fileno, 1024 * 4), final=final and index == len(ready) - 1)
                if not data:
                    break
                for event in parser.feed(data):
                    self.process_message(event)
                pending = data.endswith(ESC)
        timed_out = False
        for event in parser.tick():
            self.process_message(event)
            timed_out = True
        return pending and not timed_out
