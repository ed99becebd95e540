"""Opportunities and competitors: the outcomes we target at an account and who stands in the way.

Reads hand the UI frozen rows (with the derived vote, qualification score and forecast honesty of each
opportunity); each write function is the content of one unit of work."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from kamplan import models as m
from kamplan.enums import OpportunityStatus
from kamplan.errors import FieldProblems, NotFoundError
from kamplan.store import accounts
from kamplan.store.account_view import OpportunityRow, opportunities
from kamplan.store.activities import opportunity_numbers

OPPORTUNITY_FIELDS = (
    "title",
    "kind",
    "value",
    "target_date",
    "stage",
    "probability",
    "status",
    "status_reason",
)
COMPETITOR_FIELDS = ("name", "strengths", "weaknesses", "threat", "counter")
CLOSED = (OpportunityStatus.WON, OpportunityStatus.LOST, OpportunityStatus.QUALIFIED_OUT)
CLOSING_PROBABILITY = {
    OpportunityStatus.WON: 100,
    OpportunityStatus.LOST: 0,
    OpportunityStatus.QUALIFIED_OUT: 0,
}


@dataclass(frozen=True)
class OpportunityItem(OpportunityRow):
    """An opportunity as the plan lists it: its number, and the people and competitors in its decision."""

    number: int
    participants: tuple[tuple[int, str], ...]
    competitors: tuple[tuple[int, str], ...]

    @property
    def is_open(self) -> bool:
        return self.status == OpportunityStatus.OPEN

    @property
    def label(self) -> str:
        return f"#{self.number} {self.title}"

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {name: getattr(self, name) for name in OPPORTUNITY_FIELDS}
        found["participants"] = [i for i, _ in self.participants]
        found["competitors"] = [i for i, _ in self.competitors]
        return found


@dataclass(frozen=True)
class CompetitorItem:
    id: int
    name: str
    strengths: str
    weaknesses: str
    threat: int | None
    counter: str
    close_to: tuple[tuple[int, str], ...]
    threatens: tuple[tuple[int, int, str, str], ...]  # (opportunity id, number, title, status)

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {name: getattr(self, name) for name in COMPETITOR_FIELDS}
        found["close_to"] = [i for i, _ in self.close_to]
        found["threatens"] = [i for i, _, _, _ in self.threatens]
        return found


def opportunity_items(session: Session, account_id: int) -> list[OpportunityItem]:
    rows = opportunities(session, account_id)
    ids = [r.id for r in rows]
    people = _participants(session, ids)
    rivals = _rivals(session, ids)
    return [
        OpportunityItem(
            **{f.name: getattr(row, f.name) for f in fields(OpportunityRow)},
            number=number,
            participants=tuple(people[row.id]),
            competitors=tuple(rivals[row.id]),
        )
        for number, row in enumerate(rows, 1)
    ]


def _participants(session: Session, ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for opportunity_id, person_id, name in session.execute(
        sa.select(m.Participant.opportunity_id, m.Stakeholder.id, m.Stakeholder.name)
        .join(m.Stakeholder, m.Stakeholder.id == m.Participant.stakeholder_id)
        .where(m.Participant.opportunity_id.in_(ids))
        .order_by(m.Participant.opportunity_id, m.Participant.position)
    ):
        found[opportunity_id].append((person_id, name))
    return found


def _rivals(session: Session, ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for opportunity_id, competitor_id, name in session.execute(
        sa.select(m.OpportunityCompetitor.opportunity_id, m.Competitor.id, m.Competitor.name)
        .join(m.Competitor, m.Competitor.id == m.OpportunityCompetitor.competitor_id)
        .where(m.OpportunityCompetitor.opportunity_id.in_(ids))
        .order_by(m.OpportunityCompetitor.opportunity_id, m.OpportunityCompetitor.position)
    ):
        found[opportunity_id].append((competitor_id, name))
    return found


def portfolio_opportunities(session: Session) -> list[tuple[int, str, str, OpportunityItem]]:
    """Every opportunity of the live accounts: (account id, account name, currency, opportunity)."""
    found = []
    for account in accounts.list_accounts(session):
        assert account.id is not None
        for item in opportunity_items(session, account.id):
            found.append((account.id, account.name, account.currency, item))
    return found


def describe(session: Session, opportunity_id: int) -> str:
    found = session.get(m.Opportunity, opportunity_id)
    return "an opportunity" if found is None else repr(_short(found.title))


def _short(text: str, width: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


# Writes
def _opportunity(session: Session, opportunity_id: int) -> m.Opportunity:
    found = session.get(m.Opportunity, opportunity_id)
    if found is None:
        raise NotFoundError("that opportunity is no longer in the plan")
    return found


def _ours(session: Session, table: Any, account_id: int, ids: Iterable[int]) -> bool:
    wanted = set(ids)
    if not wanted:
        return True
    found = set(
        session.execute(
            sa.select(table.id).where(table.account_id == account_id, table.id.in_(wanted))
        ).scalars()
    )
    return found == wanted


def save_opportunity(
    session: Session, account_id: int, opportunity_id: int | None, values: Mapping[str, Any]
) -> int:
    """Add an opportunity (opportunity_id None) or change one; `values` hold already-read fields."""
    problems: dict[str, str] = {}
    title = str(values.get("title") or "").strip()
    if "title" in values and not title:
        problems["title"] = "must not be empty"
    status = values.get("status", OpportunityStatus.OPEN)
    if status in CLOSED and "status_reason" in values and not str(values["status_reason"] or "").strip():
        problems["status_reason"] = f"say why it was {str(status).replace('_', ' ')}"
    if not _ours(session, m.Stakeholder, account_id, values.get("participants") or []):
        problems["participants"] = "must be people at this account"
    if not _ours(session, m.Competitor, account_id, values.get("competitors") or []):
        problems["competitors"] = "must be competitors at this account"
    if problems:
        raise FieldProblems(problems)
    if opportunity_id is None:
        found = m.Opportunity(account_id=account_id, title=title)
    else:
        found = _opportunity(session, opportunity_id)
    for name in OPPORTUNITY_FIELDS:
        if name in values:
            value = values[name]
            if name in ("title", "stage", "status_reason"):
                value = (value or "").strip()
            setattr(found, name, OpportunityStatus.OPEN if name == "status" and value is None else value)
    session.add(found)
    session.flush()
    assert found.id is not None
    if "participants" in values:
        _set_links(
            session, m.Participant, "opportunity_id", found.id, "stakeholder_id", values["participants"]
        )
    if "competitors" in values:
        _set_links(
            session,
            m.OpportunityCompetitor,
            "opportunity_id",
            found.id,
            "competitor_id",
            values["competitors"],
        )
    return found.id


def _set_links(
    session: Session, table: Any, owner: str, owner_id: int, other: str, ids: Iterable[int]
) -> None:
    session.execute(sa.delete(table).where(getattr(table, owner) == owner_id))
    for position, other_id in enumerate(dict.fromkeys(ids)):
        session.add(table(**{owner: owner_id, other: other_id, "position": position}))
    session.flush()


def close_opportunity(session: Session, opportunity_id: int, status: OpportunityStatus, reason: str) -> None:
    """Won, lost or qualified out, with the reason; the probability follows (100 % won, else 0 %)."""
    if status not in CLOSED:
        raise FieldProblems({"status": "won, lost or qualified out"})
    if not reason.strip():
        raise FieldProblems({"status_reason": f"say why it was {str(status).replace('_', ' ')}"})
    found = _opportunity(session, opportunity_id)
    found.status = status
    found.status_reason = reason.strip()
    found.probability = CLOSING_PROBABILITY[status]
    session.add(found)


def delete_opportunity(session: Session, opportunity_id: int) -> None:
    session.delete(_opportunity(session, opportunity_id))


# Competitors
def competitor_items(session: Session, account_id: int) -> list[CompetitorItem]:
    rows = list(
        session.exec(
            select(m.Competitor).where(m.Competitor.account_id == account_id).order_by(m.Competitor.id)
        )
    )
    ids = [c.id for c in rows]
    close: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for competitor_id, person_id, name in session.execute(
        sa.select(m.CloseTo.competitor_id, m.Stakeholder.id, m.Stakeholder.name)
        .join(m.Stakeholder, m.Stakeholder.id == m.CloseTo.stakeholder_id)
        .where(m.CloseTo.competitor_id.in_(ids))
        .order_by(m.CloseTo.competitor_id, m.CloseTo.position)
    ):
        close[competitor_id].append((person_id, name))
    numbers = opportunity_numbers(session, account_id)
    threatens: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for competitor_id, opportunity_id, title, status in session.execute(
        sa.select(
            m.OpportunityCompetitor.competitor_id, m.Opportunity.id, m.Opportunity.title, m.Opportunity.status
        )
        .join(m.Opportunity, m.Opportunity.id == m.OpportunityCompetitor.opportunity_id)
        .where(m.OpportunityCompetitor.competitor_id.in_(ids))
        .order_by(m.OpportunityCompetitor.competitor_id, m.Opportunity.id)
    ):
        threatens[competitor_id].append((opportunity_id, numbers.get(opportunity_id, 0), title, str(status)))
    return [
        CompetitorItem(
            id=c.id,
            name=c.name,
            strengths=c.strengths,
            weaknesses=c.weaknesses,
            threat=c.threat,
            counter=c.counter,
            close_to=tuple(close[c.id]),
            threatens=tuple(threatens[c.id]),
        )
        for c in rows
    ]


def save_competitor(
    session: Session, account_id: int, competitor_id: int | None, values: Mapping[str, Any]
) -> int:
    problems: dict[str, str] = {}
    name = str(values.get("name") or "").strip()
    if "name" in values and not name:
        problems["name"] = "must not be empty"
    threat = values.get("threat")
    if threat is not None and not 1 <= threat <= 5:
        problems["threat"] = "1 (slight) to 5 (severe)"
    if not _ours(session, m.Stakeholder, account_id, values.get("close_to") or []):
        problems["close_to"] = "must be people at this account"
    if not _ours(session, m.Opportunity, account_id, values.get("threatens") or []):
        problems["threatens"] = "must be opportunities at this account"
    if problems:
        raise FieldProblems(problems)
    existing = None if competitor_id is None else session.get(m.Competitor, competitor_id)
    if competitor_id is not None and existing is None:
        raise NotFoundError("that competitor is no longer in the plan")
    found = existing or m.Competitor(account_id=account_id, name=name)
    for field in COMPETITOR_FIELDS:
        if field in values:
            value = values[field]
            if field == "name":
                value = name
            elif value is None and field != "threat":
                value = ""
            setattr(found, field, value)
    session.add(found)
    session.flush()
    assert found.id is not None
    if "close_to" in values:
        _set_links(session, m.CloseTo, "competitor_id", found.id, "stakeholder_id", values["close_to"])
    if "threatens" in values:
        _set_threatens(session, found.id, values["threatens"])
    return found.id


def _set_threatens(session: Session, competitor_id: int, opportunity_ids: Iterable[int]) -> None:
    """Link the competitor to these opportunities: links kept keep their place in each opportunity's list of
    competitors, new ones go last, the others go."""
    wanted = set(opportunity_ids)
    link = m.OpportunityCompetitor
    existing = set(
        session.execute(sa.select(link.opportunity_id).where(link.competitor_id == competitor_id)).scalars()
    )
    gone = existing - wanted
    if gone:
        session.execute(
            sa.delete(link).where(link.competitor_id == competitor_id, link.opportunity_id.in_(gone))
        )
    for opportunity_id in sorted(wanted - existing):
        last = session.execute(
            sa.select(sa.func.max(link.position)).where(link.opportunity_id == opportunity_id)
        ).scalar()
        session.add(
            link(opportunity_id=opportunity_id, competitor_id=competitor_id, position=(last or 0) + 1)
        )
    session.flush()


def delete_competitor(session: Session, competitor_id: int) -> None:
    found = session.get(m.Competitor, competitor_id)
    if found is None:
        raise NotFoundError("that competitor is no longer in the plan")
    session.delete(found)


def competitor_name(session: Session, competitor_id: int) -> str:
    found = session.get(m.Competitor, competitor_id)
    return "a competitor" if found is None else repr(_short(found.name))
