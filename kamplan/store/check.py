"""`kamplan check`: is the file a healthy kamplan database, and at which schema version? Read-only."""

import sqlite3
from pathlib import Path

from kamplan.errors import DatabaseError
from kamplan.store.location import database_file
from kamplan.store.version import SCHEMA_HEAD


def check_database(path: Path) -> str:
    """One line saying the database is healthy and current (or older: upgraded when opened); DatabaseError
    for anything else, a plan saved by a newer kamplan included."""
    path = database_file(path, create=False)
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
    if version is not None and version_text > SCHEMA_HEAD:
        raise DatabaseError(
            f"{path} was saved by a newer kamplan (schema {version_text}; this one knows {SCHEMA_HEAD}):"
            " upgrade kamplan to use it"
        )
    state = "current" if version_text == SCHEMA_HEAD else "older; it is upgraded when kamplan opens it"
    return f"ok: {path}: integrity ok, schema {version_text} ({state}), {accounts} accounts"
