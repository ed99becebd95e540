"""What people type into forms, read into values: dates, amounts, whole numbers (property tests)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamplan.document import typed

TODAY = date(2026, 11, 30)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.dates())
def test_an_iso_date_reads_as_itself(day: date, today: date) -> None:
    assert typed.day(day.isoformat(), today) == day


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 6))
def test_a_weekday_is_the_next_one_within_a_week(today: date, weekday: int) -> None:
    name = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[weekday]
    found = typed.day(name, today)
    assert found is not None and found.weekday() == weekday and 1 <= (found - today).days <= 7


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 400))
def test_offsets_count_days_and_weeks(today: date, n: int) -> None:
    assert typed.day(f"+{n}d", today) == today + timedelta(days=n)
    assert typed.day(f"+{n}w", today) == today + timedelta(weeks=n)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.dates())
def test_day_and_month_is_the_next_such_day(today: date, target: date) -> None:
    if (target.month, target.day) == (2, 29):
        return
    text = f"{target.day} {target:%b}".lower()
    found = typed.day(text, today)
    assert found is not None and (found.month, found.day) == (target.month, target.day)
    assert today <= found < today + timedelta(days=367)


@given(st.text(max_size=20))
def test_any_text_is_a_date_or_a_message_never_a_crash(text: str) -> None:
    try:
        typed.day(text, TODAY)
    except ValueError as error:
        assert str(error)


@given(st.integers(0, 10**12), st.sampled_from(["", "k", "m", "b"]))
def test_amounts_scale_by_their_suffix(number: int, suffix: str) -> None:
    scale = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9}[suffix]
    if number * scale > typed.MAX_MONEY:
        with pytest.raises(ValueError, match="more than a plan can mean"):
            typed.money(f"{number}{suffix}")
    else:
        assert typed.money(f"{number:,}{suffix.upper()}") == number * scale


@given(st.text(max_size=20))
def test_any_text_is_an_amount_or_a_message(text: str) -> None:
    try:
        value = typed.money(text)
    except ValueError as error:
        assert str(error)
    else:
        assert value is None or 0 <= value <= typed.MAX_MONEY


@pytest.mark.parametrize("text", ["31 feb", "2026-13-01", "fry", "x", "+d"])
def test_what_is_not_a_date_says_so(text: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        typed.day(text, TODAY)
