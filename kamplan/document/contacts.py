"""Contacts from other programs' files, as plain values: one person, the text rule applied to each cell,
and which company names mean the account.

The parsers in interchange make these; the store decides who is new and writes them. Nothing here reads a
file or a database.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from kamplan.document.text import text_problem

# What a contact file can say about a person, in the order a report names them.
FIELDS = ("name", "title", "department", "company", "email", "phone", "key", "reports_to")
LABELS = {
    "name": "name",
    "title": "title",
    "department": "department",
    "company": "company",
    "email": "email",
    "phone": "phone",
    "key": "id",
    "reports_to": "reports-to",
}
MAX_CELL = 500  # characters; a longer name or title is a broken file, not a person


@dataclass(frozen=True)
class Contact:
    """One person read from a file. `line` is where their row (or vCard) starts in the file.

    `key` is the file's own id for the person (Salesforce Id, HubSpot Record ID) and `reports_to` names
    their manager: by that id where the file has ids, otherwise by name.
    """

    line: int
    name: str
    title: str = ""
    department: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    key: str = ""
    reports_to: str = ""


@dataclass(frozen=True)
class Rejected:
    """A row that cannot become a stakeholder, and why (its text still unescaped: print it with
    document.text.printable)."""

    line: int
    reason: str
    name: str = ""


@dataclass(frozen=True)
class ContactFile:
    """Everything read from one file, before any database is looked at.

    `kind` names the format ("LinkedIn export", "Salesforce export", "HubSpot export", "vCard file",
    "CSV file"); `has_companies` is False when the file names no company for anyone (then every person
    in it is taken as working at the account); `columns` are the header cells a CSV file had.
    """

    kind: str
    contacts: tuple[Contact, ...]
    rejected: tuple[Rejected, ...] = ()
    has_companies: bool = True
    columns: tuple[str, ...] = ()

    @property
    def people(self) -> int:
        """How many people (rows or cards) the file held, usable or not."""
        return len(self.contacts) + len(self.rejected)


# Whitespace that may appear inside a cell (a quoted line break, a tab, a no-break space): one space in
# these one-line fields. Every other control character refuses the row (the text rule).
_SPACES = re.compile("[\t\n\r\v\f \x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def one_line(value: str) -> str:
    """A cell as a one-line field holds it: whitespace runs folded to one space, ends trimmed, stray
    byte-order marks dropped."""
    if value.isprintable() and "  " not in value:  # the usual cell: no space but the plain one, no runs
        return value.strip(" ")
    return _SPACES.sub(" ", value.replace("\ufeff", "")).strip()


def make_contact(line: int, values: Mapping[str, str]) -> Contact | Rejected:
    """A Contact from one row's cells by field name, or the reason it cannot be one."""
    cleaned = {field: one_line(values.get(field) or "") for field in FIELDS}
    for field in FIELDS:
        value = cleaned[field]
        problem = text_problem(value, multiline=False)
        if problem is None and len(value) > MAX_CELL:
            problem = f"is longer than {MAX_CELL} characters"
        if problem is not None:
            return Rejected(line, f"{LABELS[field]} {problem}", cleaned["name"][:80])
    if not cleaned["name"]:
        return Rejected(line, "no name")
    return Contact(line, **cleaned)


# --- who is who -------------------------------------------------------------------------------------------


def person_key(name: str) -> str:
    """Names compared for "already there": any case, any spacing."""
    return " ".join(name.casefold().split())


def email_key(email: str) -> str:
    return email.strip().casefold()


def same_person(name_a: str, email_a: str, name_b: str, email_b: str) -> bool:
    """Same name, and the same email unless one of them has none."""
    if person_key(name_a) != person_key(name_b):
        return False
    a, b = email_key(email_a), email_key(email_b)
    return not a or not b or a == b


# --- which company is the account ---------------------------------------------------------------------------

# Legal forms that follow a company's name and say nothing about which company it is; compared after
# dots are dropped, so "B.V." is "bv" and "S.p.A." is "spa".
_LEGAL_FORMS = """
    ab ag aps as asa bv bvba co corp corporation cv gmbh inc incorporated kg kk lda limited llc llp lp ltd
    ltda nv oy oyj plc pte pty sa sab sarl sas spa sl srl sro zrt
"""
LEGAL_FORMS = frozenset(_LEGAL_FORMS.split())


@lru_cache(maxsize=4096)  # a file names the same few companies again and again
def company_key(name: str) -> str:
    """A company's name as compared: any case and accents, punctuation ignored, legal forms at the end
    left off ("Kestrelmoor Foods B.V." and "kestrelmoor foods" are one company). "" for no name."""
    plain = name.casefold().replace(".", "")
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.findall(r"\w+", plain)
    while words and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def split_aliases(text: str) -> list[str]:
    """An account's aliases as stored (one a line) or typed (also separated by ';'), tidied.

    Not by commas: company names hold them ("Kestrelmoor Foods, B.V.").
    """
    return [alias for alias in (one_line(part) for part in re.split(r"[\n\r;]", text)) if alias]


def join_aliases(aliases: Iterable[str]) -> str:
    return "\n".join(split_aliases("\n".join(aliases)))


def account_companies(account_name: str, aliases: Iterable[str]) -> frozenset[str]:
    """The company keys that mean this account: its name and each alias."""
    return frozenset(key for key in map(company_key, [account_name, *aliases]) if key)


def company_matches(company: str, companies: frozenset[str]) -> bool:
    key = company_key(company)
    return bool(key) and key in companies
