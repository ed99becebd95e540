import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import DEFAULT_INDICATORS, relationship_index


def test_five_default_indicators():
    assert len(DEFAULT_INDICATORS) == 5
    assert len(set(DEFAULT_INDICATORS)) == 5


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([5, 5, 5, 5, 5], 100),
        ([0, 0], 0),
        ([3, 2], 50),
        ([4, None, 1, None], 50),
        ([1, 0, 0, 0, 0, 0, 0, 0], 3),  # 2.5 rounds up, not to even
        ([3, 0, 0, 0, 0, 0, 0, 0], 8),  # 7.5
        ([5, 0, 0, 0, 0, 0, 0, 0], 13),  # 12.5: Python's round() would give 12
        ([1, 1, 0], 13),  # 13.33…
        ([2, 2, 2], 40),
    ],
)
def test_index_rounds_half_up(scores, expected):
    assert relationship_index(scores) == expected


@pytest.mark.parametrize("scores", [[], [None, None]])
def test_no_index_without_scores(scores):
    assert relationship_index(scores) is None


@given(st.lists(st.none() | st.integers(0, 5)))
def test_index_is_in_range(scores):
    index = relationship_index(scores)
    if all(score is None for score in scores):
        assert index is None
    else:
        assert index is not None
        assert 0 <= index <= 100


@given(st.lists(st.integers(0, 5), min_size=1), st.data())
def test_raising_a_score_never_lowers_the_index(scores, data):
    position = data.draw(st.integers(0, len(scores) - 1))
    raised = [*scores]
    raised[position] = data.draw(st.integers(scores[position], 5))
    assert relationship_index(raised) >= relationship_index(scores)
