"""`kamplan export`: one account in any of the formats the command line offers."""

from datetime import date

from sqlalchemy.engine import Engine

from kamplan.interchange.read_plan import read_plan
from kamplan.store.accounts import find_account
from kamplan.store.engine import reading

FORMATS = ("json", "md", "html", "csv", "ics")


def export_account(engine: Engine, account: str, fmt: str, as_of: date) -> str:
    with reading(engine) as session:
        found = find_account(session, account)
        assert found.id is not None
        if fmt == "ics":
            from kamplan.interchange.calendar_ics import planned_ics

            return planned_ics(session, found)
        doc = read_plan(session, found.id)
    if fmt == "json":
        import json

        from kamplan.interchange.plan_json import plan_dict

        return json.dumps(plan_dict(doc, as_of), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        from kamplan.interchange.activities_csv import activities_csv

        return activities_csv(doc)
    from kamplan.interchange.plan_markdown import plan_markdown

    markdown = plan_markdown(doc, as_of)
    if fmt == "md":
        return markdown
    from kamplan.interchange.plan_html import plan_html

    return plan_html(markdown, f"Account plan: {doc.account.name}")
