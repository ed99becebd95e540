"""Write a validated PlanDocument into the database as a new account, in the caller's transaction."""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from kamplan import models as m
from kamplan.document.contacts import join_aliases
from kamplan.document.model import CriterionPart, PlanDocument
from kamplan.enums import CriterionDimension


def _insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows in order and return their new ids, in the same order.

    The ids are numbered here rather than read back with RETURNING, which SQLAlchemy runs row by row on
    SQLite when rows differ in which columns are empty. Safe: this transaction has written already (the
    account row), so it holds SQLite's write lock and no one else can take these ids meanwhile.
    """
    if not rows:
        return []
    start = session.execute(sa.select(sa.func.max(table.id))).scalar() or 0
    ids = list(range(start + 1, start + 1 + len(rows)))
    session.execute(sa.insert(table), [{**row, "id": id_} for row, id_ in zip(rows, ids, strict=True)])
    return ids


def _link(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(sa.insert(table), rows)


def offering_ids(session: Session, names: list[str]) -> dict[str, int]:
    """The ids of our offerings by name (case-insensitive), adding the ones not yet on the list."""
    known = {name.casefold(): id_ for id_, name in session.execute(sa.select(m.Offering.id, m.Offering.name))}
    for name in names:
        if name.casefold() not in known:
            known[name.casefold()] = _insert(session, m.Offering, [{"name": name}])[0]
    return known


def write_plan(session: Session, doc: PlanDocument, name: str) -> int:
    a = doc.account
    account = m.Account(
        name=name,
        aliases=join_aliases(a.aliases),
        industry=a.industry,
        currency=a.currency,
        planning_horizon_years=a.planning_horizon_years,
        key_account=a.key_account,
        annual_revenue=a.annual_revenue,
        wallet=a.wallet,
        our_revenue=a.our_revenue,
        cost_to_serve=a.cost_to_serve,
        **a.profile.model_dump(),
        **a.segmentation.model_dump(),
    )
    session.add(account)
    session.flush()
    aid = account.id
    assert aid is not None
    _insert(
        session,
        m.SwotItem,
        [{"account_id": aid, "kind": s.kind, "text": s.text, "position": n} for n, s in enumerate(a.swot)],
    )
    team = dict(
        zip(
            (t.ref for t in doc.team),
            _insert(
                session,
                m.TeamMember,
                [{"account_id": aid, "name": t.name, "function": t.function} for t in doc.team],
            ),
            strict=True,
        )
    )
    people_rows = [
        {
            "account_id": aid,
            **s.model_dump(exclude={"ref", "reports_to", "owner", "listens_to"}),
            "owner_id": team.get(s.owner) if s.owner else None,
        }
        for s in doc.stakeholders
    ]
    people = dict(
        zip((s.ref for s in doc.stakeholders), _insert(session, m.Stakeholder, people_rows), strict=True)
    )
    # Reporting lines point at people inserted above, so they are set in a second pass.
    bosses = [{"b_id": people[s.ref], "boss": people[s.reports_to]} for s in doc.stakeholders if s.reports_to]
    if bosses:
        table = m.Stakeholder.__table__  # a core statement: bulk update by key, no ORM objects to sync
        session.connection().execute(
            table.update()
            .where(table.c.id == sa.bindparam("b_id"))
            .values(reports_to_id=sa.bindparam("boss")),
            bosses,
        )
    _link(
        session,
        m.ListensTo,
        [
            {"stakeholder_id": people[s.ref], "listens_to_id": people[r], "position": n}
            for s in doc.stakeholders
            for n, r in enumerate(s.listens_to)
        ],
    )
    rivals = dict(
        zip(
            (c.ref for c in doc.competitors),
            _insert(
                session,
                m.Competitor,
                [
                    {
                        "account_id": aid,
                        "name": c.name,
                        "strengths": c.strengths,
                        "weaknesses": c.weaknesses,
                        "threat": c.threat,
                        "counter": c.counter,
                    }
                    for c in doc.competitors
                ],
            ),
            strict=True,
        )
    )
    _link(
        session,
        m.CloseTo,
        [
            {"competitor_id": rivals[c.ref], "stakeholder_id": people[r], "position": n}
            for c in doc.competitors
            for n, r in enumerate(c.close_to)
        ],
    )
    opps = dict(
        zip(
            (o.ref for o in doc.opportunities),
            _insert(
                session,
                m.Opportunity,
                [
                    {
                        "account_id": aid,
                        **o.model_dump(
                            exclude={
                                "ref",
                                "participants",
                                "competitors",
                                "qualification",
                                "qualification_evidence",
                                "qualification_changed",
                            }
                        ),
                    }
                    for o in doc.opportunities
                ],
            ),
            strict=True,
        )
    )
    for o in doc.opportunities:
        _link(
            session,
            m.Participant,
            [
                {"opportunity_id": opps[o.ref], "stakeholder_id": people[r], "position": n}
                for n, r in enumerate(o.participants)
            ],
        )
        _link(
            session,
            m.OpportunityCompetitor,
            [
                {"opportunity_id": opps[o.ref], "competitor_id": rivals[r], "position": n}
                for n, r in enumerate(o.competitors)
            ],
        )
        _link(
            session,
            m.QualificationAnswer,
            [
                {
                    "opportunity_id": opps[o.ref],
                    "question": q,
                    "answer": ans,
                    "evidence": o.qualification_evidence.get(q, ""),
                    "changed_on": o.qualification_changed.get(q),
                }
                for q, ans in o.qualification.items()
            ],
        )
    activity_ids = _insert(
        session,
        m.Activity,
        [
            {
                "account_id": aid,
                "date": x.date,
                "type": x.type,
                "owner_id": team.get(x.owner) if x.owner else None,
                "opportunity_id": opps.get(x.opportunity) if x.opportunity else None,
                "objective": x.objective,
                "status": x.status,
                "outcome": x.outcome,
            }
            for x in doc.activities
        ],
    )
    _link(
        session,
        m.ActivityStakeholder,
        [
            {"activity_id": id_, "stakeholder_id": people[r], "position": n}
            for id_, x in zip(activity_ids, doc.activities, strict=True)
            for n, r in enumerate(x.stakeholders)
        ],
    )
    _insert(session, m.ActivityTarget, [{"account_id": aid, **t.model_dump()} for t in doc.activity_targets])
    _insert(
        session,
        m.Criterion,
        _criteria(aid, CriterionDimension.ATTRACTIVENESS, doc.attractiveness)
        + _criteria(aid, CriterionDimension.OUR_STRENGTH, doc.our_strength),
    )
    _insert(
        session,
        m.RelationshipIndicator,
        [
            {"account_id": aid, "name": i.indicator, "score": i.score, "evidence": i.evidence}
            for i in doc.relationship
        ],
    )
    offerings = offering_ids(session, [w.offering for w in doc.whitespace])
    _insert(
        session,
        m.WhitespaceCell,
        [
            {
                "account_id": aid,
                "unit": w.unit,
                "offering_id": offerings[w.offering.casefold()],
                "status": w.status,
                "opportunity_id": opps.get(w.opportunity) if w.opportunity else None,
            }
            for w in doc.whitespace
        ],
    )
    _insert(
        session,
        m.Review,
        [{"account_id": aid, "date": r.date, "notes": r.notes, "metrics": r.metrics} for r in doc.reviews],
    )
    return aid


def _criteria(aid: int, dimension: CriterionDimension, parts: list[CriterionPart]) -> list[dict[str, Any]]:
    return [
        {"account_id": aid, "dimension": dimension, "name": c.criterion, "weight": c.weight, "score": c.score}
        for c in parts
    ]
