"""The decision-making grid: where a stakeholder stands by influence and support."""

from enum import StrEnum

# Influence is 1..5; from this level up a person can swing the decision.
HIGH_GRID_INFLUENCE = 4


class GridCategory(StrEnum):
    DRIVER = "driver"
    ADVOCATE = "advocate"
    THREAT = "threat"
    CRITIC = "critic"
    UNKNOWN = "unknown"
    UNRATED = "unrated"


def rated_values(influence: int | None, support: int | None) -> tuple[int, int] | None:
    """Both ratings, once both are set; None for a person not yet rated (left out of every sum)."""
    if influence is None or support is None:
        return None
    return influence, support


def is_rated(influence: int | None, support: int | None) -> bool:
    """A person counts in the sums only once both ratings are set."""
    return rated_values(influence, support) is not None


def grid_category(influence: int | None, support: int | None) -> GridCategory:
    rated = rated_values(influence, support)
    if rated is None:
        return GridCategory.UNRATED
    influence, support = rated
    if support == 0:
        return GridCategory.UNKNOWN
    high = influence >= HIGH_GRID_INFLUENCE
    if support > 0:
        return GridCategory.DRIVER if high else GridCategory.ADVOCATE
    return GridCategory.THREAT if high else GridCategory.CRITIC
