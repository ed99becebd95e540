"""Field types shared by the plan document and the screens' forms: one rule, one message, one place.

Text follows `kamplan.document.text` (no control characters; newline and tab only where a field holds
several lines) and numbers stay within what a plan can mean (DESIGN.md, "What a plan may hold").

What the database already holds is read back through the same models inside `reading_stored()`: it was
checked on the way in, or an older kamplan wrote it, and an older plan must still open and export (its
text is escaped wherever it is shown). Only input from a user or a file is held to the rules. (A context
variable rather than pydantic's validation context: validators that take no `info` cost a fraction as
much, and the export of the largest plan runs them tens of thousands of times.)
"""

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, StrictFloat, StrictInt

from kamplan.document.text import normalise_newlines, text_problem

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STORED: ContextVar[bool] = ContextVar("kamplan_reading_stored", default=False)

MAX_MONEY = 10**15  # in the account's currency: far above any company's revenue
MAX_WEIGHT = 100  # a criterion's weight, relative to the others
MAX_PER_WEEK = 1000  # planned activities of one type a week
MAX_METRIC = 10**18  # any number recorded with a weekly review


@contextmanager
def reading_stored() -> Iterator[None]:
    """Validate what the database holds: types and shapes, not the rules for input (module docstring)."""
    token = _STORED.set(True)
    try:
        yield
    finally:
        _STORED.reset(token)


def is_stored() -> bool:
    return _STORED.get()


def _several_lines(value: Any) -> Any:
    """None is empty text; Windows line ends become one kind of line break; then the text rule."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value  # refused as not text by the type itself
    if "\r" in value:
        value = normalise_newlines(value)
    if not _STORED.get():
        problem = text_problem(value, multiline=True)
        if problem:
            raise ValueError(problem)
    return value


def _one_line(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and not _STORED.get():
        problem = text_problem(value, multiline=False)
        if problem:
            raise ValueError(problem)
    return value


def _name(value: str) -> str:
    """A name or a ref: one line, not empty, without the spaces around it."""
    stripped = value.strip()
    if not stripped:
        raise ValueError("must not be empty")
    if not _STORED.get():
        problem = text_problem(stripped, multiline=False)
        if problem:
            raise ValueError(problem)
    return stripped


def _parse_date(value: Any) -> Any:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if DATE_PATTERN.match(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                raise ValueError(f"{text!r} is not a real date") from None
    raise ValueError(f"must be a date written YYYY-MM-DD, got {shown(value)}")


def _in_range(low: float, high: float) -> AfterValidator:
    def check(value: Any) -> Any:
        if value is None or _STORED.get():
            return value
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"must be a finite number, got {value}")
        if not low <= value <= high:
            raise ValueError(f"must be {_show(low)}–{_show(high)}, got {shown(value)}")
        return value

    return AfterValidator(check)


def _show(number: float) -> str:
    """A bound as people read it: 5, 0.5, 1,000,000,000,000,000."""
    if float(number).is_integer():
        return f"{int(number):,}" if abs(number) >= 10_000 else str(int(number))
    return str(number)


def shown(value: Any, width: int = 40) -> str:
    """A value the user gave, quoted in a message: short, on one line, never its whole self."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        if abs(value) < 10**20:
            return str(value)
        digits = int(value.bit_length() * math.log10(2)) + 1
        return f"a number of about {digits:,} digits"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) >= 1e16 else _show(value) if value.is_integer() else repr(value)
    if isinstance(value, str):
        text = repr(value if len(value) <= width else value[: width - 1] + "…")
        return text
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _number_out(value: float | None) -> float | int | None:
    """Write whole numbers without a trailing .0, so documents read as people wrote them. (Beyond 2^53,
    where only an older database's values go, a float stays a float: 1e+308, not 309 digits.)"""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _currency(value: str) -> str:
    code = value.strip().upper()
    if code and not (len(code) == 3 and code.isalpha()):
        raise ValueError(f"must be a three-letter currency code such as EUR, got {shown(value)}")
    return code


# Text: `Text` may hold several lines (profile, needs, notes); `Line` is one line (titles, stages);
# `Name` is one line that must not be empty (names, SWOT items, criteria); `Ref` is a document's own key.
Text = Annotated[str, BeforeValidator(_several_lines)]
Line = Annotated[str, BeforeValidator(_one_line)]
Currency = Annotated[str, BeforeValidator(_one_line), AfterValidator(_currency)]
Name = Annotated[str, AfterValidator(_name)]
Ref = Annotated[str, AfterValidator(_name)]
Day = Annotated[date | None, BeforeValidator(_parse_date)]
RequiredDay = Annotated[date, BeforeValidator(_parse_date)]
# Numbers: a number in JSON, never a string or true/false; whole numbers where the scale is whole.
Money = Annotated[StrictFloat | None, _in_range(0, MAX_MONEY), PlainSerializer(_number_out)]
Influence = Annotated[StrictInt | None, _in_range(1, 5)]
Support = Annotated[StrictInt | None, _in_range(-2, 2)]
Probability = Annotated[StrictInt | None, _in_range(0, 100)]
Threat = Annotated[StrictInt | None, _in_range(1, 5)]
IndicatorScore = Annotated[StrictInt | None, _in_range(0, 5)]
CriterionScore = Annotated[StrictFloat | None, _in_range(0, 10), PlainSerializer(_number_out)]
Weight = Annotated[StrictFloat, _in_range(0, MAX_WEIGHT), PlainSerializer(_number_out)]
PerWeek = Annotated[StrictFloat, _in_range(0, MAX_PER_WEEK), PlainSerializer(_number_out)]
Rate = Annotated[StrictFloat | None, _in_range(0, 1), PlainSerializer(_number_out)]
Horizon = Annotated[StrictInt, _in_range(1, 3)]
