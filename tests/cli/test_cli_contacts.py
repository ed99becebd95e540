"""`kamplan contacts ACCOUNT FILE [--dry-run]`: the report, exit 0/1/2, nothing written by a dry run or a
file that cannot be used, and the same file twice adds nobody."""

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kamplan.cli import main
from kamplan.document.model import PlanDocument
from kamplan.interchange.activities_csv import activities_csv
from kamplan.interchange.export import export_account

DEMO = "Kestrelmoor Foods B.V."
FILES = Path(__file__).parent.parent / "fixtures" / "contacts"
LINKEDIN = FILES / "linkedin-connections.csv"

Dump = Callable[[Path], list[str]]


def contacts(capsys: pytest.CaptureFixture[str], db: Path, *args: str | Path) -> tuple[int, list[str], str]:
    code = main(["--db", str(db), "contacts", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def one_error_line(code: int, err: str) -> str:
    assert code == 1 and "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith("kamplan: ")
    return line


def test_the_report_says_what_was_added_skipped_passed_over_and_rejected(
    capsys: pytest.CaptureFixture[str], demo_db_file: Path
) -> None:
    code, out, err = contacts(capsys, demo_db_file, "kestrelmoor foods b.v.", LINKEDIN)
    assert (code, err) == (0, "")
    today = date.today().isoformat()
    assert out == [
        "linkedin-connections.csv: LinkedIn export, 10 people",
        f"added 3 to {DEMO}:",
        "  line 6: Jürgen Weiß · Head of Packaging Development, Zwolle",
        "  line 7: Zoë Lefèvre · Category Buyer Chilled",
        '  line 10: Łukasz Zieliński · =HYPERLINK("https://example.com","Planner")',
        "skipped 2, already there:",
        "  line 5: Annelies Verbruggen",
        "  line 14: Jürgen Weiß · twice in the file",
        "passed over 3: 2 at other companies, 1 with no company",
        "rejected 2:",
        "  line 11: Sofia Marin: title must not hold an escape character (ESC)",
        "  line 12: no name",
    ]
    exported = json.loads(export_account(demo_db_file, DEMO, "json", date.today()))
    new = [s for s in exported["stakeholders"] if s["source"] == f"LinkedIn export {today}"]
    assert [(s["name"], s["email"], s["influence"], s["support"]) for s in new] == [
        ("Jürgen Weiß", "j.weiss@kestrelmoor.example", None, None),
        ("Zoë Lefèvre", "", None, None),
        ("Łukasz Zieliński", "", None, None),
    ]
    assert {exported["derived"]["stakeholders"][s["ref"]]["grid"] for s in new} == {"unrated"}


def test_a_dry_run_writes_nothing_and_says_so(
    capsys: pytest.CaptureFixture[str], demo_db_file: Path, dump_db: Dump
) -> None:
    before = dump_db(demo_db_file)
    code, out, _ = contacts(capsys, demo_db_file, DEMO, FILES / "salesforce-contacts.csv", "--dry-run")
    assert code == 0
    assert out[1] == f"would add 2 to {DEMO}:"
    assert "  line 4: Dirk van Aalst · Accounts Payable Lead · reports to Françoise Müller" in out
    assert out[-1] == "nothing was written (--dry-run)"
    assert dump_db(demo_db_file) == before


def test_the_same_file_twice_adds_nobody(
    capsys: pytest.CaptureFixture[str], demo_db_file: Path, dump_db: Dump
) -> None:
    for name in ("contacts-3.0.vcf", "contacts-4.0.vcf", "generic.csv", "hubspot-contacts.csv"):
        assert contacts(capsys, demo_db_file, DEMO, FILES / name)[0] == 0
    after_once = dump_db(demo_db_file)
    for name in ("contacts-3.0.vcf", "contacts-4.0.vcf", "generic.csv", "hubspot-contacts.csv"):
        code, out, _ = contacts(capsys, demo_db_file, DEMO, FILES / name)
        assert code == 0 and out[1] == f"added 0 to {DEMO}", out
    assert dump_db(demo_db_file) == after_once


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"\x00\x01\x02\x03PK\x03\x04" * 50, "binary data"),
        (b"Company,E-mail\nKestrelmoor,a@b.example\n", "found columns: Company, E-mail; needed: Name"),
    ],
)
def test_a_file_that_cannot_be_used_is_one_line_on_stderr_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    demo_db_file: Path,
    dump_db: Dump,
    tmp_path: Path,
    content: bytes | None,
    expected: str,
) -> None:
    path = tmp_path / "contacts.csv"
    if content is not None:
        path.write_bytes(content)
    before = dump_db(demo_db_file)
    code, out, err = contacts(capsys, demo_db_file, DEMO, path)
    assert expected in one_error_line(code, err) and out == []
    assert dump_db(demo_db_file) == before


