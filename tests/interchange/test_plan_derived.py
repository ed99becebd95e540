"""The `derived` block of the exported demo, checked by hand and against the planning functions."""

import json
from datetime import date
from typing import Any

import pytest
from file_support import db_file, export_plan, import_text
from sqlalchemy.engine import Engine

from kamplan import planning
from kamplan.store.demo import demo_document

DEMO = "Kestrelmoor Foods B.V."
AS_OF = date(2026, 3, 4)


@pytest.fixture
def derived(demo_engine: Engine) -> dict[str, Any]:
    return json.loads(export_plan(db_file(demo_engine), DEMO, AS_OF))["derived"]


@pytest.fixture
def source() -> dict[str, Any]:
    return demo_document(AS_OF)


def test_as_of_is_the_day_asked_for(derived: dict[str, Any]) -> None:
    assert derived["as_of"] == "2026-03-04"


def test_decision_grid_of_every_stakeholder(derived: dict[str, Any], source: dict[str, Any]) -> None:
    # (influence, support) from the demo: s ≥ +1 and i ≥ 4 driver, i ≤ 3 advocate; s ≤ −1 and i ≥ 4 threat,
    # i ≤ 3 critic; s = 0 unknown; either not rated: unrated.
    expected = {
        "s1": "unknown",  # 5, 0
        "s2": "threat",  # 5, -1
        "s3": "threat",  # 5, -2
        "s4": "unknown",  # 4, 0
        "s5": "driver",  # 4, +1
        "s6": "threat",  # 4, -1
        "s7": "driver",  # 4, +2
        "s8": "driver",  # 4, +1
        "s9": "advocate",  # 3, +1
        "s10": "unknown",  # 3, 0
        "s11": "critic",  # 2, -1
        "s12": "advocate",  # 2, +2
        "s13": "advocate",  # 2, +1
        "s14": "critic",  # 2, -1
        "s15": "unrated",  # not rated
        "s16": "unrated",  # influence 3, support not rated
    }
    assert {ref: value["grid"] for ref, value in derived["stakeholders"].items()} == expected
    for person in source["stakeholders"]:
        assert expected[person["ref"]] == planning.grid_category(person["influence"], person["support"])


# Votes by hand, over each opportunity's participants (unrated ones left out):
#   o1: for s7 4 + s8 4 + s9 3 + s12 2 = 13; against s2 5 + s3 5 + s6 4 = 14; undecided s1 5.
#       13 > 19? no. 14 > 18? no → too close. Σ(i·s) = −5 −10 −4 +8 +4 +3 +4 = 0 → margin 0.
#   o2: for s9 3; against s6 4 + s11 2 = 6; undecided s4 4 + s10 3 = 7 (s16 unrated) → too close.
#       Σ(i·s) = −4 + 3 − 2 = −3; Σi = 16 → margin −3/32.
#   o3: for s5 4 + s8 4 + s9 3 = 11; against s3 5 + s14 2 = 7; undecided 0 (s15 unrated) → 11 > 7: win.
#       Σ(i·s) = −10 + 4 + 4 + 3 − 2 = −1; Σi = 18 → margin −1/36.
#   o4: against s3 5 + s6 4 + s11 2 + s14 2 = 13, nobody else → lose. Σ(i·s) = −10 −4 −2 −2 = −18 → −18/26.
# Qualification (yes 1, partly ½):
#   o1: 5 yes + 5 partly = 7.5 → 75     o2: 2 yes + 4 partly = 4 → 40
#   o3: 2 yes + 5 partly = 4.5 → 45     o4: 3 yes + 2 partly = 4 → 40
# Optimistic: open and probability ≥ 50 and (vote not win or score < 50):
#   o1 70 %, too close → yes; o2 50 %, too close → yes; o3 30 % → no; o4 qualified out → no.
EXPECTED_VOTES = {
    "o1": ("too close", 0.0, 13, 14, 5, 75, True),
    "o2": ("too close", -3 / 32, 3, 6, 7, 40, True),
    "o3": ("win", -1 / 36, 11, 7, 0, 45, False),
    "o4": ("lose", -18 / 26, 0, 13, 0, 40, False),
}


@pytest.mark.parametrize("ref", sorted(EXPECTED_VOTES))
def test_vote_and_qualification_of_each_opportunity(derived: dict[str, Any], ref: str) -> None:
    verdict, margin, votes_for, against, undecided, score, optimistic = EXPECTED_VOTES[ref]
    got = derived["opportunities"][ref]
    assert got["verdict"] == verdict
    assert got["margin"] == pytest.approx(margin, abs=1e-12)
    assert (got["for"], got["against"], got["undecided"]) == (votes_for, against, undecided)
    assert got["qualification_score"] == score
    assert got["optimistic"] is optimistic


