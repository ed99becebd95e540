"""Open the database: a private SQLite file in WAL mode, foreign keys on, at the current schema."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from kamplan.errors import DatabaseError
from kamplan.store.location import database_file
from kamplan.store.plain import BUSY_TIMEOUT_SECONDS, describe_sqlite_error


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # FULL: a commit that returned is on disk even if the laptop loses power right after.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _prepare_file(path: Path) -> None:
    """Make the folder (0700) and an empty file (0600) if missing; refuse a file that is not SQLite."""
    database_file(path, create=True)
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True)
        if not folder.is_dir():
            raise DatabaseError(f"cannot use {path}: {folder} is not a folder")
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
    except PermissionError as error:
        raise DatabaseError(f"cannot open {path}: permission denied ({error.filename})") from error
    except OSError as error:
        raise DatabaseError(f"cannot open {path}: {error.strerror or error}") from error


def create_engine_for(path: Path | None) -> Engine:
    """An engine on `path`; None gives a private in-memory database (tests)."""
    if path is None:
        engine = sa.create_engine(
            "sqlite://", connect_args={"check_same_thread": False}, poolclass=sa.pool.StaticPool
        )
    else:
        engine = sa.create_engine(
            f"sqlite:///{path}",
            connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        )
    sa.event.listen(engine, "connect", _on_connect)
    return engine


def open_engine(path: Path | None, *, migrate: bool = True) -> Engine:
    """Open (creating if needed) the database at `path` and bring it to the current schema."""
    if path is not None:
        path = path.expanduser().absolute()
        _prepare_file(path)
    engine = create_engine_for(path)
    try:
        if migrate:
            from kamplan.store.schema import upgrade

            upgrade(engine, path)
        if path is not None:
            # Only once the file is known to be ours and current: switching the journal mode rewrites the
            # file's header, and a file kamplan refuses (another program's, a newer kamplan's) must stay
            # exactly as it was.
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
    except DatabaseError:
        engine.dispose()
        raise
    except (sa.exc.DatabaseError, sqlite3.DatabaseError) as error:
        engine.dispose()
        raise DatabaseError(f"cannot open {path}: {describe_sqlite_error(error)}") from error
    return engine


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Session]:
    """One short transaction: committed when the block ends, rolled back on any error.

    On SQLite it takes the write lock first (BEGIN IMMEDIATE): another writer is then waited for (up to
    BUSY_TIMEOUT_SECONDS) before anything is read, so what the transaction checks (a name is free) still
    holds when it writes. A transaction that read first and wanted the lock later would fail at once
    ("database is locked") when another process committed in between."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            if engine.dialect.name == "sqlite":
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A read-only look; nothing is written."""
    with Session(engine, expire_on_commit=False) as session:
        yield session
