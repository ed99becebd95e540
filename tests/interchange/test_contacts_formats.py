"""Contact files of each format, written from the formats' documentation, read as a KAM would get them."""

from pathlib import Path

import pytest

from kamplan.document.contacts import Contact, ContactFile
from kamplan.errors import KamplanError
from kamplan.interchange.contacts import (
    GENERIC,
    HUBSPOT,
    LINKEDIN,
    SALESFORCE,
    VCARD,
    parse_contacts,
    read_contacts,
)

FILES = Path(__file__).parent.parent / "fixtures" / "contacts"


def by_name(parsed: ContactFile) -> dict[str, Contact]:
    """Each person by name, as first found in the file."""
    found: dict[str, Contact] = {}
    for contact in parsed.contacts:
        found.setdefault(contact.name, contact)
    return found


def test_linkedin_connections_with_notes_above_the_header() -> None:
    parsed = read_contacts(FILES / "linkedin-connections.csv")
    assert parsed.kind == LINKEDIN
    assert parsed.columns[:2] == ("First Name", "Last Name")
    people = by_name(parsed)
    assert people["Jürgen Weiß"] == Contact(
        line=6,
        name="Jürgen Weiß",
        title="Head of Packaging Development, Zwolle",  # a quoted comma
        company="Kestrelmoor Foods",
        email="j.weiss@kestrelmoor.example",
    )
    # A cell that looks like a spreadsheet formula is text like any other.
    assert people["Łukasz Zieliński"].title == '=HYPERLINK("https://example.com","Planner")'
    assert people["Tom Okafor"].company == ""
    assert [(r.line, r.name, r.reason) for r in parsed.rejected] == [
        (11, "Sofia Marin", "title must not hold an escape character (ESC)"),
        (12, "", "no name"),
    ]
    assert parsed.people == 10


def test_salesforce_export_in_latin_1_with_reports_to_ids() -> None:
    parsed = read_contacts(FILES / "salesforce-contacts.csv")
    assert parsed.kind == SALESFORCE
    people = by_name(parsed)
    assert set(people) == {"Pieter Dekkers", "Françoise Müller", "Dirk van Aalst", "Hannah Becker"}
    francoise = people["Françoise Müller"]
    assert francoise.company == "Kestrelmoor Foods B.V."  # Account.Name, before the AccountId
    assert francoise.department == "Finance"
    assert francoise.phone == "+31 38 555 0190"
    # 18- and 15-character ids of the same record compare equal.
    assert francoise.reports_to == people["Pieter Dekkers"].key
    assert people["Dirk van Aalst"].reports_to == francoise.key


def test_hubspot_export_with_a_byte_order_mark() -> None:
    parsed = read_contacts(FILES / "hubspot-contacts.csv")
    assert parsed.kind == HUBSPOT
    assert parsed.columns[0] == "Record ID"  # the BOM is not part of the first header
    people = by_name(parsed)
    assert people["Noor Bakker"].company == "Kestrelmoor Foods B.V."  # from Associated Company
    assert people["Noor Bakker"].phone == "+31 38 555 0199"
    assert people["Margit Holmqvist"].title == "Chief Operating Officer"


def test_semicolon_separated_windows_1252_with_german_headers() -> None:
    parsed = read_contacts(FILES / "semicolon-cp1252.csv")
    assert parsed.kind == GENERIC
    people = by_name(parsed)
    assert people["Günther Straße"] == Contact(
        line=2,
        name="Günther Straße",
        title="Leiter Einkauf",
        department="Einkauf",
        company="Kestrelmoor",
        email="g.strasse@kestrelmoor.example",
        phone="+49 30 555 0100",
    )
    assert people["Renée Çelik"].title == "Qualität; Labor"


def test_generic_csv_with_a_two_line_cell_and_ragged_rows() -> None:
    parsed = read_contacts(FILES / "generic.csv")
    people = by_name(parsed)
    assert people["Yusuf Demir"].title == "Packaging Engineer Zwolle plant"  # one line in a one-line field
    assert people["Yusuf Demir"].reports_to == "Joost Hermsen"
    assert people["Yusuf Demir"].phone == "+31 6 5555 0101"  # from Mobile
    assert people["Ella Visser"] == Contact(
        line=5, name="Ella Visser", title="Planner", company=people["Ella Visser"].company
    )  # a short row: what is missing is empty
    assert people["Bas Mulder"].reports_to == "Yusuf Demir"  # a long row: the extra cells are ignored
    assert people["Bas Mulder"].line == 6  # the two-line cell counts as two lines of the file


