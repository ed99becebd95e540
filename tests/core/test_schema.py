"""The database file: current schema, private, WAL, constraints enforced by SQLite itself, safe upgrades."""

import os
import shutil
import sqlite3
import stat
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import kamplan.models  # noqa: F401  (registers every table on the metadata)
from kamplan.errors import DatabaseError
from kamplan.store import schema
from kamplan.store.accounts import delete_account, name_taken
from kamplan.store.backup import backup_beside
from kamplan.store.engine import open_engine, unit_of_work
from kamplan.store.schema import SCHEMA_HEAD, alembic_config, current_version

DEMO = "Kestrelmoor Foods B.V."


@pytest.fixture(scope="module")
def migrated_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database really migrated from nothing in a folder that did not exist (other tests use copies)."""
    return tmp_path_factory.mktemp("migrated") / "new" / "kamplan" / "plan.sqlite"


@pytest.fixture(scope="module")
def migrated(migrated_path: Path) -> Iterator[Engine]:
    engine = open_engine(migrated_path)
    yield engine
    engine.dispose()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def count(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar_one()


# --- version -------------------------------------------------------------------------------------------


def test_a_fresh_database_is_at_the_newest_schema(migrated: Engine) -> None:
    with migrated.connect() as conn:
        assert current_version(conn) == SCHEMA_HEAD


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD


def test_migrated_schema_matches_the_table_definitions(migrated: Engine) -> None:
    with warnings.catch_warnings():
        # SQLite cannot reflect expression indexes (lower(name)); Alembic says it skips them.
        warnings.simplefilter("ignore")
        with migrated.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(context, SQLModel.metadata)
    assert diffs == []


def test_case_insensitive_name_indexes_exist_in_the_migrated_schema(migrated: Engine) -> None:
    # compare_metadata skips expression indexes, so look at them directly.
    with migrated.connect() as conn:
        rows = dict(conn.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'index'")).all())
    for index in ("ix_account_name_lower", "ix_offering_name_lower"):
        assert index in rows
        assert "UNIQUE" in rows[index].upper() and "lower(name)" in rows[index]


# --- the file ------------------------------------------------------------------------------------------


def test_database_file_is_readable_only_by_its_owner(migrated: Engine, migrated_path: Path) -> None:
    assert mode(migrated_path) == 0o600
    with migrated.begin() as conn:  # a write creates the WAL file beside it: private too
        conn.execute(sa.text("INSERT INTO offering (name) VALUES ('Probe')"))
        wal = migrated_path.with_name(migrated_path.name + "-wal")
        assert wal.exists() and mode(wal) == 0o600


def test_a_missing_folder_is_created_private(migrated: Engine, migrated_path: Path) -> None:
    assert mode(migrated_path.parent) == 0o700


def test_wal_mode_and_foreign_keys_are_on_for_every_connection(migrated: Engine) -> None:
    with migrated.connect() as first, migrated.connect() as second:
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


# --- constraints in the database itself ----------------------------------------------------------------


@pytest.fixture
def account_id(engine: Engine) -> int:
    with engine.begin() as conn:
        return conn.execute(
            sa.text(
                "INSERT INTO account (name, industry, currency, planning_horizon_years, key_account,"
                " strategy, vision, core_values, initiatives, culture, history, decision_process, goals,"
                " pressures, changes, buying_preference, partnership_willingness, competency_fit, created_at)"
                " VALUES ('Acme', '', 'EUR', 1, 1, '', '', '', '', '', '', '', '', '', '', '', '', '',"
                " '2026-01-01') RETURNING id"
            )
        ).scalar_one()


def insert_stakeholder(engine: Engine, account_id: int, influence: object, support: object) -> None:
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO stakeholder (account_id, name, title, department, influence, support, needs,"
                " wants, declared_agenda, personal_agenda, confidence, source, plan)"
                " VALUES (:a, 'Ann', '', '', :i, :s, '', '', '', '', 'assumed', '', '')"
            ),
            {"a": account_id, "i": influence, "s": support},
        )


def insert_opportunity(engine: Engine, account_id: int, probability: object) -> None:
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO opportunity (account_id, title, stage, probability, status, status_reason)"
                " VALUES (:a, 'Deal', '', :p, 'open', '')"
            ),
            {"a": account_id, "p": probability},
        )


def test_valid_and_unrated_values_are_accepted(engine: Engine, account_id: int) -> None:
    insert_stakeholder(engine, account_id, 5, -2)
    insert_stakeholder(engine, account_id, None, None)
    insert_opportunity(engine, account_id, 100)
    assert count(engine, "SELECT count(*) FROM stakeholder") == 2


@pytest.mark.parametrize(("influence", "support"), [(7, 0), (0, 0), (3, 3), (3, -3)])
def test_database_rejects_ratings_out_of_range(
    engine: Engine, account_id: int, influence: int, support: int
) -> None:
    with pytest.raises(sa.exc.IntegrityError, match="CHECK constraint failed"):
        insert_stakeholder(engine, account_id, influence, support)
    assert count(engine, "SELECT count(*) FROM stakeholder") == 0


@pytest.mark.parametrize("probability", [101, -1])
def test_database_rejects_probability_out_of_range(engine: Engine, account_id: int, probability: int) -> None:
    with pytest.raises(sa.exc.IntegrityError, match="CHECK constraint failed"):
        insert_opportunity(engine, account_id, probability)


def test_database_rejects_a_stakeholder_of_an_unknown_account(engine: Engine) -> None:
    with pytest.raises(sa.exc.IntegrityError, match="FOREIGN KEY"):
        insert_stakeholder(engine, 999, 3, 0)


def test_database_rejects_an_unknown_closed_set_value(engine: Engine, account_id: int) -> None:
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO opportunity (account_id, title, stage, status, status_reason)"
                " VALUES (:a, 'Deal', '', 'maybe', '')"
            ),
            {"a": account_id},
        )


def test_deleting_an_account_removes_everything_that_belongs_to_it(demo_engine: Engine) -> None:
    owned = [
        "stakeholder",
        "activity",
        "opportunity",
        "team_member",
        "competitor",
        "criterion",
        "relationship_indicator",
        "whitespace_cell",
        "review",
        "swot_item",
        "activity_target",
        "activity_stakeholder",
        "opportunity_participant",
        "stakeholder_listens_to",
        "competitor_close_to",
        "qualification_answer",
    ]
    assert all(count(demo_engine, f"SELECT count(*) FROM {table}") > 0 for table in owned)
    offerings = count(demo_engine, "SELECT count(*) FROM offering")
    with unit_of_work(demo_engine) as session:
        demo = name_taken(session, DEMO)
        assert demo is not None and demo.id is not None
        delete_account(session, demo.id)
    assert {table: count(demo_engine, f"SELECT count(*) FROM {table}") for table in owned} == dict.fromkeys(
        owned, 0
    )
    # Our offerings are one list for all accounts: they stay.
    assert count(demo_engine, "SELECT count(*) FROM offering") == offerings


# --- files kamplan must not touch ------------------------------------------------------------------------


def test_a_plan_from_a_newer_kamplan_is_refused_and_left_unchanged(engine: Engine, db_path: Path) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9001'"))
    engine.dispose()
    before = file_state(db_path)
    neighbours = sorted(os.listdir(db_path.parent))

    with pytest.raises(DatabaseError, match="newer kamplan"):
        open_engine(db_path)

    assert file_state(db_path) == before
    assert sorted(os.listdir(db_path.parent)) == neighbours  # and no backup was made of it


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_another_programs_sqlite_file_is_refused_and_left_unchanged(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    before = file_state(path)

    with pytest.raises(DatabaseError, match="not written by kamplan"):
        open_engine(path)

    assert file_state(path) == before


def test_a_file_that_is_not_sqlite_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n")
    before = file_state(path)
    with pytest.raises(DatabaseError, match="not a kamplan database"):
        open_engine(path)
    assert file_state(path) == before


# --- upgrades and backups ---------------------------------------------------------------------------------


PROBE_REVISION = "9999"  # a revision no release uses
PROBE_MIGRATION = '''"""A later schema, for the test: one new table."""
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("probe", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("probe")
'''


def test_upgrading_an_older_database_keeps_a_backup_of_it_first(
    demo_engine: Engine, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_engine.dispose()
    # Pretend this kamplan is one schema newer than the file: a copy of the migrations plus one more.
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    probe = PROBE_MIGRATION.format(revision=PROBE_REVISION, down=SCHEMA_HEAD)
    (migrations / "versions" / f"{PROBE_REVISION}_probe.py").write_text(probe)
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    monkeypatch.setattr(schema, "SCHEMA_HEAD", PROBE_REVISION)

    upgraded = open_engine(db_path)
    try:
        with upgraded.connect() as conn:
            assert current_version(conn) == PROBE_REVISION
            assert sa.inspect(conn).has_table("probe")
        with unit_of_work(upgraded) as session:
            assert name_taken(session, DEMO) is not None
    finally:
        upgraded.dispose()

    backups = list(db_path.parent.glob(f"plan.before-upgrade-from-{SCHEMA_HEAD}.*.backup.sqlite"))
    assert len(backups) == 1
    backup = backups[0]
    assert mode(backup) == 0o600
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
        assert conn.execute("SELECT name FROM account").fetchall() == [(DEMO,)]
        assert conn.execute("SELECT count(*) FROM stakeholder").fetchone() == (16,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_opening_a_current_database_makes_no_backup(demo_engine: Engine, db_path: Path) -> None:
    demo_engine.dispose()
    open_engine(db_path).dispose()
    assert not list(db_path.parent.glob("*.backup.sqlite"))


def test_backup_beside_is_a_private_complete_copy(
    demo_engine: Engine, db_path: Path, dump_db: Callable[[Path], list[str]]
) -> None:
    backup = backup_beside(demo_engine, db_path, "manual")
    assert backup.parent == db_path.parent
    assert "manual" in backup.name
    assert mode(backup) == 0o600
    assert not list(backup.parent.glob("*.partial"))
    copy = open_engine(backup)
    try:
        with unit_of_work(copy) as session:
            assert name_taken(session, DEMO) is not None
    finally:
        copy.dispose()
    assert dump_db(backup) == dump_db(db_path)
