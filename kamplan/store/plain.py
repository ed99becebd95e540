"""The standard library's side of the store: a DB-API connection, and what its errors mean to a user.

The reads that must not wait for SQLAlchemy's import (the first screen, `kamplan export`) run here, on
plain standard SQL; SQLModel's tables stay the one definition of the schema.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kamplan.errors import DatabaseError

BUSY_TIMEOUT_SECONDS = 5


@contextmanager
def connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to a database already at the current schema; its errors become DatabaseError."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            yield conn
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise database_error(error, writing=False) from error


def is_database_error(error: BaseException) -> bool:
    """An error of SQLite's, raised directly or wrapped by SQLAlchemy (which keeps it as `orig`)."""
    return isinstance(error, sqlite3.Error) or isinstance(getattr(error, "orig", None), sqlite3.Error)


def database_error(error: BaseException, *, writing: bool) -> DatabaseError:
    prefix = "nothing was saved" if writing else "could not read the plan"
    return DatabaseError(f"{prefix}: {describe_sqlite_error(error)}")


def describe_sqlite_error(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    text = str(original).strip()
    if "file is not a database" in text or "malformed" in text:
        return "the file is damaged or is not a kamplan database"
    if "locked" in text or "busy" in text:
        return "the plan is busy in another kamplan window; try again in a moment"
    if "readonly" in text or "read-only" in text:
        return "the file or its folder is read-only"
    if "disk is full" in text or "disk I/O" in text:
        return "the disk is full or failing"
    if "ix_account_name_lower" in text:
        return "another kamplan added an account of that name meanwhile; try again"
    if "UNIQUE constraint failed" in text:
        return "another kamplan saved the same entry meanwhile; try again"
    if "unable to open database file" in text:
        return "cannot open the file (is its folder missing, or not writable?)"
    return text.splitlines()[0] if text else type(original).__name__
