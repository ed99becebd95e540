"""Activity targets against what was done: the weekly counts of done activities by type, and whether one
type of activity is turning into the next as often as planned (six calls a week becoming two meetings)."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

WEEKS_SHOWN = 9  # this week and the eight before it


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def funnel_window(today: date, weeks: int = WEEKS_SHOWN) -> tuple[date, date]:
    """The first and last day of the `weeks` weeks up to and including this one (Monday to Sunday)."""
    end = week_start(today) + timedelta(days=6)
    return week_start(today) - timedelta(weeks=weeks - 1), end


@dataclass(frozen=True)
class Target:
    type: str
    per_week: float
    converts_to: str | None
    conversion_rate: float | None  # 0–1


@dataclass(frozen=True)
class FunnelStep:
    """One activity type: its target, what was done week by week, and its conversion to the next type."""

    type: str
    per_week: float | None  # None: no target set
    weekly: tuple[int, ...]  # done per week, oldest first, this week last
    converts_to: str | None
    expected_rate: float | None
    achieved_rate: float | None  # done of the next type / done of this one, over the weeks shown

    @property
    def average(self) -> float:
        """Done per week over the full weeks before this one (this week is still under way)."""
        full = self.weekly[:-1] or self.weekly
        return sum(full) / len(full)

    @property
    def behind(self) -> bool:
        return self.per_week is not None and self.average < self.per_week

    @property
    def converting_short(self) -> bool:
        """Turning into the next type less often than planned."""
        return (
            self.expected_rate is not None
            and self.achieved_rate is not None
            and self.achieved_rate < self.expected_rate
        )


def weekly_counts(
    done: Iterable[tuple[date, str, int]], today: date, weeks: int = WEEKS_SHOWN
) -> dict[str, list[int]]:
    """Done activities (day, type, how many) counted per type and week, oldest week first; days outside
    the window are left out."""
    first, last = funnel_window(today, weeks)
    counts: dict[str, list[int]] = {}
    for day, kind, number in done:
        if first <= day <= last:
            week = (week_start(day) - first).days // 7
            counts.setdefault(kind, [0] * weeks)[week] += number
    return counts


def achieved_rate(from_counts: Sequence[int], to_counts: Sequence[int]) -> float | None:
    """How many of the next type were done for each one of this type; None when none of this type was."""
    done = sum(from_counts)
    return None if done == 0 else sum(to_counts) / done


def funnel_steps(
    types: Sequence[str],
    targets: Iterable[Target],
    counts: Mapping[str, Sequence[int]],
    weeks: int = WEEKS_SHOWN,
) -> list[FunnelStep]:
    """A step for every type, in the order given, whether it has a target or not."""
    by_type = {t.type: t for t in targets}
    empty = [0] * weeks
    steps = []
    for kind in types:
        target = by_type.get(kind)
        weekly = tuple(counts.get(kind, empty))
        converts_to = target.converts_to if target else None
        steps.append(
            FunnelStep(
                type=kind,
                per_week=target.per_week if target else None,
                weekly=weekly,
                converts_to=converts_to,
                expected_rate=target.conversion_rate if target and converts_to else None,
                achieved_rate=achieved_rate(weekly, counts.get(converts_to, empty)) if converts_to else None,
            )
        )
    return steps
