"""The schema version, and a check of it that needs only the standard library.

Start-up uses `is_current` to skip SQLAlchemy and Alembic entirely when the database needs nothing done,
so the first screen paints before those libraries have loaded.
"""

import sqlite3
from pathlib import Path

# The newest migration; a test checks it against the migration scripts.
SCHEMA_HEAD = "0003"
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_current(path: Path) -> bool:
    """True when `path` is a kamplan database at SCHEMA_HEAD (any doubt gives False: take the slow path)."""
    try:
        if not path.is_file():  # nothing there, or a FIFO that would block the read below
            return False
        with path.open("rb") as file:
            if file.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False
    return row is not None and row[0] == SCHEMA_HEAD
