"""The calendar and the spreadsheet of several accounts in one file: each account exported as `kamplan
export` writes it (export_account), then put together. ICS: one calendar with every planned activity;
CSV: every activity, each row led by its account."""

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kamplan.interchange.activities_csv import HEADER, _safe
from kamplan.interchange.export import export_account

FORMATS = ("ics", "csv")


def export_accounts(db_path: Path, accounts: Sequence[str], fmt: str, as_of: date) -> str:
    """`accounts` by name, in the order given."""
    if fmt not in FORMATS:
        raise ValueError(f"no such format: {fmt}")
    texts = [(name, export_account(db_path, name, fmt, as_of)) for name in accounts]
    return _calendar(texts) if fmt == "ics" else _spreadsheet(texts)


def _calendar(texts: Sequence[tuple[str, str]]) -> str:
    from icalendar import Calendar

    together = Calendar()
    together.add("prodid", "-//kamplan//key account plan//EN")
    together.add("version", "2.0")
    together.add("x-wr-calname", "kamplan: all accounts")
    for _, text in texts:
        for event in Calendar.from_ical(text).walk("VEVENT"):
            together.add_component(event)
    return together.to_ical().decode("utf-8")


def _spreadsheet(texts: Sequence[tuple[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["account", *HEADER])
    for name, text in texts:
        rows = csv.reader(io.StringIO(text))
        next(rows, None)  # each account's own header
        for row in rows:
            writer.writerow([_safe(name), *row])  # the other cells are neutralised already
    return out.getvalue()


def count_events(text: str, fmt: str) -> int:
    """How many activities an exported text holds (for the message that says it was written)."""
    if fmt == "ics":
        return text.count("BEGIN:VEVENT")
    return max(0, len(list(csv.reader(io.StringIO(text)))) - 1)
