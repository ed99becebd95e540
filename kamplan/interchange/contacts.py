"""Contact files: LinkedIn's Connections.csv, Salesforce and HubSpot contact exports, vCards (3.0 and 4.0)
and any CSV whose header names its columns. Reading only: what comes out is a ContactFile of plain values
(document.contacts); the store decides who is new and writes them.

Formats are told apart by the file itself: a vCard starts with BEGIN:VCARD; a CSV's header row (found
below any lines of notes, as LinkedIn puts there) names its columns, and some columns only one program
writes (LinkedIn's "Connected On", Salesforce's "ReportsToId", HubSpot's "Record ID").

Text: UTF-8 with or without a byte-order mark, UTF-16 with one, otherwise Windows-1252 (Latin-1 for the
five bytes it leaves undefined). Comma-, semicolon-, tab- and bar-separated files; quoted commas, quotes
and line breaks; rows shorter or longer than the header. Each cell is one line of text: whitespace runs
(a quoted line break, a tab) become one space; a cell holding any other control character or a
bidirectional override rejects its row, with the reason (document.contacts.make_contact). Cells that look
like spreadsheet formulas are ordinary text here; the CSV export neutralises them on the way out.
"""

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kamplan.document.contacts import Contact, ContactFile, Rejected, make_contact
from kamplan.document.text import printable
from kamplan.errors import KamplanError

MAX_CONTACT_BYTES = 50 * 1024 * 1024  # a contact export of 100,000 people is a few tens of MiB
HEADER_SEARCH_ROWS = 50  # how far down a header row may sit below notes
DELIMITERS = (",", ";", "\t", "|")

LINKEDIN = "LinkedIn export"
SALESFORCE = "Salesforce export"
HUBSPOT = "HubSpot export"
VCARD = "vCard file"
GENERIC = "CSV file"

# Header names by field, compared squashed (any case, letters and digits only: "E-mail Address" is
# "emailaddress"), best first: a row takes the first of its columns that has a value.
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "contactname", "displayname", "contact", "naam", "nombrecompleto"),
    "first": ("firstname", "givenname", "first", "forename", "vorname", "prenom", "voornaam", "nombre"),
    "last": ("lastname", "surname", "familyname", "last", "nachname", "achternaam", "apellido", "apellidos"),
    "title": (
        "jobtitle",
        "title",
        "position",
        "role",
        "jobrole",
        "jobfunction",
        "function",
        "designation",
        "funktion",
        "functie",
        "poste",
        "cargo",
    ),
    "company": (
        "company",
        "companyname",
        "accountname",
        "account",
        "organization",
        "organisation",
        "organizationname",
        "organisationname",
        "org",
        "employer",
        "associatedcompany",
        "firma",
        "unternehmen",
        "bedrijf",
        "entreprise",
        "empresa",
        # Salesforce Data Loader writes the account's id, not its name: an alias can hold that id.
        "accountid",
    ),
    "department": ("department", "dept", "division", "businessunit", "abteilung", "afdeling"),
    "email": (
        "email",
        "emailaddress",
        "workemail",
        "businessemail",
        "primaryemail",
        "email1",
        "mail",
        "emailaddress1",
        "courriel",
    ),
    "phone": (
        "phone",
        "phonenumber",
        "businessphone",
        "workphone",
        "officephone",
        "directphone",
        "telephone",
        "telephonenumber",
        "tel",
        "telefon",
        "telefoon",
        "mobile",
        "mobilephone",
        "mobilephonenumber",
        "mobilenumber",
        "cell",
        "cellphone",
    ),
    "key": ("id", "contactid", "recordid", "salesforceid"),
    "reports_to": (
        "reportstoid",
        "reportsto",
        "reportstoname",
        "reportstofullname",
        "manager",
        "managername",
        "supervisor",
        "vorgesetzter",
    ),
}
NAME_PARTS = ("name", "first", "last")
SIGNS = {
    LINKEDIN: {"connectedon"},
    SALESFORCE: {"reportstoid", "accountid", "ownerid", "mailingstreet", "mailingcity", "createdbyid"},
    HUBSPOT: {"recordid", "contactowner", "lifecyclestage", "associatedcompany", "leadstatus"},
}
_BINARY = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
SALESFORCE_ID = re.compile(r"[A-Za-z0-9]{18}")


def squash(header: str) -> str:
    return re.sub(r"[\W_]+", "", header.casefold())


# --- the file as text ---------------------------------------------------------------------------------------


