"""Shared fixtures: every test gets its own database and never touches the user's real data folder."""

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from kamplan.store.engine import open_engine

DEMO_TODAY = date(2026, 3, 4)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("KAMPLAN_DB", raising=False)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database migrated to the current schema, made once: copying it is much faster than
    migrating again. (tests/core/test_schema.py checks real migrations on their own.)"""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_engine(path).dispose()
    return path


@pytest.fixture(scope="session")
def demo_template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding only the demo account (dated around DEMO_TODAY), made once."""
    from kamplan.store.demo import add_demo

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    engine = open_engine(path)
    add_demo(engine, today=DEMO_TODAY)
    engine.dispose()
    return path


def copy_private(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    target.chmod(0o600)
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "plan.sqlite"


@pytest.fixture
def engine(db_path: Path, migrated_template: Path) -> Iterator[Engine]:
    """A fresh, empty, migrated SQLite file at `db_path`."""
    engine = open_engine(copy_private(migrated_template, db_path))
    yield engine
    engine.dispose()


@pytest.fixture
def demo_engine(engine: Engine) -> Engine:
    from kamplan.store.demo import add_demo

    add_demo(engine, today=DEMO_TODAY)
    return engine


@pytest.fixture
def demo_db_file(db_path: Path, demo_template: Path) -> Path:
    """The database file at `db_path` with the demo account in it, no engine open on it."""
    return copy_private(demo_template, db_path)


@pytest.fixture
def make_engine(tmp_path: Path, migrated_template: Path) -> Iterator[Callable[[str], Engine]]:
    """A factory of more fresh, empty, migrated databases in this test's folder: make_engine("b")."""
    engines: list[Engine] = []

    def make(name: str) -> Engine:
        engines.append(open_engine(copy_private(migrated_template, tmp_path / f"{name}.sqlite")))
        return engines[-1]

    yield make
    for made in engines:
        made.dispose()


def dump_database(path: Path) -> list[str]:
    """Every schema object and row of an SQLite file, as SQL text: equal dumps mean equal databases."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def dump_db() -> Callable[[Path], list[str]]:
    return dump_database
