"""Account attractiveness, our strength with them, and the portfolio quadrant."""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

MIDPOINT = 5  # scores run 0..10; at or above the midpoint counts as high

DEFAULT_ATTRACTIVENESS_CRITERIA: tuple[str, ...] = (
    "Stable business in a stable market",
    "Room to cross-sell and up-sell",
    "Opens doors to adjacent markets",
    "Regular, predictable orders",
    "Strategy and values in line with ours",
    "Financial health and payment terms",
    "Easy to do business with",
    "Brand value of working with them",
)

DEFAULT_STRENGTH_CRITERIA: tuple[str, ...] = (
    "Our offering beats the competition on quality",
    "Our prices are competitive",
    "Our service is quick and reliable",
    "We have relationships across their business",
    "Our track record with them",
    "We bring innovation they value",
)


@dataclass(frozen=True)
class Criterion:
    name: str
    weight: float
    score: float | None  # None: not scored yet, left out of the sums


class Quadrant(StrEnum):
    KEY = "key"
    KEY_DEVELOPMENT = "key development"
    MAINTENANCE = "maintenance"
    OPPORTUNISTIC = "opportunistic"


def _exact_sums(criteria: Iterable[Criterion]) -> tuple[int | Fraction, int | Fraction] | None:
    """Σ(w·s) and Σw over the scored criteria, exactly; None when there is nothing to weigh."""
    scored = []
    for criterion in criteria:
        if criterion.weight < 0:
            raise ValueError(f"criterion {criterion.name!r} has a negative weight")
        if criterion.score is not None and math.isfinite(criterion.weight) and math.isfinite(criterion.score):
            # (Weights and scores are finite numbers; only a damaged file holds others: left out.)
            scored.append((criterion.weight, criterion.score))
    if all(float(w).is_integer() and float(s).is_integer() for w, s in scored):
        # Whole weights and scores, the usual case: integers are exact and much cheaper than fractions.
        weighted_int = sum(int(w) * int(s) for w, s in scored)
        total_int = sum(int(w) for w, _ in scored)
        return (weighted_int, total_int) if total_int else None
    weighted = total_weight = Fraction(0)
    for w, s in scored:
        weight = Fraction(w)
        weighted += weight * Fraction(s)
        total_weight += weight
    return (weighted, total_weight) if total_weight else None


def weighted_score(criteria: Iterable[Criterion]) -> float | None:
    """Σ(weight·score)/Σweight over the scored criteria; None when none is scored or all weigh zero."""
    sums = _exact_sums(criteria)
    # Exact arithmetic keeps the result between the lowest and highest score. (Dividing two integers is
    # exact too: Python rounds the quotient correctly, as it does a fraction's.)
    return None if sums is None else float(sums[0] / sums[1])


def _is_high(criteria: Iterable[Criterion]) -> bool | None:
    sums = _exact_sums(criteria)
    return None if sums is None else sums[0] >= MIDPOINT * sums[1]


def quadrant(attractiveness: Iterable[Criterion], strength: Iterable[Criterion]) -> Quadrant | None:
    attractive, strong = _is_high(attractiveness), _is_high(strength)
    if attractive is None or strong is None:
        return None
    if attractive:
        return Quadrant.KEY if strong else Quadrant.KEY_DEVELOPMENT
    return Quadrant.MAINTENANCE if strong else Quadrant.OPPORTUNISTIC
