"""The store the app is handed: each method is one short transaction; no session outlives a call.

The engine (SQLAlchemy, SQLModel, pydantic: most of a second to import) is opened lazily, in a background
thread started once the first screen is painted; the portfolio itself reads through the standard library's
sqlite3. Heavy modules are therefore imported inside the methods that need them.
"""

import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kamplan.config import Settings
from kamplan.store import plain, summary

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from kamplan import models as m
    from kamplan.enums import SwotKind
    from kamplan.store import account_view

T = TypeVar("T")


@dataclass(frozen=True)
class PersonHit:
    """A stakeholder as the command palette lists them."""

    id: int
    name: str
    title: str
    account_id: int
    account: str


class Store:
    def __init__(self, db_path: Path, engine: "Engine | None" = None) -> None:
        self.db_path = db_path
        self._engine = engine
        self._lock = threading.Lock()
        self.revision = 0  # counts this app's own writes
        self._directory: tuple[object, list[PersonHit]] | None = None

    def fingerprint(self) -> tuple[int, int, int]:
        """Changes whenever the plan may have changed: a write here, or a commit by any other process
        (SQLite appends it to the WAL file, or the file itself after a checkpoint)."""
        stamps = []
        for path in (self.db_path, self.db_path.with_name(self.db_path.name + "-wal")):
            try:
                stamps.append(path.stat().st_mtime_ns)
            except OSError:
                stamps.append(0)
        return (self.revision, stamps[0], stamps[1])

    # The engine, opened once, by whichever comes first: the warm-up thread or a first write.
    @property
    def engine(self) -> "Engine":
        with self._lock:
            if self._engine is None:
                from kamplan.store.engine import open_engine

                self._engine = open_engine(self.db_path)
            return self._engine

    def close(self) -> None:
        """Close the database's connections. The last one to close folds the write-ahead log into the
        file itself, so kamplan.sqlite alone holds the whole plan (someone may copy just that file)."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None

    def warm_up(self, *preload: Callable[[], object]) -> None:
        """In the background: open the engine, compile the account screen's queries once (an unknown
        account id finds nothing) and run `preload` (imports), so the first keys find everything ready."""

        def work() -> None:
            # Only a head start: any failure here shows up, with its message, when a key needs it.
            with suppress(Exception):
                from sqlalchemy.orm import configure_mappers

                _ = self.engine
                configure_mappers()
                queries = (self.stakeholders, self.opportunities, self.assessment, self.reviews, self.swot)
                for query in queries:
                    query(-1)
                self.account(-1)
                for load in preload:
                    load()

        threading.Thread(target=work, name="kamplan-warm-up", daemon=True).start()

    def _plain(self) -> "AbstractContextManager[sqlite3.Connection]":
        return plain.connection(self.db_path)

    def read(self, query: "Callable[[Session], T]") -> T:
        from sqlalchemy.exc import SQLAlchemyError

        from kamplan.store.engine import reading

        try:
            with reading(self.engine) as session:
                return query(session)
        except SQLAlchemyError as error:
            raise plain.database_error(error, writing=False) from error

    def write(self, change: "Callable[[Session], T]") -> T:
        """One transaction: all of `change` is saved, or (on any error) none of it."""
        from sqlalchemy.exc import SQLAlchemyError

        from kamplan.store.engine import unit_of_work

        try:
            with unit_of_work(self.engine) as session:
                return change(session)
        except SQLAlchemyError as error:
            raise plain.database_error(error, writing=True) from error
        finally:
            self.revision += 1

    # Settings
    def load_settings(self, settings: Settings) -> Settings:
        from dataclasses import replace

        from kamplan.store.settings import stored_limits

        with self._plain() as conn:
            return replace(settings, **stored_limits(conn))

    def save_limit(self, key: str, text: str) -> int:
        from kamplan.store import settings as settings_store

        value = settings_store.parse_limit(key, text)
        self.write(lambda s: settings_store.save_setting(s, key, value))
        return value

    # Portfolio and accounts
    def portfolio(self, today: date, relationship_limit: int, key_account_limit: int) -> summary.Portfolio:
        with self._plain() as conn:
            return summary.portfolio(conn, today, relationship_limit, key_account_limit)

    def summary(self, account_id: int, today: date) -> summary.AccountSummary | None:
        with self._plain() as conn:
            found = summary.summarize(conn, today, account_id)
        return found[0] if found else None

    def account(self, account_id: int) -> "m.Account | None":
        from kamplan.models import Account

        return self.read(lambda s: s.get(Account, account_id))

    def archived(self) -> "list[m.Account]":
        from kamplan.store import accounts

        return self.read(lambda s: accounts.list_accounts(s, archived=True))

    def trash(self) -> "list[m.Account]":
        from kamplan.store import accounts

        return self.read(accounts.list_trash)

    def live_accounts(self) -> list[tuple[int, str]]:
        with self._plain() as conn:
            rows = conn.execute(f"SELECT id, name FROM account WHERE {summary.LIVE}").fetchall()
        return sorted(rows, key=lambda row: row[1].casefold())

    def create_account(self, name: str) -> int:
        from kamplan.store import accounts

        return self.write(lambda s: accounts.create_account(s, name).id)

    def rename_account(self, account_id: int, name: str) -> None:
        from kamplan.store import accounts

        self.write(lambda s: accounts.rename_account(s, account_id, name))

    def set_key_account(self, account_id: int, key: bool) -> None:
        from kamplan.store import accounts

        self.write(lambda s: accounts.set_key_account(s, account_id, key))

    def archive_account(self, account_id: int, archived: bool = True) -> None:
        from kamplan.store import accounts

        self.write(lambda s: accounts.archive_account(s, account_id, archived))

    def trash_account(self, account_id: int, trashed: bool = True) -> None:
        from kamplan.store import accounts

        self.write(lambda s: accounts.trash_account(s, account_id, trashed))

    def empty_trash(self) -> int:
        from kamplan.store import accounts

        return self.write(accounts.empty_trash)

    def add_demo(self, today: date | None = None) -> str:
        from kamplan.store.demo import add_demo

        self.revision += 1
        return add_demo(self.engine, today)

    # Profile
    def update_account_field(self, account_id: int, field: str, raw: Any) -> Any:
        """Validate what the user typed with the document's rules, then save it; returns the stored value."""
        from kamplan.document.forms import validate_account_field
        from kamplan.store import profile

        value = validate_account_field(field, raw)
        self.write(lambda s: profile.update_account_field(s, account_id, field, value))
        return value

    def swot(self, account_id: int) -> "list[m.SwotItem]":
        from kamplan.store import profile

        return self.read(lambda s: profile.swot_items(s, account_id))

    def add_swot(self, account_id: int, kind: "SwotKind", text: str) -> int:
        from kamplan.store import profile

        return self.write(lambda s: profile.add_swot(s, account_id, kind, text).id)

    def edit_swot(self, item_id: int, text: str) -> None:
        from kamplan.store import profile

        self.write(lambda s: profile.edit_swot(s, item_id, text))

    def delete_swot(self, item_id: int) -> None:
        from kamplan.store import profile

        self.write(lambda s: profile.delete_swot(s, item_id))

    def move_swot(self, item_id: int, offset: int) -> None:
        from kamplan.store import profile

        self.write(lambda s: profile.move_swot(s, item_id, offset))

    # Sections of the account screen
    def stakeholders(self, account_id: int) -> "list[account_view.StakeholderRow]":
        from kamplan.store import account_view

        return self.read(lambda s: account_view.stakeholders(s, account_id))

    def opportunities(self, account_id: int) -> "list[account_view.OpportunityRow]":
        from kamplan.store import account_view

        return self.read(lambda s: account_view.opportunities(s, account_id))

    def activities(self, account_id: int, today: date) -> "list[account_view.ActivityRow]":
        from kamplan.store import account_view

        return self.read(lambda s: account_view.activities(s, account_id, today))

    def power_coverage(self, account_id: int, as_of: date) -> float | None:
        from kamplan.store import account_view

        return self.read(lambda s: account_view.power_coverage(s, account_id, as_of))

    def assessment(self, account_id: int) -> "account_view.Assessment":
        from kamplan.store import account_view

        return self.read(lambda s: account_view.assessment(s, account_id))

    def reviews(self, account_id: int) -> "list[account_view.ReviewRow]":
        from kamplan.store import account_view

        return self.read(lambda s: account_view.reviews(s, account_id))

    # Finding things
    def people_directory(self) -> list[PersonHit]:
        """Every stakeholder of the live accounts, for the palette; kept until the plan changes."""
        fingerprint = self.fingerprint()
        if self._directory is None or self._directory[0] != fingerprint:
            self._directory = (fingerprint, self._read_directory())
        return self._directory[1]

    def _read_directory(self) -> list[PersonHit]:
        with self._plain() as conn:
            rows = conn.execute(
                "SELECT s.id, s.name, s.title, a.id, a.name FROM stakeholder s"
                " JOIN account a ON a.id = s.account_id WHERE a.archived_at IS NULL AND a.deleted_at IS NULL"
            ).fetchall()
        return sorted((PersonHit(*row) for row in rows), key=lambda p: p.name.casefold())

