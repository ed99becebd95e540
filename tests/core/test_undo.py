"""Undo and redo in the store: every write is a step, deletes come back whole with what hung on them,
50 steps back at least, and a step that no longer fits the file is refused, not half applied."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from kamplan import models as m
from kamplan.enums import SwotKind
from kamplan.errors import KamplanError
from kamplan.store.service import Store
from kamplan.store.undo import NothingToUndo


def _store(engine: Engine) -> Store:
    assert engine.url.database
    return Store(Path(engine.url.database), engine)


def _dump(engine: Engine) -> list[str]:
    assert engine.url.database
    conn = sqlite3.connect(engine.url.database)
    try:
        return [line for line in conn.iterdump() if not line.startswith('INSERT INTO "alembic_version"')]
    finally:
        conn.close()


def test_undo_and_redo_walk_the_history_both_ways(engine: Engine) -> None:
    store = _store(engine)
    account_id = store.create_account("Acme")
    for industry in ("Packaging", "Food", "Retail"):
        store.update_account_field(account_id, "industry", industry, "Industry")
    assert store.undo() == "Industry 'Food' → 'Retail'"
    assert store.undo() == "Industry 'Packaging' → 'Food'"
    assert store.account(account_id).industry == "Packaging"
    assert store.redo() == "Industry 'Packaging' → 'Food'"
    assert store.account(account_id).industry == "Food"
    store.add_swot(account_id, SwotKind.STRENGTH, "Fast")  # a new change: the redo is gone
    with pytest.raises(NothingToUndo):
        store.redo()


def test_fifty_steps_back_and_the_database_is_as_it_was(engine: Engine) -> None:
    store = _store(engine)
    account_id = store.create_account("Acme")
    before = _dump(engine)
    for n in range(55):
        store.add_swot(account_id, SwotKind.THREAT, f"threat {n}")
    for _ in range(55):
        store.undo()
    assert _dump(engine) == before
    for _ in range(55):
        store.redo()
    assert len(store.swot(account_id)) == 55


def test_a_delete_comes_back_with_everything_that_hung_on_it(demo_engine: Engine) -> None:
    """Deleting a stakeholder cascades to their links and clears who reports to them; undo restores all."""
    store = _store(demo_engine)
    before = _dump(demo_engine)
    with Session(demo_engine) as session:
        boss = session.exec(
            select(m.Stakeholder).where(
                m.Stakeholder.id.in_(  # type: ignore[union-attr]
                    select(m.Stakeholder.reports_to_id).where(m.Stakeholder.reports_to_id.is_not(None))  # type: ignore[union-attr]
                )
            )
        ).first()
        assert boss is not None
        boss_id = boss.id

    store.write(lambda s: s.delete(s.get(m.Stakeholder, boss_id)), "delete a person")
    assert _dump(demo_engine) != before
    assert store.undo() == "delete a person"
    assert _dump(demo_engine) == before


def test_an_undo_that_no_longer_fits_is_refused_and_changes_nothing(engine: Engine) -> None:
    store = _store(engine)
    account_id = store.create_account("Acme")
    store.update_account_field(account_id, "industry", "Packaging", "Industry")
    assert engine.url.database
    with sqlite3.connect(engine.url.database) as other:  # another process deletes the account meanwhile
        other.execute("PRAGMA foreign_keys = ON")
        other.execute("DELETE FROM account WHERE id = ?", (account_id,))
    after = _dump(engine)
    with pytest.raises(KamplanError, match="changed outside this window"):
        store.undo()
    assert _dump(engine) == after
    with pytest.raises(NothingToUndo):
        store.undo()
