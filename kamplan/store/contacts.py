"""Stakeholders from a contact file: who is new, who is there already, who works elsewhere; then the write.

Two steps, so that the app can show what would happen before anything is written:

- `preview_contacts(conn, account_id, parsed, today)` reads through the standard library's sqlite3 and
  writes nothing;
- `import_contacts(session, account_id, parsed, today)` reads the same in the caller's transaction and
  writes the new people there (`Store.import_contacts` runs it as one unit of work: all or nothing).

Both decide with the same pure function (`plan_contacts`) over the same two queries, so the preview says
what the write will do, unless the plan changes in between; the write's own report then says what it did.
The file itself is read before either (interchange.contacts): a file that cannot be used never gets here.
"""

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Literal

from kamplan.document.contacts import (
    Contact,
    ContactFile,
    Rejected,
    account_companies,
    company_matches,
    person_key,
    same_person,
    split_aliases,
)
from kamplan.errors import NotFoundError

if TYPE_CHECKING:
    from sqlmodel import Session

ACCOUNT_SQL = "SELECT name, aliases FROM account WHERE id = :account AND deleted_at IS NULL"
PEOPLE_SQL = "SELECT id, name, email FROM stakeholder WHERE account_id = :account ORDER BY id"

ALREADY_THERE = "already there"
TWICE_IN_FILE = "twice in the file"


@dataclass(frozen=True)
class NewPerson:
    """Someone the import adds; `reports_to` is their manager's name when the file names one who is in
    the plan already or comes with this file."""

    contact: Contact
    reports_to: str | None = None


@dataclass(frozen=True)
class Skipped:
    contact: Contact
    reason: str  # ALREADY_THERE or TWICE_IN_FILE


@dataclass(frozen=True)
class ContactReport:
    """What an import does (a preview: `written` False) or did (`written` True).

    `companies_checked` is False when the file names no company for anyone: then everyone in it was taken
    as working at the account, and `passed_over` is empty.
    """

    account_id: int
    account: str
    kind: str
    source: str  # what the new people's source says: "LinkedIn export 2026-11-30"
    added: tuple[NewPerson, ...]
    skipped: tuple[Skipped, ...]
    passed_over: tuple[Contact, ...]
    rejected: tuple[Rejected, ...]
    companies_checked: bool
    written: bool = False

    @property
    def people(self) -> int:
        """Everyone the file held."""
        return len(self.added) + len(self.skipped) + len(self.passed_over) + len(self.rejected)


@dataclass(frozen=True)
class Existing:
    """A stakeholder already in the account, as far as the import needs to know them."""

    id: int
    name: str
    email: str


# Where a person of the file ends up: ("new", index into added) or ("old", stakeholder id).
Target = tuple[Literal["new", "old"], int]


@dataclass(frozen=True)
class ContactPlan:
    report: ContactReport
    # (index into added, their manager): reporting lines to set once the new people have ids.
    bosses: tuple[tuple[int, Target], ...]


def plan_contacts(
    parsed: ContactFile,
    account_id: int,
    account_name: str,
    aliases: Sequence[str],
    existing: Sequence[Existing],
    today: date,
) -> ContactPlan:
    """Decide, without any I/O, what importing `parsed` into the account does."""
    companies = account_companies(account_name, aliases)
    added: list[NewPerson] = []
    skipped: list[Skipped] = []
    passed_over: list[Contact] = []
    where: dict[int, Target] = {}  # index in parsed.contacts → where that person is in the plan
    by_name: dict[str, list[Existing]] = {}
    for person in existing:
        by_name.setdefault(person_key(person.name), []).append(person)
    taken: dict[str, list[tuple[int, Contact]]] = {}  # name → (index in parsed.contacts, contact) kept
    for index, contact in enumerate(parsed.contacts):
        if parsed.has_companies and not company_matches(contact.company, companies):
            passed_over.append(contact)
            continue
        key = person_key(contact.name)
        there = next(
            (p for p in by_name.get(key, []) if same_person(p.name, p.email, contact.name, contact.email)),
            None,
        )
        if there is not None:
            skipped.append(Skipped(contact, ALREADY_THERE))
            where[index] = ("old", there.id)
            continue
        earlier = next(
            (i for i, c in taken.get(key, []) if same_person(c.name, c.email, contact.name, contact.email)),
            None,
        )
        if earlier is not None:
            skipped.append(Skipped(contact, TWICE_IN_FILE))
            if earlier in where:
                where[index] = where[earlier]
            continue
        taken.setdefault(key, []).append((index, contact))
        where[index] = ("new", len(added))
        added.append(NewPerson(contact))

    bosses = _reporting_lines(parsed.contacts, where, by_name)
    names = {("old", p.id): p.name for p in existing}
    names.update({("new", n): person.contact.name for n, person in enumerate(added)})
    for n, boss in bosses:
        added[n] = replace(added[n], reports_to=names[boss])
    report = ContactReport(
        account_id=account_id,
        account=account_name,
        kind=parsed.kind,
        source=f"{parsed.kind} {today.isoformat()}",
        added=tuple(added),
        skipped=tuple(skipped),
        passed_over=tuple(passed_over),
        rejected=parsed.rejected,
        companies_checked=parsed.has_companies,
    )
    return ContactPlan(report, tuple(bosses))


