"""Every released schema has a fixture database, made by the code of that release; each one opens in
the current kamplan with nothing lost, and with a backup beside it when it had to be upgraded."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from kamplan.store.engine import open_engine
from kamplan.store.schema import known_revisions
from kamplan.store.version import SCHEMA_HEAD

FIXTURES = Path(__file__).parent.parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema-*.sqlite"))


def _version(path: Path) -> str:
    return path.stem.removeprefix("schema-")


def _row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in tables
            if t != "alembic_version"
        }
    finally:
        conn.close()


def test_every_schema_version_has_a_fixture() -> None:
    assert {_version(path) for path in RELEASED} == known_revisions(), (
        "add tests/fixtures/schema-<rev>.sqlite, made with the demo account by the code of that revision"
    )


@pytest.mark.parametrize("fixture", RELEASED, ids=_version)
def test_a_released_database_opens_with_nothing_lost(fixture: Path, tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite"
    shutil.copy(fixture, db)
    before = _row_counts(db)
    open_engine(db).dispose()
    after = _row_counts(db)
    for table, count in before.items():
        assert after.get(table) == count, (
            f"{table}: {count} rows before the upgrade, {after.get(table)} after"
        )
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    backups = list(tmp_path.glob("*.backup.sqlite"))
    if _version(fixture) == SCHEMA_HEAD:
        assert backups == []  # nothing to upgrade, nothing copied
    else:
        assert len(backups) == 1 and _row_counts(backups[0]) == before


def test_an_upgraded_plan_exports_its_new_fields_empty(tmp_path: Path) -> None:
    """Schema 0002 added email and phone to stakeholders and aliases to accounts: the rows an older
    kamplan wrote get them empty, and the plan exports as a valid document."""
    import json
    from datetime import date

    from kamplan.interchange.export import export_account

    db = tmp_path / "plan.sqlite"
    shutil.copy(FIXTURES / "schema-0001.sqlite", db)
    open_engine(db).dispose()
    doc = json.loads(export_account(db, "Kestrelmoor Foods B.V.", "json", date(2026, 3, 4)))
    assert doc["account"]["aliases"] == []
    assert len(doc["stakeholders"]) == 16
    assert {(s["email"], s["phone"]) for s in doc["stakeholders"]} == {("", "")}


def test_answers_given_before_0003_have_no_evidence_and_no_day(tmp_path: Path) -> None:
    """Schema 0003 added evidence and the day each answer last changed: the answers an older kamplan
    kept are all still there, with no evidence and no day (when they were given was not kept)."""
    import json
    from datetime import date

    from kamplan.interchange.export import export_account

    db = tmp_path / "plan.sqlite"
    shutil.copy(FIXTURES / "schema-0002.sqlite", db)
    open_engine(db).dispose()
    doc = json.loads(export_account(db, "Kestrelmoor Foods B.V.", "json", date(2026, 3, 4)))
    renewal = doc["opportunities"][0]
    assert renewal["qualification"]["q1"] == "yes" and renewal["qualification"]["q3"] == "partly"
    assert set(renewal["qualification_evidence"].values()) == {""}
    assert set(renewal["qualification_changed"].values()) == {None}
