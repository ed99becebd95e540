"""The plan is private: files only the owner can read, and no network connection, ever."""

import socket
import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from kamplan.app import make_app
from kamplan.cli import main
from kamplan.config import Settings


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"kamplan tried to open a network connection: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_and_backup_are_readable_only_by_their_owner(tmp_path: Path, no_network: None) -> None:
    db = tmp_path / "new" / "plan.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    assert _mode(db.parent) == 0o700
    assert _mode(db) == 0o600
    backup = tmp_path / "copy.sqlite"
    assert main(["--db", str(db), "backup", str(backup)]) == 0
    assert _mode(backup) == 0o600
    for sidecar in db.parent.glob("plan.sqlite-*"):  # WAL and shared-memory files
        assert _mode(sidecar) & 0o077 == 0, sidecar


def test_commands_open_no_connection(
    tmp_path: Path, no_network: None, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plan.sqlite"
    out = tmp_path / "plan.json"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "accounts"]) == 0
    assert main(["--db", str(db), "export", "Kestrelmoor Foods B.V.", "-o", str(out)]) == 0
    assert main(["--db", str(db), "import", str(out), "--rename", "Copy"]) == 0
    assert main(["--db", str(db), "check"]) == 0


async def test_the_app_opens_no_connection(demo_engine: Engine, db_path: Path, no_network: None) -> None:
    app = make_app(Settings(db_path=db_path), demo_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(
            "enter", *"23456", "escape", "question_mark", "escape", "ctrl+p", *"joost", "escape"
        )
        await pilot.pause()
