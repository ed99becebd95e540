"""`python -m bench` (`make bench`): generate or reuse the heavy database, measure, print the table.

Exit status 0 whatever the figures (it is a report); 2 when the harness itself fails.
"""

import argparse
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench import contacts, export_import, first_screen, generate, key_latency, report
from bench.report import Row
from bench.terminal import POLL_SECONDS, HarnessError, Terminal

ROOT = Path(__file__).resolve().parent.parent
OUT = generate.OUT
FIRST_SCREEN_RATIO = 1.5
EXPORT_SECONDS = 0.5
IMPORT_SECONDS = 5.0
CONTACTS_SECONDS = 2.0
PEAK_RSS_MIB = 150.0
FLOOR_SAMPLES = 12
FLOOR_PASSES = 4  # the floors are sampled before kamplan's keys and at three points between them
ESCAPE_NOTE = "Textual holds a lone Escape for ESCDELAY (kamplan sets 40 ms) in case a sequence follows"
FLOOR_ESCAPE_NOTE = (
    "the same ESCDELAY as kamplan's; Textual's own input loop notices it is over only when its 100 ms"
    " wait for input ends (kamplan's driver looks sooner)"
)
FIRST_VISIT_NOTE = (
    "visited in order, 2 to 6: while a section is shown kamplan builds the next one in the background,"
    " and the app goes idle before each key (a user reads a section before moving on)"
)
FLOOR_NOTES = {
    key_latency.FLOOR_TABLE: "a line under the table names the highlighted row (as kamplan's detail line)",
    key_latency.FLOOR_TABS: "each pane a DataTable of 100 rows; every pane shown once before the timing",
    key_latency.FLOOR_MODAL_ESCAPE: FLOOR_ESCAPE_NOTE,
    key_latency.FLOOR_PALETTE_CLOSE: FLOOR_ESCAPE_NOTE,
}
NO_FLOOR_NOTE = "no stock widget does this: only its worst case is held to a target"


def key_note(label: str, floor: str | None, floor_measured: bool) -> str:
    notes = []
    if label.startswith("escape"):
        notes.append(ESCAPE_NOTE)
    if "first visit" in label:
        notes.append(FIRST_VISIT_NOTE)
    if label == key_latency.BACK:
        notes.append("floor: the modal popped by escape (the account screen is popped by the same key)")
    if floor is None:
        notes.append(NO_FLOOR_NOTE)
    elif not floor_measured:
        notes.append(f"its floor ({floor}) was not measured: the harness stopped first")
    return "; ".join(notes)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--runs", type=int, default=15, help="first-screen runs of each app (default 15)")
    parser.add_argument("--warmups", type=int, default=2, help="first-screen warm-up runs (default 2)")
    parser.add_argument("--samples", type=int, default=20, help="samples per key (default 20)")
    parser.add_argument(
        "--floor-samples",
        type=int,
        default=FLOOR_SAMPLES,
        help=f"samples of each floor, taken between kamplan's keys (default {FLOOR_SAMPLES})",
    )
    parser.add_argument("--file-runs", type=int, default=3, help="runs of export/import (default 3)")
    parser.add_argument("--fresh", action="store_true", help="generate the database again")
    return parser.parse_args(argv)


def working_copy(source: Path, name: str) -> Path:
    """A copy of the cached database for the app to use (and edit): the cache stays as generated."""
    target = OUT / name
    export_import.remove_db(target)
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)
    return target


def app_env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "TMUX"))}
    env["KAMPLAN_DB"] = str(db)  # belt and braces: every command also gets --db
    env["COLORTERM"] = "truecolor"
    return env


class Progress:
    """One line on stderr per phase, with the time since the start."""

    def __init__(self, started: float) -> None:
        self.started = started

    def __call__(self, phase: str) -> None:
        print(f"bench: [{time.perf_counter() - self.started:5.0f} s] {phase}", file=sys.stderr, flush=True)


