"""Planned activities as an iCalendar file (icalendar), so they land in the KAM's own calendar."""

import sqlite3
from datetime import UTC, date, datetime, timedelta

from kamplan.enums import ActivityStatus

PLANNED = ActivityStatus.PLANNED.value


def planned_ics(conn: sqlite3.Connection, account_id: int, now: datetime | None = None) -> str:
    """One all-day VEVENT per planned activity, overdue ones included. UIDs come from database ids, so
    exporting again updates the same calendar entries instead of adding copies."""
    from icalendar import Calendar, Event

    (account_name,) = conn.execute("SELECT name FROM account WHERE id = ?", (account_id,)).fetchone()
    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//kamplan//key account plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"kamplan: {account_name}")
    rows = conn.execute(
        "SELECT id, date, type, objective FROM activity"
        " WHERE account_id = ? AND status = ? ORDER BY date, id",
        (account_id, PLANNED),
    ).fetchall()
    names: dict[int, list[str]] = {}
    for activity_id, name in conn.execute(
        "SELECT l.activity_id, s.name FROM activity_stakeholder l"
        " JOIN stakeholder s ON s.id = l.stakeholder_id JOIN activity a ON a.id = l.activity_id"
        " WHERE a.account_id = ? AND a.status = ? ORDER BY l.activity_id, l.position",
        (account_id, PLANNED),
    ):
        names.setdefault(activity_id, []).append(name)
    for activity_id, day_text, kind, objective in rows:
        event = Event()
        with_whom = ", ".join(names.get(activity_id, []))
        event.add("uid", f"activity-{activity_id}@kamplan")
        event.add("dtstamp", stamp)
        day = date.fromisoformat(day_text)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add(
            "summary",
            f"{kind.replace('_', ' ').capitalize()}: {account_name}"
            + (f" with {with_whom}" if with_whom else ""),
        )
        event.add("description", objective)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
