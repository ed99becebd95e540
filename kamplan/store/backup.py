"""Consistent copies of the database, taken with SQLite's online backup (safe while in use).

A backup never lands on the database itself (nor on SQLite's files beside it), and never over an existing
file unless asked to (`replace`). Names made here are unique, even for two backups in the same second.
"""

import errno
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kamplan.errors import DatabaseError
from kamplan.store.location import SIDECARS, sidecar
from kamplan.store.plain import BUSY_TIMEOUT_SECONDS, describe_sqlite_error

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def private_partial(target: Path) -> Path:
    """A new empty file beside `target`, only its owner can read (the plan is confidential), under a name
    no file had: nothing of the user's is removed to make room for it."""
    fd, name = tempfile.mkstemp(prefix=f"{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    return Path(name)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a == b or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def refuse_the_database(target: Path, db_path: Path | None) -> None:
    """DatabaseError when `target` is the database, or one of SQLite's files beside it, by any name."""
    if db_path is None:
        return
    database = db_path.expanduser().resolve()
    for protected in (database, *(sidecar(database, suffix) for suffix in (*SIDECARS, ".lock"))):
        if _same_file(target, protected):
            raise DatabaseError(f"cannot back up onto the database itself ({target}); name another file")


class _Taken(Exception):
    """The target exists (and may not be replaced)."""


def _place(partial: Path, target: Path, *, replace: bool) -> None:
    """Move the finished copy into place; without `replace`, never over an existing file, even one that
    appeared while the copy was written (a hard link is made only where nothing is)."""
    if replace:
        os.replace(partial, target)
        return
    try:
        os.link(partial, target)
    except FileExistsError:
        raise _Taken from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(target):  # a file system without hard links: check, then move
            raise _Taken from None
        os.replace(partial, target)
        return
    os.unlink(partial)


def _copy(
    source: sqlite3.Connection, targets: Iterator[Path], *, replace: bool, db_path: Path | None
) -> Path:
    """Back `source` up into the first of `targets` that is free (or the first, with `replace`)."""
    first = next(targets)
    if "\x00" in str(first):
        raise DatabaseError(f"{str(first)!r}: a file name cannot hold a NUL character")
    target = first.expanduser().resolve()
    if target.is_dir():
        raise DatabaseError(f"{target} is a folder; name a file for the backup")
    refuse_the_database(target, db_path)
    if os.path.lexists(target) and not replace:
        target = _free(target, targets)
    partial = target  # named once the partial file exists
    try:
        partial = private_partial(target)
        with sqlite3.connect(partial) as copy:
            source.backup(copy)
        copy.close()
        while True:
            try:
                _place(partial, target, replace=replace)
                return target
            except _Taken:
                target = _free(target, targets)
    except OSError as error:
        _discard(partial, target)
        raise DatabaseError(f"cannot write the backup {target}: {error.strerror or error}") from error
    except sqlite3.Error as error:
        _discard(partial, target)
        raise DatabaseError(f"cannot write the backup {target}: {describe_sqlite_error(error)}") from error
    except DatabaseError:
        _discard(partial, target)
        raise


def _discard(partial: Path, target: Path) -> None:
    if partial != target:
        partial.unlink(missing_ok=True)


def _free(taken: Path, targets: Iterator[Path]) -> Path:
    """The next name to try after `taken`; a name the user gave is theirs alone: refused."""
    following = next(targets, None)
    if following is None:
        raise DatabaseError(f"{taken} exists already; use --force to replace it")
    return following.expanduser().resolve()


def _only(target: Path) -> Iterator[Path]:
    yield target


def _stamped(db_path: Path, label: str | None) -> Iterator[Path]:
    """plan.20260304-101112.backup.sqlite, then plan.20260304-101112-2.backup.sqlite, …"""
    middle = f".{label}" if label else ""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    yield db_path.with_name(f"{db_path.stem}{middle}.{stamp}.backup.sqlite")
    for number in range(2, 10_000):
        yield db_path.with_name(f"{db_path.stem}{middle}.{stamp}-{number}.backup.sqlite")


def backup_beside(engine: "Engine", db_path: Path, label: str) -> Path:
    """A timestamped backup of the engine's database in its own folder, under a name no other file has
    (taken before an upgrade, on the engine that will run it)."""
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        return _copy(source, _stamped(db_path, label), replace=False, db_path=db_path)
    finally:
        raw.close()


def backup_database(db_path: Path, target: Path | None, *, replace: bool = False) -> Path:
    """`kamplan backup`: copy the database file at `db_path` (which must be one: location.database_file)
    through the standard library alone, whatever its schema version; to `target`, or beside it under a
    new name."""
    targets = _stamped(db_path, None) if target is None else _only(target)
    try:
        source = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as error:
        raise DatabaseError(f"cannot read {db_path}: {describe_sqlite_error(error)}") from error
    try:
        return _copy(source, targets, replace=replace and target is not None, db_path=db_path)
    except sqlite3.Error as error:
        raise DatabaseError(f"cannot read {db_path}: {describe_sqlite_error(error)}") from error
    finally:
        source.close()
