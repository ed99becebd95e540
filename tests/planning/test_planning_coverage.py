from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import COVERAGE_WINDOW_DAYS, Reached, comfort_zone, coverage_window, power_coverage


def test_window_is_thirty_days_back_both_ends_inclusive():
    assert COVERAGE_WINDOW_DAYS == 30
    assert coverage_window(date(2026, 3, 31)) == (date(2026, 3, 1), date(2026, 3, 31))
    assert coverage_window(date(2026, 3, 1)) == (date(2026, 1, 30), date(2026, 3, 1))


def test_window_edges_count_and_the_days_outside_do_not():
    first, last = coverage_window(date(2026, 7, 15))
    assert first == date(2026, 6, 15)
    assert last == date(2026, 7, 15)
    assert not first <= date(2026, 6, 14) <= last
    assert not first <= date(2026, 7, 16) <= last


def test_power_coverage_weighs_by_influence():
    people = [Reached(1, 5, 1), Reached(2, 3, -1), Reached(3, 2, 0)]
    assert power_coverage(people, {1}) == 50.0
    assert power_coverage(people, {2, 3}) == 50.0
    assert power_coverage(people, {1, 2, 3}) == 100.0
    assert power_coverage(people, set()) == 0.0


def test_unrated_people_are_left_out_of_both_sums():
    people = [Reached(1, 4, 1), Reached(2, None, 1), Reached(3, 5, None)]
    assert power_coverage(people, {2, 3}) == 0.0
    assert power_coverage(people, {1}) == 100.0


def test_no_rated_stakeholder_gives_none():
    assert power_coverage([], {1}) is None
    assert power_coverage([Reached(1, None, None)], {1}) is None


def test_reached_ids_of_strangers_are_ignored():
    assert power_coverage([Reached(1, 2, 0)], {99}) == 0.0


def test_comfort_zone_when_most_activities_stay_low():
    assert comfort_zone([1, 2, 5])
    assert not comfort_zone([1, 5])  # half is not most
    assert not comfort_zone([3, 3, 1])
    assert comfort_zone([2, None, None, 5, 1])  # reaching nobody rated does not count


def test_comfort_zone_needs_activities():
    assert not comfort_zone([])
    assert not comfort_zone([None, None])


people = st.lists(
    st.builds(
        Reached,
        stakeholder_id=st.integers(1, 20),
        influence=st.none() | st.integers(1, 5),
        support=st.none() | st.integers(-2, 2),
    ),
    max_size=20,
)


@given(people, st.sets(st.integers(1, 20)), st.sets(st.integers(1, 20)))
def test_coverage_is_a_percentage_that_grows_with_the_reached(stakeholders, reached, more):
    smaller = power_coverage(stakeholders, reached)
    larger = power_coverage(stakeholders, reached | more)
    if smaller is None:
        assert larger is None
        assert all(p.influence is None or p.support is None for p in stakeholders)
    else:
        assert larger is not None
        assert 0.0 <= smaller <= larger <= 100.0


@given(st.lists(st.none() | st.integers(1, 5)))
def test_comfort_zone_agrees_with_a_plain_count(influences):
    counted = [i for i in influences if i is not None]
    assert comfort_zone(influences) == (len([i for i in counted if i <= 2]) > len(counted) / 2)
