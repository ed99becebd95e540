"""Rounding shared by the integer measures."""

import math
from fractions import Fraction


def round_half_up(value: Fraction) -> int:
    """Round to the nearest integer, halves upwards (Python's round() would round 2.5 to 2)."""
    return math.floor(value + Fraction(1, 2))
