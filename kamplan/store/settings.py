"""Reading and changing the user's settings (capacity limits) kept in the database."""

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from kamplan.errors import KamplanError

if TYPE_CHECKING:
    from sqlmodel import Session

# The settings a user can change, with the range that makes sense for each.
LIMITS: dict[str, tuple[str, int, int]] = {
    "relationship_capacity": ("In-depth relationships you can hold", 5, 500),
    "key_account_limit": ("Key accounts one person can carry", 1, 50),
}


def stored_limits(conn: sqlite3.Connection) -> dict[str, Any]:
    """The limits the user has set (read at start-up, with the standard library alone)."""
    found = {}
    for key, value in conn.execute("SELECT key, value FROM setting"):
        parsed = json.loads(value)
        if key in LIMITS and isinstance(parsed, int):
            found[key] = parsed
    return found


def parse_limit(key: str, text: str) -> int:
    _, low, high = LIMITS[key]
    try:
        value = int(text.strip())
    except ValueError:
        raise KamplanError(f"must be a whole number from {low} to {high}, got {text.strip()!r}") from None
    if not low <= value <= high:
        raise KamplanError(f"must be from {low} to {high}, got {value}")
    return value


def save_setting(session: "Session", key: str, value: Any) -> None:
    from kamplan.models import Setting

    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
