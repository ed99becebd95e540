"""Contact import: which company is the account, who is there already, reporting lines, and the write
(one transaction, unrated people, nothing changed for anyone already there)."""

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from kamplan.document.contacts import (
    Contact,
    ContactFile,
    Rejected,
    account_companies,
    company_key,
    company_matches,
    join_aliases,
    same_person,
    split_aliases,
)
from kamplan.errors import KamplanError, NotFoundError, ValidationFailed
from kamplan.interchange.contacts import parse_contacts, read_contacts
from kamplan.store import contacts as store_contacts
from kamplan.store.contacts import ALREADY_THERE, TWICE_IN_FILE, Existing, plan_contacts
from kamplan.store.engine import open_engine
from kamplan.store.service import Store

TODAY = date(2026, 11, 30)
DEMO = "Kestrelmoor Foods B.V."
FILES = Path(__file__).parent.parent / "fixtures" / "contacts"


# --- the rules, pure ----------------------------------------------------------------------------------------


SPELLINGS = ["Kestrelmoor Foods B.V.", "kestrelmoor foods bv", "KESTRELMOOR FOODS", "Kestrelmoor Foods, B.V."]


@pytest.mark.parametrize("spelling", [*SPELLINGS, "Kestrelmoor-Foods"])
def test_a_company_is_the_same_in_any_case_punctuation_or_legal_form(spelling: str) -> None:
    assert company_key(spelling) == "kestrelmoor foods"


def test_company_names_compare_without_accents_and_legal_forms_alone_are_no_company() -> None:
    assert company_key("Nestlé S.A.") == company_key("nestle") == "nestle"
    assert company_key("Acme Inc. Ltd") == "acme"
    assert company_key("Inc.") == company_key("  ") == ""
    companies = account_companies(DEMO, ["Kestrelmoor", "Inc"])
    assert companies == {"kestrelmoor foods", "kestrelmoor"}
    assert company_matches("KESTRELMOOR", companies)
    assert not company_matches("Kestrelmoor Dairy", companies)
    assert not company_matches("", companies)


def test_aliases_are_one_a_line_and_semicolons_separate_typed_ones() -> None:
    assert split_aliases(" Kestrelmoor ;KMF\n\n  Moorland   Kitchen \r\n") == [
        "Kestrelmoor",
        "KMF",
        "Moorland Kitchen",
    ]
    assert join_aliases(["A", " ", "B;C"]) == "A\nB\nC"
    assert split_aliases("Kestrelmoor Foods, B.V.") == ["Kestrelmoor Foods, B.V."]  # commas belong to names


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("Ann Lee", ""), ("ann  lee", "ann@x.example"), True),  # no email on one side: the name decides
        (("Ann Lee", "ANN@x.example"), ("Ann Lee", "ann@x.example "), True),
        (("Ann Lee", "ann@x.example"), ("Ann Lee", "ann.lee@y.example"), False),  # namesakes
        (("Ann Lee", ""), ("Anne Lee", ""), False),
    ],
)
def test_same_person_means_same_name_and_same_email_unless_one_has_none(
    a: tuple[str, str], b: tuple[str, str], same: bool
) -> None:
    assert same_person(*a, *b) is same


def person(line: int, name: str, **fields: str) -> Contact:
    return Contact(line=line, name=name, company=fields.pop("company", DEMO), **fields)


def plan(
    contacts: list[Contact], existing: list[Existing] | None = None, has_companies: bool = True
) -> store_contacts.ContactPlan:
    parsed = ContactFile("CSV file", tuple(contacts), (Rejected(9, "no name"),), has_companies=has_companies)
    return plan_contacts(parsed, 1, DEMO, ["Kestrelmoor"], existing or [], TODAY)


def test_the_plan_sorts_people_into_added_skipped_passed_over_and_rejected() -> None:
    result = plan(
        [
            person(2, "Ann Lee", email="ann@k.example"),
            person(3, "Bo Berg", company="Other Ltd"),
            person(4, "Cy Dahl", company=""),
            person(5, "Dee Ek", company="kestrelmoor"),
            person(6, "ann lee"),  # the same as line 2: no email here
            person(7, "Eve Falk"),
        ],
        existing=[Existing(40, "Eve Falk", "eve@k.example")],
    ).report
    assert [(p.contact.line, p.reports_to) for p in result.added] == [(2, None), (5, None)]
    assert [(s.contact.line, s.reason) for s in result.skipped] == [(6, TWICE_IN_FILE), (7, ALREADY_THERE)]
    assert [c.line for c in result.passed_over] == [3, 4]
    assert [r.line for r in result.rejected] == [9]
    assert result.source == "CSV file 2026-11-30"
    assert result.people == 7 and not result.written


