"""Contact import: a generated 2,000-row LinkedIn export into the largest account of the heavy database,
as a whole `kamplan contacts` process (start-up included, as a user runs it).

Every run imports into a fresh copy of the database (copied before the clock starts), so each one adds
the same people. Run alone, on any database: `python -m bench.contacts DB ACCOUNT [--rows N] [--runs N]`.
"""

import argparse
import csv
import shutil
import statistics
import sys
from pathlib import Path
from random import Random

from bench import words
from bench.export_import import Timing, _run, remove_db

ROWS = 2_000
NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing.'
    " You will only see email addresses for connections who have allowed their connections to see or"
    ' download their email address using this setting https://www.linkedin.com/psettings/privacy/email."\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]


def linkedin_export(path: Path, account: str, rows: int = ROWS, seed: int = 1) -> int:
    """Write a LinkedIn Connections.csv of `rows` people; three in four work at `account` (written in a
    few ways), the others elsewhere. Names are unique, so every person at the account is new. Returns how
    many work at the account."""
    rng = Random(f"kamplan-contacts-{seed}")
    spellings = [account, account.upper(), account.rstrip(".") + " ", f"{account} Ltd"]
    others = words.company_names(rng, 40)
    at_account = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(NOTES)
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(HEADER)
        for n in range(rows):
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
            ours = n % 4 != 3
            at_account += ours
            company = rng.choice(spellings) if ours else rng.choice(others)[0]
            email = f"{first}.{last}.{n}@example.com".lower() if rng.random() < 0.4 else ""
            title = (
                f"{rng.choice(words.DEPARTMENTS)} {rng.choice(['Manager', 'Lead', 'Director', 'Analyst'])}"
            )
            writer.writerow(
                [
                    first,
                    f"{last} {n}",
                    f"https://www.linkedin.com/in/p{n}",
                    email,
                    company,
                    title,
                    "01 Jan 2026",
                ]
            )
    return at_account


def whole_process(kamplan: Path, db: Path, account: str, out: Path, runs: int, rows: int = ROWS) -> Timing:
    """`kamplan contacts ACCOUNT FILE` into a fresh copy of `db`, `runs` times."""
    out.mkdir(parents=True, exist_ok=True)
    export = out / f"linkedin-{rows}.csv"
    linkedin_export(export, account, rows)
    measured = []
    for n in range(runs):
        target = out / f"contacts-{n}.sqlite"
        remove_db(target)
        shutil.copyfile(db, target)
        target.chmod(0o600)
        try:
            measured.append(_run([str(kamplan), "--db", str(target), "contacts", account, str(export)]))
        finally:
            remove_db(target)
    return Timing([t for t, _ in measured], max(m for _, m in measured))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.contacts", description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("account")
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    timing = whole_process(
        root / ".venv/bin/kamplan", args.db, args.account, root / "bench/out", args.runs, args.rows
    )
    print(
        f"kamplan contacts, {args.rows}-row LinkedIn export: median {statistics.median(timing.seconds):.2f} s"
        f" (runs: {', '.join(f'{s:.2f}' for s in timing.seconds)}); peak RSS {timing.peak_rss_mib:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
