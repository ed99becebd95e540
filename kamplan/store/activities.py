"""Sales activity: what is planned and done at an account, and the weekly targets it is measured against.

Reads hand the UI frozen rows; each write function is the content of one unit of work and checks what a
form cannot know (the people, the owner and the opportunity belong to the same account)."""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from kamplan import models as m
from kamplan import planning
from kamplan.enums import ActivityStatus, ActivityType
from kamplan.errors import FieldProblems, KamplanError, NotFoundError

ACTIVITY_FIELDS = ("date", "type", "owner_id", "opportunity_id", "objective", "status", "outcome")
Day = date  # a field of ActivityItem is called `date`
SHOWN_EACH = 40  # overdue, coming and done: at most this many of each in an account's list


@dataclass(frozen=True)
class ActivityItem:
    """An activity with the names a list shows and the ids a form edits."""

    id: int
    account_id: int
    date: date
    type: str
    status: str
    objective: str
    outcome: str
    people: tuple[tuple[int, str], ...]  # (id, name), in the order added
    owner_id: int | None
    owner: str | None
    opportunity_id: int | None
    opportunity_number: int | None  # as the plan lists the account's opportunities: #1, #2, …
    opportunity: str | None

    @property
    def planned(self) -> bool:
        return self.status == ActivityStatus.PLANNED

    def overdue(self, today: Day) -> bool:
        return self.planned and self.date < today

    @property
    def names(self) -> str:
        return ", ".join(name for _, name in self.people)

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {name: getattr(self, name) for name in ACTIVITY_FIELDS}
        found["people"] = [person_id for person_id, _ in self.people]
        return found


@dataclass(frozen=True)
class PlanNames:
    """Who and what an activity can name at an account: what the quick-add line and the forms offer."""

    people: tuple[tuple[int, str, str], ...]  # (id, name, title)
    team: tuple[tuple[int, str, str], ...]  # (id, name, function)
    opportunities: tuple[tuple[int, int, str, str], ...]  # (id, number, title, status)
    competitors: tuple[tuple[int, str], ...]  # (id, name)

    def opportunity_ids(self) -> dict[int, int]:
        """Each opportunity's id by its number."""
        return {number: opportunity_id for opportunity_id, number, _, _ in self.opportunities}


def plan_names(session: Session, account_id: int) -> PlanNames:
    def rows(*columns: Any) -> list[Any]:
        table = columns[0].class_
        return list(
            session.execute(sa.select(*columns).where(table.account_id == account_id).order_by(table.id))
        )

    people = rows(m.Stakeholder.id, m.Stakeholder.name, m.Stakeholder.title)
    team = rows(m.TeamMember.id, m.TeamMember.name, m.TeamMember.function)
    opportunities = rows(m.Opportunity.id, m.Opportunity.title, m.Opportunity.status)
    competitors = rows(m.Competitor.id, m.Competitor.name)
    return PlanNames(
        people=tuple((i, name, title) for i, name, title in people),
        team=tuple((i, name, function) for i, name, function in team),
        opportunities=tuple(
            (i, n, title, str(status)) for n, (i, title, status) in enumerate(opportunities, 1)
        ),
        competitors=tuple((i, name) for i, name in competitors),
    )


def opportunity_numbers(session: Session, account_id: int) -> dict[int, int]:
    """Each opportunity's number: its place among the account's opportunities in the order added."""
    ids = session.execute(
        sa.select(m.Opportunity.id).where(m.Opportunity.account_id == account_id).order_by(m.Opportunity.id)
    ).scalars()
    return {opportunity_id: n for n, opportunity_id in enumerate(ids, 1)}


_COLUMNS = (
    m.Activity.id,
    m.Activity.account_id,
    m.Activity.date,
    m.Activity.type,
    m.Activity.status,
    m.Activity.objective,
    m.Activity.outcome,
    m.Activity.owner_id,
    m.Activity.opportunity_id,
)


def activity_items(
    session: Session, account_id: int, today: date, limit: int = SHOWN_EACH, include: int | None = None
) -> list[ActivityItem]:
    """The latest overdue, then what is coming, then the latest done or cancelled: at most `limit` of each
    (a heavy account has thousands; the list is for this week's work), and the activity `include` in its
    place among them when it is beyond that (the one just added must be seen)."""
    a = m.Activity
    base = sa.select(*_COLUMNS).where(a.account_id == account_id)
    planned = base.where(a.status == ActivityStatus.PLANNED)
    overdue = session.execute(planned.where(a.date < today).order_by(a.date.desc(), a.id.desc()).limit(limit))
    coming = session.execute(planned.where(a.date >= today).order_by(a.date, a.id).limit(limit))
    past = session.execute(
        base.where(a.status != ActivityStatus.PLANNED).order_by(a.date.desc(), a.id.desc()).limit(limit)
    )
    shown = [list(reversed(overdue.all())), list(coming.all()), list(past.all())]
    if include is not None and all(r.id != include for group in shown for r in group):
        extra = session.execute(base.where(a.id == include)).one_or_none()
        if extra is not None:
            group = (
                shown[2] if extra.status != ActivityStatus.PLANNED else shown[0 if extra.date < today else 1]
            )
            group.append(extra)
            group.sort(key=lambda r: (r.date, r.id), reverse=group is shown[2])
    return _items(session, account_id, [row for group in shown for row in group])


