"""User text never becomes structure in an export (issue 14, items 5 and 6): Markdown gains no heading,
list, quote, link, image, HTML or table cell from what a user typed; the HTML page fetches nothing; CSV
cells cannot run as formulas and every activity is one row, even to a strict reader."""

import csv
import io
import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from file_support import import_text
from markdown_it import MarkdownIt
from sqlalchemy.engine import Engine

from kamplan.interchange.export import export_account
from kamplan.interchange.plan_markdown import block, inline
from kamplan.store.engine import open_engine

AS_OF = date(2026, 3, 4)
# Each is valid text for a plan; each would be structure if it reached Markdown as it is.
ONE_LINE = [
    "# Heading",
    "- item",
    "+ item",
    "1. first",
    "2) second",
    "> quote",
    "===",
    "---",
    "```",
    "~~~",
    "    indented",
    "<script>alert(1)</script>",
    "<img src=https://evil.example/p.png>",
    "![pixel](https://evil.example/p.png)",
    "[click](https://evil.example/)",
    "<https://evil.example/>",
    "[ref]: https://evil.example/",
    "a | b | c",
    "*bold* _em_ `code`",
    "&lt;script&gt; &amp;",
    "trailing backslash \\",
    "Deal #",
    "[bold]markup[/bold] [/oops] [link=https://x]x[/link]",
]
SEVERAL_LINES = (
    "line one\n# not a heading\n    not code\n---\n| a | b |\n\n![x](https://evil.example/x)\n1. no list"
)
NAME = "Acme <b>|</b> # [x](https://evil.example)"


def hostile_document() -> dict[str, object]:
    people = [
        {"ref": f"s{n}", "name": text, "title": text, "plan": SEVERAL_LINES}
        for n, text in enumerate(ONE_LINE)
    ]
    return {
        "format": "kamplan-plan",
        "version": 1,
        "account": {
            "name": NAME,
            "industry": "![i](https://evil.example/i.png)",
            "profile": {"strategy": SEVERAL_LINES, "vision": "\n".join(ONE_LINE)},
            "swot": [{"kind": "strength", "text": text} for text in ONE_LINE],
        },
        "team": [{"ref": "t", "name": "<i>Tess</i>"}],
        "stakeholders": people,
        "opportunities": [
            {
                "ref": f"o{n}",
                "title": text,
                "status": "open",
                "probability": 60,
                "value": 1000,
                "participants": ["s0"],
            }
            for n, text in enumerate(ONE_LINE)
        ],
        "activities": [
            {
                "date": "2026-03-03",
                "type": "call",
                "status": "done",
                "objective": text,
                "outcome": SEVERAL_LINES,
            }
            for text in [*ONE_LINE, "=1+1", "\t=cmd", "@SUM(A1)", "-2", "+1", " =1+1"]
        ]
        + [{"date": "2026-03-10", "type": "meeting", "objective": text} for text in ONE_LINE],
        "competitors": [{"ref": "c", "name": "| Rival |", "counter": SEVERAL_LINES, "close_to": ["s1"]}],
        "attractiveness": [{"criterion": text, "weight": 1, "score": 5} for text in ONE_LINE],
        "relationship": [{"indicator": text, "score": 3, "evidence": SEVERAL_LINES} for text in ONE_LINE],
        "whitespace": [{"unit": text, "offering": f"{text} offer"} for text in ONE_LINE[:5]],
        "reviews": [
            {"date": "2026-03-01", "notes": SEVERAL_LINES, "metrics": {"factored_pipeline": "<b>x</b>"}}
        ],
    }


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    """One database with the hostile account, built once for the module."""
    path = tmp_path_factory.mktemp("hostile-exports") / "plan.sqlite"
    path.write_bytes(migrated_template.read_bytes())
    engine: Engine = open_engine(path)
    import_text(engine, json.dumps(hostile_document()))
    engine.dispose()
    return path


def export(db: Path, fmt: str) -> str:
    return export_account(db, "1", fmt, AS_OF)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.headings: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_heading = tag in ("h1", "h2")

    def handle_endtag(self, tag: str) -> None:
        self._in_heading = False if tag in ("h1", "h2") else self._in_heading

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self.headings.append(data)


