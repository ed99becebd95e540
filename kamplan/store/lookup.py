"""Finding an account by what the user typed: its name in any case, or its id."""

import sqlite3
from collections.abc import Iterable

from kamplan.errors import NotFoundError


def same_name(accounts: Iterable[tuple[int, str]], name: str, *, except_id: int | None = None) -> int | None:
    """The id of the account in `accounts` (id, name) already called `name`, in any case.

    Compared in Python: SQLite's lower() folds only A–Z, so "Øresund" would not find "øresund" (nor even
    itself, against Python's lower()). Python's casefold is the stricter rule, so an account it lets through
    never trips the database's lower(name) unique index. A user has tens of accounts, not millions.
    """
    wanted = name.strip().casefold()
    for account_id, existing in accounts:
        if account_id != except_id and existing.casefold() == wanted:
            return account_id
    return None


def find_account_id(conn: sqlite3.Connection, name_or_id: str) -> int:
    """An account by name (case-insensitive) or id; archived ones too, not those in the trash."""
    text = name_or_id.strip()
    found = same_name(conn.execute("SELECT id, name FROM account ORDER BY id"), text)
    if found is None and text.isdigit():
        found = int(text)
    row = (
        None
        if found is None
        else conn.execute("SELECT deleted_at FROM account WHERE id = ?", (found,)).fetchone()
    )
    if found is None or row is None or row[0] is not None:
        raise NotFoundError(f"no account named {name_or_id!r}; `kamplan accounts` lists them")
    return found
