"""The `derived` block of an exported plan: every measure computed from the document's own values."""

from datetime import date
from typing import Any

from kamplan import planning
from kamplan.document.model import PlanDocument, StakeholderPart
from kamplan.enums import ActivityStatus


def _rating(person: StakeholderPart) -> planning.Rating:
    return planning.rating(person.influence, person.support, person.confidence)


def _criteria(parts: Any) -> list[planning.Criterion]:
    return [planning.Criterion(p.criterion, p.weight, p.score) for p in parts]


def derive(doc: PlanDocument, as_of: date) -> dict[str, Any]:
    people = {s.ref: s for s in doc.stakeholders}
    everyone = [_rating(s) for s in doc.stakeholders]
    opportunities = {}
    for opp in doc.opportunities:
        named = [_rating(people[ref]) for ref in opp.participants]
        vote = planning.vote_today(planning.voters_of(named, everyone))
        score = planning.qualification_score(opp.qualification)
        opportunities[opp.ref] = {
            "verdict": str(vote.verdict),
            "margin": vote.margin,
            "for": vote.votes_for,
            "against": vote.against,
            "undecided": vote.undecided,
            "qualification_score": score,
            "optimistic": planning.is_optimistic(opp.status, opp.probability, vote, score),
        }
    start, end = planning.coverage_window(as_of)
    reached = {
        ref
        for activity in doc.activities
        if activity.status == ActivityStatus.DONE and start <= activity.date <= end
        for ref in activity.stakeholders
    }
    index = {s.ref: n for n, s in enumerate(doc.stakeholders)}
    coverage = planning.power_coverage(
        [planning.Reached(index[s.ref], s.influence, s.support) for s in doc.stakeholders],
        {index[ref] for ref in reached},
    )
    pipeline = [
        planning.PipelineItem(o.value, o.probability, o.status, o.target_date) for o in doc.opportunities
    ]
    quadrant = planning.quadrant(_criteria(doc.attractiveness), _criteria(doc.our_strength))
    return {
        "as_of": as_of.isoformat(),
        "stakeholders": {
            s.ref: {"grid": str(planning.grid_category(s.influence, s.support))} for s in doc.stakeholders
        },
        "opportunities": opportunities,
        "attractiveness": planning.weighted_score(_criteria(doc.attractiveness)),
        "our_strength": planning.weighted_score(_criteria(doc.our_strength)),
        "quadrant": None if quadrant is None else str(quadrant),
        "relationship_index": planning.relationship_index(i.score for i in doc.relationship),
        "power_coverage": coverage,
        "factored_pipeline": planning.factored_value(pipeline),
    }
