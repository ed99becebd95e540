"""Coaching flags: the questions a seasoned coach would ask about the plan."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kamplan.enums import OpportunityStatus
from kamplan.planning.coverage import comfort_zone, coverage_window
from kamplan.planning.grid import GridCategory, grid_category, is_rated, rated_values
from kamplan.planning.pipeline import is_open

STALE_CONTACT_DAYS = 30
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
class Outreach:
    """A done activity: the day, the opportunity it served (if any) and the stakeholders it reached."""

    day: date
    opportunity_id: int | None
    stakeholder_ids: tuple[int, ...]


@dataclass(frozen=True)
class CoachingFlag:
    rule: str  # stable short id, e.g. "no-economic-buyer"
    subject: str  # the opportunity's title or the person's name
    message: str
    fix: str
    opportunity_id: int | None = None  # the opportunity flagged, or
    person_id: int | None = None  # the person flagged


def coaching_flags(
    people: Sequence[Person],
    opportunities: Sequence[OpportunitySketch],
    as_of: date,
    outreach: Sequence[Outreach] = (),
) -> list[CoachingFlag]:
    """Flags for the open opportunities, in the given order, then for the people, in the given order.
    `outreach` (the done activities) lets the comfort-zone rule judge each opportunity's last 30 days."""
    flags: list[CoachingFlag] = []
    influence = {person.id: _rated_influence(person) for person in people}
    for opportunity in opportunities:
        if is_open(opportunity.status):
            flags.extend(_opportunity_flags(opportunity, _voters(opportunity, people)))
            if _in_comfort_zone(opportunity.id, outreach, influence, as_of):
                flags.append(
                    CoachingFlag(
                        "comfort-zone",
                        opportunity.title,
                        "Most of this month's contact for it was with people of little influence.",
                        "Plan the next meeting with someone who decides.",
                        opportunity_id=opportunity.id,
                    )
                )
    for person in people:
        flags.extend(_person_flags(person, as_of))
    return flags


def flags_for(
    opportunity: OpportunitySketch, people: Sequence[Person], flags: Sequence[CoachingFlag]
) -> list[CoachingFlag]:
    """The flags that concern one opportunity: its own, then those of the people in its decision."""
    voters = {person.id for person in _voters(opportunity, people)}
    return [
        flag
        for flag in flags
        if flag.opportunity_id == opportunity.id or (flag.person_id is not None and flag.person_id in voters)
    ]


def _rated_influence(person: Person) -> int | None:
    rated = rated_values(person.influence, person.support)
    return None if rated is None else rated[0]


def _in_comfort_zone(
    opportunity_id: int, outreach: Sequence[Outreach], influence: dict[int, int | None], as_of: date
) -> bool:
    """Most of the opportunity's done activities in the last 30 days reached only low-influence people."""
    start, end = coverage_window(as_of)
    reached: list[int | None] = []
    for activity in outreach:
        if activity.opportunity_id == opportunity_id and start <= activity.day <= end:
            rated = [i for i in (influence.get(p) for p in activity.stakeholder_ids) if i is not None]
            reached.append(max(rated, default=None))
    return comfort_zone(reached)


def _voters(opportunity: OpportunitySketch, people: Sequence[Person]) -> list[Person]:
    if not opportunity.participant_ids:
        return list(people)
    named = set(opportunity.participant_ids)
    return [person for person in people if person.id in named]


def _opportunity_flags(opportunity: OpportunitySketch, voters: list[Person]) -> Iterator[CoachingFlag]:
    title, oid = opportunity.title, opportunity.id
    if not any(voter.role == "economic_buyer" for voter in voters):
        yield CoachingFlag(
            "no-economic-buyer",
            title,
            "Nobody in this decision controls the budget.",
            "Find out who signs off the money and add them to the decision.",
            opportunity_id=oid,
        )
    if not any(voter.role == "decision_maker" for voter in voters):
        yield CoachingFlag(
            "no-decision-maker",
            title,
            "Nobody in this decision makes the final call.",
            "Find out who decides and add them to the decision.",
            opportunity_id=oid,
        )
    rated = [voter for voter in voters if is_rated(voter.influence, voter.support)]
    coached = any(voter.role == "coach" for voter in voters)
    if not rated:
        return  # with nobody rated, opposition and support cannot be judged yet
    if not any((voter.support or 0) < 0 for voter in rated):
        yield CoachingFlag(
            "no-opposition",
            title,
            "Nobody is rated against us: the people who favour a competitor are not found yet.",
            "Ask who gains if we lose, and rate them honestly.",
            opportunity_id=oid,
        )
    if not coached and not any(voter.support == CHAMPION for voter in rated):
        yield _no_champion(title, oid)
    total = sum(voter.influence or 0 for voter in rated)
    assumed = sum(voter.influence or 0 for voter in rated if not voter.confirmed)
    if 2 * assumed > total:
        yield CoachingFlag(
            "assumed-vote",
            title,
            "Most of the weight in this vote rests on assumed ratings.",
            "Confirm the ratings of the most influential people with someone who knows them.",
            opportunity_id=oid,
        )


def _no_champion(title: str, opportunity_id: int) -> CoachingFlag:
    return CoachingFlag(
        "no-champion",
        title,
        "Nobody in this decision coaches us or champions us.",
        "Pick the most supportive person with influence and build them into a champion.",
        opportunity_id=opportunity_id,
    )


def _person_flags(person: Person, as_of: date) -> Iterator[CoachingFlag]:
    name, pid = person.name, person.id
    category = grid_category(person.influence, person.support)
    if category is GridCategory.THREAT and not person.plan.strip():
        yield CoachingFlag(
            "threat-without-plan",
            name,
            "An influential opponent has no plan.",
            "Write how you will neutralise or convert them.",
            person_id=pid,
        )
    elif category is GridCategory.CRITIC and not person.plan.strip():
        yield CoachingFlag(
            "critic-without-plan",
            name,
            "A critic of ours has no plan.",
            "Write how you will win them over, or keep them from swaying others.",
            person_id=pid,
        )
    if person.influence is None or person.influence < HIGH_INFLUENCE:
        return
    if person.owner_id is None:
        yield CoachingFlag(
            "unowned-high-influence",
            name,
            f"Influence {person.influence}, but nobody on our side owns the relationship.",
            "Give them an owner on our side, ideally a peer.",
            person_id=pid,
        )
    if person.last_contact is None:
        yield CoachingFlag(
            "uncontacted-high-influence",
            name,
            f"Influence {person.influence}, and no contact on record.",
            "Plan an activity that reaches them.",
            person_id=pid,
        )
    elif person.last_contact < as_of - timedelta(days=STALE_CONTACT_DAYS):
        days = (as_of - person.last_contact).days
        yield CoachingFlag(
            "uncontacted-high-influence",
            name,
            f"Influence {person.influence}, but the last contact was {days} days ago.",
            "Plan an activity that reaches them.",
            person_id=pid,
        )
