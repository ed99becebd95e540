"""The demo account: a fictional key account that shows every part of a plan, dated around today."""

import json
from datetime import date, timedelta
from importlib import resources
from typing import Any

from sqlalchemy.engine import Engine

from kamplan.document.parse import parse_plan
from kamplan.store.accounts import archive_account, name_taken, trash_account
from kamplan.store.engine import unit_of_work
from kamplan.store.plan_import import import_plan

# The day the demo document was written as "today" (a Wednesday); its dates move with the calendar.
DEMO_TODAY = date(2026, 3, 4)


def demo_text() -> str:
    return resources.files("kamplan.document").joinpath("demo_plan.json").read_text(encoding="utf-8")


def _shift(value: Any, days: int) -> Any:
    return None if value is None else (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def demo_document(today: date) -> dict[str, Any]:
    """The demo, moved by whole weeks so that its "today" falls in the week of `today`."""
    data = json.loads(demo_text())
    wednesday = today - timedelta(days=today.weekday()) + timedelta(days=2)
    days = (wednesday - DEMO_TODAY).days
    for person in data["stakeholders"]:
        person["last_contact"] = _shift(person.get("last_contact"), days)
    for opportunity in data["opportunities"]:
        opportunity["target_date"] = _shift(opportunity.get("target_date"), days)
        changed = opportunity.get("qualification_changed", {})
        for question, day in changed.items():
            changed[question] = _shift(day, days)
    for item in data["activities"] + data["reviews"]:
        item["date"] = _shift(item["date"], days)
    return data


def add_demo(engine: Engine, today: date | None = None) -> str:
    """Add the demo account unless it is there already (then bring it back into view); returns its name."""
    data = demo_document(today or date.today())
    name = data["account"]["name"]
    with unit_of_work(engine) as session:
        existing = name_taken(session, name)
        if existing is not None:
            assert existing.id is not None
            trash_account(session, existing.id, trashed=False)
            archive_account(session, existing.id, archived=False)
            return existing.name
    return import_plan(engine, parse_plan(json.dumps(data)))
