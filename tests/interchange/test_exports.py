"""The other export formats: a review document (md, html), every activity (csv), the calendar (ics)."""

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from file_support import db_file, import_text
from sqlalchemy.engine import Engine

from kamplan.document.labels import CLOSED_SET_LABELS, REVIEW_METRIC_LABELS, label
from kamplan.document.parse import parse_plan
from kamplan.enums import (
    ActivityType,
    OpportunityKind,
    OpportunityStatus,
    RelationshipLevel,
    Role,
    WhitespaceStatus,
)
from kamplan.interchange.export import export_account
from kamplan.interchange.plan_markdown import plan_markdown

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


# What a reader of the Markdown plan sees: words, units and the details of each person.


@pytest.fixture(scope="module")
def demo_md(demo_template: Path) -> str:
    return export_account(demo_template, DEMO, "md", AS_OF)


def every_value_document() -> dict[str, Any]:
    """An account that uses every value of every closed set at least once."""
    levels = list(RelationshipLevel)
    return {
        "format": "kamplan-plan",
        "version": 1,
        "account": {"name": "Acme", "planning_horizon_years": 1},
        "stakeholders": [
            {
                "ref": f"s{n}",
                "name": f"Person {n}",
                "role": role,
                "influence": 3,
                "support": n % 5 - 2,
                "relationship_level": levels[n % 4],
                "relationship_wanted": levels[(n + 1) % 4],
                "confidence": "assumed" if n % 2 else "confirmed",
            }
            for n, role in enumerate(Role)
        ],
        "opportunities": [
            {
                "ref": f"{kind}-{status}",
                "title": "Deal",
                "kind": kind,
                "status": status,
                "status_reason": "why",
            }
            for kind in OpportunityKind
            for status in OpportunityStatus
        ],
        "activities": [
            {"date": day, "type": kind, "status": status, "stakeholders": ["s0"]}
            for kind in ActivityType
            for day, status in (("2026-03-05", "planned"), ("2026-03-03", "done"))
        ],
        "whitespace": [
            {"unit": "Unit", "offering": f"Offer {n}", "status": status}
            for n, status in enumerate(WhitespaceStatus)
        ],
        "reviews": [{"date": "2026-03-01", "metrics": dict.fromkeys(REVIEW_METRIC_LABELS, 1)}],
    }


def test_no_closed_set_value_is_shown_by_its_code_name(demo_md: str) -> None:
    every = plan_markdown(parse_plan(json.dumps(every_value_document())), AS_OF)
    code_names = {str(v) for enum in CLOSED_SET_LABELS for v in enum if "_" in v} | set(REVIEW_METRIC_LABELS)
    for text in (demo_md, every):
        for name in code_names:
            assert name not in text and name.replace("_", "\\_") not in text, name
    for enum in (Role, RelationshipLevel, OpportunityKind, OpportunityStatus, ActivityType, WhitespaceStatus):
        for value in enum:
            assert label(value) in every, value
    assert "planning horizon 1 year ·" in every


def test_headings_units_and_review_metrics_read_as_words_and_numbers(demo_md: str) -> None:
    assert "**Weaknesses**" in demo_md and "Weaknesss" not in demo_md
    assert "planning horizon 2 years ·" in demo_md and "year(s)" not in demo_md
    assert "| Factored pipeline | 6,430,000 EUR |" in demo_md
    assert "| Share of wallet | 24.2 % |" in demo_md
    assert "| Relationship index | 50 of 100 |" in demo_md
    # The latest review: index, coverage %, pipeline in money, vote margin, score and counts as integers.
    assert "| 27 Feb 2026 | 50 | 75.5 % | 6,430,000 EUR | 0.00 | 75 | 5 | 9 | 6 |" in demo_md
    assert "| 23 Jan 2026 | 40 | 18.4 % | 5,180,000 EUR | −0.19 | 55 | 3 | 6 | 10 |" in demo_md
    assert "6430000" not in demo_md and "| 75.5 |" not in demo_md


def test_each_person_has_a_block_with_the_details(demo_md: str) -> None:
    section = demo_md.split("## Stakeholders")[1].split("## Opportunities")[0]
    assert section.count("\n### ") == 16
    pieter = section.split("### Pieter Dekkers\n")[1].split("\n### ")[0]
    for line in (
        "Chief Financial Officer · Finance",
        "**Reports to:** Annelies Verbruggen, Chief Executive Officer",
        "**Needs:** A 4 % cut in packaging cost per unit",
        "**Wants:** Not to be surprised again",
        "**Declared agenda:** Hit the cost plan",
        "**Personal agenda:** Building his case to become CEO",
        "**Relationship:** vendor now → problem solver wanted",
        "**Listens to:** Margit Holmqvist",
        "**Ratings:** confirmed (influence 5, support −1 sceptical); source: met at cost review",
        "**Plan:** neutralise:",
        "**Contact:** pieter.dekkers@kestrelmoor.example · +31 38 555 0114",
    ):
        assert line in pieter, line
    rafael = section.split("### Rafael Ibarra Lind\n")[1].split("\n### ")[0]
    assert "**Contact:** rafael.ibarralind@kestrelmoor.example\n" in rafael  # no phone, no separator
    assert "**Plan:**" not in rafael  # an empty field is left out


def test_assumed_ratings_are_marked(demo_md: str) -> None:
    section = demo_md.split("## Stakeholders")[1].split("## Opportunities")[0]
    assert "The ratings of 3 people are assumed, not confirmed" in section
    annelies_row = "| Annelies Verbruggen | Chief Executive Officer | decision maker | 5 | 0 neutral |"
    assert annelies_row + " unknown (assumed) |" in section
    assert (
        "| Pieter Dekkers | Chief Financial Officer | economic buyer | 5 | −1 sceptical | threat |" in section
    )
    annelies = section.split("### Annelies Verbruggen\n")[1].split("\n### ")[0]
    assert (
        "**Ratings:** *assumed*, not confirmed (influence 5, support 0 neutral); source: annual report"
        in annelies
    )
    assert "Annelies Verbruggen (unknown, assumed), Pieter Dekkers (threat)" in demo_md  # who decides


def test_an_empty_plan_says_so_instead_of_showing_empty_tables(engine: Engine) -> None:
    import_text(engine, json.dumps({"format": "kamplan-plan", "version": 1, "account": {"name": "Acme"}}))
    text = export_account(db_file(engine), "Acme", "md", AS_OF)
    for line in (
        "No stakeholders recorded yet.",
        "No opportunities recorded yet.",
        "Nothing overdue, and nothing planned for the next four weeks.",
        "Nothing done in the last 30 days.",
        "No competitors recorded yet.",
        "No weekly review recorded yet.",
    ):
        assert line in text, line
    lines = text.splitlines()
    assert all(lines[n + 1].startswith("| ") for n, line in enumerate(lines) if line.startswith("|---"))
