"""Kill a writer at random moments: the database stays intact and keeps every edit reported committed."""

import multiprocessing
import os
import random
import select
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from kamplan.enums import SwotKind
from kamplan.store.engine import open_engine
from kamplan.store.service import Store

KILLS = int(os.environ.get("KAMPLAN_CRASH_KILLS", "100"))


def _writer(db_path: Path, account_id: int, first: int, report: int) -> None:
    """Child: add SWOT items one transaction at a time, reporting each number once its commit returned."""
    store = Store(db_path, open_engine(db_path, migrate=False))  # the parent made it current
    number = first
    while True:
        store.add_swot(account_id, SwotKind.STRENGTH, f"edit {number}")
        os.write(report, f"{number}\n".encode())
        number += 1


def _committed_texts(db_path: Path) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in conn.execute("SELECT text FROM swot_item")}
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to start writers fast")
def test_random_kills_lose_no_reported_edit(db_path: Path) -> None:
    engine = open_engine(db_path)
    account_id = Store(db_path, engine).create_account("Crash Test Dummies")
    engine.dispose()  # no connection may cross the fork
    context = multiprocessing.get_context("fork")
    rng = random.Random(20261123)
    reported: set[int] = set()
    next_number = 0
    for _ in range(KILLS):
        read_end, write_end = os.pipe()
        child = context.Process(target=_writer, args=(db_path, account_id, next_number, write_end))
        child.start()
        os.close(write_end)
        if rng.random() < 0.8:  # mostly mid-write: once the writer is committing, at a random moment
            select.select([read_end], [], [], 5.0)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join()
        with os.fdopen(read_end) as pipe:
            numbers = [int(line) for line in pipe.read().split()]
        reported.update(numbers)
        next_number = max(numbers, default=next_number - 1) + 1000  # fresh numbers for the next writer
        present = _committed_texts(db_path)
        missing = {n for n in reported if f"edit {n}" not in present}
        assert not missing, f"edits reported committed but lost: {sorted(missing)[:5]}"
    assert reported, "the writers never got to commit anything"
