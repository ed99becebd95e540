"""Full garbage collections wait for a pause in the typing, unless they are long overdue."""

import gc
from collections.abc import Iterator

import pytest

from kamplan.idle_gc import BRIEF_QUIET_SECONDS, DUE_AFTER, OVERDUE_AFTER, QUIET_SECONDS, IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def collector(clock: Clock, passes: int, collected: list[int]) -> IdleCollector:
    return IdleCollector(
        clock=clock, collect=lambda: collected.append(passes), passes_since_full=lambda: passes
    )


def test_a_due_pass_waits_for_the_user_to_pause(clock: Clock) -> None:
    collected: list[int] = []
    idle = collector(clock, DUE_AFTER, collected)
    idle.input()
    clock.now += QUIET_SECONDS / 2
    assert not idle.tick() and collected == []
    idle.input()  # still typing
    clock.now += QUIET_SECONDS / 2
    assert not idle.tick()
    clock.now += QUIET_SECONDS
    assert idle.tick() and collected == [DUE_AFTER]


def test_no_pass_before_it_is_due_however_quiet(clock: Clock) -> None:
    collected: list[int] = []
    idle = collector(clock, DUE_AFTER - 1, collected)
    clock.now += 60
    assert not idle.tick() and collected == []


def test_an_overdue_pass_runs_even_while_the_user_types(clock: Clock) -> None:
    collected: list[int] = []
    idle = collector(clock, OVERDUE_AFTER, collected)
    idle.input()
    assert idle.tick() and collected == [OVERDUE_AFTER]


@pytest.fixture
def restore_gc() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    gc.unfreeze()


@pytest.mark.usefixtures("restore_gc")
def test_start_takes_full_passes_away_from_python_and_keeps_the_young_ones() -> None:
    young, middle, _ = gc.get_threshold()
    IdleCollector().start()
    new_young, new_middle, full = gc.get_threshold()
    assert (new_young, new_middle) == (young, middle)
    assert full > OVERDUE_AFTER * 1000
    assert gc.get_freeze_count() > 0


def test_a_screen_thrown_away_is_collected_at_the_next_short_pause_even_before_it_is_due(
    clock: Clock,
) -> None:
    collected: list[int] = []
    idle = collector(clock, 1, collected)
    idle.input()
    idle.garbage_made()
    assert not idle.tick()  # the user is typing
    clock.now += BRIEF_QUIET_SECONDS
    assert idle.tick() and collected == [1]
    clock.now += 60
    assert not idle.tick()  # once
