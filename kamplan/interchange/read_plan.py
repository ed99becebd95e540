"""Read one account's whole plan from the database into a PlanDocument (refs written by position)."""

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from kamplan import models as m
from kamplan.interchange.document import (
    FORMAT,
    VERSION,
    AccountPart,
    ActivityPart,
    CompetitorPart,
    CriterionPart,
    IndicatorPart,
    OpportunityPart,
    PlanDocument,
    Profile,
    ReviewPart,
    Segmentation,
    StakeholderPart,
    Swot,
    TargetPart,
    TeamPart,
    WhitespacePart,
)
from kamplan.models.enums import CriterionDimension
from kamplan.planning import QUESTION_KEYS, Answer


def _links(
    session: Session, link: Any, owner_col: Any, member_col: Any, owner_table: Any, account_id: int
) -> dict[int, list[int]]:
    """owner id → member ids, in the order they were added, for one account's owners."""
    rows = session.execute(
        sa.select(owner_col, member_col)
        .join(owner_table, owner_table.id == owner_col)
        .where(owner_table.account_id == account_id)
        .order_by(owner_col, link.position)
    ).all()
    grouped: dict[int, list[int]] = defaultdict(list)
    for owner, member in rows:
        grouped[owner].append(member)
    return grouped


def read_plan(session: Session, account_id: int) -> PlanDocument:
    account = session.get(m.Account, account_id)
    assert account is not None
    swot = session.exec(
        select(m.SwotItem)
        .where(m.SwotItem.account_id == account_id)
        .order_by(m.SwotItem.position, m.SwotItem.id)
    ).all()
    team = session.exec(
        select(m.TeamMember).where(m.TeamMember.account_id == account_id).order_by(m.TeamMember.id)
    ).all()
    people = session.exec(
        select(m.Stakeholder).where(m.Stakeholder.account_id == account_id).order_by(m.Stakeholder.id)
    ).all()
    opps = session.exec(
        select(m.Opportunity).where(m.Opportunity.account_id == account_id).order_by(m.Opportunity.id)
    ).all()
    rivals = session.exec(
        select(m.Competitor).where(m.Competitor.account_id == account_id).order_by(m.Competitor.id)
    ).all()
    team_ref = {t.id: f"t{n}" for n, t in enumerate(team, 1)}
    person_ref = {p.id: f"s{n}" for n, p in enumerate(people, 1)}
    opp_ref = {o.id: f"o{n}" for n, o in enumerate(opps, 1)}
    rival_ref = {c.id: f"c{n}" for n, c in enumerate(rivals, 1)}

    listens = _links(
        session, m.ListensTo, m.ListensTo.stakeholder_id, m.ListensTo.listens_to_id, m.Stakeholder, account_id
    )
    participants = _links(
        session,
        m.Participant,
        m.Participant.opportunity_id,
        m.Participant.stakeholder_id,
        m.Opportunity,
        account_id,
    )
    opp_rivals = _links(
        session,
        m.OpportunityCompetitor,
        m.OpportunityCompetitor.opportunity_id,
        m.OpportunityCompetitor.competitor_id,
        m.Opportunity,
        account_id,
    )
    close_to = _links(
        session, m.CloseTo, m.CloseTo.competitor_id, m.CloseTo.stakeholder_id, m.Competitor, account_id
    )
    reached = _links(
        session,
        m.ActivityStakeholder,
        m.ActivityStakeholder.activity_id,
        m.ActivityStakeholder.stakeholder_id,
        m.Activity,
        account_id,
    )
    answers: dict[int, dict[str, Answer]] = defaultdict(dict)
    for opp_id, question, answer in session.execute(
        sa.select(
            m.QualificationAnswer.opportunity_id, m.QualificationAnswer.question, m.QualificationAnswer.answer
        )
        .join(m.Opportunity)
        .where(m.Opportunity.account_id == account_id)
    ):
        answers[opp_id][question] = answer

    a = m.Activity
    activities = session.execute(
        sa.select(a.id, a.date, a.type, a.owner_id, a.opportunity_id, a.objective, a.status, a.outcome)
        .where(a.account_id == account_id)
        .order_by(a.id)
    ).all()
    criteria = session.exec(
        select(m.Criterion).where(m.Criterion.account_id == account_id).order_by(m.Criterion.id)
    ).all()

    def criterion_parts(dimension: CriterionDimension) -> list[CriterionPart]:
        return [
            CriterionPart(criterion=c.name, weight=c.weight, score=c.score)
            for c in criteria
            if c.dimension == dimension
        ]

    offerings: dict[int, str] = dict(session.execute(sa.select(m.Offering.id, m.Offering.name)).all())
    return PlanDocument(
        format=FORMAT,
        version=VERSION,
        account=AccountPart(
            name=account.name,
            industry=account.industry,
            currency=account.currency,
            planning_horizon_years=account.planning_horizon_years,
            key_account=account.key_account,
            annual_revenue=account.annual_revenue,
            wallet=account.wallet,
            our_revenue=account.our_revenue,
            cost_to_serve=account.cost_to_serve,
            profile=Profile(**{f: getattr(account, f) for f in m.PROFILE_FIELDS}),
            swot=[Swot(kind=s.kind, text=s.text) for s in swot],
            segmentation=Segmentation(**{f: getattr(account, f) for f in m.SEGMENTATION_FIELDS}),
        ),
        team=[TeamPart(ref=team_ref[t.id], name=t.name, function=t.function) for t in team],
        stakeholders=[
            StakeholderPart(
                ref=person_ref[p.id],
                name=p.name,
                title=p.title,
                department=p.department,
                reports_to=person_ref.get(p.reports_to_id) if p.reports_to_id else None,
                role=p.role,
                influence=p.influence,
                support=p.support,
                needs=p.needs,
                wants=p.wants,
                declared_agenda=p.declared_agenda,
                personal_agenda=p.personal_agenda,
                owner=team_ref.get(p.owner_id) if p.owner_id else None,
                relationship_level=p.relationship_level,
                relationship_wanted=p.relationship_wanted,
                listens_to=[person_ref[i] for i in listens.get(p.id, [])],
                confidence=p.confidence,
                source=p.source,
                last_contact=p.last_contact,
                plan=p.plan,
            )
            for p in people
        ],
        opportunities=[
            OpportunityPart(
                ref=opp_ref[o.id],
                title=o.title,
                kind=o.kind,
                value=o.value,
                target_date=o.target_date,
                stage=o.stage,
                probability=o.probability,
                status=o.status,
                status_reason=o.status_reason,
                participants=[person_ref[i] for i in participants.get(o.id, [])],
                competitors=[rival_ref[i] for i in opp_rivals.get(o.id, [])],
                qualification={k: answers[o.id].get(k, Answer.UNKNOWN) for k in QUESTION_KEYS},
            )
            for o in opps
        ],
        activities=[
            ActivityPart.model_construct(
                date=row.date,
                type=row.type,
                stakeholders=[person_ref[i] for i in reached.get(row.id, [])],
                owner=team_ref.get(row.owner_id) if row.owner_id else None,
                opportunity=opp_ref.get(row.opportunity_id) if row.opportunity_id else None,
                objective=row.objective,
                status=row.status,
                outcome=row.outcome,
            )
            for row in activities
        ],
        activity_targets=[
            TargetPart(
                type=t.type, per_week=t.per_week, converts_to=t.converts_to, conversion_rate=t.conversion_rate
            )
            for t in session.exec(
                select(m.ActivityTarget)
                .where(m.ActivityTarget.account_id == account_id)
                .order_by(m.ActivityTarget.id)
            )
        ],
        competitors=[
            CompetitorPart(
                ref=rival_ref[c.id],
                name=c.name,
                strengths=c.strengths,
                weaknesses=c.weaknesses,
                close_to=[person_ref[i] for i in close_to.get(c.id, [])],
                threat=c.threat,
                counter=c.counter,
            )
            for c in rivals
        ],
        attractiveness=criterion_parts(CriterionDimension.ATTRACTIVENESS),
        our_strength=criterion_parts(CriterionDimension.OUR_STRENGTH),
        relationship=[
            IndicatorPart(indicator=i.name, score=i.score, evidence=i.evidence)
            for i in session.exec(
                select(m.RelationshipIndicator)
                .where(m.RelationshipIndicator.account_id == account_id)
                .order_by(m.RelationshipIndicator.id)
            )
        ],
        whitespace=[
            WhitespacePart(
                unit=w.unit,
                offering=offerings[w.offering_id],
                status=w.status,
                opportunity=opp_ref.get(w.opportunity_id) if w.opportunity_id else None,
            )
            for w in session.exec(
                select(m.WhitespaceCell)
                .where(m.WhitespaceCell.account_id == account_id)
                .order_by(m.WhitespaceCell.id)
            )
        ],
        reviews=[
            ReviewPart(date=r.date, notes=r.notes, metrics=r.metrics)
            for r in session.exec(
                select(m.Review).where(m.Review.account_id == account_id).order_by(m.Review.id)
            )
        ],
    )
