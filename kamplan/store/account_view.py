"""What the account screen's sections show, read in a few queries per section."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from kamplan import models as m
from kamplan import planning
from kamplan.enums import ActivityStatus, CriterionDimension
from kamplan.store import rules


@dataclass(frozen=True)
class OpportunityRow:
    id: int
    title: str
    kind: str | None
    value: float | None
    probability: int | None
    stage: str
    status: str
    status_reason: str
    target_date: date | None
    vote: planning.Vote
    answers: dict[str, planning.Answer]
    qualification_score: int
    optimism: str | None


@dataclass(frozen=True)
class ActivityRow:
    id: int
    date: date
    type: str
    status: str
    objective: str
    outcome: str
    people: str
    owner: str | None
    overdue: bool


@dataclass(frozen=True)
class Assessment:
    attractiveness: list[planning.Criterion]
    strength: list[planning.Criterion]
    indicators: list[tuple[str, int | None, str]]
    attractiveness_score: float | None
    strength_score: float | None
    quadrant: planning.Quadrant | None
    relationship_index: int | None


@dataclass(frozen=True)
class ReviewRow:
    date: date
    notes: str
    metrics: dict[str, Any] = field(default_factory=dict)


def opportunities(session: Session, account_id: int) -> list[OpportunityRow]:
    ratings = {
        row.id: planning.rating(row.influence, row.support, row.confidence)
        for row in session.execute(
            sa.select(
                m.Stakeholder.id, m.Stakeholder.influence, m.Stakeholder.support, m.Stakeholder.confidence
            ).where(m.Stakeholder.account_id == account_id)
        )
    }
    opps = list(
        session.exec(
            select(m.Opportunity).where(m.Opportunity.account_id == account_id).order_by(m.Opportunity.id)
        )
    )
    ids = [o.id for o in opps]
    participants: dict[int, list[int]] = defaultdict(list)
    for opp_id, person_id in session.execute(
        sa.select(m.Participant.opportunity_id, m.Participant.stakeholder_id)
        .where(m.Participant.opportunity_id.in_(ids))
        .order_by(m.Participant.position)
    ):
        participants[opp_id].append(person_id)
    answers: dict[int, dict[str, planning.Answer]] = defaultdict(dict)
    for opp_id, question, answer in session.execute(
        sa.select(
            m.QualificationAnswer.opportunity_id, m.QualificationAnswer.question, m.QualificationAnswer.answer
        ).where(m.QualificationAnswer.opportunity_id.in_(ids))
    ):
        answers[opp_id][question] = planning.Answer(answer)
    rows = []
    everyone = list(ratings.values())
    for o in opps:
        vote = planning.vote_today(planning.voters_of([ratings[i] for i in participants[o.id]], everyone))
        full = {k: answers[o.id].get(k, planning.Answer.UNKNOWN) for k in planning.QUESTION_KEYS}
        score = planning.qualification_score(full)
        rows.append(
            OpportunityRow(
                id=o.id,
                title=o.title,
                kind=None if o.kind is None else str(o.kind),
                value=o.value,
                probability=o.probability,
                stage=o.stage,
                status=str(o.status),
                status_reason=o.status_reason,
                target_date=o.target_date,
                vote=vote,
                answers=full,
                qualification_score=score,
                optimism=planning.optimism_reason(str(o.status), o.probability, vote, score),
            )
        )
    return rows


def activities(session: Session, account_id: int, today: date, limit: int = 40) -> list[ActivityRow]:
    """Overdue and coming planned activity first, then the latest done, at most `limit` of each."""
    a = m.Activity
    base = sa.select(a.id, a.date, a.type, a.status, a.objective, a.outcome, a.owner_id).where(
        a.account_id == account_id
    )
    planned = session.execute(
        base.where(a.status == ActivityStatus.PLANNED).order_by(a.date, a.id).limit(limit)
    ).all()
    done = session.execute(
        base.where(a.status != ActivityStatus.PLANNED, a.date <= today)
        .order_by(a.date.desc(), a.id.desc())
        .limit(limit)
    ).all()
    rows = [*planned, *done]
    ids = [r.id for r in rows]
    people: dict[int, list[str]] = defaultdict(list)
    for activity_id, name in session.execute(
        sa.select(m.ActivityStakeholder.activity_id, m.Stakeholder.name)
        .join(m.Stakeholder, m.Stakeholder.id == m.ActivityStakeholder.stakeholder_id)
        .where(m.ActivityStakeholder.activity_id.in_(ids))
        .order_by(m.ActivityStakeholder.activity_id, m.ActivityStakeholder.position)
    ):
        people[activity_id].append(name)
    owners = dict(
        session.execute(
            sa.select(m.TeamMember.id, m.TeamMember.name).where(m.TeamMember.account_id == account_id)
        ).all()
    )
    return [
        ActivityRow(
            id=r.id,
            date=r.date,
            type=str(r.type),
            status=str(r.status),
            objective=r.objective,
            outcome=r.outcome,
            people=", ".join(people[r.id]),
            owner=owners.get(r.owner_id),
            overdue=rules.is_overdue(r.status, r.date, today),
        )
        for r in rows
    ]


def assessment(session: Session, account_id: int) -> Assessment:
    criteria = list(
        session.exec(select(m.Criterion).where(m.Criterion.account_id == account_id).order_by(m.Criterion.id))
    )
    attractiveness = [
        planning.Criterion(c.name, c.weight, c.score)
        for c in criteria
        if c.dimension == CriterionDimension.ATTRACTIVENESS
    ]
    strength = [
        planning.Criterion(c.name, c.weight, c.score)
        for c in criteria
        if c.dimension == CriterionDimension.OUR_STRENGTH
    ]
    indicators = [
        (i.name, i.score, i.evidence)
        for i in session.exec(
            select(m.RelationshipIndicator)
            .where(m.RelationshipIndicator.account_id == account_id)
            .order_by(m.RelationshipIndicator.id)
        )
    ]
    return Assessment(
        attractiveness,
        strength,
        indicators,
        planning.weighted_score(attractiveness),
        planning.weighted_score(strength),
        planning.quadrant(attractiveness, strength),
        planning.relationship_index(i[1] for i in indicators),
    )


def reviews(session: Session, account_id: int) -> list[ReviewRow]:
    """Every weekly review, newest first."""
    return [
        ReviewRow(r.date, r.notes, r.metrics)
        for r in session.exec(
            select(m.Review)
            .where(m.Review.account_id == account_id)
            .order_by(m.Review.date.desc(), m.Review.id.desc())
        )
    ]
