"""What people type into a form, read into values: amounts like `38m` and dates like `fri` or `+2w`.

Standard library only, so a form can use it without loading pydantic. Each reader returns the value or
raises ValueError with a message meant for the field it came from.
"""

import re
from datetime import date, timedelta

MAX_MONEY = 10**15  # DESIGN.md: money 0 ≤ x ≤ 10^15 in the account's currency
_SCALE = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9, "bn": 10**9}
_AMOUNT = re.compile(r"^(\d+(?:\.\d*)?|\.\d+)(k|m|bn|b)?$", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})\s*([a-z]+)\.?(?:\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s*(\d{1,2})(?:,?\s+(\d{4}))?$")
_OFFSET = re.compile(r"^\+\s*(\d{1,4})\s*([dw])$")
DATE_FORMS = "2026-12-15, 15 dec, today, tomorrow, mon…sun, +3d or +2w"


def amount_number(text: str) -> float | None:
    """'12,500,000', '12.5m', '800k', '1.2b' -> the number; '' -> None. Raises ValueError otherwise."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    if not cleaned:
        return None
    match = _AMOUNT.match(cleaned)
    if not match:
        raise ValueError(f"{text.strip()!r} is not an amount: write it like 38m, 450k, 1.2b or 1,250,000")
    number = float(match.group(1)) * _SCALE[(match.group(2) or "").lower()]
    return float(round(number, 2))


def money(text: str) -> float | None:
    """An amount of money, 0 to 10^15."""
    number = amount_number(text)
    if number is not None and number > MAX_MONEY:
        raise ValueError("is more than a plan can mean: at most 1,000,000,000,000,000")
    return number


def whole_number(text: str, low: int, high: int) -> int | None:
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        return None
    if not re.fullmatch(r"-?\d{1,6}", cleaned):
        raise ValueError(f"{text.strip()!r} is not a whole number")
    value = int(cleaned)
    if not low <= value <= high:
        raise ValueError(f"must be {low}–{high}, got {value}")
    return value


def decimal(text: str, low: float, high: float | None) -> float | None:
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    if not re.fullmatch(r"-?(\d{1,9}(\.\d*)?|\.\d+)", cleaned):
        raise ValueError(f"{text.strip()!r} is not a number")
    value = float(cleaned)
    if value < low or (high is not None and value > high):
        span = f"{low:g}–{high:g}" if high is not None else f"{low:g} or more"
        raise ValueError(f"must be {span}, got {value:g}")
    return value


def _month(word: str) -> int:
    for number, name in enumerate(_MONTHS, 1):
        if word.startswith(name) and len(word) >= 3:
            return number
    raise ValueError(f"{word!r} is not a month")


def _real(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None


def day(text: str, today: date) -> date | None:
    """A date as people write it; '' -> None. Day-and-month without a year is the next such day
    (today included); a weekday is the next one after today."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return today + timedelta(days=1)
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if (iso := _ISO.match(cleaned)) is not None:
        return _real(int(iso[1]), int(iso[2]), int(iso[3]), text.strip())
    weekday = next((n for n, word in enumerate(_WEEKDAY_WORDS) if word.startswith(cleaned)), None)
    if weekday is not None and len(cleaned) >= 2:
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    if (offset := _OFFSET.match(cleaned)) is not None:
        count = int(offset[1])
        return today + timedelta(days=count if offset[2] == "d" else 7 * count)
    found = _DAY_MONTH.match(cleaned) or _MONTH_DAY.match(cleaned)
    if found is not None:
        if found.re is _DAY_MONTH:
            day_of_month, month_word, year = int(found[1]), found[2], found[3]
        else:
            month_word, day_of_month, year = found[1], int(found[2]), found[3]
        try:
            month = _month(month_word)
        except ValueError:
            raise ValueError(_not_a_date(text)) from None
        if year:
            return _real(int(year), month, day_of_month, text.strip())
        for later in range(today.year, today.year + 9):  # 29 feb comes back within eight years
            if _exists(later, month, day_of_month) and date(later, month, day_of_month) >= today:
                return date(later, month, day_of_month)
        raise ValueError(f"{text.strip()!r} is not a real date")
    raise ValueError(_not_a_date(text))


def _exists(year: int, month: int, day_of_month: int) -> bool:
    try:
        date(year, month, day_of_month)
    except ValueError:
        return False
    return True


def _not_a_date(text: str) -> str:
    return f"{text.strip()!r} is not a date: write {DATE_FORMS}"


def shown_day(value: date, today: date) -> str:
    """How a form confirms the date it understood: 'Fri 4 Dec 2026 (in 4 days)'."""
    delta = (value - today).days
    when = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(delta)
    if when is None:
        when = f"in {delta} days" if delta > 0 else f"{-delta} days ago"
    return f"{value:%a} {value.day} {value:%b %Y} ({when})"