def read_contacts(path: Path) -> ContactFile:
    """Read and parse a contact file. KamplanError (one line) when it cannot be used at all; rows that
    cannot be used are in the result's `rejected`, each with its reason."""
    try:
        if path.stat().st_size > MAX_CONTACT_BYTES:
            raise KamplanError(f"{path} is too large to be a contact file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise KamplanError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise KamplanError(f"{path} is a folder, not a file") from None
    except PermissionError:
        raise KamplanError(f"{path}: permission denied") from None
    except OSError as error:
        raise KamplanError(f"{path}: {error.strerror or error}") from None
    return parse_contacts(data, path.name)


def parse_contacts(data: bytes, name: str = "the file") -> ContactFile:
    """Parse a contact file's bytes (`name` is only for messages). Never writes anything."""
    shown = printable(name, multiline=False)
    text = decode(data, shown)
    if not text.strip():
        raise KamplanError(f"{shown} is empty")
    if _BEGIN.match(next((line for _, line in _logical_lines(text[:1000]) if line.strip()), "").strip()):
        return parse_vcards(text, shown)
    return parse_csv(text, shown)


def decode(data: bytes, shown: str = "the file") -> str:
    """The file's text: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252 / Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise KamplanError(f"{shown} says it is UTF-16 text but is not") from None
    data = data.removeprefix(b"\xef\xbb\xbf")  # UTF-8's mark, even on a file that is not all UTF-8
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    # Binary data decodes as text too, full of control characters; a text file has few (and a stray one
    # only rejects its row). ESC is left out of the count: terminal escapes in a cell are text to refuse.
    sample = text[:65536]
    controls = len(_BINARY.findall(sample))
    if controls >= 3 and controls > len(sample) // 100:
        raise KamplanError(f"{shown} is not a contact file: it holds binary data (or UTF-16 without a BOM)")
    return text


# --- CSV ----------------------------------------------------------------------------------------------------


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells) for each record of the text."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


_HEADER_NAMES = {name: (field, rank) for field, names in COLUMNS.items() for rank, name in enumerate(names)}


def _header_fields(cells: Sequence[str]) -> dict[str, list[int]]:
    """field → the columns holding it, best first, for a candidate header row."""
    found: dict[str, list[tuple[int, int]]] = {}
    for column, cell in enumerate(cells):
        known = _HEADER_NAMES.get(squash(cell))
        if known is not None:
            found.setdefault(known[0], []).append((known[1], column))
    return {field: [column for _, column in sorted(columns)] for field, columns in found.items()}


@dataclass(frozen=True)
class _Header:
    delimiter: str
    index: int  # which record
    line: int  # where it starts
    cells: list[str]
    fields: dict[str, list[int]]


def _find_header(text: str) -> _Header | None:
    """For each delimiter, the first row (of the first few) that names the person; of those, the one that
    names the most fields. None when no row names the person."""
    best: tuple[tuple[int, int], _Header] | None = None
    for rank, delimiter in enumerate(DELIMITERS):
        try:
            for index, (line, cells) in enumerate(_records(text, delimiter)):
                if index >= HEADER_SEARCH_ROWS:
                    break
                fields = _header_fields(cells)
                if not any(part in fields for part in NAME_PARTS):
                    continue
                score = (len(fields), -rank)
                if best is None or score > best[0]:
                    best = (score, _Header(delimiter, index, line, cells, fields))
                break
        except csv.Error:
            continue
    return None if best is None else best[1]


def _first_row(text: str) -> list[str]:
    """The first non-empty row, split by whichever delimiter gives it the most cells (for messages)."""
    rows = []
    for delimiter in DELIMITERS:
        try:
            row = next((cells for _, cells in _records(text, delimiter) if any(c.strip() for c in cells)), [])
        except csv.Error:
            row = []
        rows.append(row)
    return max(rows, key=len)


def _kind(squashed: set[str], preamble: str) -> str:
    for kind, signs in SIGNS.items():
        if squashed & signs:
            return kind
    if "linkedin" in preamble.casefold():
        return LINKEDIN
    return GENERIC


def _show_columns(cells: Sequence[str]) -> str:
    shown = [printable(cell.strip()[:40], multiline=False) for cell in cells if cell.strip()]
    if not shown:
        return "none"
    more = f" and {len(shown) - 12} more" if len(shown) > 12 else ""
    return ", ".join(shown[:12]) + more


def parse_csv(text: str, shown: str = "the file") -> ContactFile:
    header = _find_header(text)
    if header is None:
        raise KamplanError(
            f"{shown}: no column for the person's name; found columns: {_show_columns(_first_row(text))};"
            " needed: Name, or First Name and Last Name (and any of Title or Position, Company, Department,"
            " Email, Phone)"
        )
    fields = header.fields
    preamble = "\n".join(text.split("\n", header.line - 1)[: header.line - 1])
    kind = _kind({squash(cell) for cell in header.cells}, preamble)
    contacts: list[Contact] = []
    rejected: list[Rejected] = []
    try:
        for index, (line, row) in enumerate(_records(text, header.delimiter)):
            if index <= header.index or not any(cell.strip() for cell in row):
                continue
            values = {field: _value(row, columns) for field, columns in fields.items()}
            if "name" not in fields or not values["name"].strip():
                values["name"] = " ".join(
                    part for part in (values.get("first", "").strip(), values.get("last", "").strip()) if part
                )
            if kind == SALESFORCE:
                for field in ("key", "reports_to"):
                    values[field] = _salesforce_id(values.get(field, ""))
            _sort(make_contact(line, values), contacts, rejected)
    except csv.Error as error:
        raise KamplanError(f"{shown}: not a CSV file kamplan can read ({error})") from None
    return ContactFile(
        kind=kind,
        contacts=tuple(contacts),
        rejected=tuple(rejected),
        has_companies="company" in fields,
        columns=tuple(header.cells),
    )


def _sort(made: Contact | Rejected, contacts: list[Contact], rejected: list[Rejected]) -> None:
    if isinstance(made, Contact):
        contacts.append(made)
    else:
        rejected.append(made)


def _value(row: Sequence[str], columns: list[int]) -> str:
    for column in columns:
        if column < len(row) and row[column].strip():
            return row[column]
    return ""


def _salesforce_id(value: str) -> str:
    """Salesforce writes an id in 15 or 18 characters (the last three a checksum); compare the 15."""
    value = value.strip()
    return value[:15] if SALESFORCE_ID.fullmatch(value) else value


# --- vCard --------------------------------------------------------------------------------------------------

_BEGIN = re.compile(r"BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"END\s*:\s*VCARD\s*$", re.IGNORECASE)
MANAGER_PROPERTIES = ("x-ms-manager", "x-manager")


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line where it starts, content line unfolded): a line that starts with a space or a tab continues
    the one before it (RFC 6350, 3.2)."""
    start, current = 0, None
    for number, line in enumerate(text.splitlines(), 1):
        if current is not None and line[:1] in (" ", "\t"):
            current += line[1:]
            continue
        if current is not None:
            yield start, current
        start, current = number, line
    if current is not None:
        yield start, current


def _cards(text: str) -> Iterator[tuple[int, str]]:
    """(line where it starts, unfolded text) of each BEGIN:VCARD … END:VCARD block; a card left open ends
    at the next BEGIN or the end of the file (and vobject then says what is wrong with it)."""
    start: int | None = None
    lines: list[str] = []
    for number, line in _logical_lines(text):
        if _BEGIN.match(line.strip()):
            if start is not None:
                yield start, "\r\n".join(lines)
            start, lines = number, [line.strip()]
        elif start is not None:
            lines.append(line)
            if _END.match(line.strip()):
                yield start, "\r\n".join(lines) + "\r\n"
                start, lines = None, []
    if start is not None:
        yield start, "\r\n".join(lines)


def parse_vcards(text: str, shown: str = "the file") -> ContactFile:
    import vobject

    contacts: list[Contact] = []
    rejected: list[Rejected] = []
    has_companies = False
    for line, card_text in _cards(text):
        try:
            card = vobject.readOne(card_text)
            values = _card_values(card)
        except Exception as error:  # vobject raises many kinds of error on a broken card
            reason = str(error).splitlines()[0] if str(error).strip() else type(error).__name__
            reason = re.sub(r"^At line \d+: ", "", reason)  # vobject counts from the card's first line
            rejected.append(Rejected(line, f"not a readable vCard ({reason[:120]})"))
            continue
        has_companies = has_companies or bool(values["company"].strip())
        _sort(make_contact(line, values), contacts, rejected)
    if not contacts and not rejected:
        raise KamplanError(f"{shown} holds no vCard")
    return ContactFile(VCARD, tuple(contacts), tuple(rejected), has_companies=has_companies)


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(part) for part in value if _text(part))
    return value if isinstance(value, str) else ""


