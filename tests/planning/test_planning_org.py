from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import would_cycle

# Annelies (1) at the top; Pieter (2) and Rafael (3) report to her; Joost (7) to Rafael; Nadia (12) to Joost.
LINES: dict[int, int | None] = {1: None, 2: 1, 3: 1, 7: 3, 12: 7}


def test_reporting_to_ones_own_report_is_a_loop():
    assert would_cycle(LINES, 1, 12)  # through Rafael and Joost
    assert would_cycle(LINES, 3, 7)  # directly
    assert would_cycle(LINES, 7, 7)  # oneself


def test_other_changes_are_not():
    assert not would_cycle(LINES, 12, 1)  # up the line
    assert not would_cycle(LINES, 7, 2)  # across
    assert not would_cycle(LINES, 3, None)  # to nobody
    assert not would_cycle(LINES, 2, 3)  # to a peer


def test_a_missing_manager_ends_the_line_and_an_old_loop_ends_the_walk():
    assert not would_cycle({5: 99}, 1, 5)
    assert not would_cycle({5: 6, 6: 5}, 1, 5)  # a loop the data holds already, not through 1
    assert would_cycle({5: 6, 6: 5}, 6, 5)


def _on_a_loop(lines: dict[int, int | None], person: int) -> bool:
    """The plain definition: following managers from the person comes back to them."""
    current = lines.get(person)
    for _ in range(len(lines) + 1):
        if current is None:
            return False
        if current == person:
            return True
        current = lines.get(current)
    return False


@st.composite
def changes(draw: st.DrawFn) -> tuple[dict[int, int | None], int, int | None]:
    people = draw(st.integers(1, 10))
    ids = st.integers(1, people + 1)  # people + 1: a manager who is not among the people
    lines = {person: draw(st.none() | ids) for person in range(1, people + 1)}
    return lines, draw(st.integers(1, people)), draw(st.none() | ids)


@given(changes())
def test_would_cycle_says_whether_the_change_puts_the_person_on_a_loop(change):
    lines, person, manager = change
    assert would_cycle(lines, person, manager) == _on_a_loop({**lines, person: manager}, person)
