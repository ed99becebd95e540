"""Planned activities as an iCalendar file (icalendar), so they land in the KAM's own calendar."""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from kamplan.document.text import normalise_newlines
from kamplan.store.planned import PlannedActivity


def planned_ics(account_name: str, activities: Iterable[PlannedActivity], now: datetime | None = None) -> str:
    """One all-day VEVENT per planned activity. UIDs come from database ids, so exporting again updates
    the same calendar entries instead of adding copies."""
    from icalendar import Calendar, Event

    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//kamplan//key account plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", " ".join(f"kamplan: {account_name}".split()))
    for activity in activities:
        event = Event()
        with_whom = ", ".join(activity.people)
        event.add("uid", f"activity-{activity.id}@kamplan")
        event.add("dtstamp", stamp)
        event.add("dtstart", activity.date)
        event.add("dtend", activity.date + timedelta(days=1))
        summary = f"{activity.type.replace('_', ' ').capitalize()}: {account_name}" + (
            f" with {with_whom}" if with_whom else ""
        )
        event.add("summary", " ".join(summary.split()))  # one line, whatever an older plan holds
        # One kind of line break (an older plan may hold a bare carriage return, which would end the
        # calendar's own line); icalendar escapes the rest.
        event.add("description", normalise_newlines(activity.objective))
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
