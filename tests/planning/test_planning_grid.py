import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import GridCategory, grid_category, is_rated


@pytest.mark.parametrize(
    ("influence", "support", "expected"),
    [
        (4, 1, GridCategory.DRIVER),
        (5, 2, GridCategory.DRIVER),
        (3, 1, GridCategory.ADVOCATE),
        (1, 2, GridCategory.ADVOCATE),
        (4, -1, GridCategory.THREAT),
        (5, -2, GridCategory.THREAT),
        (3, -1, GridCategory.CRITIC),
        (1, -2, GridCategory.CRITIC),
        (4, 0, GridCategory.UNKNOWN),
        (3, 0, GridCategory.UNKNOWN),
        (None, 1, GridCategory.UNRATED),
        (4, None, GridCategory.UNRATED),
        (None, None, GridCategory.UNRATED),
    ],
)
def test_grid_category_at_the_boundaries(influence, support, expected):
    assert grid_category(influence, support) is expected


def test_is_rated_needs_both_ratings():
    assert is_rated(1, 0)
    assert not is_rated(None, 0)
    assert not is_rated(3, None)


def test_categories_use_the_json_spelling():
    assert [c.value for c in GridCategory] == ["driver", "advocate", "threat", "critic", "unknown", "unrated"]


@given(st.integers(1, 5), st.integers(-2, 2))
def test_every_rated_person_lands_in_one_rated_category(influence, support):
    category = grid_category(influence, support)
    assert category is not GridCategory.UNRATED
    assert (category is GridCategory.UNKNOWN) == (support == 0)
    if category in (GridCategory.DRIVER, GridCategory.THREAT):
        assert influence >= 4
