"""The command line: exit status 0, 1 (one line on stderr, no traceback) or 2, as DESIGN.md promises."""

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kamplan import __version__
from kamplan.cli import main
from kamplan.store.schema import SCHEMA_HEAD

DEMO = "Kestrelmoor Foods B.V."
SQLITE_HEADER = b"SQLite format 3\x00"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """kamplan in its own process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "kamplan", *map(str, args)], capture_output=True, text=True, timeout=60
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_user_error(code: int, err: str) -> str:
    """Exit 1 with one line on stderr, starting with kamplan:, and no traceback."""
    assert code == 1
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("kamplan: ")
    return lines[0]


@pytest.fixture
def db(db_path: Path) -> Path:
    return db_path


@pytest.fixture
def demo_db(demo_db_file: Path) -> Path:
    """A database file holding the demo account, as `kamplan demo` leaves it."""
    return demo_db_file


# --- version, demo, accounts -----------------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"kamplan {__version__}"


def test_demo_twice_prints_the_same_name_and_adds_it_once(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "demo"]) == 0
    first = capsys.readouterr().out.splitlines()[-1]
    assert main(["--db", str(db), "demo"]) == 0
    second = capsys.readouterr().out.splitlines()[-1]
    assert first == second == DEMO
    assert main(["--db", str(db), "accounts"]) == 0
    assert capsys.readouterr().out.splitlines() == [DEMO]


def test_accounts_lists_one_a_line_in_order(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "acme.json"
    plan.write_text(json.dumps({"format": "kamplan-plan", "version": 1, "account": {"name": "acme"}}))
    assert main(["--db", str(demo_db), "import", str(plan)]) == 0
    assert capsys.readouterr().out.strip() == "imported acme"
    assert main(["--db", str(demo_db), "accounts"]) == 0
    assert capsys.readouterr().out == f"acme\n{DEMO}\n"


def test_accounts_on_an_empty_database_lists_nothing(
    engine: object, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "accounts"]) == 0
    assert capsys.readouterr().out == ""
    assert mode(db) == 0o600


@pytest.mark.parametrize("command", [["accounts"], ["export", DEMO], ["check"], ["backup"]])
def test_reading_commands_on_a_mistyped_path_create_nothing(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # DESIGN.md: only the app and the commands that write create a database; the others say there is none.
    db = tmp_path / "plna.sqlite"
    line = assert_user_error(main(["--db", str(db), *command]), capsys.readouterr().err)
    assert line == f"kamplan: there is no database at {db} (check --db or KAMPLAN_DB)"
    assert list(tmp_path.iterdir()) == []


# --- export ----------------------------------------------------------------------------------------------


def test_export_to_stdout_and_to_a_file_agree(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo_db), "export", "kestrelmoor foods b.v.", "--as-of", "2026-03-04"]) == 0
    printed = capsys.readouterr().out
    doc = json.loads(printed)
    assert doc["account"]["name"] == DEMO
    assert doc["derived"]["as_of"] == "2026-03-04"

    target = tmp_path / "plan.json"
    code = main(["--db", str(demo_db), "export", DEMO, "--as-of", "2026-03-04", "-o", str(target)])
    assert code == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8") == printed
    assert not list(target.parent.glob("*.partial"))


def test_export_by_id(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_db), "export", "1", "--as-of", "2026-03-04"]) == 0
    assert json.loads(capsys.readouterr().out)["account"]["name"] == DEMO


def test_export_without_as_of_uses_today(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    assert main(["--db", str(demo_db), "export", DEMO]) == 0
    assert json.loads(capsys.readouterr().out)["derived"]["as_of"] == date.today().isoformat()


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", "2026-02-30", "04/03/2026"])
def test_export_with_a_bad_as_of_date_is_bad_usage(
    demo_db: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(demo_db), "export", DEMO, "--as-of", bad])
    assert caught.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["accounts"],
        ["export", DEMO],
        ["export", DEMO, "--format", "html"],
        ["export", "1", "--format", "ics"],
    ],
)
def test_reading_commands_do_not_load_sqlalchemy_on_a_current_database(
    demo_db: Path, command: list[str]
) -> None:
    # Importing SQLAlchemy and SQLModel takes longer than exporting the largest plan: `kamplan export`
    # reads through sqlite3, so a user waits for the document, not for libraries.
    probe = (
        "import sys; from kamplan.cli import main; code = main(sys.argv[1:]);"
        " heavy = {'sqlalchemy', 'sqlmodel', 'alembic', 'textual'};"
        " print(code, sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(demo_db), *command],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stderr


def test_export_of_an_unknown_account_is_one_line(demo_db: Path) -> None:
    result = run("--db", demo_db, "export", "Initech")
    line = assert_user_error(result.returncode, result.stderr)
    assert "Initech" in line and "kamplan accounts" in line
    assert result.stdout == ""


def test_export_to_a_folder_that_does_not_exist_is_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(demo_db), "export", DEMO, "-o", str(tmp_path / "missing" / "plan.json")])
    assert_user_error(code, capsys.readouterr().err)


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["export"], ["frobnicate"], ["export", DEMO, "--format", "pdf"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
    capsys.readouterr()


# --- import ----------------------------------------------------------------------------------------------


def test_import_of_an_export_under_another_name(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    assert main(["--db", str(demo_db), "export", DEMO, "--as-of", "2026-03-04", "-o", str(plan)]) == 0
    code = main(["--db", str(demo_db), "import", str(plan)])
    line = assert_user_error(code, capsys.readouterr().err)
    assert "--rename" in line and "--replace" in line

    assert main(["--db", str(demo_db), "import", str(plan), "--rename", "Kestrelmoor copy"]) == 0
    assert capsys.readouterr().out.strip() == "imported Kestrelmoor copy"
    assert main(["--db", str(demo_db), "import", str(plan), "--replace"]) == 0
    assert main(["--db", str(demo_db), "accounts"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == ["Kestrelmoor copy", DEMO]


def test_rename_and_replace_together_is_bad_usage(demo_db: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(demo_db), "import", str(tmp_path / "x.json"), "--rename", "A", "--replace"])
    assert caught.value.code == 2


@pytest.mark.parametrize("kind", ["missing", "not json", "folder", "binary", "json array", "invalid plan"])
def test_import_of_a_bad_file_is_one_line_and_changes_nothing(
    demo_db: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.json"
    if kind == "not json":
        path.write_text("name,title\nAnn,CEO\n")
    elif kind == "folder":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    elif kind == "json array":
        path.write_text("[1, 2, 3]")
    elif kind == "invalid plan":
        path.write_text(json.dumps({"format": "kamplan-plan", "version": 1, "account": {"name": ""}}))
    before = demo_db.read_bytes()
    code = main(["--db", str(demo_db), "import", str(path)])
    line = assert_user_error(code, capsys.readouterr().err)
    if kind in ("missing", "folder"):
        assert str(path) in line
    assert demo_db.read_bytes() == before


def test_import_of_a_missing_file_in_its_own_process(demo_db: Path, tmp_path: Path) -> None:
    result = run("--db", demo_db, "import", tmp_path / "nowhere.json")
    line = assert_user_error(result.returncode, result.stderr)
    assert "no such file" in line


# --- backup and check ------------------------------------------------------------------------------------


def test_backup_writes_a_private_copy_that_check_calls_ok(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "saved" / "copy.sqlite"
    target.parent.mkdir()
    assert main(["--db", str(demo_db), "backup", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert mode(target) == 0o600
    assert main(["--db", str(target), "check"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("ok: ")
    assert "integrity ok" in out and "(current)" in out and "1 accounts" in out
    assert main(["--db", str(target), "accounts"]) == 0
    assert capsys.readouterr().out.strip() == DEMO


def test_backup_without_a_file_names_one_beside_the_database(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo_db), "backup"]) == 0
    target = Path(capsys.readouterr().out.strip())
    assert target.parent == demo_db.parent and target != demo_db
    assert target.name.endswith(".backup.sqlite")
    assert mode(target) == 0o600


def test_backup_of_no_database_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite"
    code = main(["--db", str(missing), "backup", str(tmp_path / "copy.sqlite")])
    assert_user_error(code, capsys.readouterr().err)
    assert not missing.exists()
    assert not (tmp_path / "copy.sqlite").exists()


def test_backup_into_a_folder_is_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(demo_db), "backup", str(tmp_path)])
    assert_user_error(code, capsys.readouterr().err)


def test_check_on_a_healthy_database(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_db.read_bytes()
    assert main(["--db", str(demo_db), "check"]) == 0
    out, err = capsys.readouterr()
    assert out == f"ok: {demo_db}: integrity ok, schema {SCHEMA_HEAD} (current), 1 accounts\n"
    assert err == ""
    assert demo_db.read_bytes() == before


def write_damaged(path: Path) -> None:
    path.write_bytes(SQLITE_HEADER + bytes(range(256)) * 16)


@pytest.mark.parametrize("kind", ["not sqlite", "damaged sqlite", "empty file", "another program's sqlite"])
def test_check_on_a_bad_file_is_one_line_and_leaves_it_unchanged(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "suspect.sqlite"
    if kind == "not sqlite":
        path.write_text("Dear diary,\n")
    elif kind == "damaged sqlite":
        write_damaged(path)
    elif kind == "empty file":
        path.write_bytes(b"")
    else:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.commit()
        conn.close()
    before = path.read_bytes(), path.stat().st_mtime_ns
    code = main(["--db", str(path), "check"])
    assert_user_error(code, capsys.readouterr().err)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_check_on_a_damaged_file_in_its_own_process(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    write_damaged(path)
    before = path.read_bytes()
    result = run("--db", path, "check")
    line = assert_user_error(result.returncode, result.stderr)
    assert "damaged" in line
    assert path.read_bytes() == before


def test_check_on_a_missing_file_does_not_create_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "missing" / "plan.sqlite"
    code = main(["--db", str(path), "check"])
    line = assert_user_error(code, capsys.readouterr().err)
    assert "no database" in line
    assert not path.parent.exists()


@pytest.mark.parametrize("command", [["accounts"], ["demo"], ["export", DEMO]])
def test_commands_refuse_a_file_that_is_not_a_database(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Dear diary,\n")
    code = main(["--db", str(path), *command])
    assert_user_error(code, capsys.readouterr().err)
    assert path.read_text() == "Dear diary,\n"


def test_commands_refuse_a_damaged_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "damaged.sqlite"
    write_damaged(path)
    before = path.read_bytes()
    code = main(["--db", str(path), "accounts"])
    assert_user_error(code, capsys.readouterr().err)
    assert path.read_bytes() == before


# --- where the database is -------------------------------------------------------------------------------


def test_kamplan_db_environment_variable_is_honoured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("KAMPLAN_DB", str(path))
    assert main(["demo"]) == 0
    assert path.exists()
    capsys.readouterr()
    assert main(["accounts"]) == 0
    assert capsys.readouterr().out.strip() == DEMO
    # --db wins over the environment.
    other = tmp_path / "other.sqlite"
    assert main(["--db", str(other), "accounts"]) == 1
    assert str(other) in capsys.readouterr().err


def test_kamplan_db_environment_variable_in_its_own_process(tmp_path: Path) -> None:
    path = tmp_path / "env.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "kamplan", "demo"],
        capture_output=True,
        text=True,
        env={**os.environ, "KAMPLAN_DB": str(path)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == DEMO
    assert path.exists() and mode(path) == 0o600


def test_default_database_lives_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # conftest points XDG_DATA_HOME at a temporary home: this never touches real data.
    assert main(["demo"]) == 0
    data_home = Path(os.environ["XDG_DATA_HOME"])
    created = data_home / "kamplan" / "kamplan.sqlite"
    assert created.exists()
    assert mode(created.parent) == 0o700
    assert mode(created) == 0o600


def test_db_in_a_folder_that_does_not_exist_creates_it_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new" / "plans" / "plan.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    assert capsys.readouterr().out.strip() == DEMO
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


def test_db_that_is_a_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(tmp_path), "accounts"])
    assert_user_error(code, capsys.readouterr().err)


def test_quitting_the_app_leaves_the_whole_plan_in_the_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user may copy just kamplan.sqlite to a new laptop: what the session saved must be in it, not
    left behind in the write-ahead log beside it."""
    import shutil

    from kamplan.app import KamplanApp

    def session(app: KamplanApp) -> None:  # stands in for a session: add an account, then quit
        app.store.create_account("Acme")

    monkeypatch.setattr(KamplanApp, "run", session)
    db = tmp_path / "plan.sqlite"
    assert main(["--db", str(db)]) == 0
    assert not Path(f"{db}-wal").exists()
    copy = shutil.copyfile(db, tmp_path / "moved.sqlite")
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT name FROM account").fetchall() == [("Acme",)]
    finally:
        conn.close()
