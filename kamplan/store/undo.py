"""Undo and redo of the app's own writes, recorded by the database itself.

On each connection the app writes through, temporary triggers (they live only in that connection, not in
the file) report every row inserted, updated or deleted, in every table, to a Python function: foreign-key
cascades included, so a delete that takes a person's links with it comes back whole. A step is the list of
rows one write changed; undoing it applies the inverse of each change, newest first, in one transaction,
and the triggers record that as the step to redo.

Other processes (`kamplan import` beside the open app) write without these triggers; if they changed a
row a step touches, the undo may no longer fit, and is refused rather than applied halfway.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from kamplan.errors import KamplanError

KEEP_STEPS = 100  # the issue asks for at least 50 steps back in a session
LARGEST_STEP = (
    50_000  # rows; a bigger change (emptying the trash) is not kept: it would hold it all in memory
)
_FUNCTION = "kamplan_undo_log"
_SKIPPED_TABLES = ("alembic_version",)


@dataclass(frozen=True)
class RowChange:
    table: str
    kind: str  # "insert", "update" or "delete": what happened to the row
    rowid: int
    old: tuple[Any, ...] = ()  # the row before an update or delete, column by column


@dataclass
class Step:
    label: str
    changes: list[RowChange] = field(default_factory=list)


class NothingToUndo(KamplanError):
    pass


class History:
    """The undo and redo stacks of one app session."""

    def __init__(self) -> None:
        self.undo_steps: list[Step] = []
        self.redo_steps: list[Step] = []
        self._columns: dict[str, tuple[str, ...]] = {}
        self._recording: list[RowChange] | None = None
        self._too_large = False

    # Recording
    def attach(self, connection: sqlite3.Connection) -> None:
        """Install the triggers on a DB-API connection (once per connection)."""
        installed = connection.execute(
            "SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'"
        ).fetchone()
        connection.create_function(_FUNCTION, -1, self._log)
        if installed and self._columns:
            return
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            if row[0] not in _SKIPPED_TABLES
        ]
        for table in tables:
            info = connection.execute(f'PRAGMA table_info("{table}")')
            self._columns[table] = tuple(row[1] for row in info)
        if installed:  # by another History on the same connection (two stores on one engine): columns only
            return
        for table in tables:
            columns = self._columns[table]
            old = ", ".join(f'OLD."{c}"' for c in columns)
            new = ", ".join(f'NEW."{c}"' for c in columns)
            # One statement each: executescript would first commit the transaction this write began.
            for statement in (
                f'CREATE TEMP TRIGGER IF NOT EXISTS "undo_{table}_insert" AFTER INSERT ON "{table}"'
                f" BEGIN SELECT {_FUNCTION}('{table}', 'insert', NEW.rowid); END",
                f'CREATE TEMP TRIGGER IF NOT EXISTS "undo_{table}_update" AFTER UPDATE ON "{table}"'
                f" BEGIN SELECT {_FUNCTION}('{table}', 'update', OLD.rowid, {old}, {new}); END",
                f'CREATE TEMP TRIGGER IF NOT EXISTS "undo_{table}_delete" BEFORE DELETE ON "{table}"'
                f" BEGIN SELECT {_FUNCTION}('{table}', 'delete', OLD.rowid, {old}); END",
            ):
                connection.execute(statement)

    def _log(self, table: str, kind: str, rowid: int, *values: Any) -> None:
        if self._recording is None:
            return
        if len(self._recording) >= LARGEST_STEP:
            self._too_large = True
            return
        if kind == "update":
            half = len(values) // 2
            old, new = values[:half], values[half:]
            if old == new:
                return  # saved as it was: nothing to undo
            self._recording.append(RowChange(table, kind, rowid, tuple(old)))
        else:
            self._recording.append(RowChange(table, kind, rowid, tuple(values)))

    @contextmanager
    def recording(self) -> Iterator[list[RowChange]]:
        """Collect the row changes made inside the block (the caller's transaction)."""
        self._recording, self._too_large = [], False
        try:
            yield self._recording
        finally:
            self._recording = None

    def done(self, label: str, changes: list[RowChange]) -> None:
        """A write was committed: it becomes the step to undo, and what was undone can no longer be redone."""
        if self._too_large:
            self.undo_steps.clear()  # older steps may depend on rows this one changed
            self.redo_steps.clear()
            return
        if not changes:
            return
        self.undo_steps.append(Step(label, list(changes)))
        del self.undo_steps[:-KEEP_STEPS]
        self.redo_steps.clear()

    def forget(self) -> None:
        self.undo_steps.clear()
        self.redo_steps.clear()

    # Applying
    def inverse(self, change: RowChange) -> tuple[str, tuple[Any, ...]]:
        """The statement that takes `change` back."""
        table, columns = change.table, self._columns[change.table]
        if change.kind == "insert":
            return f'DELETE FROM "{table}" WHERE rowid = ?', (change.rowid,)
        if change.kind == "update":
            assignments = ", ".join(f'"{c}" = ?' for c in columns)
            return f'UPDATE "{table}" SET {assignments} WHERE rowid = ?', (*change.old, change.rowid)
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        return f'INSERT INTO "{table}" (rowid, {names}) VALUES (?, {marks})', (change.rowid, *change.old)
