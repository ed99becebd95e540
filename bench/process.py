"""Looking at a running process through /proc: its children, CPU use, peak memory; waiting for it."""

import os
import time
from pathlib import Path

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def process_name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def child_pids(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _stat_fields(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command name (which may hold spaces)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def cpu_ticks(pid: int) -> int:
    fields = _stat_fields(pid)
    return int(fields[11]) + int(fields[12]) if fields else 0  # utime + stime


def settle(pid: int, quiet: float = 0.08, timeout: float = 3.0) -> bool:
    """Wait until the process has used no CPU for `quiet` seconds (work left over from the last key)."""
    deadline = time.monotonic() + timeout
    last = cpu_ticks(pid)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = cpu_ticks(pid)
        if now == last:
            return True
        last = now
    return False


def peak_rss_mib(pid: int) -> float | None:
    """The process's peak resident memory so far (VmHWM), in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def wait_gone(pid: int, timeout: float = 5.0) -> None:
    """Wait for a process to end, so the next measurement does not share the CPU with it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fields = _stat_fields(pid)
        if not fields or fields[0] in ("Z", "X"):
            return
        time.sleep(0.01)
    os.kill(pid, 9)  # a process this benchmark started that ignored the hang-up
