"""Where the database is, and whether that file can be used: checked before SQLite is let near it.

Standard library only: every command passes through here first, the fast ones included. A FIFO would
hang SQLite, a dangling link would be created through, an empty file would silently become a new
database: each gets one clear message instead. Only the app and the commands that write may create a
database (`create=True`); the others say there is none.
"""

import os
import stat
from pathlib import Path

from kamplan.errors import DatabaseError
from kamplan.store.version import SQLITE_MAGIC

SIDECARS = ("-wal", "-shm", "-journal")  # SQLite's own files beside the database
PRIVATE = 0o600


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _missing(path: Path) -> DatabaseError:
    return DatabaseError(f"there is no database at {path} (check --db or KAMPLAN_DB)")


def database_file(path: Path, *, create: bool) -> Path:
    """`path` (absolute) once it is known to be usable: an SQLite file, or, with `create`, nothing yet or
    an empty file (SQLite makes it a database). Raises DatabaseError with a one-line message otherwise.
    The file and SQLite's files beside it are made private to their owner on the way (see `_tighten`)."""
    path = path.expanduser().absolute()
    if "\x00" in str(path):
        raise DatabaseError(f"cannot use {str(path)!r}: a file name cannot hold a NUL character")
    try:
        link = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        if not create:
            raise _missing(path) from None
        return path  # the caller makes the folder and the file
    except OSError as error:
        raise DatabaseError(f"cannot open {path}: {error.strerror or error}") from None
    try:
        info = os.stat(path)
    except FileNotFoundError:
        target = os.readlink(path) if stat.S_ISLNK(link.st_mode) else "?"
        raise DatabaseError(f"{path} is a link to {target}, which does not exist") from None
    except OSError as error:
        raise DatabaseError(f"cannot open {path}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError(f"cannot use {path}: it is a folder, not a database file")
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseError(f"cannot use {path}: it is {_kind(info.st_mode)}, not a database file")
    if info.st_size == 0:
        if not create:
            raise DatabaseError(f"{path} is an empty file, not a kamplan database")
    else:
        try:
            with path.open("rb") as file:
                header = file.read(len(SQLITE_MAGIC))
        except PermissionError:
            raise DatabaseError(f"cannot open {path}: permission denied") from None
        except OSError as error:
            raise DatabaseError(f"cannot open {path}: {error.strerror or error}") from None
        if header != SQLITE_MAGIC:
            raise DatabaseError(f"{path} is not a kamplan database (it is not an SQLite file)")
    _tighten(path, info)
    return path


def _tighten(path: Path, info: os.stat_result) -> None:
    """The plan is confidential: its file loses any group or world access (0644 becomes 0600). SQLite
    gives its -wal and -shm files the database's own mode when it makes them, so a plan once opened while
    read-only leaves a 0400 -shm behind that would keep failing after write access is back; while the
    database is writable, ours are made read-write for their owner again. Files of another user are
    left alone."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    if uid is not None and info.st_uid != uid:
        return
    mode = stat.S_IMODE(info.st_mode)
    try:
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
        writable = bool(mode & 0o200)
        for suffix in SIDECARS:
            extra = sidecar(path, suffix)
            try:
                extra_info = os.lstat(extra)
            except FileNotFoundError:
                continue
            if not stat.S_ISREG(extra_info.st_mode) or (uid is not None and extra_info.st_uid != uid):
                continue
            extra_mode = stat.S_IMODE(extra_info.st_mode)
            wanted = PRIVATE if writable else extra_mode & 0o700
            if extra_mode != wanted:
                os.chmod(extra, wanted)
    except OSError:
        pass  # a read-only file system, say: SQLite will say what it cannot do, if anything
