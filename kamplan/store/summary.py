"""What the portfolio and the account header show, computed with a handful of aggregate queries."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from kamplan import models as m
from kamplan import planning
from kamplan.models.enums import ActivityStatus, CriterionDimension, OpportunityStatus
from kamplan.store.accounts import live


@dataclass(frozen=True)
class NextActivity:
    date: date
    type: str
    objective: str


@dataclass(frozen=True)
class AccountSummary:
    id: int
    name: str
    key_account: bool
    currency: str
    attractiveness: float | None
    strength: float | None
    quadrant: planning.Quadrant | None
    relationship_index: int | None
    best_opportunity: str | None
    best_verdict: planning.Verdict | None
    factored_pipeline: float
    next_activity: NextActivity | None
    overdue: int
    stakeholders: int


@dataclass(frozen=True)
class Portfolio:
    accounts: list[AccountSummary]
    capacity: planning.CapacityStatus


def summarize(session: Session, today: date, account_ids: list[int] | None = None) -> list[AccountSummary]:
    """Summaries of the live accounts (or of the given ones), by name."""
    query = sa.select(m.Account.id, m.Account.name, m.Account.key_account, m.Account.currency)
    query = query.where(m.Account.id.in_(account_ids)) if account_ids is not None else query.where(live())
    accounts = session.execute(query.order_by(sa.func.lower(m.Account.name))).all()
    ids = [row.id for row in accounts]
    if not ids:
        return []
    criteria: dict[tuple[int, str], list[planning.Criterion]] = defaultdict(list)
    for row in session.execute(
        sa.select(
            m.Criterion.account_id,
            m.Criterion.dimension,
            m.Criterion.name,
            m.Criterion.weight,
            m.Criterion.score,
        ).where(m.Criterion.account_id.in_(ids))
    ):
        criteria[(row.account_id, row.dimension)].append(planning.Criterion(row.name, row.weight, row.score))
    indicators: dict[int, list[int | None]] = defaultdict(list)
    for account_id, score in session.execute(
        sa.select(m.RelationshipIndicator.account_id, m.RelationshipIndicator.score).where(
            m.RelationshipIndicator.account_id.in_(ids)
        )
    ):
        indicators[account_id].append(score)
    ratings: dict[int, dict[int, planning.Rating]] = defaultdict(dict)
    for row in session.execute(
        sa.select(
            m.Stakeholder.id,
            m.Stakeholder.account_id,
            m.Stakeholder.influence,
            m.Stakeholder.support,
            m.Stakeholder.confidence,
        ).where(m.Stakeholder.account_id.in_(ids))
    ):
        ratings[row.account_id][row.id] = planning.Rating(
            row.influence, row.support, row.confidence == "confirmed"
        )
    opportunities = session.execute(
        sa.select(
            m.Opportunity.id,
            m.Opportunity.account_id,
            m.Opportunity.title,
            m.Opportunity.value,
            m.Opportunity.probability,
            m.Opportunity.target_date,
        )
        .where(m.Opportunity.account_id.in_(ids), m.Opportunity.status == OpportunityStatus.OPEN)
        .order_by(m.Opportunity.id)
    ).all()
    participants: dict[int, list[int]] = defaultdict(list)
    for opp_id, person_id in session.execute(
        sa.select(m.Participant.opportunity_id, m.Participant.stakeholder_id).where(
            m.Participant.opportunity_id.in_([o.id for o in opportunities])
        )
    ):
        participants[opp_id].append(person_id)
    open_by_account = defaultdict(list)
    for opp in opportunities:
        open_by_account[opp.account_id].append(opp)
    overdue = dict(
        session.execute(
            sa.select(m.Activity.account_id, sa.func.count())
            .where(
                m.Activity.account_id.in_(ids),
                m.Activity.status == ActivityStatus.PLANNED,
                m.Activity.date < today,
            )
            .group_by(m.Activity.account_id)
        ).all()
    )
    summaries = []
    for account in accounts:
        people = ratings[account.id]
        best, verdict, factored = None, None, 0.0
        opps = open_by_account[account.id]
        if opps:
            items = [planning.PipelineItem(o.value, o.probability, "open", o.target_date) for o in opps]
            factored = planning.factored_value(items)
            top = max(opps, key=lambda o: ((o.value or 0) * (o.probability or 0), -o.id))
            named = [people[i] for i in participants[top.id] if i in people]
            best = top.title
            verdict = planning.vote_today(planning.voters_of(named, list(people.values()))).verdict
        attractiveness = criteria[(account.id, CriterionDimension.ATTRACTIVENESS)]
        strength = criteria[(account.id, CriterionDimension.OUR_STRENGTH)]
        summaries.append(
            AccountSummary(
                id=account.id,
                name=account.name,
                key_account=account.key_account,
                currency=account.currency,
                attractiveness=planning.weighted_score(attractiveness),
                strength=planning.weighted_score(strength),
                quadrant=planning.quadrant(attractiveness, strength),
                relationship_index=planning.relationship_index(indicators[account.id]),
                best_opportunity=best,
                best_verdict=verdict,
                factored_pipeline=factored,
                next_activity=_next_activity(session, account.id, today),
                overdue=overdue.get(account.id, 0),
                stakeholders=len(people),
            )
        )
    return summaries


def _next_activity(session: Session, account_id: int, today: date) -> NextActivity | None:
    row = session.execute(
        sa.select(m.Activity.date, m.Activity.type, m.Activity.objective)
        .where(
            m.Activity.account_id == account_id,
            m.Activity.status == ActivityStatus.PLANNED,
            m.Activity.date >= today,
        )
        .order_by(m.Activity.date, m.Activity.id)
        .limit(1)
    ).first()
    return None if row is None else NextActivity(row.date, str(row.type), row.objective)


def portfolio(session: Session, today: date, relationship_limit: int, key_account_limit: int) -> Portfolio:
    accounts = summarize(session, today)
    key = [a for a in accounts if a.key_account]
    capacity = planning.capacity_status(
        sum(a.stakeholders for a in key), len(key), relationship_limit, key_account_limit
    )
    return Portfolio(accounts, capacity)
