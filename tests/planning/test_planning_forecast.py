import pytest

from kamplan.planning import Verdict, Vote, is_optimistic, optimism_reason

WIN = Vote(Verdict.WIN, 8, 2, 1, 0.5)
LOSE = Vote(Verdict.LOSE, 2, 8, 1, -0.5)
TOO_CLOSE = Vote(Verdict.TOO_CLOSE, 3, 3, 0, 0.0)
UNKNOWN = Vote(Verdict.UNKNOWN, 0, 0, 0, None)


def test_a_backed_forecast_is_not_optimistic():
    assert optimism_reason("open", 80, WIN, 50) is None
    assert not is_optimistic("open", 80, WIN, 50)


@pytest.mark.parametrize(
    ("vote", "reason"),
    [
        (LOSE, "the vote today is lost"),
        (TOO_CLOSE, "the vote today is too close"),
        (UNKNOWN, "the vote today is unknown"),
    ],
)
def test_a_weak_vote_makes_it_optimistic(vote, reason):
    assert optimism_reason("open", 50, vote, 90) == reason
    assert is_optimistic("open", 50, vote, 90)


def test_a_low_score_makes_it_optimistic():
    assert optimism_reason("open", 70, WIN, 40) == "qualification score 40 is below 50"
    assert optimism_reason("open", 70, WIN, 49) == "qualification score 49 is below 50"


def test_reasons_are_joined():
    assert optimism_reason("open", 90, TOO_CLOSE, 30) == (
        "the vote today is too close; qualification score 30 is below 50"
    )


@pytest.mark.parametrize("probability", [None, 0, 49])
def test_low_or_missing_probability_is_never_optimistic(probability):
    assert optimism_reason("open", probability, LOSE, 0) is None


@pytest.mark.parametrize("status", ["won", "lost", "qualified_out"])
def test_only_open_opportunities_are_flagged(status):
    assert not is_optimistic(status, 90, LOSE, 0)
