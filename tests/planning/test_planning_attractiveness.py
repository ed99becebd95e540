import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kamplan.planning import (
    DEFAULT_ATTRACTIVENESS_CRITERIA,
    DEFAULT_STRENGTH_CRITERIA,
    Criterion,
    Quadrant,
    quadrant,
    weighted_score,
)

weights = st.floats(0, 100, allow_nan=False)
scores = st.none() | st.floats(0, 10, allow_nan=False)
criteria = st.lists(st.builds(Criterion, name=st.just("c"), weight=weights, score=scores), max_size=10)


def c(weight, score):
    return Criterion("c", weight, score)


def test_weighted_average():
    assert weighted_score([c(2, 8), c(1, 2)]) == 6.0
    assert weighted_score([c(1, 7.5), c(1, 2.5)]) == 5.0


def test_unscored_criteria_are_left_out():
    assert weighted_score([c(3, 4), c(5, None)]) == 4.0


@pytest.mark.parametrize("given_criteria", [[], [c(1, None)], [c(0, 9), c(0, 3)]])
def test_nothing_to_weigh_gives_none(given_criteria):
    assert weighted_score(given_criteria) is None


def test_a_zero_weight_scores_nothing():
    assert weighted_score([c(0, 10), c(1, 3)]) == 3.0


def test_negative_weight_is_refused():
    with pytest.raises(ValueError):
        weighted_score([c(-1, 5)])


def test_quadrants():
    high, low = [c(1, 8)], [c(1, 2)]
    assert quadrant(high, high) is Quadrant.KEY
    assert quadrant(high, low) is Quadrant.KEY_DEVELOPMENT
    assert quadrant(low, high) is Quadrant.MAINTENANCE
    assert quadrant(low, low) is Quadrant.OPPORTUNISTIC


def test_exactly_five_is_high():
    exactly_five = [c(1, 5)]
    assert quadrant(exactly_five, exactly_five) is Quadrant.KEY
    assert quadrant([c(1, 4.9)], exactly_five) is Quadrant.MAINTENANCE


def test_five_is_compared_exactly_not_in_floats():
    # In floats Σ(w·s) = 1.5 but 5·Σw = 1.5000000000000002; exactly, both sides are equal.
    for exactly_five in ([c(0.1, 5), c(0.2, 5)], [c(0.1, 7), c(0.2, 4)]):
        assert quadrant(exactly_five, exactly_five) is Quadrant.KEY
    just_below = [c(0.1, 4.999999999), c(0.3, 5.0)]
    assert quadrant(just_below, just_below) is Quadrant.OPPORTUNISTIC


def test_quadrant_needs_both_sides():
    assert quadrant([], [c(1, 8)]) is None
    assert quadrant([c(1, 8)], [c(0, 8)]) is None


def test_defaults_are_named():
    assert len(DEFAULT_ATTRACTIVENESS_CRITERIA) == 8
    assert 5 <= len(DEFAULT_STRENGTH_CRITERIA) <= 8
    assert len(set(DEFAULT_ATTRACTIVENESS_CRITERIA + DEFAULT_STRENGTH_CRITERIA)) == 8 + len(
        DEFAULT_STRENGTH_CRITERIA
    )


@given(criteria)
def test_weighted_score_lies_between_the_scores(given_criteria):
    result = weighted_score(given_criteria)
    weighed = [x.score for x in given_criteria if x.score is not None and x.weight > 0]
    if not weighed:
        assert result is None
    else:
        assert result is not None
        assert min(weighed) <= result <= max(weighed)


@given(criteria, criteria)
def test_quadrant_agrees_with_the_scores_away_from_the_boundary(attractiveness, strength):
    a, s = weighted_score(attractiveness), weighted_score(strength)
    if a is None or s is None:
        assert quadrant(attractiveness, strength) is None
        return
    assume(abs(a - 5) > 1e-9 and abs(s - 5) > 1e-9)
    expected = {
        (True, True): Quadrant.KEY,
        (True, False): Quadrant.KEY_DEVELOPMENT,
        (False, True): Quadrant.MAINTENANCE,
        (False, False): Quadrant.OPPORTUNISTIC,
    }[(a >= 5, s >= 5)]
    assert quadrant(attractiveness, strength) is expected


@given(criteria, st.floats(0.001, 1000, allow_nan=False))
def test_scaling_all_weights_changes_nothing(given_criteria, factor):
    scaled = [c(x.weight * factor, x.score) for x in given_criteria]
    assume(all((x.weight == 0) == (y.weight == 0) for x, y in zip(given_criteria, scaled, strict=True)))
    before, after = weighted_score(given_criteria), weighted_score(scaled)
    assert (before is None) == (after is None)
    if before is not None and after is not None:
        assert after == pytest.approx(before, abs=1e-9)


whole_or_not_criteria = st.lists(
    st.builds(
        Criterion,
        name=st.just("c"),
        weight=st.integers(0, 100).map(float) | weights,
        score=st.none() | st.integers(0, 10).map(float) | st.floats(0, 10, allow_nan=False),
    ),
    max_size=10,
)


@given(whole_or_not_criteria)
def test_weighted_score_is_the_exact_quotient_rounded_once(given_criteria):
    """Whole weights and scores take an integer shortcut; the result must be the definition's exactly."""
    from fractions import Fraction

    scored = [(Fraction(x.weight), Fraction(x.score)) for x in given_criteria if x.score is not None]
    total = sum((w for w, _ in scored), Fraction(0))
    expected = None if not total else float(sum((w * s for w, s in scored), Fraction(0)) / total)
    assert weighted_score(given_criteria) == expected


def test_huge_or_non_finite_weights_from_an_older_database_do_not_break_the_score():
    assert weighted_score([c(1e308, 5), c(1e308, 10)]) == 7.5  # exact over integers, no overflow
    assert weighted_score([c(float("inf"), 9), c(1, 3)]) == 3.0  # a damaged value is left out
    assert quadrant([c(1e308, 5)], [c(float("inf"), 9), c(1, 3)]) == Quadrant.KEY_DEVELOPMENT