def measure(args: argparse.Namespace, rows: list[Row], context: dict[str, Any]) -> None:
    """Append the rows as they are measured, so a harness failure still shows what was measured."""
    anchor = generate.monday_of(date.today())
    started = time.perf_counter()
    heavy, generated = generate.ensure_heavy_db(args.seed, anchor, fresh=args.fresh)
    names = generate.account_names(args.seed)
    largest = generate.largest_account(args.seed)
    context.update(seed=args.seed, anchor=anchor.isoformat(), database=str(heavy), largest_account=largest)
    rows.append(
        Row(
            "heavy database",
            f"generated in {generated:.1f} s" if generated is not None else "reused from the cache",
            note=f"{heavy.name}: {heavy.stat().st_size / 2**20:.0f} MiB; largest account {largest!r}",
        )
    )
    progress = Progress(started)
    progress(f"database {heavy.name}")
    byte_compile(rows)
    kamplan = ROOT / ".venv/bin/kamplan"
    first_db = working_copy(heavy, "first-screen.sqlite")
    with Terminal(env=app_env(first_db)) as term:
        progress("first screen …")
        launches = [
            first_screen.hello(ROOT),
            first_screen.kamplan(ROOT, first_db, min(names, key=str.casefold)),
        ]
        first_screen.measure(term, ROOT, launches, args.runs, args.warmups)
        rows += first_screen_rows(*launches, warmups=args.warmups)
        progress("key latency …")
        keys_db = working_copy(heavy, "keys.sqlite")
        hello = key_latency.hello_floor(term, launches[0].argv, ROOT, args.samples)
        floors: dict[str, list[float]] = {}
        samples: dict[str, list[float]] = {}
        passes = iter(split(args.floor_samples, FLOOR_PASSES))
        try:
            with key_latency.Floors(term, ROOT, floors) as floor_apps:
                floor_apps.sample(next(passes))
                app_rss = key_latency.run(
                    term,
                    [str(kamplan), "--db", str(keys_db)],
                    ROOT,
                    names,
                    largest,
                    args.samples,
                    samples,
                    lambda: floor_apps.sample(next(passes)),
                )
        finally:  # what was measured is shown even if a later key timed out
            rows += key_rows(hello, floors, samples)
    progress("export and import …")
    rows += file_rows(args, kamplan, first_db, largest)
    if app_rss is not None:
        rows.append(report.limit_row("peak RSS: the app, after all the keys", app_rss, PEAK_RSS_MIB, "MiB"))


def split(total: int, parts: int) -> list[int]:
    """`total` in `parts` as even as whole numbers go, the larger ones first."""
    return [total // parts + (1 if n < total % parts else 0) for n in range(parts)]


def key_rows(
    hello: list[float], floors: dict[str, list[float]], kamplan: dict[str, list[float]]
) -> list[Row]:
    """The floors first, then kamplan's measures, each beside the floor it is held to."""
    rows = [report.floor_row("hello-world app, n updates its line", hello, "Textual + tmux alone")]
    rows += [report.floor_row(label, times, FLOOR_NOTES.get(label, "")) for label, times in floors.items()]
    for label, seconds in kamplan.items():
        floor = key_latency.FLOOR_OF.get(label)
        floor_times = floors.get(floor) if floor else None
        note = key_note(label, floor, floor_times is not None)
        rows.append(report.key_row(label, seconds, note, floor_times))
    return rows


def byte_compile(rows: list[Row]) -> None:
    """Compile kamplan's modules as `pip install` does for a user. An editable install compiles them on
    first import, unless PYTHONDONTWRITEBYTECODE is set (as on some CI machines): then every start would
    compile them from source, which a user's install never does."""
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-m", "compileall", "-q", str(ROOT / "kamplan")], check=True
    )
    rows.append(
        Row("kamplan's modules", "byte-compiled", note="python -m compileall, as pip does on install")
    )


def first_screen_rows(hello: first_screen.Launch, kamplan: first_screen.Launch, warmups: int) -> list[Row]:
    h, k = report.spread(hello.times), report.spread(kamplan.times)

    def shown(s: dict[str, float]) -> str:
        return f"median {report.ms(s['median'])} (min {report.ms(s['min'])}, max {report.ms(s['max'])})"

    ratio = k["median"] / h["median"]
    return [
        Row("first screen: hello-world Textual app (floor)", shown(h), data={"seconds": hello.times, **h}),
        Row("first screen: kamplan, heavy database", shown(k), data={"seconds": kamplan.times, **k}),
        Row(
            "first screen: kamplan / hello-world",
            f"{ratio:.2f}×",
            f"≤ {FIRST_SCREEN_RATIO}×",
            f"{ratio / FIRST_SCREEN_RATIO:.2f}×",
            ratio <= FIRST_SCREEN_RATIO,
            f"medians of {k['n']} runs each, after {warmups} warm-ups, taking turns",
        ),
        Row("RSS at first screen: hello-world", f"{hello.peak_rss_mib or 0:.0f} MiB"),
        Row("RSS at first screen: kamplan", f"{kamplan.peak_rss_mib or 0:.0f} MiB"),
    ]