def test_an_unknown_account_is_a_user_error(capsys: pytest.CaptureFixture[str], demo_db_file: Path) -> None:
    code, _, err = contacts(capsys, demo_db_file, "Nobody Ltd", LINKEDIN)
    assert "no account named 'Nobody Ltd'" in one_error_line(code, err)


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], demo_db_file: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--db", str(demo_db_file), "contacts", DEMO])
    assert raised.value.code == 2
    assert "FILE" in capsys.readouterr().err


def test_what_comes_from_the_file_is_printed_escaped(
    capsys: pytest.CaptureFixture[str], demo_db_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "evil\x1b]0;owned\x07.csv"
    path.write_text("Name,Company\nAnn Lee,Kestrelmoor\n\u202eTrojan,Kestrelmoor\n", encoding="utf-8")
    code, out, _ = contacts(capsys, demo_db_file, DEMO, path, "--dry-run")
    text = "\n".join(out)
    assert code == 0
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert out[0].startswith("evil\\x1b]0;owned\\x07.csv: CSV file, 2 people")
    assert (
        "  line 3: \\u202eTrojan: name must not hold a bidirectional override (U+202E)" in out
    )


def test_formula_like_names_stay_text_and_the_activities_csv_neutralises_them(
    capsys: pytest.CaptureFixture[str], demo_db_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    formulas = ['=HYPERLINK("http://example.com","x")', "+31 38 555", "-2+3", "@SUM(A1)"]
    path.write_text(
        "Name,Company\n" + "".join(f'"{f.replace(chr(34), 2 * chr(34))}",Kestrelmoor\n' for f in formulas)
    )
    assert contacts(capsys, demo_db_file, DEMO, path)[0] == 0
    data = json.loads(export_account(demo_db_file, DEMO, "json", date.today()))
    refs = {s["name"]: s["ref"] for s in data["stakeholders"]}
    assert set(formulas) <= set(refs)  # stored as they were written
    data["activities"] = [{"date": "2026-12-01", "type": "call", "stakeholders": [refs[f]]} for f in formulas]
    rows = list(csv.reader(io.StringIO(activities_csv(PlanDocument.model_validate(data)))))
    assert [row[3] for row in rows[1:]] == ["'" + f for f in formulas]


def test_contacts_does_not_import_textual(demo_db_file: Path) -> None:
    code = (
        "import sys\nfrom kamplan.cli import main\n"
        f"assert main(['--db', {str(demo_db_file)!r}, 'contacts', {DEMO!r}, {str(LINKEDIN)!r}]) == 0\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_as_a_process_a_bad_file_is_exit_1_with_one_line(demo_db_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.vcf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    done = subprocess.run(
        [sys.executable, "-m", "kamplan", "--db", str(demo_db_file), "contacts", DEMO, str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert (
        one_error_line(done.returncode, done.stderr)
        == "kamplan: bad.vcf is not a contact file: it holds binary data (or UTF-16 without a BOM)"
    )