@pytest.mark.parametrize("ref", sorted(EXPECTED_VOTES))
def test_votes_agree_with_the_planning_functions(
    derived: dict[str, Any], source: dict[str, Any], ref: str
) -> None:
    people = {p["ref"]: p for p in source["stakeholders"]}
    opportunity = next(o for o in source["opportunities"] if o["ref"] == ref)
    ratings = [
        planning.Rating(people[r]["influence"], people[r]["support"]) for r in opportunity["participants"]
    ]
    vote = planning.vote_today(ratings)
    score = planning.qualification_score(opportunity["qualification"])
    got = derived["opportunities"][ref]
    assert (got["verdict"], got["for"], got["against"], got["undecided"]) == (
        vote.verdict,
        vote.votes_for,
        vote.against,
        vote.undecided,
    )
    assert got["margin"] == vote.margin
    assert got["qualification_score"] == score
    assert got["optimistic"] == planning.is_optimistic(
        opportunity["status"], opportunity["probability"], vote, score
    )


def test_attractiveness_strength_and_quadrant(derived: dict[str, Any], source: dict[str, Any]) -> None:
    # Attractiveness: Σw = 15, Σ(w·s) = 24+24+6+18+12+14+5+7 = 110 → 110/15 ≈ 7.33 (high).
    # Our strength: Σw = 13, Σ(w·s) = 21+9+14+4+12+4 = 64 → 64/13 ≈ 4.92 (low) → key development.
    assert derived["attractiveness"] == pytest.approx(110 / 15)
    assert derived["our_strength"] == pytest.approx(64 / 13)
    assert derived["quadrant"] == "key development"
    criteria = [planning.Criterion(c["criterion"], c["weight"], c["score"]) for c in source["attractiveness"]]
    assert derived["attractiveness"] == planning.weighted_score(criteria)


def test_relationship_index(derived: dict[str, Any], source: dict[str, Any]) -> None:
    # Scores 4 + 2 + 3 + 1 + 2 + 3 = 15 of 6 × 5 = 30 → 50.
    assert derived["relationship_index"] == 50
    assert planning.relationship_index(i["score"] for i in source["relationship"]) == 50


def test_power_coverage_over_the_last_30_days(derived: dict[str, Any]) -> None:
    # Window 2026-02-02 … 2026-03-04. Rated influence in total: s1…s14 = 49 (s15, s16 unrated).
    # Reached by a done activity in the window: s2 5, s3 5, s5 4, s6 4, s7 4, s8 4, s9 3, s11 2, s12 2,
    # s13 2, s14 2 = 37. Not reached: s1 (planned only), s4 (a cancelled event), s10 (planned only).
    assert derived["power_coverage"] == pytest.approx(100 * 37 / 49)


def test_factored_pipeline_sums_every_open_opportunity(derived: dict[str, Any]) -> None:
    # 6.8 M × 70 % + 1.9 M × 50 % + 2.4 M × 30 %; the qualified-out one counts nothing.
    assert derived["factored_pipeline"] == pytest.approx(4_760_000 + 950_000 + 720_000)


@pytest.mark.parametrize(
    ("as_of", "coverage"),
    [
        (date(2026, 3, 3), 100 * 37 / 49),  # 02-01 … 03-03: the same people as on 03-04
        (date(2026, 2, 1), 100 * (2 + 4 + 2 + 4) / 49),  # 01-02 … 02-01: s12, s7, s11, s5
        (date(2026, 4, 1), 100 * (4 + 2 + 4) / 49),  # 03-02 … 04-01: s6, s11 (and s16, unrated), s7
        (date(2026, 4, 2), 100 * 4 / 49),  # 03-03 … 04-02: s7 on 03-03, the first day counts
        (date(2026, 4, 3), 0.0),  # 03-04 … 04-03: only planned and cancelled work
        (date(2025, 12, 1), 0.0),  # before the first activity
    ],
)
def test_power_coverage_moves_with_the_as_of_date(demo_engine: Engine, as_of: date, coverage: float) -> None:
    derived = json.loads(export_plan(db_file(demo_engine), DEMO, as_of))["derived"]
    assert derived["power_coverage"] == pytest.approx(coverage)


def test_a_plan_without_ratings_or_scores_has_no_measures(engine: Engine) -> None:
    doc = {
        "format": "kamplan-plan",
        "version": 1,
        "account": {"name": "Blank"},
        "stakeholders": [{"ref": "a", "name": "Ann", "influence": 4}],
        "opportunities": [{"ref": "o", "status": "open", "probability": 80, "value": 1000}],
        "attractiveness": [{"criterion": "Size", "weight": 0, "score": 9}],
        "relationship": [{"indicator": "Pays on time"}],
    }
    import_text(engine, json.dumps(doc))
    derived = json.loads(export_plan(db_file(engine), "Blank", AS_OF))["derived"]
    assert derived["stakeholders"] == {"s1": {"grid": "unrated"}}
    vote = derived["opportunities"]["o1"]
    assert (vote["verdict"], vote["margin"]) == ("unknown", None)
    assert vote["qualification_score"] == 0
    assert vote["optimistic"] is True  # 80 % on an unknown vote
    assert derived["attractiveness"] is None  # zero total weight
    assert derived["our_strength"] is None
    assert derived["quadrant"] is None
    assert derived["relationship_index"] is None
    assert derived["power_coverage"] is None
    assert derived["factored_pipeline"] == 800