def activity_item(session: Session, activity_id: int) -> ActivityItem:
    row = session.execute(sa.select(*_COLUMNS).where(m.Activity.id == activity_id)).one_or_none()
    if row is None:
        raise NotFoundError("that activity is no longer in the plan")
    return _items(session, row.account_id, [row])[0]


def _items(session: Session, account_id: int, rows: Sequence[Any]) -> list[ActivityItem]:
    ids = [r.id for r in rows]
    people: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for activity_id, person_id, name in session.execute(
        sa.select(m.ActivityStakeholder.activity_id, m.Stakeholder.id, m.Stakeholder.name)
        .join(m.Stakeholder, m.Stakeholder.id == m.ActivityStakeholder.stakeholder_id)
        .where(m.ActivityStakeholder.activity_id.in_(ids))
        .order_by(m.ActivityStakeholder.activity_id, m.ActivityStakeholder.position)
    ):
        people[activity_id].append((person_id, name))
    owners = dict(
        session.execute(
            sa.select(m.TeamMember.id, m.TeamMember.name).where(m.TeamMember.account_id == account_id)
        ).all()
    )
    titles = dict(
        session.execute(
            sa.select(m.Opportunity.id, m.Opportunity.title).where(m.Opportunity.account_id == account_id)
        ).all()
    )
    numbers = opportunity_numbers(session, account_id)
    return [
        ActivityItem(
            id=r.id,
            account_id=r.account_id,
            date=r.date,
            type=str(r.type),
            status=str(r.status),
            objective=r.objective,
            outcome=r.outcome,
            people=tuple(people[r.id]),
            owner_id=r.owner_id,
            owner=owners.get(r.owner_id),
            opportunity_id=r.opportunity_id,
            opportunity_number=numbers.get(r.opportunity_id),
            opportunity=titles.get(r.opportunity_id),
        )
        for r in rows
    ]


def described(item: ActivityItem, *, when: bool = True) -> str:
    """An activity in a few words, as messages and the undo history name it ("call with Pieter Dekkers
    6 Mar")."""
    who = item.people[0][1] if item.people else ""
    if len(item.people) > 1:
        who += f" +{len(item.people) - 1}"
    text = str(item.type).replace("_", " ") + (f" with {who}" if who else "")
    return f"{text} {item.date.day} {item.date:%b}" if when else text


def describe(session: Session, activity_id: int) -> str:
    try:
        return described(activity_item(session, activity_id))
    except NotFoundError:
        return "an activity"


# Writes
def _activity(session: Session, activity_id: int) -> m.Activity:
    activity = session.get(m.Activity, activity_id)
    if activity is None:
        raise NotFoundError("that activity is no longer in the plan")
    return activity


def _check_links(session: Session, account_id: int, values: Mapping[str, Any]) -> None:
    problems: dict[str, str] = {}
    people = values.get("people") or []
    if people:
        ours = set(
            session.execute(
                sa.select(m.Stakeholder.id).where(
                    m.Stakeholder.account_id == account_id, m.Stakeholder.id.in_(people)
                )
            ).scalars()
        )
        if set(people) - ours:
            problems["people"] = "must be people at this account"
    owner = values.get("owner_id")
    if owner is not None:
        member = session.get(m.TeamMember, owner)
        if member is None or member.account_id != account_id:
            problems["owner_id"] = "must be one of our account team"
    opportunity = values.get("opportunity_id")
    if opportunity is not None:
        found = session.get(m.Opportunity, opportunity)
        if found is None or found.account_id != account_id:
            problems["opportunity_id"] = "must be an opportunity at this account"
    if "date" in values and values["date"] is None:
        problems["date"] = "must not be empty"
    if "type" in values and values["type"] not in set(ActivityType):
        problems["type"] = "pick one"
    if problems:
        raise FieldProblems(problems)


def save_activity(
    session: Session, account_id: int, activity_id: int | None, values: Mapping[str, Any]
) -> int:
    """Add an activity (activity_id None) or change one; `values` hold already-read fields by name."""
    _check_links(session, account_id, values)
    if activity_id is None:
        activity = m.Activity(account_id=account_id, date=values["date"], type=values["type"])
    else:
        activity = _activity(session, activity_id)
    was_done = activity.status == ActivityStatus.DONE
    for name in ACTIVITY_FIELDS:
        if name in values:
            value = values[name]
            setattr(activity, name, "" if value is None and name in ("objective", "outcome") else value)
    session.add(activity)
    session.flush()
    assert activity.id is not None
    if "people" in values:
        set_people(session, activity.id, values["people"])
    if activity.status == ActivityStatus.DONE and not was_done:
        touch_last_contact(session, activity.id, activity.date)
    return activity.id


