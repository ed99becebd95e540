"""Reading and changing the user's settings (capacity limits) kept in the database."""

from dataclasses import replace
from typing import Any

from sqlmodel import Session, select

from kamplan.config import Settings
from kamplan.errors import KamplanError
from kamplan.models import Setting

# The settings a user can change, with the range that makes sense for each.
LIMITS: dict[str, tuple[str, int, int]] = {
    "relationship_capacity": ("In-depth relationships you can hold", 5, 500),
    "key_account_limit": ("Key accounts one person can carry", 1, 50),
}


def apply_stored(session: Session, settings: Settings) -> Settings:
    stored = {s.key: s.value for s in session.exec(select(Setting))}
    known = {key: value for key, value in stored.items() if key in LIMITS and isinstance(value, int)}
    return replace(settings, **known)


def parse_limit(key: str, text: str) -> int:
    _, low, high = LIMITS[key]
    try:
        value = int(text.strip())
    except ValueError:
        raise KamplanError(f"must be a whole number from {low} to {high}, got {text.strip()!r}") from None
    if not low <= value <= high:
        raise KamplanError(f"must be from {low} to {high}, got {value}")
    return value


def save_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
