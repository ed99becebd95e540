"""Properties of the contact parsers: what a program writes, kamplan reads back (parse(write(rows)) gives
the rows), whatever the cells hold; and no file, however hostile, makes them fail other than with a
one-line KamplanError."""

import codecs
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamplan.document.contacts import MAX_CELL, Contact, ContactFile, one_line
from kamplan.document.text import text_problem
from kamplan.errors import KamplanError
from kamplan.interchange.contacts import HUBSPOT, LINKEDIN, SALESFORCE, VCARD, parse_contacts

# Text a person's details may hold: any script, and what trips up CSV and vCard writers (separators,
# quotes, line breaks, backslashes, formula starts). Not control characters or bidirectional overrides,
# which refuse the row (tested on their own below).
awkward = st.sampled_from(
    [",", ";", '"', "'", "\n", "\r", "\t", " ", "\\", ":", "=", "+", "-", "@", "\u00a0"]
)
letters = st.characters(exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp"))
cells = st.text(letters | awkward, max_size=14)
names = cells.filter(lambda s: one_line(s) != "")
latin = st.text(st.characters(codec="cp1252", exclude_categories=("Cc", "Cf")) | awkward, max_size=14)
latin_names = latin.filter(lambda s: one_line(s) != "")

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def write_csv(
    header: list[str],
    rows: list[list[str]],
    *,
    delimiter: str = ",",
    quote_all: bool = False,
    line_end: str = "\n",
) -> str:
    """CSV as RFC 4180 and spreadsheets write it: a cell is quoted when it holds the delimiter, a quote or
    a line break (the csv module's writer leaves a lone carriage return unquoted when lines end in LF)."""

    def cell(value: str) -> str:
        if quote_all or any(char in value for char in (delimiter, '"', "\r", "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join(delimiter.join(map(cell, row)) + line_end for row in [header, *rows])


def encode(text: str, encoding: str, bom: bool) -> bytes:
    if encoding == "utf-8":
        return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    return text.encode(encoding)


def fields(contact: Contact) -> tuple[str, ...]:
    return (contact.name, contact.title, contact.company, contact.department, contact.email, contact.phone)


# --- each format reads back what it wrote -------------------------------------------------------------------


@FAST
@given(
    rows=st.lists(st.tuples(names, cells, cells, cells, cells, cells), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    quote_all=st.booleans(),
    line_end=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_any_csv_reads_back_its_rows(
    rows: list[tuple[str, ...]], delimiter: str, quote_all: bool, line_end: str, bom: bool
) -> None:
    header = ["Name", "Title", "Company", "Department", "Email", "Phone"]
    text = write_csv(
        header, [list(r) for r in rows], delimiter=delimiter, quote_all=quote_all, line_end=line_end
    )
    parsed = parse_contacts(encode(text, "utf-8", bom))
    assert [fields(c) for c in parsed.contacts] == [tuple(one_line(cell) for cell in row) for row in rows]
    assert parsed.rejected == ()


@FAST
@given(
    rows=st.lists(st.tuples(latin_names, latin, latin), min_size=1, max_size=6),
    delimiter=st.sampled_from(",;"),
)
def test_windows_1252_files_read_back_their_letters(rows: list[tuple[str, str, str]], delimiter: str) -> None:
    text = write_csv(["Naam", "Functie", "Bedrijf"], [list(r) for r in rows], delimiter=delimiter)
    data = text.encode("cp1252")
    try:
        data.decode("utf-8")  # text that happens to be valid UTF-8 too ("Ã©") is read as UTF-8:
        ascii_only = data.isascii()  # nothing to decide then only when it is plain ASCII
    except UnicodeDecodeError:
        ascii_only = True
    if not ascii_only:
        return
    parsed = parse_contacts(data)
    assert [(c.name, c.title, c.company) for c in parsed.contacts] == [tuple(map(one_line, r)) for r in rows]


@FAST
@given(rows=st.lists(st.tuples(names, cells, cells, cells, cells), max_size=8))
def test_linkedin_connections_read_back_below_their_notes(rows: list[tuple[str, ...]]) -> None:
    notes = (
        'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are'
        ' missing. You will only see email addresses for connections who have allowed it."\n\n'
    )
    header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    body = [[first, last, "https://www.linkedin.com/in/x", email, company, position, "01 Jan 2026"]
            for first, last, email, company, position in rows]  # fmt: skip
    parsed = parse_contacts((notes + write_csv(header, body)).encode())
    assert parsed.kind == LINKEDIN
    expected = [
        (
            one_line(f"{one_line(first)} {one_line(last)}"),
            one_line(position),
            one_line(company),
            one_line(email),
        )
        for first, last, email, company, position in rows
        if one_line(first) or one_line(last)
    ]
    assert [(c.name, c.title, c.company, c.email) for c in parsed.contacts] == expected


salesforce_ids = st.text(st.sampled_from("ABCDEFabcdef0123456789"), min_size=15, max_size=15)


@st.composite
def salesforce_rows(draw: Any) -> tuple[list[str], list[tuple[str, str, str]]]:
    """People with 15-character ids, each reporting to nobody or someone; written in 15 or 18 characters."""
    ids = draw(st.lists(salesforce_ids, min_size=1, max_size=6, unique=True))
    people = [(draw(names), person, draw(st.sampled_from(["", *ids]))) for person in ids]
    return ids, people


@FAST
@given(data=salesforce_rows(), long_ids=st.lists(st.booleans(), min_size=12, max_size=12))
def test_salesforce_ids_read_back_in_either_length(data: Any, long_ids: list[bool]) -> None:
    _, people = data

    def written(salesforce_id: str, n: int) -> str:
        return salesforce_id + "AAA" if salesforce_id and long_ids[n % 12] else salesforce_id

    header = ["Id", "Name", "AccountId", "ReportsToId"]
    body = [[written(key, n), name, "001000000000001AAA", written(boss, n + 1)]
            for n, (name, key, boss) in enumerate(people)]  # fmt: skip
    parsed = parse_contacts(
        write_csv(header, body, quote_all=True, line_end="\r\n").encode("latin-1", "replace")
    )
    assert parsed.kind == SALESFORCE
    assert [(c.key, c.reports_to) for c in parsed.contacts] == [(key, boss) for _, key, boss in people]


@FAST
@given(rows=st.lists(st.tuples(st.integers(1, 10**9), names, cells, cells), max_size=6))
def test_hubspot_exports_read_back(rows: list[tuple[int, str, str, str]]) -> None:
    header = ["Record ID", "First Name", "Last Name", "Email", "Job Title", "Company Name", "Lifecycle Stage"]
    body = [[str(record), name, "", "", title, company, "lead"] for record, name, title, company in rows]
    parsed = parse_contacts(encode(write_csv(header, body, line_end="\r\n"), "utf-8", True))
    assert parsed.kind == HUBSPOT
    assert [(c.key, c.name, c.title, c.company) for c in parsed.contacts] == [
        (str(record), one_line(name), one_line(title), one_line(company))
        for record, name, title, company in rows
    ]


def vcard_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def folded(line: str, width: int) -> str:
    """A content line folded as RFC 6350 says: CRLF and one space before each continuation."""
    parts = [line[:width]] + [line[i : i + width - 1] for i in range(width, len(line), width - 1)]
    return "\r\n ".join(parts)


def write_vcard(person: tuple[str, ...], version: str, width: int) -> str:
    name, title, company, department, email, phone = person
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"FN:{vcard_text(name)}", "N:;;;;"]
    if company or department:
        lines.append(f"ORG:{vcard_text(company)};{vcard_text(department)}")
    for prop, value in (("TITLE", title), ("EMAIL;TYPE=work", email), ("TEL;TYPE=work", phone)):
        if value:
            lines.append(f"{prop}:{vcard_text(value)}")
    lines.append("END:VCARD")
    return "".join(folded(line, width) + "\r\n" for line in lines)


# Leading spaces are not kept by every vCard reader; nor is a department without a company (ORG:;Sales).
vcard_cells = cells.map(one_line)
# An email or phone written as a URI (mailto:, tel:) is read without the scheme.
uris = vcard_cells.filter(lambda value: not value.casefold().startswith(("mailto:", "tel:")))


@FAST
@given(
    people=st.lists(st.tuples(names.map(one_line), *[vcard_cells] * 3, uris, uris), min_size=1, max_size=5),
    version=st.sampled_from(["3.0", "4.0"]),
    width=st.integers(10, 75),
)
def test_vcards_read_back_however_their_lines_are_folded(
    people: list[tuple[str, ...]], version: str, width: int
) -> None:
    text = "".join(write_vcard(person, version, width) for person in people)
    parsed = parse_contacts(text.encode())
    assert parsed.kind == VCARD
    assert parsed.rejected == ()
    expected = [
        (name, title, company, department if company or department else "", email, phone)
        for name, title, company, department, email, phone in people
    ]
    assert [fields(c) for c in parsed.contacts] == expected


# --- hostile files --------------------------------------------------------------------------------------


def check(parsed: ContactFile) -> None:
    """What a parser hands on always obeys the text rule, whatever the file held."""
    for contact in parsed.contacts:
        assert contact.name
        for value in (*fields(contact), contact.key, contact.reports_to):
            assert text_problem(value, multiline=False) is None
            assert value == value.strip() and len(value) <= MAX_CELL
    for rejected in parsed.rejected:
        assert rejected.reason and "\n" not in rejected.reason


def parse_or_refuse(data: bytes) -> None:
    try:
        parsed = parse_contacts(data, "hostile.csv")
    except KamplanError as error:
        assert "\n" not in str(error)
    else:
        check(parsed)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes_never_crash_the_parser(data: bytes) -> None:
    parse_or_refuse(data)


prefixes = st.sampled_from(
    [
        b"Name,Company,Title,Email\n",
        b"First Name;Last Name;Company\r\n",
        b"\xef\xbb\xbfId,Name,ReportsToId,AccountId\n",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\n",
        b'Notes:\n"x"\n\nFirst Name,Last Name,Company,Position,Connected On\n',
    ]
)
pieces = [b",", b";", b'"', b"\n", b"\r", b"\x00", b"\x1b[31m", b"\xff", b"\xc3", b"=cmd|' /C calc'!A0"]
pieces += [b"\xe2\x80\xae", b"END:VCARD", b"BEGIN:VCARD", b"FN:", b"ORG:", b"\t", b"\\", b"a", b"\xe9"]
junk = st.lists(st.sampled_from(pieces) | st.binary(max_size=5), max_size=60).map(b"".join)


@settings(max_examples=150, deadline=None)
@given(prefix=prefixes, body=junk)
def test_hostile_rows_below_a_real_header_never_crash_the_parser(prefix: bytes, body: bytes) -> None:
    parse_or_refuse(prefix + body)


@given(
    control=st.sampled_from(["\x00", "\x1b", "\x07", "\x7f", "\x9b", "\u202e", "\u2066"]),
    column=st.integers(0, 2),
)
def test_a_control_character_in_any_cell_rejects_its_row_with_the_field_named(
    control: str, column: int
) -> None:
    row = ["Ann Lee", "Buyer", "Kestrelmoor"]
    row[column] = row[column][:2] + control + row[column][2:]
    parsed = parse_contacts(write_csv(["Name", "Title", "Company"], [row, ["Bo", "", "X"]]).encode())
    assert [c.name for c in parsed.contacts] == ["Bo"]
    (rejected,) = parsed.rejected
    assert rejected.line == 2
    assert rejected.reason.startswith(["name", "title", "company"][column] + " must not hold")