SECTIONS = [
    "Summary",
    "Economics",
    "Their business",
    "SWOT",
    "Stakeholders",
    "Opportunities",
    "Activity: overdue and the next four weeks",
    "Activity done in the last 30 days",
    "Competitors",
    "Attractiveness and our strength",
    "Relationship",
    "Whitespace",
    "What a coach would question",
    "Weekly reviews",
]


def test_markdown_gains_no_structure_from_user_text(db: Path) -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(export(db, "md"))
    kinds = {token.type for token in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"image", "link_open", "html_block", "html_inline", "code_block", "fence", "hr"}
    headings = [
        tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"
    ]
    assert headings == SECTIONS
    quotes = [t for t in tokens if t.type == "blockquote_open"]
    assert len(quotes) == len(ONE_LINE)  # only the forecast checks kamplan writes, one per open opportunity
    # Every table row has as many cells as its header.
    rows, width = 0, 0
    for token in tokens:
        if token.type == "thead_open":
            width = -1
        if token.type == "tr_open":
            cells = 0
        if token.type in ("th_open", "td_open"):
            cells += 1
        if token.type == "tr_close":
            width = cells if width == -1 else width
            assert cells == width
            rows += 1
    assert rows > 50


def test_the_swot_list_holds_each_item_as_it_was_typed(db: Path) -> None:
    text = export(db, "md")
    section = text.split("**Strengths**\n\n")[1].split("\n\n")[0].splitlines()
    rendered = MarkdownIt("commonmark").render("\n".join(section))
    assert rendered.count("<li>") == len(ONE_LINE)
    for item in ONE_LINE:
        assert MarkdownIt("commonmark").renderInline(inline(item, starts_line=True)) == (
            item.strip()
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&quot;")
        )


def test_several_lines_keep_their_lines_and_start_nothing() -> None:
    lines = block(SEVERAL_LINES)
    html = MarkdownIt("commonmark").enable("table").render("\n".join(lines))
    assert html.count("<p>") == 2 and "<h1" not in html and "<table" not in html and "<img" not in html
    assert html.count("<br />") == 5  # a paragraph of five lines, then one of two


def test_the_html_page_fetches_nothing(db: Path) -> None:
    page = export(db, "html")
    parser = Tags()
    parser.feed(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "br", "ul", "li"}
    allowed |= {"table", "thead", "tbody", "tr", "th", "td", "strong", "em", "blockquote"}
    assert {tag for tag, _ in parser.tags} <= allowed
    for tag, attrs in parser.tags:
        assert all(name not in ("src", "href", "srcset", "style") for name, _ in attrs), (tag, attrs)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert parser.headings[1:] == SECTIONS


def test_the_html_page_shows_what_commonmark_reads_in_the_markdown(db: Path) -> None:
    # The page's parser reads only what plan_markdown writes; on the hostile plan that is no different.
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(export(db, "md"))
    assert body in export(db, "html")


def test_csv_cells_never_run_and_each_activity_is_one_row(db: Path) -> None:
    text = export(db, "csv")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    doc = hostile_document()
    assert len(rows) == 1 + len(doc["activities"])  # type: ignore[arg-type]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), row
    objectives = [row[6] for row in rows[1:]]
    assert "'=1+1" in objectives and "'\t=cmd" in objectives and "'@SUM(A1)" in objectives
    assert " =1+1" in objectives  # a leading space is text to every spreadsheet
    assert all(line.startswith('"') for line in text.splitlines() if line.startswith(("'", "=")))


def test_csv_with_a_carriage_return_in_a_cell_stays_one_row() -> None:
    # New text cannot hold a bare carriage return (it becomes a line break on the way in, and on the way
    # out of an older database); the writer must hold it inside its cell all the same.
    from kamplan.document.parse import parse_plan
    from kamplan.interchange.activities_csv import activities_csv

    doc = parse_plan(
        json.dumps(
            {
                "format": "kamplan-plan",
                "version": 1,
                "account": {"name": "Acme"},
                "activities": [{"date": "2026-03-03", "type": "call"}] * 2,
            }
        )
    )
    raw = doc.activities[0].model_copy(update={"objective": "\r=HYPERLINK(1)", "outcome": "a\rb"})
    doc = doc.model_copy(update={"activities": [raw, raw]})
    rows = list(csv.reader(io.StringIO(activities_csv(doc), newline=""), strict=True))
    assert len(rows) == 3
    assert rows[1][6] == "'\r=HYPERLINK(1)" and rows[1][7] == "a\rb"
