"""Targets and funnel: done activities counted by week, and the conversion actually achieved."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import WEEKS_SHOWN, Target, funnel_steps, funnel_window, week_start, weekly_counts
from kamplan.planning.funnel import achieved_rate

TODAY = date(2026, 3, 4)  # a Wednesday
MONDAY = date(2026, 3, 2)


def test_the_window_is_this_week_and_the_eight_before() -> None:
    assert funnel_window(TODAY) == (MONDAY - timedelta(weeks=8), MONDAY + timedelta(days=6))


def test_counts_fall_in_their_week_and_outside_days_are_left_out() -> None:
    done = [
        (TODAY, "call", 2),
        (MONDAY - timedelta(days=1), "call", 1),  # Sunday: last week
        (MONDAY - timedelta(weeks=8), "meeting", 1),  # the oldest week shown
        (MONDAY - timedelta(weeks=9), "meeting", 5),  # before it
        (MONDAY + timedelta(days=7), "call", 5),  # next week
    ]
    counts = weekly_counts(done, TODAY)
    assert counts["call"] == [0] * 7 + [1, 2]
    assert counts["meeting"] == [1] + [0] * 8


def test_six_calls_a_week_that_do_not_become_two_meetings() -> None:
    weeks = [6, 6, 6, 6, 6, 6, 6, 6, 1]
    counts = {"call": weeks, "meeting": [1, 0, 0, 1, 0, 0, 1, 0, 0]}
    targets = [Target("call", 6, "meeting", 0.33), Target("meeting", 2, "proposal", 0.5)]
    steps = {s.type: s for s in funnel_steps(["call", "meeting", "proposal", "event"], targets, counts)}
    call = steps["call"]
    assert call.average == 6 and not call.behind  # this week, still under way, does not count
    assert call.achieved_rate == 3 / 49 and call.converting_short
    meeting = steps["meeting"]
    assert meeting.behind and meeting.achieved_rate == 0  # three meetings, no proposal from them
    assert steps["event"].per_week is None and steps["event"].weekly == (0,) * WEEKS_SHOWN
    assert steps["proposal"].converts_to is None and not steps["proposal"].converting_short


def test_no_conversion_without_a_next_type_or_without_anything_done() -> None:
    (step,) = funnel_steps(["call"], [Target("call", 6, None, 0.5)], {"call": [1] * 9})
    assert step.expected_rate is None and step.achieved_rate is None
    (step,) = funnel_steps(["call"], [Target("call", 6, "meeting", 0.5)], {"meeting": [1] * 9})
    assert step.achieved_rate is None and not step.converting_short  # no call done: nothing to convert


DONE = st.tuples(
    st.dates(date(2025, 11, 1), date(2026, 4, 30)), st.sampled_from(["call", "meeting"]), st.integers(0, 5)
)


@given(st.lists(DONE))
def test_every_done_activity_in_the_window_is_counted_once(done: list[tuple[date, str, int]]) -> None:
    first, last = funnel_window(TODAY)
    counts = weekly_counts(done, TODAY)
    for kind in ("call", "meeting"):
        expected = sum(n for day, k, n in done if k == kind and first <= day <= last)
        assert sum(counts.get(kind, [])) == expected
    assert all(len(weeks) == WEEKS_SHOWN for weeks in counts.values())


@given(
    st.lists(st.integers(0, 20), min_size=9, max_size=9), st.lists(st.integers(0, 20), min_size=9, max_size=9)
)
def test_the_achieved_rate_is_the_ratio_of_what_was_done(calls: list[int], meetings: list[int]) -> None:
    rate = achieved_rate(calls, meetings)
    assert rate is None if sum(calls) == 0 else rate == sum(meetings) / sum(calls)


@given(st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_a_week_starts_on_the_monday_on_or_before_the_day(day: date) -> None:
    monday = week_start(day)
    assert monday.weekday() == 0 and 0 <= (day - monday).days <= 6
