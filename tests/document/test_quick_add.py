"""The quick-add line: what it understands, what it refuses and why (examples and property tests)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamplan.document.quick_add import (
    SHORT_TYPE,
    TYPE_WORDS,
    QuickActivity,
    describe,
    find_one,
    fold,
    parse,
)
from kamplan.enums import ActivityType

TODAY = date(2026, 3, 4)  # a Wednesday
PEOPLE = [
    (1, "Pieter Dekkers"),
    (2, "Pia Olsen"),
    (3, "Sun Li"),
    (4, "Elif Aydın"),
    (5, "Joost Hermsen"),
    (6, "Jan Smit"),
    (7, "Janneke Vos"),
]
TEAM = [(10, "Sanne Willemsen"), (11, "Tomasz Król")]
OPPORTUNITIES = [1, 2, 3, 4]


def read(line: str) -> QuickActivity:
    return parse(line, PEOPLE, OPPORTUNITIES, TODAY, TEAM)


def refusal(line: str) -> str:
    with pytest.raises(ValueError) as problem:
        read(line)
    return str(problem.value)


def test_the_example_from_the_issue() -> None:
    assert read('call Pieter Dekkers fri "check the budget"') == QuickActivity(
        ActivityType.CALL, date(2026, 3, 6), (1,), None, "check the budget", None
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mtg joost, pia 15 dec #2", (ActivityType.MEETING, date(2026, 12, 15), (5, 2), 2)),
        ("meeting Joost + Pia and Elif tomorrow", (ActivityType.MEETING, date(2026, 3, 5), (5, 2, 4), None)),
        ("brief pie 2026-04-01", (ActivityType.EXECUTIVE_BRIEFING, date(2026, 4, 1), (1,), None)),
        ("intro elif aydin +2w", (ActivityType.INTRODUCTION, date(2026, 3, 18), (4,), None)),  # no accent
        ("internal today #4", (ActivityType.INTERNAL_ALIGNMENT, TODAY, (), 4)),
        ("call Sun Li fri", (ActivityType.CALL, date(2026, 3, 6), (3,), None)),  # "Sun" is a name here
        ("call jan mon", (ActivityType.CALL, date(2026, 3, 9), (6,), None)),  # the whole word beats "Janneke"
        ("call pi de fri", (ActivityType.CALL, date(2026, 3, 6), (1,), None)),  # first letters of each word
        ("proposal fri pieter", (ActivityType.PROPOSAL, date(2026, 3, 6), (1,), None)),  # any order
        ("referral_request Joost mar 20", (ActivityType.REFERRAL_REQUEST, date(2026, 3, 20), (5,), None)),
    ],
)
def test_what_it_accepts(line: str, expected: tuple[object, ...]) -> None:
    found = read(line)
    assert (found.type, found.day, found.people, found.opportunity) == expected


def test_the_owner_and_the_objective() -> None:
    found = read('event @san elif fri "x"')
    assert found.owner == 10 and found.people == (4,)
    assert read("call pieter fri “curly quotes”").objective == "curly quotes"
    assert read('call pieter fri "  spaces   inside  "').objective == "spaces inside"
    assert read('call pieter fri "still typing').objective == "still typing"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "type what, who and when"),
        ("cal pieter fri", "start with what it is: call, mtg"),
        ('"call" pieter fri', "start with what it is"),
        ("call zed fri", "nobody at this account is called 'zed'"),
        ("call p fri", "'p' could be Pieter Dekkers, Pia Olsen: type more of the name"),
        ("call pieter", "when? add a date"),
        ("call pieter 31 feb", "when? add a date"),
        ("call pieter fri #9", "there is no opportunity #9 (the plan lists #1–#4)"),
        ("call pieter fri #two", "write the opportunity as its number"),
        ("call pieter fri #1 #2", "one opportunity per activity"),
        ("call pieter fri @zz", "nobody on our side is called 'zz'"),
        ('call pieter fri "a" "b"', "one objective in quotes"),
        ('call pieter fri "bad\x1bobjective"', "escape character"),
    ],
)
def test_what_it_refuses_and_says_why(line: str, message: str) -> None:
    assert message in refusal(line)


def test_no_opportunities_and_no_team_are_said_so() -> None:
    with pytest.raises(ValueError, match="no opportunities yet"):
        parse("call pieter fri #1", PEOPLE, [], TODAY)
    with pytest.raises(ValueError, match="nobody on our side yet"):
        parse("call pieter fri @san", PEOPLE, [], TODAY)


def test_describe_says_what_will_be_saved() -> None:
    found = read('call pieter fri #1 @san "check the budget"')
    said = describe(found, dict(PEOPLE), {1: "Renew ready-meals barrier film supply"}, TODAY, dict(TEAM))
    assert said == (
        "call with Pieter Dekkers · Fri 6 Mar 2026 (in 2 days) · for #1 Renew ready-meals barrier f… · "
        "owner Sanne Willemsen · “check the budget”"
    )
    past = describe(read("internal yesterday"), dict(PEOPLE), {}, TODAY)
    assert "nobody at the customer" in past and "in the past, it shows as overdue" in past


def test_every_type_has_a_short_word_that_starts_a_line() -> None:
    assert set(SHORT_TYPE) == set(ActivityType)
    assert all(TYPE_WORDS[word] == kind for kind, word in SHORT_TYPE.items())


# Property tests
FIRST = ["Pieter", "Joost", "Nadia", "Elif", "Bram", "Chiara", "Lars", "Anna", "Ruben", "Koen"]
LAST = ["Dekkers", "Hermsen", "Idrissi", "Aydın", "Wit", "Lombardi", "Overbeek", "Berg", "Claes", "Postma"]
objective_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters='"“”„'),
    max_size=30,
).filter(lambda t: not any("\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069" for c in t))


@st.composite
def lines(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]], QuickActivity]:
    full_names = st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST))
    names = draw(st.lists(full_names, min_size=1, max_size=8, unique=True))
    people = [(n + 1, f"{first} {last}") for n, (first, last) in enumerate(names)]
    chosen = draw(st.lists(st.sampled_from(people), max_size=3, unique=True))
    word = draw(st.sampled_from(sorted(TYPE_WORDS)))
    day = TODAY + timedelta(days=draw(st.integers(-30, 400)))
    offset = [f"+{(day - TODAY).days}d"] if day >= TODAY else []
    when = draw(st.sampled_from([day.isoformat(), *offset]))
    opportunity = draw(st.none() | st.sampled_from(OPPORTUNITIES))
    objective = " ".join(draw(objective_text).split())
    segments = [when]
    if chosen:
        segments.append(", ".join(name for _, name in chosen))
    if opportunity is not None:
        segments.append(f"#{opportunity}")
    if objective:
        segments.append(f'"{objective}"')
    order = draw(st.permutations(segments))
    expected = QuickActivity(
        TYPE_WORDS[word], day, tuple(i for i, _ in chosen), opportunity, objective, None
    )
    return " ".join([word, *order]), people, expected


@given(lines())
def test_a_line_written_from_its_parts_reads_back_as_them(case: tuple[str, list, QuickActivity]) -> None:
    line, people, expected = case
    assert parse(line, people, OPPORTUNITIES, TODAY) == expected


@given(st.text(max_size=60))
def test_any_line_is_understood_or_refused_with_a_message(line: str) -> None:
    try:
        found = parse(line, PEOPLE, OPPORTUNITIES, TODAY, TEAM)
    except ValueError as problem:
        assert str(problem)
    else:
        assert set(found.people) <= {i for i, _ in PEOPLE}
        assert found.opportunity in (None, *OPPORTUNITIES)
        assert "\n" not in found.objective


@given(st.sampled_from(PEOPLE), st.integers(1, 8))
def test_first_letters_find_the_person_or_name_every_candidate(person: tuple[int, str], length: int) -> None:
    first = person[1].split()[0][:length]
    try:
        found = find_one([first], PEOPLE)
    except ValueError as problem:
        # Refused only when the letters start a word of two people or more, and then both are named.
        matching = [name for _, name in PEOPLE if any(w.startswith(fold(first)) for w in fold(name).split())]
        assert len(matching) > 1
        assert all(name in str(problem) for name in matching[:4])
    else:
        name = dict(PEOPLE)[found]
        assert any(word.startswith(fold(first)) for word in fold(name).split())