def set_people(session: Session, activity_id: int, ids: Iterable[int]) -> None:
    session.execute(sa.delete(m.ActivityStakeholder).where(m.ActivityStakeholder.activity_id == activity_id))
    for position, person_id in enumerate(dict.fromkeys(ids)):
        session.add(
            m.ActivityStakeholder(activity_id=activity_id, stakeholder_id=person_id, position=position)
        )
    session.flush()


def touch_last_contact(session: Session, activity_id: int, day: date) -> None:
    """Everyone the activity reached was last contacted on `day`, unless they were contacted later."""
    for person in session.exec(
        select(m.Stakeholder)
        .join(m.ActivityStakeholder, m.ActivityStakeholder.stakeholder_id == m.Stakeholder.id)
        .where(m.ActivityStakeholder.activity_id == activity_id)
    ):
        if person.last_contact is None or person.last_contact < day:
            person.last_contact = day
            session.add(person)


def complete(session: Session, activity_id: int, outcome: str, day: date) -> None:
    """Done on `day`, with what came of it."""
    activity = _activity(session, activity_id)
    activity.status = ActivityStatus.DONE
    activity.outcome = outcome
    activity.date = day
    session.add(activity)
    session.flush()
    touch_last_contact(session, activity_id, day)


def move(session: Session, activity_id: int, day: date) -> None:
    activity = _activity(session, activity_id)
    if activity.status != ActivityStatus.PLANNED:
        raise KamplanError("only a planned activity can be moved; e edits a done or cancelled one")
    activity.date = day
    session.add(activity)


def cancel(session: Session, activity_id: int) -> None:
    activity = _activity(session, activity_id)
    if activity.status != ActivityStatus.PLANNED:
        raise KamplanError(f"only a planned activity can be cancelled; this one is {activity.status}")
    activity.status = ActivityStatus.CANCELLED
    session.add(activity)


def delete(session: Session, activity_id: int) -> None:
    session.delete(_activity(session, activity_id))


# Targets and funnel
def targets(session: Session, account_id: int) -> list[planning.Target]:
    rows = session.exec(
        select(m.ActivityTarget)
        .where(m.ActivityTarget.account_id == account_id)
        .order_by(m.ActivityTarget.id)
    )
    found: dict[str, planning.Target] = {}
    for t in rows:  # the first of a type counts (a document could hold two)
        kind = str(t.type)
        converts_to = None if t.converts_to is None else str(t.converts_to)
        found.setdefault(kind, planning.Target(kind, t.per_week, converts_to, t.conversion_rate))
    return list(found.values())


def done_counts(session: Session, account_id: int, first: date, last: date) -> list[tuple[date, str, int]]:
    """Done activities per day and type from `first` to `last`, counted by the database."""
    a = m.Activity
    return [
        (day, str(kind), count)
        for day, kind, count in session.execute(
            sa.select(a.date, a.type, sa.func.count())
            .where(
                a.account_id == account_id, a.status == ActivityStatus.DONE, a.date >= first, a.date <= last
            )
            .group_by(a.date, a.type)
        )
    ]


def funnel(session: Session, account_id: int, today: date) -> list[planning.FunnelStep]:
    first, last = planning.funnel_window(today)
    counts = planning.weekly_counts(done_counts(session, account_id, first, last), today)
    return planning.funnel_steps([str(t) for t in ActivityType], targets(session, account_id), counts)


def save_target(
    session: Session,
    account_id: int,
    kind: ActivityType,
    per_week: float,
    converts_to: ActivityType | None,
    rate: float | None,
) -> None:
    if per_week < 0:
        raise FieldProblems({"per_week": "must be 0 or more"})
    if rate is not None and not 0 <= rate <= 1:
        raise FieldProblems({"conversion_rate": "must be 0–100 %"})
    if converts_to == kind:
        raise FieldProblems({"converts_to": "a type cannot turn into itself"})
    rows = list(
        session.exec(
            select(m.ActivityTarget)
            .where(m.ActivityTarget.account_id == account_id, m.ActivityTarget.type == kind)
            .order_by(m.ActivityTarget.id)
        )
    )
    target = rows[0] if rows else m.ActivityTarget(account_id=account_id, type=kind)
    for extra in rows[1:]:
        session.delete(extra)
    target.per_week = per_week
    target.converts_to = converts_to
    target.conversion_rate = rate if converts_to is not None else None
    session.add(target)


def clear_target(session: Session, account_id: int, kind: ActivityType) -> None:
    session.execute(
        sa.delete(m.ActivityTarget).where(
            m.ActivityTarget.account_id == account_id, m.ActivityTarget.type == kind
        )
    )
