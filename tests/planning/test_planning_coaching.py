from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import (
    HIGH_INFLUENCE,
    STALE_CONTACT_DAYS,
    OpportunitySketch,
    Outreach,
    Person,
    coaching_flags,
    flags_for,
)

AS_OF = date(2026, 6, 30)
RECENT = date(2026, 6, 1)


def person(id, role=None, influence=3, support=1, owner_id=1, last_contact=RECENT, confirmed=True, plan=""):
    return Person(id, f"P{id}", role, influence, support, owner_id, last_contact, confirmed, plan)


def deal(*participant_ids, status="open"):
    return OpportunitySketch(1, "Renewal", status, participant_ids)


# A healthy decision: economic buyer, a champion, an opponent with a plan, all owned and recent.
HEALTHY = [
    person(1, "economic_buyer", influence=5, support=2),
    person(2, "technical_evaluator", influence=4, support=-1, plan="Show the pilot results."),
    person(3, "decision_maker", influence=2, support=0),
]


def rules(people, opportunities=()):
    return [flag.rule for flag in coaching_flags(people, list(opportunities), AS_OF)]


def test_a_healthy_plan_raises_nothing():
    assert rules(HEALTHY, [deal()]) == []
    assert rules(HEALTHY, [deal(1, 2, 3)]) == []


def test_constants():
    assert STALE_CONTACT_DAYS == 30
    assert HIGH_INFLUENCE == 4


def test_no_economic_buyer_among_the_participants():
    assert rules(HEALTHY, [deal(2, 3)]) == ["no-economic-buyer", "no-champion"]


def test_nobody_opposing_us():
    assert rules(HEALTHY, [deal(1, 3)]) == ["no-opposition"]


def test_no_champion():
    people = [replace(HEALTHY[0], support=1), *HEALTHY[1:]]
    assert rules(people, [deal()]) == ["no-champion"]


def test_only_open_opportunities_are_questioned():
    assert rules(HEALTHY, [deal(3, status="won"), deal(3, status="qualified_out")]) == []


def test_no_rated_voter_skips_the_support_rules():
    people = [person(1, "economic_buyer", influence=None, support=None)]
    assert rules(people, [deal()]) == ["no-decision-maker"]


def test_a_vote_resting_on_assumed_ratings():
    assumed = [replace(HEALTHY[0], confirmed=False), *HEALTHY[1:]]
    # 5 of 11 is not more than half
    assert rules(assumed, [deal()]) == []
    assumed = [replace(HEALTHY[0], confirmed=False), replace(HEALTHY[2], confirmed=False), HEALTHY[1]]
    # 7 of 11 is
    assert rules(assumed, [deal()]) == ["assumed-vote"]


def test_unrated_assumed_people_do_not_weigh():
    people = [*HEALTHY, person(9, influence=None, support=None, confirmed=False, owner_id=1)]
    assert rules(people, [deal()]) == []


def test_a_threat_without_a_plan():
    flags = coaching_flags([person(7, influence=4, support=-2, plan="  ")], [], AS_OF)
    assert [(f.rule, f.subject) for f in flags] == [("threat-without-plan", "P7")]
    assert rules([person(7, influence=3, support=-2)]) == ["critic-without-plan"]  # a critic, not a threat
    assert rules([person(7, influence=3, support=-1, plan="Win her over at the pilot.")]) == []


def test_an_unowned_high_influence_person():
    assert rules([person(4, influence=4, owner_id=None)]) == ["unowned-high-influence"]
    assert rules([person(4, influence=3, owner_id=None)]) == []


def test_an_uncontacted_high_influence_person():
    assert rules([person(4, influence=5, last_contact=None)]) == ["uncontacted-high-influence"]
    assert rules([person(4, influence=5, last_contact=date(2026, 5, 31))]) == []  # exactly 30 days
    assert rules([person(4, influence=5, last_contact=date(2026, 5, 30))]) == ["uncontacted-high-influence"]
    assert rules([person(4, influence=3, last_contact=None)]) == []


