import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import Verdict, Vote, band_gap, is_optimistic, optimism_reason, suggested_band

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


@pytest.mark.parametrize(
    ("verdict", "score", "band"),
    [
        (Verdict.WIN, 90, (70, 90)),
        (Verdict.WIN, 80, (70, 90)),
        (Verdict.WIN, 79, (50, 70)),
        (Verdict.WIN, 50, (50, 70)),
        (Verdict.WIN, 49, (25, 45)),
        (Verdict.TOO_CLOSE, 75, (25, 45)),
        (Verdict.TOO_CLOSE, 40, (10, 30)),
        (Verdict.UNKNOWN, 50, (10, 30)),
        (Verdict.UNKNOWN, 0, (0, 20)),
        (Verdict.LOSE, 100, (5, 20)),
        (Verdict.LOSE, 10, (0, 10)),
    ],
)
def test_the_suggested_band(verdict, score, band):
    assert suggested_band(verdict, score) == band


@given(st.sampled_from(list(Verdict)), st.integers(0, 100), st.integers(0, 100))
def test_a_forecast_inside_its_band_is_never_optimistic(verdict, score, probability):
    low, high = suggested_band(verdict, score)
    assert 0 <= low < high <= 100
    vote = Vote(verdict, 0, 0, 0, None)
    if low <= probability <= high:
        assert band_gap(probability, (low, high)) == 0
        assert not is_optimistic("open", probability, vote, score)
    else:
        assert band_gap(probability, (low, high)) == (
            probability - high if probability > high else probability - low
        )


def test_the_kams_number_may_be_unset():
    assert band_gap(None, (25, 45)) == 0


def test_brief_reasons():
    assert optimism_reason("open", 90, TOO_CLOSE, 30, brief=True) == "vote too close, score 30"
    assert optimism_reason("open", 90, LOSE, 80, brief=True) == "vote lost"
