"""Bring a database to the current schema: Alembic migrations, with a backup before any upgrade."""

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kamplan.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

from kamplan.store.version import SCHEMA_HEAD

MIGRATIONS = Path(__file__).parent / "migrations"


def current_version(conn: Connection) -> str | None:
    """The schema revision stored in the database; None for a database kamplan never wrote."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def has_user_tables(conn: Connection) -> bool:
    names = sa.inspect(conn).get_table_names()
    return any(name != "alembic_version" for name in names)


def alembic_config() -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade(engine: Engine, db_path: Path | None) -> Path | None:
    """Migrate to SCHEMA_HEAD. Returns the backup made first, if the database held data."""
    with engine.connect() as conn:
        version = current_version(conn)
        holds_data = has_user_tables(conn)
    if version == SCHEMA_HEAD:
        return None
    if version is None and holds_data:
        raise DatabaseError("this SQLite file was not written by kamplan; refusing to change it")
    if version is not None and version not in known_revisions():
        raise DatabaseError(
            f"this plan was saved by a newer kamplan (schema {version}); please upgrade kamplan to open it"
        )
    backup_path = None
    if version is not None and db_path is not None:
        from kamplan.store.backup import backup_beside

        backup_path = backup_beside(engine, db_path, f"before-upgrade-from-{version}")
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup_path
