"""One app window per plan file: a second one is told so, rather than racing the first one's edits.

The lock is an advisory `flock` on a file beside the database, held for the app's lifetime and released
by the operating system even if the app is killed. Commands that show no screen do not take it: each of
them is a single short transaction, which SQLite's own locking already keeps safe.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kamplan.errors import KamplanError

try:
    import fcntl
except ImportError:  # not on this platform: SQLite's own locking still prevents corruption
    fcntl = None  # type: ignore[assignment]


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@contextmanager
def single_window(db_path: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise KamplanError(f"cannot open {db_path}: {error.strerror or error}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KamplanError(
                f"this plan is already open in another kamplan window ({db_path}); "
                "close that one first, or use --db for another file"
            ) from None
        yield
    finally:
        os.close(fd)