def test_flags_come_in_a_fixed_order_and_say_why_and_how_to_fix():
    people = [person(4, influence=5, support=-1, owner_id=None, last_contact=date(2026, 1, 1))]
    flags = coaching_flags(people, [deal()], AS_OF)
    assert [(f.rule, f.subject) for f in flags] == [
        ("no-economic-buyer", "Renewal"),
        ("no-decision-maker", "Renewal"),
        ("no-champion", "Renewal"),
        ("threat-without-plan", "P4"),
        ("unowned-high-influence", "P4"),
        ("uncontacted-high-influence", "P4"),
    ]
    assert all(f.message and f.fix and "\n" not in f.fix for f in flags)
    assert "180 days" in flags[-1].message


people_strategy = st.lists(
    st.builds(
        person,
        id=st.integers(1, 10),
        role=st.none() | st.sampled_from(["economic_buyer", "decision_maker", "user", "coach"]),
        influence=st.none() | st.integers(1, 5),
        support=st.none() | st.integers(-2, 2),
        owner_id=st.none() | st.just(1),
        last_contact=st.none() | st.dates(date(2025, 1, 1), AS_OF),
        confirmed=st.booleans(),
        plan=st.sampled_from(["", "Build on them."]),
    ),
    max_size=10,
)


@given(people_strategy, st.lists(st.tuples(st.sampled_from(["open", "won"]), st.lists(st.integers(1, 10)))))
def test_flags_are_deterministic_and_well_formed(people, sketches):
    opportunities = [
        OpportunitySketch(n, f"O{n}", status, tuple(ids)) for n, (status, ids) in enumerate(sketches)
    ]
    flags = coaching_flags(people, opportunities, AS_OF)
    assert flags == coaching_flags(people, opportunities, AS_OF)
    subjects = {p.name for p in people} | {o.title for o in opportunities if o.status == "open"}
    assert all(f.subject in subjects and f.rule and f.message and f.fix for f in flags)


def test_no_decision_maker_among_the_participants():
    assert rules(HEALTHY, [deal(1, 2)]) == ["no-decision-maker"]


def test_a_coach_answers_for_a_champion():
    people = [replace(HEALTHY[0], support=1), *HEALTHY[1:], person(4, "coach", influence=2, support=1)]
    assert rules(people, [deal()]) == []
    assert rules(people, [deal(1, 2, 3)]) == ["no-champion"]


def test_flags_say_what_they_concern():
    people = [*HEALTHY, person(4, "user", influence=4, support=-1, owner_id=None)]
    flags = coaching_flags(people, [deal(2, 3)], AS_OF)
    assert [(f.rule, f.opportunity_id, f.person_id) for f in flags] == [
        ("no-economic-buyer", 1, None),
        ("no-champion", 1, None),
        ("threat-without-plan", None, 4),
        ("unowned-high-influence", None, 4),
    ]
    # The flags of an opportunity: its own, and those of the people in its decision.
    assert [f.rule for f in flags_for(deal(2, 3), people, flags)] == ["no-economic-buyer", "no-champion"]
    assert len(flags_for(deal(2, 4), people, flags)) == 4
    assert len(flags_for(deal(), people, flags)) == 4  # nobody named: everyone decides


def test_recent_activity_in_the_comfort_zone():
    low, high = person(5, "user", influence=2, support=1), person(6, "user", influence=5, support=1)
    people = [*HEALTHY, low, high]
    recent = [Outreach(date(2026, 6, 20), 1, (5,)), Outreach(date(2026, 6, 21), 1, (5, 3))]
    assert rules(people, [deal()]) == []
    flags = coaching_flags(people, [deal()], AS_OF, recent)
    assert [(f.rule, f.opportunity_id) for f in flags] == [("comfort-zone", 1)]
    assert flags[0].fix
    # Half the work with someone who decides is not the comfort zone; older activity does not count; nor
    # does another opportunity's.
    assert rules_with(people, [*recent, Outreach(date(2026, 6, 22), 1, (6,)), Outreach(AS_OF, 1, (1,))]) == []
    assert rules_with(people, [Outreach(date(2026, 5, 1), 1, (5,))]) == []
    assert rules_with(people, [Outreach(date(2026, 6, 20), 2, (5,))]) == []


def rules_with(people, outreach):
    return [flag.rule for flag in coaching_flags(people, [deal()], AS_OF, outreach)]
