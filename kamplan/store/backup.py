"""Consistent copies of the database, taken with SQLite's online backup (safe while in use)."""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from kamplan.errors import DatabaseError


def create_private_file(path: Path) -> None:
    """Create an empty file only its owner can read (the plan is confidential)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def backup_to(engine: Engine, target: Path) -> Path:
    """Copy the database to `target` (written beside it first, then moved into place)."""
    target = target.expanduser().resolve()
    if target.is_dir():
        raise DatabaseError(f"{target} is a folder; name a file for the backup")
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        create_private_file(partial)
        raw = engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            with sqlite3.connect(partial) as copy:
                source.backup(copy)
            copy.close()
        finally:
            raw.close()
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"cannot write the backup {target}: {error.strerror or error}") from error
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"cannot write the backup {target}: {error}") from error
    return target


def backup_beside(engine: Engine, db_path: Path, label: str) -> Path:
    """A timestamped backup in the database's own folder."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_to(engine, db_path.with_name(f"{db_path.stem}.{label}.{stamp}.backup.sqlite"))


def default_backup_path(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}.{datetime.now():%Y%m%d-%H%M%S}.backup.sqlite")
