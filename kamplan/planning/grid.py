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


def is_rated(influence: int | None, support: int | None) -> bool:
    """A person counts in the sums only once both ratings are set."""
    return influence is not None and support is not None


def grid_category(influence: int | None, support: int | None) -> GridCategory:
    if influence is None or support is None:
        return GridCategory.UNRATED
    if support == 0:
        return GridCategory.UNKNOWN
    high = influence >= HIGH_GRID_INFLUENCE
    if support > 0:
        return GridCategory.DRIVER if high else GridCategory.ADVOCATE
    return GridCategory.THREAT if high else GridCategory.CRITIC
