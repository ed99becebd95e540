"""The planned activities of one account with the people they reach, for calendars (read via sqlite3)."""

import sqlite3
from dataclasses import dataclass
from datetime import date

from kamplan.enums import ActivityStatus

PLANNED = ActivityStatus.PLANNED.value


@dataclass(frozen=True)
class PlannedActivity:
    id: int  # the database id: calendars key their entries on it, so it must not change between exports
    date: date
    type: str
    objective: str
    people: tuple[str, ...]


def planned_activities(conn: sqlite3.Connection, account_id: int) -> tuple[str, list[PlannedActivity]]:
    """The account's name and its planned activities (overdue ones included), by date."""
    (account_name,) = conn.execute("SELECT name FROM account WHERE id = ?", (account_id,)).fetchone()
    names: dict[int, list[str]] = {}
    for activity_id, name in conn.execute(
        "SELECT l.activity_id, s.name FROM activity_stakeholder l"
        " JOIN stakeholder s ON s.id = l.stakeholder_id JOIN activity a ON a.id = l.activity_id"
        " WHERE a.account_id = ? AND a.status = ? ORDER BY l.activity_id, l.position",
        (account_id, PLANNED),
    ):
        names.setdefault(activity_id, []).append(name)
    rows = conn.execute(
        "SELECT id, date, type, objective FROM activity"
        " WHERE account_id = ? AND status = ? ORDER BY date, id",
        (account_id, PLANNED),
    ).fetchall()
    return account_name, [
        PlannedActivity(aid, date.fromisoformat(day), kind, objective, tuple(names.get(aid, [])))
        for aid, day, kind, objective in rows
    ]