def test_a_file_that_names_no_company_takes_everyone() -> None:
    result = plan(
        [person(2, "Ann Lee", company=""), person(3, "Bo Berg", company="")], has_companies=False
    ).report
    assert len(result.added) == 2 and not result.passed_over and not result.companies_checked


def test_reporting_lines_by_id_then_by_name_to_new_and_existing_people() -> None:
    result = plan(
        [
            person(2, "Ann Lee", key="A", reports_to="B"),  # by id, to someone added below
            person(3, "Bo Berg", key="B", reports_to="Eve Falk"),  # by name, to someone already there
            person(4, "Cy Dahl", key="C", reports_to="X"),  # an id nobody has, and no one of that name
            person(5, "Dee Ek", reports_to="bo  berg"),  # a name in another case and spacing
            person(6, "Eve Falk", key="E"),  # already there: not added, but a manager others can have
            person(7, "Fay Gill", reports_to="E"),
            person(8, "Gus Holm", reports_to="Fay Gill", company="Elsewhere"),  # passed over: no line
        ],
        existing=[Existing(40, "Eve Falk", "")],
    )
    added = {p.contact.name: p.reports_to for p in result.report.added}
    assert added == {
        "Ann Lee": "Bo Berg",
        "Bo Berg": "Eve Falk",
        "Cy Dahl": None,
        "Dee Ek": "Bo Berg",
        "Fay Gill": "Eve Falk",
    }
    assert set(result.bosses) == {(0, ("new", 1)), (1, ("old", 40)), (3, ("new", 1)), (4, ("old", 40))}


def test_a_reporting_loop_in_the_file_is_broken_and_nobody_is_their_own_manager() -> None:
    result = plan(
        [
            person(2, "Ann Lee", key="A", reports_to="B"),
            person(3, "Bo Berg", key="B", reports_to="C"),
            person(4, "Cy Dahl", key="C", reports_to="A"),  # would close the loop: left out
            person(5, "Dee Ek", key="D", reports_to="D"),
        ]
    ).report
    assert [p.reports_to for p in result.added] == ["Bo Berg", "Cy Dahl", None, None]


def test_a_manager_named_ambiguously_is_not_guessed() -> None:
    result = plan(
        [person(2, "Ann Lee", reports_to="Bo Berg")],
        existing=[Existing(40, "Bo Berg", "bo@a.example"), Existing(41, "Bo Berg", "bo@b.example")],
    ).report
    assert result.added[0].reports_to is None


# --- the store ----------------------------------------------------------------------------------------------


@pytest.fixture
def demo(demo_db_file: Path) -> Iterator[Store]:
    store = Store(demo_db_file, open_engine(demo_db_file))
    yield store
    store.close()


def demo_id(store: Store) -> int:
    return next(i for i, name in store.live_accounts() if name == DEMO)


def people(store: Store) -> list[tuple[object, ...]]:
    with sqlite3.connect(store.db_path) as conn:
        return conn.execute(
            "SELECT s.name, s.title, s.department, s.email, s.phone, s.influence, s.support, s.confidence,"
            " s.source, b.name FROM stakeholder s LEFT JOIN stakeholder b ON b.id = s.reports_to_id"
            " ORDER BY s.id"
        ).fetchall()


def test_import_adds_new_people_unrated_with_their_source_and_reporting_lines(demo: Store) -> None:
    account = demo_id(demo)
    parsed = read_contacts(FILES / "salesforce-contacts.csv")
    before = people(demo)
    preview = demo.preview_contacts(account, parsed, TODAY)
    assert people(demo) == before  # the preview wrote nothing
    done = demo.import_contacts(account, parsed, TODAY)
    assert done.written and not preview.written
    assert (done.added, done.skipped, done.passed_over) == (
        preview.added,
        preview.skipped,
        preview.passed_over,
    )
    new = people(demo)[len(before) :]
    source = "Salesforce export 2026-11-30"
    assert new == [
        ("Françoise Müller", "Treasury Manager", "Finance", "f.muller@kestrelmoor.example", "+31 38 555 0190",
         None, None, "assumed", source, "Pieter Dekkers"),
        ("Dirk van Aalst", "Accounts Payable Lead", "Finance", "", "", None, None, "assumed", source,
         "Françoise Müller"),
    ]  # fmt: skip
    rows = {row.name: row for row in demo.people(account)}
    assert rows["Dirk van Aalst"].grid == "unrated"
    assert rows["Dirk van Aalst"].reports_to == "Françoise Müller"


