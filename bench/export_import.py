"""Export and import of the largest account, and `kamplan accounts`: in this process (the code alone) and
as whole `kamplan` processes (start-up included, as a user runs them), with each process's peak RSS.
"""

import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.terminal import HarnessError


@dataclass
class Timing:
    seconds: list[float]
    peak_rss_mib: float | None = None  # the largest of the runs, for whole processes

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def in_process(db: Path, account: str, document: Path, out: Path, runs: int) -> dict[str, Timing]:
    """export_plan on the heavy database; parse_plan + import_plan of that document into an empty one."""
    from kamplan.document.parse import parse_plan
    from kamplan.interchange.export import export_account
    from kamplan.store.engine import open_engine
    from kamplan.store.plan_import import import_plan

    exports = []
    for _ in range(runs):
        started = time.perf_counter()
        text = export_account(db, account, "json", date.today())
        exports.append(time.perf_counter() - started)
    document.write_text(text, encoding="utf-8")
    imports = []
    for n in range(runs):
        target = out / f"import-in-process-{n}.sqlite"
        remove_db(target)
        empty = open_engine(target)  # schema made before the clock starts: only the import is timed
        try:
            started = time.perf_counter()
            import_plan(empty, parse_plan(document.read_text(encoding="utf-8")))
            imports.append(time.perf_counter() - started)
        finally:
            empty.dispose()
            remove_db(target)
    return {"export": Timing(exports), "import": Timing(imports)}


def export_formats(kamplan: Path) -> set[str]:
    """The formats `kamplan export --format` accepts (md and html arrive later than json)."""
    done = subprocess.run([str(kamplan), "export", "--help"], capture_output=True, text=True)
    found = re.search(r"--format \{([^}]*)\}", done.stdout)
    return set(found.group(1).split(",")) if found else {"json"}


def whole_process(
    kamplan: Path, db: Path, account: str, out: Path, runs: int, formats: set[str]
) -> dict[str, Timing]:
    """`export` (json, and md/html where they exist), `accounts`, and `import` of the json, as processes."""
    base = [str(kamplan), "--db", str(db)]
    document = out / "export-cli.json"
    results = {
        "export": _repeat(runs, lambda: [*base, "export", account, "-o", str(document)]),
        "accounts": _repeat(runs, lambda: [*base, "accounts"]),
    }
    for fmt in sorted(formats & {"md", "html"}):
        argv = [*base, "export", account, "--format", fmt, "-o", str(out / f"export-cli.{fmt}")]
        results[f"export {fmt}"] = _repeat(runs, lambda argv=argv: argv)
    imports: list[tuple[float, float]] = []
    for n in range(runs):
        target = out / f"import-cli-{n}.sqlite"
        remove_db(target)  # a new database: making its schema is part of what the user waits for
        imports.append(_run([str(kamplan), "--db", str(target), "import", str(document)]))
        remove_db(target)
    results["import"] = Timing([t for t, _ in imports], max(m for _, m in imports))
    return results


def imports_textual(kamplan: Path, db: Path) -> bool:
    """Does `kamplan accounts` import Textual? (It must not: commands that show no screen start fast.)"""
    done = subprocess.run(
        [str(kamplan.parent / "python"), "-X", "importtime", "-m", "kamplan", "--db", str(db), "accounts"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise HarnessError(f"kamplan accounts failed: {done.stderr.strip()[-500:]}")
    return any(line.split("|")[-1].strip().startswith("textual") for line in done.stderr.splitlines())


def _repeat(runs: int, argv: Callable[[], list[str]]) -> Timing:
    measured = [_run(argv()) for _ in range(runs)]
    return Timing([t for t, _ in measured], max(m for _, m in measured))


def _run(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one process, measured by the small bench/child_usage.py."""
    helper = [sys.executable, str(Path(__file__).with_name("child_usage.py"))]
    done = subprocess.run([*helper, *argv], capture_output=True, text=True)
    try:
        result = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise HarnessError(f"could not time {' '.join(argv)}: {done.stderr.strip()[-500:]}") from None
    if result["returncode"] != 0:
        raise HarnessError(
            f"{' '.join(argv)} exited with {result['returncode']}: {done.stderr.strip()[-500:]}"
        )
    return result["seconds"], result["maxrss_kib"] / 1024


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
