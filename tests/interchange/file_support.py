"""Helpers shared by the interchange tests."""

from pathlib import Path

from sqlalchemy.engine import Engine


def db_file(engine: Engine) -> Path:
    """The file an engine opened: export reads it through plain sqlite3, not the engine."""
    assert engine.url.database
    return Path(engine.url.database)
