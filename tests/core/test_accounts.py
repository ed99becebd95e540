"""Accounts in the store: names unique in any case, key flag, archive, trash, finding one by name or id."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kamplan.errors import KamplanError, NotFoundError
from kamplan.models import Account
from kamplan.store import plain
from kamplan.store.accounts import (
    archive_account,
    create_account,
    empty_trash,
    list_accounts,
    list_trash,
    rename_account,
    set_key_account,
    trash_account,
)
from kamplan.store.engine import reading, unit_of_work
from kamplan.store.lookup import find_account_id

DEMO = "Kestrelmoor Foods B.V."


def add(engine: Engine, name: str, **fields: object) -> int:
    with unit_of_work(engine) as session:
        account_id = create_account(session, name, **fields).id
    assert account_id is not None
    return account_id


def find(engine: Engine, name_or_id: str) -> tuple[int, str]:
    """(id, name) of the account `kamplan export` finds: it looks on a plain sqlite3 connection."""
    assert engine.url.database
    with plain.connection(Path(engine.url.database)) as conn:
        account_id = find_account_id(conn, name_or_id)
        (name,) = conn.execute("SELECT name FROM account WHERE id = ?", (account_id,)).fetchone()
    return account_id, name


def names(engine: Engine, **options: bool) -> list[str]:
    with reading(engine) as session:
        return [account.name for account in list_accounts(session, **options)]


def trash_names(engine: Engine) -> list[str]:
    with reading(engine) as session:
        return [account.name for account in list_trash(session)]


# --- create and rename -----------------------------------------------------------------------------------


def test_created_account_is_listed_with_its_fields(engine: Engine) -> None:
    account_id = add(engine, "  Acme Corp ", industry="Chemicals", currency="USD", planning_horizon_years=3)
    with reading(engine) as session:
        account = session.get(Account, account_id)
        assert account is not None
        assert (account.name, account.industry, account.currency, account.planning_horizon_years) == (
            "Acme Corp",  # surrounding spaces are not part of a name
            "Chemicals",
            "USD",
            3,
        )
        assert account.key_account is True  # the app is for key accounts: new ones are key by default
    assert names(engine) == ["Acme Corp"]


def test_accounts_are_listed_alphabetically_ignoring_case(engine: Engine) -> None:
    for name in ("beta", "Alpha", "gamma", "Delta"):
        add(engine, name)
    assert names(engine) == ["Alpha", "beta", "Delta", "gamma"]


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_an_account_needs_a_name(engine: Engine, name: str) -> None:
    with pytest.raises(KamplanError, match="needs a name"), unit_of_work(engine) as session:
        create_account(session, name)
    assert names(engine) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [("Acme", "ACME"), ("Acme", " acme "), ("Øresund Energi", "øresund energi"), ("Straße AG", "STRASSE AG")],
)
def test_two_accounts_cannot_share_a_name_in_any_case(engine: Engine, first: str, second: str) -> None:
    add(engine, first)
    with pytest.raises(KamplanError, match="exists already"), unit_of_work(engine) as session:
        create_account(session, second)
    assert names(engine) == [first]


def test_rename_changes_the_name_and_keeps_uniqueness(engine: Engine) -> None:
    acme = add(engine, "Acme")
    add(engine, "Globex")
    with unit_of_work(engine) as session:
        rename_account(session, acme, "  Acme Holdings ")
    assert names(engine) == ["Acme Holdings", "Globex"]

    with pytest.raises(KamplanError, match="exists already"), unit_of_work(engine) as session:
        rename_account(session, acme, "GLOBEX")
    with pytest.raises(KamplanError, match="needs a name"), unit_of_work(engine) as session:
        rename_account(session, acme, " ")
    assert names(engine) == ["Acme Holdings", "Globex"]


def test_an_account_may_be_renamed_to_another_case_of_its_own_name(engine: Engine) -> None:
    acme = add(engine, "acme")
    with unit_of_work(engine) as session:
        rename_account(session, acme, "ACME")
    assert names(engine) == ["ACME"]


def test_renaming_an_account_that_no_longer_exists_says_so(engine: Engine) -> None:
    with pytest.raises(NotFoundError, match="no longer exists"), unit_of_work(engine) as session:
        rename_account(session, 404, "Anything")


def test_key_account_flag_can_be_cleared_and_set(engine: Engine) -> None:
    acme = add(engine, "Acme")
    with unit_of_work(engine) as session:
        set_key_account(session, acme, False)
    with reading(engine) as session:
        assert session.get(Account, acme).key_account is False  # type: ignore[union-attr]
    with unit_of_work(engine) as session:
        set_key_account(session, acme, True)
    with reading(engine) as session:
        assert session.get(Account, acme).key_account is True  # type: ignore[union-attr]


# --- archive and trash -----------------------------------------------------------------------------------


def test_archived_accounts_are_hidden_until_restored(engine: Engine) -> None:
    acme = add(engine, "Acme")
    add(engine, "Globex")
    with unit_of_work(engine) as session:
        archive_account(session, acme)
    assert names(engine) == ["Globex"]
    assert names(engine, archived=True) == ["Acme"]
    assert find(engine, "acme")[0] == acme  # still reachable by name, e.g. to export it

    with unit_of_work(engine) as session:
        archive_account(session, acme, archived=False)
    assert names(engine) == ["Acme", "Globex"]
    assert names(engine, archived=True) == []


def test_trashed_accounts_are_hidden_and_can_be_restored(engine: Engine) -> None:
    acme = add(engine, "Acme")
    with unit_of_work(engine) as session:
        trash_account(session, acme)
    assert names(engine) == []
    assert names(engine, archived=True) == []
    assert trash_names(engine) == ["Acme"]
    with pytest.raises(NotFoundError):
        find(engine, "Acme")

    with unit_of_work(engine) as session:
        trash_account(session, acme, trashed=False)
    assert names(engine) == ["Acme"]
    assert trash_names(engine) == []


def test_an_archived_account_in_the_trash_stays_out_of_the_archive_list(engine: Engine) -> None:
    acme = add(engine, "Acme")
    with unit_of_work(engine) as session:
        archive_account(session, acme)
        trash_account(session, acme)
    assert names(engine, archived=True) == []
    assert trash_names(engine) == ["Acme"]


def test_a_name_in_the_trash_is_still_taken(engine: Engine) -> None:
    acme = add(engine, "Acme")
    with unit_of_work(engine) as session:
        trash_account(session, acme)
    with pytest.raises(KamplanError, match="exists already"), unit_of_work(engine) as session:
        create_account(session, "acme")


def test_emptying_the_trash_deletes_only_trashed_accounts_and_all_they_hold(demo_engine: Engine) -> None:
    add(demo_engine, "Acme")
    demo_id, _ = find(demo_engine, DEMO)
    with unit_of_work(demo_engine) as session:
        trash_account(session, demo_id)
    with unit_of_work(demo_engine) as session:
        assert empty_trash(session) == 1
    assert trash_names(demo_engine) == []
    assert names(demo_engine) == ["Acme"]
    with demo_engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM stakeholder")).scalar() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM activity")).scalar() == 0
    # The name is free again.
    add(demo_engine, DEMO)


def test_emptying_an_empty_trash_deletes_nothing(engine: Engine) -> None:
    add(engine, "Acme")
    with unit_of_work(engine) as session:
        assert empty_trash(session) == 0
    assert names(engine) == ["Acme"]


# --- finding an account ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "Kestrelmoor Foods B.V.",
        "kestrelmoor foods b.v.",
        "KESTRELMOOR FOODS B.V.",
        "  kestrelmoor Foods B.V. ",
    ],
)
def test_find_account_by_name_in_any_case(demo_engine: Engine, query: str) -> None:
    assert find(demo_engine, query)[1] == DEMO


@pytest.mark.parametrize("query", ["Øresund Energi", "øresund energi", "ØRESUND ENERGI"])
def test_find_account_with_accented_capitals_in_any_case(engine: Engine, query: str) -> None:
    add(engine, "Øresund Energi")
    assert find(engine, query)[1] == "Øresund Energi"


def test_find_account_by_id(engine: Engine) -> None:
    add(engine, "Acme")
    globex = add(engine, "Globex")
    assert find(engine, str(globex))[1] == "Globex"
    assert find(engine, f" {globex} ")[1] == "Globex"


def test_a_name_made_of_digits_wins_over_an_id(engine: Engine) -> None:
    first = add(engine, "Acme")
    add(engine, str(first))  # an account literally named "1"
    assert find(engine, str(first))[1] == str(first)


def test_unknown_account_message_names_it_and_says_how_to_list_accounts(engine: Engine) -> None:
    add(engine, "Acme")
    with pytest.raises(NotFoundError) as caught:
        find(engine, "Initech")
    message = str(caught.value)
    assert "'Initech'" in message
    assert "kamplan accounts" in message
    assert "\n" not in message


def test_unknown_id_is_not_found(engine: Engine) -> None:
    add(engine, "Acme")
    with pytest.raises(NotFoundError):
        find(engine, "4040")
