"""A private tmux server (own socket, no config file) driven through one control-mode client.

Every capture and key goes over the control client's pipe (≈0.3 ms a command) instead of a new `tmux`
process per call (≈7 ms), so polling every few milliseconds stays cheap and does not steal the CPU from
the app being measured.
"""

import re
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.process import child_pids, process_name, wait_gone

SOCKET = "kamplan-bench"
KEEPER = "keeper"  # the session the control client sits in; apps run in sessions of their own
POLL_SECONDS = 0.005
WAIT_SECONDS = 10.0
SAFE = re.compile(r"^[A-Za-z0-9_./:=@%+-]+$")

Screen = list[str]


class HarnessError(RuntimeError):
    """The benchmark itself could not go on (as opposed to a target being missed)."""


def quote(arg: str) -> str:
    """One argument for tmux's command parser, which follows shell quoting."""
    if SAFE.match(arg):
        return arg
    return "'" + arg.replace("'", "'\"'\"'") + "'"


class Terminal:
    def __init__(
        self, width: int = 120, height: int = 36, env: dict[str, str] | None = None, socket: str = SOCKET
    ) -> None:
        """`env`: the environment every app here starts with (the server's own)."""
        self.width, self.height, self.socket = width, height, socket
        self.env = env
        self.client: subprocess.Popen[bytes] | None = None
        tmux = shutil.which("tmux")
        if tmux is None:
            raise HarnessError("tmux is not installed; the terminal measures need it (apt install tmux)")
        self.base = [tmux, "-L", socket, "-f", "/dev/null"]

    def __enter__(self) -> "Terminal":
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def start(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)  # a leftover from a killed run
        size = ["-x", str(self.width), "-y", str(self.height)]
        subprocess.run([*self.base, "new-session", "-d", "-s", KEEPER, *size], check=True, env=self.env)
        self.client = subprocess.Popen(
            [*self.base, "-C", "attach-session", "-t", KEEPER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        self._read_block()  # the attach itself answers with one (empty) block
        self.command("refresh-client", "-f", "no-output")  # no %output stream: only command replies
        for option in (
            ("-g", "default-size", f"{self.width}x{self.height}"),
            ("-g", "escape-time", "0"),
            ("-g", "default-terminal", "tmux-256color"),
            ("-g", "remain-on-exit", "on"),  # a crashed app leaves its traceback on screen for the report
            ("-g", "status", "off"),
            ("-g", "history-limit", "0"),
        ):
            self.command("set-option", *option)

    def close(self) -> None:
        if self.client is not None:
            if self.client.stdin:
                self.client.stdin.close()
            try:
                self.client.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.client.kill()
            self.client = None
        subprocess.run([*self.base, "kill-server"], capture_output=True)

    def _read_block(self) -> list[str]:
        assert self.client is not None and self.client.stdout is not None
        lines: list[str] = []
        inside = False
        while True:
            raw = self.client.stdout.readline()
            if not raw:
                raise HarnessError("the tmux control client went away")
            line = raw.decode("utf-8", errors="replace").rstrip("\n")
            if line.startswith("%begin"):
                inside, lines = True, []
            elif inside and line.startswith(("%end", "%error")):
                if line.startswith("%error"):
                    raise HarnessError("tmux: " + " ".join(lines))
                return lines
            elif inside:
                lines.append(line)
            # anything outside a block is a notification (%session-changed, …): ignored

    def command(self, *args: str) -> list[str]:
        assert self.client is not None and self.client.stdin is not None
        self.client.stdin.write((" ".join(quote(a) for a in args) + "\n").encode())
        return self._read_block()

    # Sessions: one app each
    def spawn(self, name: str, argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        extra = [arg for key, value in (env or {}).items() for arg in ("-e", f"{key}={value}")]
        size = ["-x", str(self.width), "-y", str(self.height)]
        self.command("new-session", "-d", "-s", name, *size, "-c", str(cwd), *extra, "--", *argv)

    def kill(self, name: str) -> None:
        pid = self.app_pid(name)
        self.command("kill-session", "-t", name)
        wait_gone(pid)

    def capture(self, name: str) -> Screen:
        return self.command("capture-pane", "-p", "-t", name)

    def send(self, name: str, *keys: str) -> None:
        self.command("send-keys", "-t", name, *keys)

    def type(self, name: str, text: str) -> None:
        self.command("send-keys", "-t", name, "-l", text)

    def app_pid(self, name: str) -> int:
        """The app's process: the pane's own process, or its first descendant if that is a shell."""
        pid = int(self.command("display-message", "-p", "-t", name, "#{pane_pid}")[0])
        for _ in range(3):
            if process_name(pid) not in ("sh", "bash", "dash"):
                break
            children = child_pids(pid)
            if not children:
                break
            pid = children[0]
        return pid

    def wait(
        self,
        name: str,
        done: Callable[[Screen], bool],
        what: str,
        since: float,
        timeout: float = WAIT_SECONDS,
    ) -> tuple[float, Screen]:
        """Poll until `done(screen)`; returns (seconds since `since`, that screen), or times out saying so."""
        while True:
            screen = self.capture(name)
            now = time.perf_counter()
            if done(screen):
                return now - since, screen
            if now - since > timeout:
                shown = "\n".join(line.rstrip() for line in screen if line.strip())
                raise HarnessError(
                    f"waited {timeout:.0f} s for {what} in {name!r}; the screen shows:\n{shown}"
                )
            time.sleep(POLL_SECONDS)

    def press(
        self, name: str, keys: Sequence[str], done: Callable[[Screen], bool], what: str, literal: bool = False
    ) -> tuple[float, Screen]:
        """Send keys, then wait for their effect; the time runs from just before the keys are sent."""
        since = time.perf_counter()
        if literal:
            self.type(name, "".join(keys))
        else:
            self.send(name, *keys)
        return self.wait(name, done, what, since)