def test_the_same_file_twice_adds_nobody_and_changes_nobody(demo: Store) -> None:
    account = demo_id(demo)
    parsed = read_contacts(FILES / "linkedin-connections.csv")
    first = demo.import_contacts(account, parsed, TODAY)
    assert len(first.added) == 3
    after_first = people(demo)
    second = demo.import_contacts(account, parsed, date(2026, 12, 7))
    assert second.added == ()
    assert len(second.skipped) == 5 and {s.reason for s in second.skipped} == {ALREADY_THERE}
    assert people(demo) == after_first


def test_aliases_set_on_the_account_bring_in_people_of_that_name(demo: Store) -> None:
    account = demo_id(demo)
    parsed = ContactFile("CSV file", (Contact(2, "Ann Lee", company="Moorland Kitchen"),))
    assert demo.preview_contacts(account, parsed, TODAY).added == ()
    assert demo.set_aliases(account, "Kestrelmoor; Moorland Kitchen\n") == ["Kestrelmoor", "Moorland Kitchen"]
    assert [p.contact.name for p in demo.preview_contacts(account, parsed, TODAY).added] == ["Ann Lee"]
    with pytest.raises(ValidationFailed, match="escape"):
        demo.set_aliases(account, "Evil\x1b[2J")


def test_a_write_that_fails_half_way_leaves_nothing_behind(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = demo_id(demo)
    parsed = read_contacts(FILES / "salesforce-contacts.csv")
    before = people(demo)
    real_plan = store_contacts.plan_contacts

    def plan_with_a_bad_manager(*args: Any, **kwargs: Any) -> store_contacts.ContactPlan:
        made = real_plan(*args, **kwargs)
        # A reporting line to a stakeholder id that does not exist: the update after the inserts fails.
        return store_contacts.ContactPlan(made.report, ((0, ("old", 10**9)),))

    monkeypatch.setattr(store_contacts, "plan_contacts", plan_with_a_bad_manager)
    with pytest.raises(Exception, match="nothing was saved"):
        demo.import_contacts(account, parsed, TODAY)
    assert people(demo) == before


hostile = st.lists(
    st.sampled_from(
        ["Ann Lee", "ann lee", "Kestrelmoor", "Other", "\x1b[2J", "\u202e", ",", ";", '"', "\n", "\r"]
    )
    | st.text(max_size=4),
    max_size=40,
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=hostile, header=st.sampled_from(["Name,Company,Reports To\n", "Id;Name;ReportsToId;AccountId\n"]))
def test_a_hostile_file_adds_exactly_whom_the_report_names(demo: Store, header: str, body: str) -> None:
    account = demo_id(demo)
    before = people(demo)
    try:
        parsed = parse_contacts((header + body).encode("utf-8", "surrogatepass"), "hostile.csv")
    except KamplanError:
        return
    done = demo.import_contacts(account, parsed, TODAY)
    after = people(demo)
    assert after[: len(before)] == before  # nobody already there was changed
    assert [row[0] for row in after[len(before) :]] == [p.contact.name for p in done.added]


def test_an_account_that_is_gone_is_said_so(demo: Store) -> None:
    parsed = ContactFile("CSV file", (Contact(2, "Ann Lee"),))
    with pytest.raises(NotFoundError):
        demo.preview_contacts(999, parsed, TODAY)
    with pytest.raises(NotFoundError):
        demo.import_contacts(999, parsed, TODAY)


def test_the_preview_and_the_write_read_the_same_people(demo: Store) -> None:
    """One query text, two paths (sqlite3 for the preview, SQLAlchemy for the write): they agree."""
    account = demo_id(demo)
    with sqlite3.connect(demo.db_path) as conn:
        plain = conn.execute(store_contacts.PEOPLE_SQL, {"account": account}).fetchall()
    with demo.engine.connect() as conn:
        through_sqlalchemy = [
            tuple(r) for r in conn.execute(sa.text(store_contacts.PEOPLE_SQL), {"account": account})
        ]
    assert plain == through_sqlalchemy and len(plain) == 16


def test_an_empty_plan_has_no_account_to_import_into(engine: Engine) -> None:
    with sqlite3.connect(str(engine.url.database)) as conn, pytest.raises(NotFoundError):
        store_contacts.preview_contacts(conn, 1, ContactFile("CSV file", ()), TODAY)
