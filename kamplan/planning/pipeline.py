"""The factored pipeline: what the open opportunities are worth, weighted by their probability."""

import math
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from kamplan.enums import OpportunityStatus

UNDATED = "undated"


@dataclass(frozen=True)
class PipelineItem:
    value: float | None
    probability: int | None
    status: OpportunityStatus | str
    target_date: date | None


def is_open(status: OpportunityStatus | str | None) -> bool:
    """Open: still to be won or lost. Only open opportunities count in the pipeline, the vote and the
    qualification the screens show. (Its SQL spelling is kamplan.store.rules.open_opportunity.)"""
    return status == OpportunityStatus.OPEN


# Money is at most 10^15 (DESIGN.md), so no real total comes near this; a value an older kamplan let in
# (say 1e308) must still total to a number rather than stop the portfolio from opening.
LARGEST = sys.float_info.max


def _scaled(item: PipelineItem) -> int | Fraction:
    """value × probability, that is 100 × the factored value, exactly. Exact: totals do not depend on the
    order of the items. Whole values (the usual case) stay integers, much cheaper than fractions."""
    value, probability = item.value or 0, item.probability or 0
    if not math.isfinite(value):  # only a damaged file holds these: the largest amount, or none
        value = LARGEST if value > 0 else 0
    if float(value).is_integer():
        return int(value) * probability
    return Fraction(value) * probability


def _factored(scaled: int | Fraction) -> float:
    """The factored value as a float; a total beyond what a float holds is the largest one."""
    try:
        return float(Fraction(scaled) / 100)
    except OverflowError:
        return LARGEST


def factored_value(items: Iterable[PipelineItem]) -> float:
    """Σ value × probability / 100 over the open items, whatever their date; missing numbers count as 0."""
    return _factored(sum(_scaled(item) for item in items if is_open(item.status)))


def best_bet(items: Sequence[PipelineItem]) -> int | None:
    """Index of the open item with the largest factored value, the first of equals; None when none is open."""
    open_items = [n for n, item in enumerate(items) if is_open(item.status)]
    return max(open_items, key=lambda n: _scaled(items[n]), default=None)


def quarter_key(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def pipeline_by_quarter(items: Iterable[PipelineItem]) -> dict[str, float]:
    """Factored value of the open items per quarter of target date, oldest first, "undated" last."""
    totals: defaultdict[str, int | Fraction] = defaultdict(int)
    for item in items:
        if is_open(item.status):
            key = UNDATED if item.target_date is None else quarter_key(item.target_date)
            totals[key] += _scaled(item)
    keys = sorted(key for key in totals if key != UNDATED) + ([UNDATED] if UNDATED in totals else [])
    return {key: _factored(totals[key]) for key in keys}