def file_rows(args: argparse.Namespace, kamplan: Path, db: Path, largest: str) -> list[Row]:
    document = OUT / "export-in-process.json"
    inside = export_import.in_process(db, largest, document, OUT, args.file_runs)
    formats = export_import.export_formats(kamplan)
    whole = export_import.whole_process(kamplan, db, largest, OUT, args.file_runs, formats)
    size = f"{document.stat().st_size / 2**20:.1f} MiB document"
    n = args.file_runs
    rows = [
        report.limit_row(
            "export json, largest account (in process)", inside["export"].median, EXPORT_SECONDS, "s",
            f"export_plan alone, median of {n}; {size}",
        ),
        report.limit_row(
            "export json, largest account (kamplan export)", whole["export"].median, EXPORT_SECONDS, "s",
            f"whole process, start-up included, median of {n}",
        ),
        *(_document_row(fmt, whole.get(f"export {fmt}"), n) for fmt in ("md", "html")),
        report.limit_row(
            "import json, largest account (in process)", inside["import"].median, IMPORT_SECONDS, "s",
            f"parse_plan + import_plan into an empty database, median of {n}",
        ),
        report.limit_row(
            "import json, largest account (kamplan import)", whole["import"].median, IMPORT_SECONDS, "s",
            f"whole process into a new database file, median of {n}",
        ),
        Row("kamplan accounts", f"{whole['accounts'].median:.2f} s", note=f"whole process, median of {n}"),
    ]  # fmt: skip
    people = contacts.whole_process(kamplan, db, largest, OUT, n)
    whole["contacts"] = people
    rows.append(
        report.limit_row(
            f"contacts, {contacts.ROWS:,}-row LinkedIn export (kamplan contacts)", people.median,
            CONTACTS_SECONDS, "s",
            f"whole process into a copy of the database, largest account; 3 in 4 rows new, median of {n}",
        )
    )  # fmt: skip
    textual = export_import.imports_textual(kamplan, db)
    rows.append(Row("kamplan accounts imports Textual", "yes" if textual else "no", "no", passed=not textual))
    for label, timing in whole.items():
        assert timing.peak_rss_mib is not None
        rows.append(report.limit_row(f"peak RSS: kamplan {label}", timing.peak_rss_mib, PEAK_RSS_MIB, "MiB"))
    return rows


def _document_row(fmt: str, timing: export_import.Timing | None, runs: int) -> Row:
    measure = f"export {fmt}, largest account (kamplan export)"
    if timing is None:
        return Row(
            measure, "not built yet", f"≤ {EXPORT_SECONDS} s", note=f"kamplan export has no {fmt} format yet"
        )
    return report.limit_row(
        measure, timing.median, EXPORT_SECONDS, "s", f"whole process, start-up included, median of {runs}"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the clean-ups (tmux server) on kill
    started = time.perf_counter()
    rows: list[Row] = []
    context: dict[str, Any] = {
        "poll_interval_ms": POLL_SECONDS * 1000,
        "terminal": "tmux 120×36, own socket",
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average_before": os.getloadavg(),
    }
    failure = None
    try:
        measure(args, rows, context)
    except HarnessError as error:
        failure = str(error)
    context["load_average_after"] = os.getloadavg()
    context["seconds"] = round(time.perf_counter() - started, 1)
    print()
    print(report.render(rows))
    OUT.mkdir(parents=True, exist_ok=True)
    results = OUT / "results.json"
    report.write_json(results, rows, context | {"harness_failure": failure})
    busy = max(context["load_average_before"][0], context["load_average_after"][0])
    if busy > (os.cpu_count() or 1) * 0.75:
        print(
            f"\nNote: load average up to {busy:.1f} on {os.cpu_count()} CPUs: the figures include CPU waits."
        )
    poll = f"{POLL_SECONDS * 1000:.0f} ms"
    print(
        f"Screens polled every {poll} (captures over a tmux control client): each reading is 0–{poll} late."
    )
    if failure is not None:
        print(f"\nbench: the harness failed (the table above is partial): {failure}", file=sys.stderr)
        return 2
    missed = [r.measure for r in rows if r.passed is False]
    print(f"\n{len(missed)} target(s) missed · {context['seconds']:.0f} s · written to {results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
