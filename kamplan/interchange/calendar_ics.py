"""Planned activities as an iCalendar file (icalendar), so they land in the KAM's own calendar."""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from kamplan import models as m
from kamplan.models.enums import ActivityStatus


def planned_ics(session: Session, account: m.Account, now: datetime | None = None) -> str:
    """One all-day VEVENT per planned activity, overdue ones included. UIDs come from database ids, so
    exporting again updates the same calendar entries instead of adding copies."""
    from icalendar import Calendar, Event

    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//kamplan//key account plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"kamplan: {account.name}")
    a = m.Activity
    rows = session.execute(
        sa.select(a.id, a.date, a.type, a.objective)
        .where(a.account_id == account.id, a.status == ActivityStatus.PLANNED)
        .order_by(a.date, a.id)
    ).all()
    names: dict[int, list[str]] = {}
    for activity_id, name in session.execute(
        sa.select(m.ActivityStakeholder.activity_id, m.Stakeholder.name)
        .join(m.Stakeholder, m.Stakeholder.id == m.ActivityStakeholder.stakeholder_id)
        .join(a, a.id == m.ActivityStakeholder.activity_id)
        .where(a.account_id == account.id, a.status == ActivityStatus.PLANNED)
        .order_by(m.ActivityStakeholder.activity_id, m.ActivityStakeholder.position)
    ):
        names.setdefault(activity_id, []).append(name)
    for activity_id, day, kind, objective in rows:
        event = Event()
        with_whom = ", ".join(names.get(activity_id, []))
        event.add("uid", f"activity-{activity_id}@kamplan")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add(
            "summary",
            f"{str(kind).replace('_', ' ').capitalize()}: {account.name}"
            + (f" with {with_whom}" if with_whom else ""),
        )
        event.add("description", objective)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
