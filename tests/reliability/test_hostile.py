"""Hostile conditions: a full disk, a read-only or missing folder, a second window, a damaged file.
Each gives one clear message (exit 1 on the command line), no traceback, and the user's file intact."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kamplan.cli import main
from kamplan.enums import SwotKind
from kamplan.errors import DatabaseError, KamplanError
from kamplan.store.engine import open_engine
from kamplan.store.lock import single_window
from kamplan.store.service import Store

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _fill_the_disk(engine: Engine) -> None:
    """Simulate a full disk: no connection may grow the file by a single page any more."""

    def cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    sa.event.listen(engine, "connect", cap)
    engine.dispose()  # new connections get the cap


def test_a_full_disk_saves_nothing_and_says_so(demo_engine: Engine, db_path: Path) -> None:
    store = Store(db_path, demo_engine)
    account_id = store.live_accounts()[0][0]
    before = len(store.swot(account_id))
    _fill_the_disk(demo_engine)

    def many_items(session: object) -> None:
        from kamplan.store.profile import add_swot

        for n in range(2000):
            add_swot(session, account_id, SwotKind.THREAT, f"threat {n} " + "x" * 200)  # type: ignore[arg-type]

    with pytest.raises(DatabaseError, match="nothing was saved: the disk is full"):
        store.write(many_items)
    assert len(store.swot(account_id)) == before  # all or nothing


async def test_a_full_disk_in_the_app_is_a_notice_not_a_crash(demo_engine: Engine, db_path: Path) -> None:
    from kamplan.app import make_app
    from kamplan.config import Settings

    _fill_the_disk(demo_engine)
    app = make_app(Settings(db_path=db_path), demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")  # open the account, edit its first field (industry)
        await pilot.pause()
        app.screen.query_one("#field-industry").value = "a long industry " * 2000  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#form-status").render())
        assert "disk is full" in error
        assert app.is_running


def test_a_second_window_is_told_the_plan_is_open(tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite"
    open_engine(db).dispose()
    with (
        single_window(db),
        pytest.raises(KamplanError, match="already open in another kamplan window"),
        single_window(db),
    ):
        pass
    with single_window(db):  # released when the first window closed
        pass


def test_a_second_window_from_another_process(tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    with single_window(db):
        result = subprocess.run(
            [sys.executable, "-m", "kamplan", "--db", str(db)], capture_output=True, text=True, timeout=60
        )
        # Commands without a screen still work beside the open window.
        listed = subprocess.run(
            [sys.executable, "-m", "kamplan", "--db", str(db), "accounts"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert "already open in another kamplan window" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert listed.returncode == 0 and "Kestrelmoor" in listed.stdout


@pytest.mark.skipif(AS_ROOT, reason="root may write anywhere, so a read-only folder cannot be simulated")
def test_a_read_only_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert main(["--db", str(folder / "plan.sqlite"), "accounts"]) == 1
    finally:
        folder.chmod(0o700)
    err = capsys.readouterr().err
    assert err.startswith("kamplan: ") and err.count("\n") == 1 and "Traceback" not in err


def test_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["--db", str(blocker / "sub" / "plan.sqlite"), "accounts"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kamplan: ") and err.count("\n") == 1
    assert blocker.read_text() == "not a folder"


def test_the_app_refuses_a_damaged_file_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = db.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "kamplan", "--db", str(db)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.startswith("kamplan: ") and "Traceback" not in result.stderr
    assert db.read_bytes() == before