def test_vcard_3_with_folded_lines_and_several_emails() -> None:
    parsed = read_contacts(FILES / "contacts-3.0.vcf")
    assert parsed.kind == VCARD
    people = by_name(parsed)
    maaike = people["Maaike de Graaf"]
    assert maaike.title == (
        "Senior Food Technologist, Desserts and Chilled Innovation Programme (Moorland Kitchen relaunch 2027)"
    )
    assert maaike.company == "Kestrelmoor Foods B.V."
    assert maaike.department == "Research & Development, Desserts"
    assert maaike.email == "maaike.degraaf@kestrelmoor.example"  # the work one before the home one
    assert maaike.phone == "+31 6 5555 0177"
    assert maaike.reports_to == "Joost Hermsen"  # Outlook's X-MS-MANAGER
    assert maaike.line == 10
    assert people["Carlos Mendes"].company == "Lumenfold Ltd"


def test_vcard_4_with_uri_phones_a_name_from_n_and_a_broken_card() -> None:
    parsed = read_contacts(FILES / "contacts-4.0.vcf")
    people = by_name(parsed)
    assert people["Søren Kjær"].phone == "+31-38-555-0160"
    assert people["Søren Kjær"].department == "Logistics"
    assert "Wei Ng" in people  # no FN: the name is made from N
    assert [(r.line, r.reason) for r in parsed.rejected] == [
        (16, "not a readable vCard (Failed to parse line: FN)")
    ]


def test_a_file_without_a_name_column_says_what_it_found_and_what_it_needs() -> None:
    with pytest.raises(KamplanError) as raised:
        read_contacts(FILES / "no-name.csv")
    message = str(raised.value)
    assert "found columns: Company, E-mail, Phone" in message
    assert "needed: Name, or First Name and Last Name" in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (bytes(range(1, 32)) * 40, "binary data"),
        (b"BEGIN:VCARD-ish\nnothing", "no column for the person's name"),
        (b"\xff\xfe\x00\xd8", "says it is UTF-16"),
    ],
)
def test_files_that_cannot_be_used_say_why(data: bytes, expected: str) -> None:
    with pytest.raises(KamplanError, match=expected.replace("(", r"\(")) as raised:
        parse_contacts(data, "x.csv")
    assert "\n" not in str(raised.value)


def test_a_row_with_terminal_escapes_is_rejected_not_a_file_error() -> None:
    parsed = parse_contacts(b"name\n\x1b[2J\x1b]0;owned\x07\nAnn\n", "x.csv")
    assert [c.name for c in parsed.contacts] == ["Ann"]
    assert [(r.line, r.reason) for r in parsed.rejected] == [
        (2, "name must not hold an escape character (ESC)")
    ]


def test_a_header_cell_with_control_characters_is_shown_escaped() -> None:
    with pytest.raises(KamplanError) as raised:
        parse_contacts(b"Firma,\x1b[31mRed\n", "x.csv")
    assert "\x1b" not in str(raised.value) and "\\x1b[31mRed" in str(raised.value)


def test_utf_16_with_a_byte_order_mark_and_tabs_as_excel_writes_unicode_text() -> None:
    text = "Name\tCompany\tTitle\r\nAyşe Yılmaz\tKestrelmoor\tBuyer\r\n"
    parsed = parse_contacts(text.encode("utf-16"), "x.txt")
    assert parsed.contacts == (Contact(line=2, name="Ayşe Yılmaz", title="Buyer", company="Kestrelmoor"),)


def test_latin_1_and_windows_1252_decode_to_the_right_letters() -> None:
    text = "Name,Company,Title\nJürgen Ça’pé,Kestrelmoor,€ Buyer\n"
    parsed = parse_contacts(text.encode("cp1252"), "x.csv")
    assert parsed.contacts[0].name == "Jürgen Ça’pé"
    assert parsed.contacts[0].title == "€ Buyer"


def test_a_byte_order_mark_on_a_file_that_is_not_all_utf_8_and_mac_line_ends() -> None:
    data = b'\xef\xbb\xbfName,Company\rJ\xfcrgen,Kestrelmoor\r"Ann\rLee",Kestrelmoor\rBo,X\r'
    parsed = parse_contacts(data, "x.csv")
    assert [(c.line, c.name) for c in parsed.contacts] == [(2, "Jürgen"), (3, "Ann Lee"), (5, "Bo")]


def test_a_file_with_no_company_column_says_so() -> None:
    parsed = parse_contacts(b"First name,Last name\nAnn,Lee\n", "x.csv")
    assert parsed.has_companies is False
    assert parsed.contacts == (Contact(line=2, name="Ann Lee"),)


def test_ten_thousand_rows_parse(tmp_path: Path) -> None:
    rows = "".join(f"Person {n},Buyer {n},Kestrelmoor,p{n}@k.example\n" for n in range(10_000))
    parsed = parse_contacts(("Name,Title,Company,Email\n" + rows).encode(), "big.csv")
    assert len(parsed.contacts) == 10_000 and parsed.contacts[-1].line == 10_001
