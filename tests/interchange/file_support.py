"""Helpers shared by the interchange tests."""

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from kamplan.document.parse import parse_plan
from kamplan.interchange.export import export_account
from kamplan.store.plan_import import import_plan


def db_file(engine: Engine) -> Path:
    """The file an engine opened: export reads it through plain sqlite3, not the engine."""
    assert engine.url.database
    return Path(engine.url.database)


def export_plan(db_path: Path, account: str, as_of: date) -> str:
    """The account's JSON document, as `kamplan export --format json` writes it."""
    return export_account(db_path, account, "json", as_of)


def import_text(engine: Engine, text: str, **options: Any) -> str:
    """Validate a document's text and add it, as `kamplan import` does; returns the account's name."""
    return import_plan(engine, parse_plan(text), **options)
