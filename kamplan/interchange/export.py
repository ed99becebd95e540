"""`kamplan export`: one account in any of the formats the command line offers."""

from datetime import date
from pathlib import Path

from kamplan.interchange.document import PlanDocument
from kamplan.interchange.read_plan import read_plan
from kamplan.store import plain
from kamplan.store.lookup import find_account_id

FORMATS = ("json", "md", "html", "csv", "ics")


def plan_json_text(doc: PlanDocument, as_of: date) -> str:
    """The document as `kamplan import` reads it, with the derived measures as of `as_of`.

    pydantic writes it (in Rust): json.dumps with an indent runs the pure-Python encoder, several times
    slower on a plan with thousands of activities."""
    from kamplan.interchange.derived import derive

    with_derived = doc.model_copy(update={"derived": derive(doc, as_of)})
    return with_derived.model_dump_json(indent=2) + "\n"


def export_account(db_path: Path, account: str, fmt: str, as_of: date) -> str:
    """The account's plan as a document. The database must be at the current schema (open_engine or
    version.is_current says so)."""
    with plain.connection(db_path) as conn:
        account_id = find_account_id(conn, account)
        if fmt == "ics":
            from kamplan.interchange.calendar_ics import planned_ics

            return planned_ics(conn, account_id)
        doc = read_plan(conn, account_id)
    if fmt == "json":
        return plan_json_text(doc, as_of)
    if fmt == "csv":
        from kamplan.interchange.activities_csv import activities_csv

        return activities_csv(doc)
    from kamplan.interchange.plan_markdown import plan_markdown

    markdown = plan_markdown(doc, as_of)
    if fmt == "md":
        return markdown
    from kamplan.interchange.plan_html import plan_html

    return plan_html(markdown, f"Account plan: {doc.account.name}")
