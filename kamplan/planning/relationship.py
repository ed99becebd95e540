"""The relationship index: how the relationship scores on hard evidence."""

from collections.abc import Iterable
from fractions import Fraction

from kamplan.planning._rounding import round_half_up

MAX_INDICATOR_SCORE = 5

DEFAULT_INDICATORS: tuple[str, ...] = (
    "They pay on time",
    "Their senior people come to our events",
    "They share their business plans with us",
    "A senior executive gives us a testimonial or reference",
    "We have peer contacts at every level",
)


def relationship_index(scores: Iterable[int | None]) -> int | None:
    """0..100 over the scored indicators (0..5 each); None when nothing is scored."""
    scored = [Fraction(score) for score in scores if score is not None]
    if not scored:
        return None
    return round_half_up(100 * sum(scored, Fraction(0)) / (MAX_INDICATOR_SCORE * len(scored)))
