"""Coaching flags: the questions a seasoned coach would ask about the plan."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kamplan.enums import OpportunityStatus
from kamplan.planning.grid import GridCategory, grid_category, is_rated
from kamplan.planning.pipeline import is_open

STALE_CONTACT_DAYS = 60
HIGH_INFLUENCE = 4
CHAMPION = 2


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str | None  # JSON spelling: economic_buyer, decision_maker, …, coach
    influence: int | None
    support: int | None
    owner_id: int | None
    last_contact: date | None
    confirmed: bool
    plan: str


@dataclass(frozen=True)
class OpportunitySketch:
    id: int
    title: str
    status: OpportunityStatus | str
    participant_ids: tuple[int, ...]


@dataclass(frozen=True)
class CoachingFlag:
    rule: str  # stable short id, e.g. "no-economic-buyer"
    subject: str  # the opportunity's title or the person's name
    message: str
    fix: str


def coaching_flags(
    people: Sequence[Person], opportunities: Sequence[OpportunitySketch], as_of: date
) -> list[CoachingFlag]:
    """Flags for the open opportunities, in the given order, then for the people, in the given order."""
    flags: list[CoachingFlag] = []
    for opportunity in opportunities:
        if is_open(opportunity.status):
            flags.extend(_opportunity_flags(opportunity, _voters(opportunity, people)))
    for person in people:
        flags.extend(_person_flags(person, as_of))
    return flags


def _voters(opportunity: OpportunitySketch, people: Sequence[Person]) -> list[Person]:
    if not opportunity.participant_ids:
        return list(people)
    named = set(opportunity.participant_ids)
    return [person for person in people if person.id in named]


def _opportunity_flags(opportunity: OpportunitySketch, voters: list[Person]) -> Iterator[CoachingFlag]:
    title = opportunity.title
    if not any(voter.role == "economic_buyer" for voter in voters):
        yield CoachingFlag(
            "no-economic-buyer",
            title,
            "Nobody in this decision controls the budget.",
            "Find out who signs off the money and add them to the decision.",
        )
    rated = [voter for voter in voters if is_rated(voter.influence, voter.support)]
    if not rated:
        return  # with nobody rated, opposition and support cannot be judged yet
    if not any((voter.support or 0) < 0 for voter in rated):
        yield CoachingFlag(
            "no-opposition",
            title,
            "Nobody is rated against us; every decision has someone who prefers another outcome.",
            "Ask who gains if we lose, and rate them honestly.",
        )
    if not any(voter.support == CHAMPION for voter in rated):
        yield CoachingFlag(
            "no-champion",
            title,
            "Nobody in this decision champions us.",
            "Pick the most supportive person with influence and build them into a champion.",
        )
    total = sum(voter.influence or 0 for voter in rated)
    assumed = sum(voter.influence or 0 for voter in rated if not voter.confirmed)
    if 2 * assumed > total:
        yield CoachingFlag(
            "assumed-vote",
            title,
            "Most of the weight in this vote rests on assumed ratings.",
            "Confirm the ratings of the most influential people with someone who knows them.",
        )


def _person_flags(person: Person, as_of: date) -> Iterator[CoachingFlag]:
    name = person.name
    if grid_category(person.influence, person.support) is GridCategory.THREAT and not person.plan.strip():
        yield CoachingFlag(
            "threat-without-plan",
            name,
            "An influential opponent has no plan.",
            "Write how you will neutralise or convert them.",
        )
    if person.influence is None or person.influence < HIGH_INFLUENCE:
        return
    if person.owner_id is None:
        yield CoachingFlag(
            "unowned-high-influence",
            name,
            f"Influence {person.influence}, but nobody on our side owns the relationship.",
            "Give them an owner on our side, ideally a peer.",
        )
    if person.last_contact is None:
        yield CoachingFlag(
            "uncontacted-high-influence",
            name,
            f"Influence {person.influence}, and no contact on record.",
            "Plan an activity that reaches them.",
        )
    elif person.last_contact < as_of - timedelta(days=STALE_CONTACT_DAYS):
        days = (as_of - person.last_contact).days
        yield CoachingFlag(
            "uncontacted-high-influence",
            name,
            f"Influence {person.influence}, but the last contact was {days} days ago.",
            "Plan an activity that reaches them.",
        )
