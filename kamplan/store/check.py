"""`kamplan check`: is the file a healthy kamplan database, and at which schema version? Read-only."""

import sqlite3
from pathlib import Path

from kamplan.errors import DatabaseError
from kamplan.store.version import SCHEMA_HEAD, SQLITE_MAGIC


def check_database(path: Path) -> str:
    if not path.exists():
        raise DatabaseError(f"there is no database at {path}")
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseError(f"cannot read {path}: {error.strerror or error}") from None
    if header != SQLITE_MAGIC:
        raise DatabaseError(f"{path} is not a kamplan database (it is not an SQLite file)")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise DatabaseError(f"{path} is damaged: {problems[0]}; restore it from a backup")
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in tables:
                raise DatabaseError(f"{path} is an SQLite file, but not a kamplan database")
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            accounts = conn.execute("SELECT count(*) FROM account").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is damaged or not a kamplan database ({error})") from None
    version_text = version[0] if version else "none"
    state = (
        "current"
        if version_text == SCHEMA_HEAD
        else (
            "older; it is upgraded when kamplan opens it"
            if version_text < SCHEMA_HEAD
            else "from a newer kamplan"
        )
    )
    return f"ok: {path}: integrity ok, schema {version_text} ({state}), {accounts} accounts"