def _preferred(card: Any, name: str) -> str:
    """The value of a property that may come several times (EMAIL, TEL): the preferred or work one first."""
    found = card.contents.get(name, [])

    def rank(prop: Any) -> int:
        types = {t.strip().casefold() for v in prop.params.get("TYPE", []) for t in str(v).split(",")}
        preferred = "pref" in types or "PREF" in prop.params
        return 0 if preferred else 1 if "work" in types else 2

    for prop in sorted(found, key=rank):
        value = _text(prop.value).strip()
        if value:
            return value
    return ""


def _card_values(card: Any) -> dict[str, str]:
    contents = card.contents
    name = _text(contents["fn"][0].value) if "fn" in contents else ""
    if not name.strip() and "n" in contents:
        n = contents["n"][0].value
        name = " ".join(
            part for part in (_text(getattr(n, key, "")) for key in ("given", "additional", "family")) if part
        )
    org = contents["org"][0].value if "org" in contents else []
    org = [org] if isinstance(org, str) else list(org)
    phone = _preferred(card, "tel")
    manager = next((_text(contents[p][0].value) for p in MANAGER_PROPERTIES if p in contents), "")
    return {
        "name": name,
        "title": _text(contents["title"][0].value) if "title" in contents else "",
        "company": _text(org[0]) if org else "",
        "department": ", ".join(part for part in map(_text, org[1:]) if part.strip()),
        "email": _preferred(card, "email").removeprefix("mailto:"),
        "phone": phone[4:] if phone.casefold().startswith("tel:") else phone,
        "reports_to": manager,
    }
