"""The heavy database, cached in bench/out/ by seed, generator version, schema version and week.

50 accounts, 3,000 stakeholders, 100,000 activities, 156 weekly reviews per account, 400 opportunities
(see plan_documents). Each account's document is validated and written with kamplan's own import code,
all in one transaction, into a file that is renamed into place only when complete.
"""

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

from bench import plan_documents

GENERATOR_VERSION = 1  # bump when plan_documents changes what it makes
OUT = Path(__file__).parent / "out"


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def db_path(seed: int, anchor: date) -> Path:
    from kamplan.store.version import SCHEMA_HEAD

    return OUT / f"heavy-seed{seed}-gen{GENERATOR_VERSION}-schema{SCHEMA_HEAD}-{anchor:%Y%m%d}.sqlite"


def largest_account(seed: int) -> str:
    return max(plan_documents.account_sizes(seed), key=lambda d: d[3])[0]


def account_names(seed: int) -> list[str]:
    return [d[0] for d in plan_documents.account_sizes(seed)]


def ensure_heavy_db(seed: int, anchor: date, *, fresh: bool = False) -> tuple[Path, float | None]:
    """The cached database for (seed, week), generated if missing; returns (path, seconds generating)."""
    path = db_path(seed, anchor)
    if path.exists() and not fresh:
        return path, None
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    write_database(partial, seed, anchor)
    os.replace(partial, path)
    return path, time.perf_counter() - started


@contextmanager
def ids_assigned_here(module: Any) -> Iterator[None]:
    """Let write_plan insert with ids numbered here, in batches, instead of asking for them back.

    kamplan's `_insert` asks for the new ids with RETURNING ... sort_by_parameter_order, which SQLAlchemy runs
    one row at a time on SQLite (no sentinel column): ~3 s for 6,000 activities. This process is the only
    writer, so ids can be numbered from the table's max(id) and inserted in one executemany.
    """
    original = getattr(module, "_insert", None)
    if original is None:  # the import code changed shape: generate the slow way rather than fail
        yield
        return
    next_id: dict[str, int] = {}

    def insert(session: Any, table: Any, rows: list[dict[str, Any]]) -> list[int]:
        if not rows:
            return []
        import sqlalchemy as sa

        name = table.__tablename__
        if name not in next_id:
            next_id[name] = (session.execute(sa.select(sa.func.max(table.id))).scalar() or 0) + 1
        first = next_id[name]
        ids = list(range(first, first + len(rows)))
        next_id[name] = first + len(rows)
        session.execute(sa.insert(table), [{**row, "id": id_} for row, id_ in zip(rows, ids, strict=True)])
        return ids

    module._insert = insert
    try:
        yield
    finally:
        module._insert = original


def write_database(path: Path, seed: int, anchor: date) -> None:
    from kamplan.document.parse import parse_plan
    from kamplan.store import write_plan as write_module
    from kamplan.store.engine import open_engine, unit_of_work

    write_plan = write_module.write_plan
    engine = open_engine(path)
    try:
        with ids_assigned_here(write_module), unit_of_work(engine) as session:
            for n, (name, industry, people, activities, opps) in enumerate(
                plan_documents.account_sizes(seed)
            ):
                rng = Random(f"kamplan-bench-{seed}-{n}")
                data = plan_documents.plan_document(rng, name, industry, people, activities, opps, anchor)
                doc = parse_plan(json.dumps(data))  # kamplan's own validation: the generator cannot cheat
                write_plan(session, doc, name)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
