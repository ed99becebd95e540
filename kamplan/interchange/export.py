"""`kamplan export`: one account in any of the formats the command line offers."""

from datetime import date
from pathlib import Path

from kamplan.interchange.plan_json import plan_json_text
from kamplan.store import plain
from kamplan.store.lookup import find_account_id
from kamplan.store.read_plan import read_plan


def export_account(db_path: Path, account: str, fmt: str, as_of: date) -> str:
    """The account's plan as a document. The database must be at the current schema (open_engine or
    version.is_current says so)."""
    with plain.connection(db_path) as conn:
        account_id = find_account_id(conn, account)
        if fmt == "ics":
            from kamplan.interchange.calendar_ics import planned_ics
            from kamplan.store.planned import planned_activities

            return planned_ics(*planned_activities(conn, account_id))
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
