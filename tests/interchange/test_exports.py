"""The other export formats: a review document (md, html), every activity (csv), the calendar (ics)."""

import csv
import io
import json
from datetime import date

from file_support import db_file, import_text
from sqlalchemy.engine import Engine

from kamplan.interchange.export import export_account

AS_OF = date(2026, 3, 4)
DEMO = "Kestrelmoor Foods B.V."


def test_markdown_reads_as_a_plan(demo_engine: Engine) -> None:
    text = export_account(db_file(demo_engine), DEMO, "md", AS_OF)
    assert text.startswith(f"# Account plan: {DEMO}")
    for heading in (
        "## Summary",
        "## Economics",
        "## SWOT",
        "## Stakeholders",
        "## Opportunities",
        "## Competitors",
        "## Whitespace",
        "## What a coach would question",
        "## Weekly reviews",
    ):
        assert heading in text
    assert "| Quadrant | key development |" in text
    assert "Forecast check" in text  # the renewal's 70 % is flagged as optimistic


def test_html_escapes_what_the_user_typed(engine: Engine) -> None:
    doc = {
        "format": "kamplan-plan",
        "version": 1,
        "account": {"name": "Acme <script>alert(1)</script>"},
        "stakeholders": [{"ref": "a", "name": "Eve | <b>bold</b>"}],
    }
    import_text(engine, json.dumps(doc))
    page = export_account(db_file(engine), "Acme <script>alert(1)</script>", "html", AS_OF)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>bold</b>" not in page


def test_csv_has_every_activity_and_defuses_formulas(engine: Engine) -> None:
    doc = {
        "format": "kamplan-plan",
        "version": 1,
        "account": {"name": "Acme"},
        "activities": [
            {"date": "2026-03-01", "type": "call", "objective": '=HYPERLINK("x")', "status": "done"},
            {"date": "2026-03-02", "type": "meeting", "objective": "@home", "outcome": "-3 % price"},
            {"date": "2026-03-03", "type": "proposal", "status": "cancelled"},
        ],
    }
    import_text(engine, json.dumps(doc))
    rows = list(csv.reader(io.StringIO(export_account(db_file(engine), "Acme", "csv", AS_OF))))
    assert rows[0] == [
        "date",
        "type",
        "status",
        "stakeholders",
        "owner",
        "opportunity",
        "objective",
        "outcome",
    ]
    assert len(rows) == 4
    assert rows[1][6] == '\'=HYPERLINK("x")'
    assert rows[2][6] == "'@home" and rows[2][7] == "'-3 % price"


def test_calendar_has_one_event_per_planned_activity_with_stable_ids(demo_engine: Engine) -> None:
    first = export_account(db_file(demo_engine), DEMO, "ics", AS_OF)
    second = export_account(db_file(demo_engine), DEMO, "ics", AS_OF)
    doc = json.loads(export_account(db_file(demo_engine), DEMO, "json", AS_OF))
    planned = [a for a in doc["activities"] if a["status"] == "planned"]
    assert first.count("BEGIN:VEVENT") == len(planned) > 0
    for key in ("VERSION:2.0", "PRODID:", "DTSTAMP:", "DTSTART;VALUE=DATE:"):
        assert key in first
    uids = [line for line in first.splitlines() if line.startswith("UID:")]
    assert uids == [line for line in second.splitlines() if line.startswith("UID:")]
    assert len(set(uids)) == len(uids)
