"""An older database may hold what kamplan now refuses at the door: control characters in any text,
amounts of 1e308. The portfolio still totals, every export still works, and nothing of it reaches the
terminal raw; files keep the real text (issue 14, items 1 and 3)."""

import json
import sqlite3
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kamplan.cli import main
from kamplan.document.text import printable
from kamplan.interchange.export import export_account
from kamplan.store.service import Store

AS_OF = date(2026, 3, 4)
NAME = "Kestrel\x1b]0;owned\x07 \u202eFoods\x9b2J\nLtd"
PERSON = "Eve\x1b[2J\x00"
FORMATS = ["json", "md", "html", "csv", "ics"]
RAW = ("\x1b", "\x07", "\x9b", "\x00", "\u202e", "\r")


def damage(path: Path) -> None:
    """What an older kamplan let in, or another program wrote, straight into the tables."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE account SET name = ?, industry = ?", (NAME, "food\x1b[31m"))
    conn.execute("UPDATE opportunity SET value = 1e308, status = 'open', probability = 100")
    conn.execute("UPDATE criterion SET weight = 1e308 WHERE id = (SELECT min(id) FROM criterion)")
    conn.execute("UPDATE stakeholder SET name = ? WHERE id = (SELECT min(id) FROM stakeholder)", (PERSON,))
    conn.execute("UPDATE swot_item SET text = ?", ("cheap\x1b[8m hidden",))
    conn.execute("UPDATE activity SET objective = ? WHERE status = 'planned'", ("call\r=cmd\x1b[A",))
    conn.execute("UPDATE review SET metrics = ?", ('{"factored_pipeline": 1e308, "note": "\\u001b[2J"}',))
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def old_db(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("old") / "plan.sqlite"
    path.write_bytes(demo_template.read_bytes())
    path.chmod(0o600)
    damage(path)
    yield path


def test_the_portfolio_totals_without_overflowing(old_db: Path) -> None:
    summary = Store(old_db).portfolio(AS_OF, 60, 8)
    (account,) = summary.accounts
    assert account.factored_pipeline == sys.float_info.max  # the largest a float holds, not a crash
    assert account.attractiveness is not None and 0 <= account.attractiveness <= 10


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_works_and_files_keep_the_real_text(old_db: Path, fmt: str) -> None:
    text = export_account(old_db, "1", fmt, AS_OF)
    if fmt == "json":
        doc = json.loads(text)
        assert doc["account"]["name"] == NAME
        assert doc["opportunities"][0]["value"] == 1e308
        assert doc["derived"]["factored_pipeline"] == sys.float_info.max
    elif fmt in ("md", "html"):
        assert "Eve\x1b" in text  # the file holds what the plan holds
        assert "1e+308" in text  # amounts beyond reason are not 309 digits long
    elif fmt == "ics":
        assert "\r=cmd" not in text  # a bare carriage return would end the calendar's line


def test_the_exported_document_is_refused_on_import_with_the_field_named(
    old_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    assert main(["--db", str(old_db), "export", "1", "-o", str(plan)]) == 0
    assert main(["--db", str(tmp_path / "new.sqlite"), "import", str(plan)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kamplan: account.name: must not hold an escape character (ESC)")
    assert err.count("\n") == 1 and not any(char in err for char in RAW)


def test_accounts_prints_names_made_visible(old_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(old_db), "accounts"]) == 0
    out = capsys.readouterr().out
    assert out == printable(NAME, multiline=False) + "\n"
    assert out.count("\n") == 1 and not any(char in out for char in RAW)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_shown_on_a_terminal_holds_no_control_characters(
    old_db: Path, fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--db", str(old_db), "export", "1", "--format", fmt, "--as-of", "2026-03-04"]) == 0
    shown = capsys.readouterr().out
    assert not any(char in shown.replace("\r\n", "\n") for char in RAW), fmt
    if fmt == "json":  # still the same JSON document
        assert json.loads(shown) == json.loads(export_account(old_db, "1", "json", AS_OF))


def test_a_pipe_gets_the_real_text(old_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(old_db), "export", "1", "--format", "md", "--as-of", "2026-03-04"]) == 0
    assert capsys.readouterr().out == export_account(old_db, "1", "md", AS_OF)


async def test_the_app_starts_on_amounts_of_1e308(tmp_path: Path, demo_template: Path) -> None:
    from kamplan.app import make_app
    from kamplan.config import Settings

    path = tmp_path / "plan.sqlite"
    path.write_bytes(demo_template.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE opportunity SET value = 1e308, status = 'open', probability = 100")
    conn.execute("UPDATE criterion SET weight = 1e308")
    conn.commit()
    conn.close()
    app = make_app(Settings(db_path=path), None)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # the account screen totals the same values
            await pilot.pause()
            assert app.is_running
    finally:
        app.store.close()
