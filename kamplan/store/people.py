"""The stakeholder map: people at the customer, our account team, and the links between them.

Reads hand the UI frozen rows; each write function is the content of one unit of work and checks what
the form cannot know (the same account, no reporting circle)."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from kamplan import models as m
from kamplan import planning
from kamplan.enums import ActivityStatus, Confidence
from kamplan.errors import FieldProblems, KamplanError, NotFoundError

STAKEHOLDER_FIELDS = (
    "name", "title", "department", "email", "phone", "role", "influence", "support", "confidence", "source",
    "reports_to_id", "owner_id", "relationship_level", "relationship_wanted", "last_contact",
    "needs", "wants", "declared_agenda", "personal_agenda", "plan",
)  # fmt: skip


@dataclass(frozen=True)
class Person:
    """A stakeholder with everything the section shows about them."""

    id: int
    name: str
    title: str
    department: str
    email: str
    phone: str
    role: str | None
    influence: int | None
    support: int | None
    confidence: str
    source: str
    reports_to_id: int | None
    reports_to: str | None
    owner_id: int | None
    owner: str | None
    relationship_level: str | None
    relationship_wanted: str | None
    last_contact: date | None
    needs: str
    wants: str
    declared_agenda: str
    personal_agenda: str
    plan: str
    listens_to: tuple[tuple[int, str], ...]  # (id, name), in the order they were added

    @property
    def grid(self) -> planning.GridCategory:
        return planning.grid_category(self.influence, self.support)

    @property
    def confirmed(self) -> bool:
        return self.confidence == Confidence.CONFIRMED

    def values(self) -> dict[str, Any]:
        """The fields a form edits, by name."""
        found: dict[str, Any] = {name: getattr(self, name) for name in STAKEHOLDER_FIELDS}
        found["listens_to"] = [person_id for person_id, _ in self.listens_to]
        return found


@dataclass(frozen=True)
class Member:
    """One of our people on the account, with the stakeholders they own."""

    id: int
    name: str
    function: str
    owns: tuple[int, ...]


@dataclass(frozen=True)
class Coverage:
    power: float | None  # % of the rated influence reached by done activities in the last 30 days
    comfort_zone: bool  # most of those activities reached only low-influence people
    reached: frozenset[int]  # who was reached in the window


def people(session: Session, account_id: int) -> list[Person]:
    owners = dict(
        session.execute(
            sa.select(m.TeamMember.id, m.TeamMember.name).where(m.TeamMember.account_id == account_id)
        ).all()
    )
    rows = list(
        session.exec(
            select(m.Stakeholder).where(m.Stakeholder.account_id == account_id).order_by(m.Stakeholder.id)
        )
    )
    names = {p.id: p.name for p in rows}
    listens: dict[int, list[int]] = defaultdict(list)
    for who, whom in session.execute(
        sa.select(m.ListensTo.stakeholder_id, m.ListensTo.listens_to_id)
        .where(m.ListensTo.stakeholder_id.in_(list(names)))
        .order_by(m.ListensTo.stakeholder_id, m.ListensTo.position)
    ):
        listens[who].append(whom)
    return [
        Person(
            id=p.id,
            name=p.name,
            title=p.title,
            department=p.department,
            email=p.email,
            phone=p.phone,
            role=None if p.role is None else str(p.role),
            influence=p.influence,
            support=p.support,
            confidence=str(p.confidence),
            source=p.source,
            reports_to_id=p.reports_to_id,
            reports_to=names.get(p.reports_to_id),
            owner_id=p.owner_id,
            owner=owners.get(p.owner_id),
            relationship_level=None if p.relationship_level is None else str(p.relationship_level),
            relationship_wanted=None if p.relationship_wanted is None else str(p.relationship_wanted),
            last_contact=p.last_contact,
            needs=p.needs,
            wants=p.wants,
            declared_agenda=p.declared_agenda,
            personal_agenda=p.personal_agenda,
            plan=p.plan,
            listens_to=tuple((i, names[i]) for i in listens[p.id] if i in names),
        )
        for p in rows
    ]


def team(session: Session, account_id: int) -> list[Member]:
    owned: dict[int, list[int]] = defaultdict(list)
    for person_id, owner_id in session.execute(
        sa.select(m.Stakeholder.id, m.Stakeholder.owner_id)
        .where(m.Stakeholder.account_id == account_id, m.Stakeholder.owner_id.is_not(None))
        .order_by(m.Stakeholder.id)
    ):
        owned[owner_id].append(person_id)
    return [
        Member(t.id, t.name, t.function, tuple(owned[t.id]))
        for t in session.exec(
            select(m.TeamMember).where(m.TeamMember.account_id == account_id).order_by(m.TeamMember.id)
        )
    ]


def coverage(session: Session, account_id: int, as_of: date) -> Coverage:
    """Power coverage and the comfort-zone warning over the 30 days up to `as_of` (DESIGN.md)."""
    start, end = planning.coverage_window(as_of)
    reach = session.execute(
        sa.select(
            m.ActivityStakeholder.activity_id,
            m.Stakeholder.id,
            m.Stakeholder.influence,
            m.Stakeholder.support,
        )
        .join(m.Activity, m.Activity.id == m.ActivityStakeholder.activity_id)
        .join(m.Stakeholder, m.Stakeholder.id == m.ActivityStakeholder.stakeholder_id)
        .where(
            m.Activity.account_id == account_id,
            m.Activity.status == ActivityStatus.DONE,
            m.Activity.date >= start,
            m.Activity.date <= end,
        )
    ).all()
    reached = frozenset(row[1] for row in reach)
    strongest: dict[int, int | None] = {}
    for activity_id, _, influence, support in reach:
        rated = influence if planning.is_rated(influence, support) else None
        best = strongest.get(activity_id)
        strongest[activity_id] = rated if best is None else max(best, rated or 0)
    everyone = session.execute(
        sa.select(m.Stakeholder.id, m.Stakeholder.influence, m.Stakeholder.support).where(
            m.Stakeholder.account_id == account_id
        )
    ).all()
    power = planning.power_coverage(
        [planning.Reached(p.id, p.influence, p.support) for p in everyone], reached
    )
    return Coverage(power, planning.comfort_zone(strongest.values()), reached)


# Writes
def _person(session: Session, person_id: int) -> m.Stakeholder:
    person = session.get(m.Stakeholder, person_id)
    if person is None:
        raise NotFoundError("that person is no longer in the plan")
    return person


def managers(session: Session, account_id: int) -> dict[int, int | None]:
    return dict(
        session.execute(
            sa.select(m.Stakeholder.id, m.Stakeholder.reports_to_id).where(
                m.Stakeholder.account_id == account_id
            )
        ).all()
    )


def _check_links(session: Session, account_id: int, person_id: int | None, values: Mapping[str, Any]) -> None:
    problems: dict[str, str] = {}
    ours = set(managers(session, account_id))
    manager = values.get("reports_to_id")
    if manager is not None:
        if manager not in ours:
            problems["reports_to_id"] = "must be someone at this account"
        elif person_id is not None and planning.would_cycle(
            managers(session, account_id), person_id, manager
        ):
            problems["reports_to_id"] = (
                "would make a reporting circle: they (indirectly) report to this person"
            )
    owner = values.get("owner_id")
    if owner is not None and session.get(m.TeamMember, owner) is None:
        problems["owner_id"] = "must be one of our account team"
    listened = values.get("listens_to") or []
    if any(i not in ours for i in listened):
        problems["listens_to"] = "must be people at this account"
    if person_id is not None and person_id in listened:
        problems["listens_to"] = "a person cannot listen to themselves here"
    if problems:
        raise FieldProblems(problems)


def save_person(session: Session, account_id: int, person_id: int | None, values: Mapping[str, Any]) -> int:
    """Add a person (person_id None) or change one; `values` hold already-read fields by name."""
    _check_links(session, account_id, person_id, values)
    person = (
        m.Stakeholder(account_id=account_id, name="") if person_id is None else _person(session, person_id)
    )
    for name in STAKEHOLDER_FIELDS:
        if name in values:
            setattr(person, name, values[name])
    session.add(person)
    session.flush()
    assert person.id is not None
    if "listens_to" in values:
        set_listens_to(session, person.id, values["listens_to"])
    return person.id


def set_listens_to(session: Session, person_id: int, ids: Iterable[int]) -> None:
    session.execute(sa.delete(m.ListensTo).where(m.ListensTo.stakeholder_id == person_id))
    for position, other in enumerate(dict.fromkeys(ids)):
        session.add(m.ListensTo(stakeholder_id=person_id, listens_to_id=other, position=position))


def set_rating(session: Session, person_id: int, influence: int | None, support: int | None) -> None:
    person = _person(session, person_id)
    if influence is not None and not 1 <= influence <= 5:
        raise KamplanError("influence is 1 to 5")
    if support is not None and not -2 <= support <= 2:
        raise KamplanError("support is -2 to +2")
    person.influence, person.support = influence, support


def set_reports_to(session: Session, person_id: int, manager_id: int | None) -> None:
    person = _person(session, person_id)
    if manager_id is not None:
        try:
            _check_links(session, person.account_id, person_id, {"reports_to_id": manager_id})
        except FieldProblems as error:
            raise KamplanError(
                f"{person.name} cannot report to that person: {error.fields['reports_to_id']}"
            ) from None
    person.reports_to_id = manager_id


def delete_person(session: Session, person_id: int) -> None:
    session.delete(_person(session, person_id))


def save_member(session: Session, account_id: int, member_id: int | None, name: str, function: str) -> int:
    member = (
        m.TeamMember(account_id=account_id, name="")
        if member_id is None
        else session.get(m.TeamMember, member_id)
    )
    if member is None:
        raise NotFoundError("that team member is no longer in the plan")
    member.name, member.function = name, function
    session.add(member)
    session.flush()
    assert member.id is not None
    return member.id


def delete_member(session: Session, member_id: int) -> None:
    member = session.get(m.TeamMember, member_id)
    if member is None:
        raise NotFoundError("that team member is no longer in the plan")
    session.delete(member)