def _reporting_lines(
    contacts: Sequence[Contact], where: dict[int, Target], by_name: dict[str, list[Existing]]
) -> list[tuple[int, Target]]:
    """(new person, manager) for each new person whose manager the file names and who is in the plan.

    The manager is found by the file's id for them (Salesforce's ReportsToId), else by name, among the
    people added and those already there (a name that means more than one person finds nobody). A line
    that would close a loop (A reports to B, B to A) is left out: an org chart is a tree.
    """
    by_key: dict[str, int] = {}
    for index, contact in enumerate(contacts):
        if contact.key:
            by_key.setdefault(contact.key, index)
    named: dict[str, set[Target]] = {}
    for index, target in where.items():
        if target[0] == "new":
            named.setdefault(person_key(contacts[index].name), set()).add(target)
    for key, people in by_name.items():
        named.setdefault(key, set()).update(("old", p.id) for p in people)

    boss_of: dict[int, int] = {}  # new → new, to find loops
    lines: list[tuple[int, Target]] = []
    for index, contact in enumerate(contacts):
        me = where.get(index)
        if me is None or me[0] != "new" or not contact.reports_to:
            continue
        boss: Target | None = None
        if contact.reports_to in by_key:
            boss = where.get(by_key[contact.reports_to])
        else:
            found = named.get(person_key(contact.reports_to), set())
            boss = next(iter(found)) if len(found) == 1 else None
        if boss is None or boss == me:
            continue
        if boss[0] == "new":
            step: int | None = boss[1]
            while step is not None and step != me[1]:
                step = boss_of.get(step)
            if step == me[1]:
                continue
            boss_of[me[1]] = boss[1]
        lines.append((me[1], boss))
    return lines


# --- the two steps -------------------------------------------------------------------------------------


def preview_contacts(
    conn: sqlite3.Connection, account_id: int, parsed: ContactFile, today: date
) -> ContactReport:
    """What importing `parsed` would do; reads through sqlite3 and writes nothing."""
    params = {"account": account_id}
    row = conn.execute(ACCOUNT_SQL, params).fetchone()
    if row is None:
        raise NotFoundError(f"account {account_id} no longer exists")
    existing = [Existing(*person) for person in conn.execute(PEOPLE_SQL, params)]
    return plan_contacts(parsed, account_id, row[0], split_aliases(row[1]), existing, today).report


def import_contacts(session: "Session", account_id: int, parsed: ContactFile, today: date) -> ContactReport:
    """Add the new people of `parsed` in the caller's transaction; returns what was done.

    They get name, title, department, email, phone, the source ("LinkedIn export 2026-11-30"), reporting
    lines where the file gives them, and no ratings: influence and support stay unrated until the KAM
    places them. Everyone else in the file is left as it is (a person already there is not changed).
    """
    import sqlalchemy as sa

    from kamplan import models as m
    from kamplan.enums import Confidence

    params = {"account": account_id}
    row = session.execute(sa.text(ACCOUNT_SQL), params).one_or_none()
    if row is None:
        raise NotFoundError(f"account {account_id} no longer exists")
    existing = [Existing(*person) for person in session.execute(sa.text(PEOPLE_SQL), params)]
    plan = plan_contacts(parsed, account_id, row[0], split_aliases(row[1]), existing, today)
    report = plan.report
    if report.added:
        table = m.Stakeholder.__table__
        rows = [
            {
                "account_id": account_id,
                "name": c.name,
                "title": c.title,
                "department": c.department,
                "email": c.email,
                "phone": c.phone,
                "influence": None,
                "support": None,
                "confidence": Confidence.ASSUMED,
                "source": report.source,
            }
            for c in (person.contact for person in report.added)
        ]
        session.execute(sa.insert(table), rows)
        # The insert holds SQLite's write lock until the commit, and each new row's id is the largest so
        # far plus one: the new people are the last len(rows) ids, in the order they were inserted. (One
        # executemany; RETURNING in parameter order would run the insert row by row.)
        ids = sorted(
            session.execute(sa.select(table.c.id).order_by(table.c.id.desc()).limit(len(rows))).scalars()
        )
        if plan.bosses:
            session.execute(
                table.update()
                .where(table.c.id == sa.bindparam("person"))
                .values(reports_to_id=sa.bindparam("boss")),
                [
                    {"person": ids[n], "boss": ids[boss[1]] if boss[0] == "new" else boss[1]}
                    for n, boss in plan.bosses
                ],
            )
    return replace(report, written=True)
