"""Reading and writing the user's files, with one-line messages instead of tracebacks."""

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from kamplan.errors import KamplanError

MAX_DOCUMENT_BYTES = 200 * 1024 * 1024  # far above any real plan; refuses a wrong file before reading it


def _no_nul(path: Path) -> None:
    if "\x00" in str(path):
        raise KamplanError(f"{str(path)!r}: a file name cannot hold a NUL character")


def read_text_file(path: Path) -> str:
    _no_nul(path)
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise KamplanError(f"{path} is too large to be a plan document")
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise KamplanError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise KamplanError(f"{path} is a folder, not a file") from None
    except PermissionError:
        raise KamplanError(f"{path}: permission denied") from None
    except UnicodeDecodeError:
        raise KamplanError(f"{path} is not a text file in UTF-8") from None
    except OSError as error:
        raise KamplanError(f"{path}: {error.strerror or error}") from None


def write_text_file(path: Path, text: str, *, for_terminal: Callable[[str], str] | None = None) -> None:
    """Write beside the target, then move into place: a failed write never leaves half a file.

    A target that exists and is not a regular file (/dev/null, /dev/stdout, a named pipe) is written
    into, never replaced; if it is a terminal, `for_terminal` makes the text safe to show there."""
    _no_nul(path)
    try:
        info = path.stat()
    except OSError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise KamplanError(f"cannot write {path}: it is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        try:
            with open(path, "w", encoding="utf-8") as file:
                file.write(for_terminal(text) if for_terminal and file.isatty() else text)
        except OSError as error:
            raise KamplanError(f"cannot write {path}: {error.strerror or error}") from None
        return
    partial = None
    try:
        # The plan is as confidential as the database it came from: only its owner may read it (mkstemp
        # makes the file 0600, under a name no file had).
        descriptor, name = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".partial", dir=path.parent)
        partial = Path(name)
        with open(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except OSError as error:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise KamplanError(f"cannot write {path}: {error.strerror or error}") from None
