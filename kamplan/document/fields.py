"""Field types shared by the plan document and the screens' forms: one rule, one message, one place."""

import math
import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, StrictInt

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _text(value: Any) -> Any:
    return "" if value is None else value


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
    raise ValueError(f"must be a date written YYYY-MM-DD, got {value!r}")


def _in_range(low: float, high: float | None) -> AfterValidator:
    def check(value: Any) -> Any:
        if value is None:
            return value
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"must be a finite number, got {value}")
        if value < low or (high is not None and value > high):
            span = f"{_show(low)}–{_show(high)}" if high is not None else f"{_show(low)} or more"
            raise ValueError(f"must be {span}, got {_show(value)}")
        return value

    return AfterValidator(check)


def _show(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _number_out(value: float | None) -> float | int | None:
    """Write whole numbers without a trailing .0, so documents read as people wrote them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _non_empty(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise ValueError("must not be empty")
    return stripped


def _currency(value: str) -> str:
    code = value.strip().upper()
    if code and not (len(code) == 3 and code.isalpha()):
        raise ValueError(f"must be a three-letter currency code such as EUR, got {value!r}")
    return code


Text = Annotated[str, BeforeValidator(_text)]
Currency = Annotated[str, BeforeValidator(_text), AfterValidator(_currency)]
Name = Annotated[str, AfterValidator(_non_empty)]
Ref = Annotated[str, AfterValidator(_non_empty)]
Day = Annotated[date | None, BeforeValidator(_parse_date)]
RequiredDay = Annotated[date, BeforeValidator(_parse_date)]
Money = Annotated[float | None, _in_range(0, None), PlainSerializer(_number_out)]
Influence = Annotated[StrictInt | None, _in_range(1, 5)]
Support = Annotated[StrictInt | None, _in_range(-2, 2)]
Probability = Annotated[StrictInt | None, _in_range(0, 100)]
Threat = Annotated[StrictInt | None, _in_range(1, 5)]
IndicatorScore = Annotated[StrictInt | None, _in_range(0, 5)]
CriterionScore = Annotated[float | None, _in_range(0, 10), PlainSerializer(_number_out)]
Weight = Annotated[float, _in_range(0, None), PlainSerializer(_number_out)]
PerWeek = Annotated[float, _in_range(0, None), PlainSerializer(_number_out)]
Rate = Annotated[float | None, _in_range(0, 1), PlainSerializer(_number_out)]
Horizon = Annotated[StrictInt, _in_range(1, 3)]
