"""Property: whatever text a plan document holds (control characters, terminal escapes, Rich-markup-like
brackets, bidirectional overrides, Markdown, very long lines), importing it either refuses it in one line
or takes it, and then no export lets it reach the terminal raw or turn into structure in a file."""

import contextlib
import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from kamplan.cli import main
from kamplan.document.forms import validate_account_field
from kamplan.document.text import text_problem
from kamplan.errors import ValidationFailed

# What must never reach a terminal: C0 (but newline and tab, in documents) and C1 controls, DEL, bidi.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PIECES = [
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "\x9b31m",
    "\x00",
    "\x07",
    "\u202e",
    "\u2067",
    "\u200b",
    "[bold]",
    "[/oops]",
    "[link=https://evil.example]x[/link]",
    "\n",
    "\t",
    "\r\n",
    "\r",
    "# ",
    "- ",
    "1. ",
    "| ",
    "![x](https://evil.example/p.png)",
    "<script>",
    "=HYPERLINK(1)",
    "Acme",
    "Ünïcødé 研究所",
    " ",
]
# Text a plan may hold, for all it looks like markup (most examples import, then go through every export).
ALLOWED = [piece for piece in PIECES if text_problem(piece, multiline=False) is None]
texts = st.one_of(
    st.lists(st.sampled_from(ALLOWED), min_size=1, max_size=8).map("".join),
    st.lists(st.sampled_from(ALLOWED), min_size=1, max_size=8).map("".join),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30),
    st.sampled_from(PIECES).map(lambda piece: "Acme " + piece * 400),  # very long
)
SECTIONS = 14  # the ## headings of the Markdown plan with a whitespace grid


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(*argv: str) -> tuple[int, str, str]:
    """kamplan in this process, its stdout and stderr a terminal."""
    out, err = Terminal(), Terminal()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_one_clean_line(text: str) -> None:
    assert (text.count("\n") <= 1 and text.endswith("\n")) or text == "", repr(text)
    assert not RAW.search(text) and "\t" not in text, repr(text)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("hostile-text")
    (path / "plan.sqlite").write_bytes(migrated_template.read_bytes())
    yield path


def document(name: str, line: str, lines: str) -> dict[str, Any]:
    return {
        "format": "kamplan-plan",
        "version": 1,
        "account": {
            "name": name,
            "industry": line,
            "profile": {"strategy": lines},
            "swot": [{"kind": "threat", "text": line or "x"}],
        },
        "stakeholders": [{"ref": "s", "name": line or "x", "needs": lines}],
        "opportunities": [{"ref": "o", "title": line, "status_reason": lines, "participants": ["s"]}],
        "activities": [
            {"date": "2026-03-10", "type": "call", "stakeholders": ["s"], "objective": lines},
            {"date": "2026-03-01", "type": "meeting", "status": "done", "outcome": line},
        ],
        "competitors": [{"ref": "c", "name": line or "x", "counter": lines}],
        "whitespace": [{"unit": line or "x", "offering": lines.split("\n")[0] or "y"}],
    }


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=texts, line=texts, lines=texts)
@example(name="Acme [/oops] Ltd", line="[link=https://x]# | ![x](https://e/p.png)", lines="=1\n- a\n\t<b>")
@example(name="Acme\x1b]0;owned\x07", line="x", lines="y")
def test_hostile_text_through_import_and_every_export(folder: Path, name: str, line: str, lines: str) -> None:
    db = str(folder / "plan.sqlite")
    plan = folder / "plan.json"
    plan.write_text(json.dumps(document(name, line, lines)), encoding="utf-8")
    code, out, err = run("--db", db, "import", str(plan))
    assert_one_clean_line(out)
    assert_one_clean_line(err)
    # Names lose the spaces around them (a trailing carriage return is one); other one-line fields do not.
    names = (name.strip(), (line or "x").strip(), (lines.split("\n")[0] or "y").strip())
    acceptable = (
        all(text_problem(text, multiline=False) is None for text in (*names, line))
        and text_problem(lines.replace("\r\n", "\n").replace("\r", "\n"), multiline=True) is None
    )
    if code == 1:
        assert err.startswith("kamplan: ")
        return
    assert code == 0 and acceptable, (err, name, line, lines)
    try:
        for fmt in ("json", "md", "html", "csv", "ics"):
            code, shown, err = run("--db", db, "export", "1", "--format", fmt, "--as-of", "2026-03-04")
            assert code == 0 and err == "", err
            assert not RAW.search(shown), (fmt, shown)  # nothing reaches the terminal raw
            target = folder / f"plan.{fmt}"
            code, _, _ = run(
                "--db", db, "export", "1", "--format", fmt, "--as-of", "2026-03-04", "-o", str(target)
            )
            assert code == 0
            check_file(fmt, target.read_text(encoding="utf-8"), name)
    finally:
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM account")
        conn.commit()
        conn.close()


def check_file(fmt: str, text: str, name: str) -> None:
    """Files keep the real text, and it never becomes structure."""
    if fmt == "json":
        assert json.loads(text)["account"]["name"] == name.strip()
    elif fmt == "md":
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
        assert not kinds & {"image", "link_open", "html_block", "html_inline", "code_block", "fence", "hr"}
        assert sum(t.type == "heading_open" and t.tag == "h2" for t in tokens) == SECTIONS
    elif fmt == "html":
        assert "<img" not in text and "<script" not in text and "href=" not in text and "src=" not in text
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        assert len(rows) == 3
        assert not any(
            cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")) for row in rows[1:] for cell in row
        )
    else:
        from icalendar import Calendar

        assert len(Calendar.from_ical(text).walk("VEVENT")) == 1


@settings(max_examples=60, deadline=None)
@given(typed=texts)
def test_hostile_text_typed_into_a_profile_form(typed: str) -> None:
    for field in ("industry", "strategy"):
        try:
            stored = validate_account_field(field, typed)
        except ValidationFailed as error:
            assert_one_clean_line(str(error) + "\n")
            continue
        assert text_problem(stored, multiline=field == "strategy") is None
