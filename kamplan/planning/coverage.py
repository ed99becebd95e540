"""Power coverage: are we reaching the people who decide, or only the ones who are easy to see?"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from kamplan.planning.grid import rated_values

COVERAGE_WINDOW_DAYS = 30
LOW_INFLUENCE = 2  # up to this influence a contact is comfortable rather than powerful


@dataclass(frozen=True)
class Reached:
    stakeholder_id: int
    influence: int | None
    support: int | None


def coverage_window(as_of: date) -> tuple[date, date]:
    """First and last day of the window, both inclusive."""
    return as_of - timedelta(days=COVERAGE_WINDOW_DAYS), as_of


def power_coverage(stakeholders: Iterable[Reached], reached_ids: Collection[int]) -> float | None:
    """% of the rated stakeholders' influence reached in the window; None when nobody is rated."""
    total = reached = 0
    any_rated = False
    for person in stakeholders:
        rated = rated_values(person.influence, person.support)
        if rated is None:
            continue  # unrated people are left out of both sums
        any_rated = True
        total += rated[0]
        if person.stakeholder_id in reached_ids:
            reached += rated[0]
    if not any_rated:
        return None
    return 100 * reached / total if total > 0 else 0.0


def comfort_zone(activity_max_influences: Iterable[int | None]) -> bool:
    """True when most done activities in the window reached only low-influence people.

    Each item is the highest influence among the rated people one activity reached; None (nobody rated
    reached) is not counted.
    """
    counted = [influence for influence in activity_max_influences if influence is not None]
    low = sum(1 for influence in counted if influence <= LOW_INFLUENCE)
    return 2 * low > len(counted)
