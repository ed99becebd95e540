"""This week's agenda across the live accounts: what is overdue, what is planned this week and next.

Read through the standard library's sqlite3, like the portfolio: the week is where a session starts, and it
must open before SQLAlchemy has loaded. The live-account and overdue rules are store/rules.py's (overdue:
planned and dated before today, as everywhere else)."""

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from kamplan.enums import ActivityStatus
from kamplan.store.rules import live_account, overdue_activity

OVERDUE_SHOWN = 200  # the latest ones; a long-neglected plan can have thousands


@dataclass(frozen=True)
class WeekItem:
    id: int
    account_id: int
    account: str
    date: date
    type: str
    objective: str
    people: tuple[str, ...]


@dataclass(frozen=True)
class Week:
    today: date
    overdue: list[WeekItem]  # the latest OVERDUE_SHOWN, oldest first
    overdue_count: int  # all of them
    this_week: list[WeekItem]  # from today to Sunday, by day
    next_week: list[WeekItem]

    @property
    def monday(self) -> date:
        return self.today - timedelta(days=self.today.weekday())

    @property
    def items(self) -> list[WeekItem]:
        return [*self.overdue, *self.this_week, *self.next_week]


_SELECT = (
    "SELECT a.id, a.account_id, c.name, a.date, a.type, a.objective FROM activity a"
    " JOIN account c ON c.id = a.account_id"
    f" WHERE a.status = :planned AND a.account_id IN (SELECT id FROM account WHERE {live_account()})"
)


def week(conn: sqlite3.Connection, today: date, overdue_shown: int = OVERDUE_SHOWN) -> Week:
    monday = today - timedelta(days=today.weekday())
    sunday_next = monday + timedelta(days=13)
    planned = ActivityStatus.PLANNED.value
    overdue_count = conn.execute(
        f"SELECT count(*) FROM activity WHERE {overdue_activity()}"
        f" AND account_id IN (SELECT id FROM account WHERE {live_account()})",
        {"planned": planned, "today": today.isoformat()},
    ).fetchone()[0]
    overdue = conn.execute(
        f"{_SELECT} AND a.date < :today ORDER BY a.date DESC, a.id DESC LIMIT :shown",
        {"planned": planned, "today": today.isoformat(), "shown": overdue_shown},
    ).fetchall()
    coming = conn.execute(
        f"{_SELECT} AND a.date >= :today AND a.date <= :last ORDER BY a.date, c.name, a.id",
        {"planned": planned, "today": today.isoformat(), "last": sunday_next.isoformat()},
    ).fetchall()
    rows = [*reversed(overdue), *coming]
    people = _people(conn, [row[0] for row in rows])
    items = [
        WeekItem(aid, account_id, name, date.fromisoformat(day), kind, objective, tuple(people.get(aid, ())))
        for aid, account_id, name, day, kind, objective in rows
    ]
    shown_overdue = len(overdue)
    next_monday = monday + timedelta(days=7)
    later = items[shown_overdue:]
    return Week(
        today=today,
        overdue=items[:shown_overdue],
        overdue_count=overdue_count,
        this_week=[i for i in later if i.date < next_monday],
        next_week=[i for i in later if i.date >= next_monday],
    )


def _people(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        names = {f"a{n}": activity_id for n, activity_id in enumerate(chunk)}
        for activity_id, name in conn.execute(
            "SELECT l.activity_id, s.name FROM activity_stakeholder l"
            " JOIN stakeholder s ON s.id = l.stakeholder_id"
            f" WHERE l.activity_id IN ({', '.join(':' + key for key in names)})"
            " ORDER BY l.activity_id, l.position",
            names,
        ):
            found.setdefault(activity_id, []).append(name)
    return found
