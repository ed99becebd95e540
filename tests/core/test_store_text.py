"""The store refuses text a plan may not hold, on every way in that does not pass through a document:
account names (new, renamed, imported under another name) and SWOT items. Nothing changes when it does."""

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from kamplan.document.parse import parse_plan
from kamplan.enums import SwotKind
from kamplan.errors import KamplanError, ValidationFailed
from kamplan.store.plan_import import import_plan
from kamplan.store.service import Store

HOSTILE = ["Acme\x1b]0;owned\x07", "Acme\x00", "Ac\u202eme", "Acme\x9b2J", "Acme\nLtd", "Acme\tLtd"]


@pytest.fixture
def store(engine: Engine, db_path: Path) -> Store:
    return Store(db_path, engine)


@pytest.mark.parametrize("name", HOSTILE)
def test_account_names_refuse_control_characters(store: Store, name: str) -> None:
    with pytest.raises(ValidationFailed, match=r"^an account name must not hold "):
        store.create_account(name)
    account_id = store.create_account("Acme")
    with pytest.raises(ValidationFailed, match=r"^an account name must not hold "):
        store.rename_account(account_id, name)
    assert store.live_accounts() == [(account_id, "Acme")]


@pytest.mark.parametrize("text", HOSTILE)
def test_swot_items_refuse_control_characters(store: Store, text: str) -> None:
    account_id = store.create_account("Acme")
    with pytest.raises(ValidationFailed, match=r"^a SWOT item must not hold "):
        store.add_swot(account_id, SwotKind.THREAT, text)
    item = store.add_swot(account_id, SwotKind.THREAT, "  price   war ")
    with pytest.raises(ValidationFailed, match=r"^a SWOT item must not hold "):
        store.edit_swot(item, text)
    assert [i.text for i in store.swot(account_id)] == ["price war"]


def test_an_empty_swot_item_is_still_refused_as_before(store: Store) -> None:
    account_id = store.create_account("Acme")
    with pytest.raises(KamplanError, match="needs some text"):
        store.add_swot(account_id, SwotKind.THREAT, "  \n ")


def test_profile_edits_refuse_what_the_document_refuses(store: Store) -> None:
    account_id = store.create_account("Acme")
    with pytest.raises(ValidationFailed, match="escape character"):
        store.update_account_field(account_id, "strategy", "\x1b[2J")
    with pytest.raises(ValidationFailed, match="must be 0–1,000,000,000,000,000"):
        store.update_account_field(account_id, "our_revenue", "1e308")
    assert store.update_account_field(account_id, "strategy", "a\r\nb") == "a\nb"
    account = store.account(account_id)
    assert account is not None and account.strategy == "a\nb" and account.our_revenue is None


def test_import_under_another_name_checks_that_name(engine: Engine, store: Store) -> None:
    doc = parse_plan(json.dumps({"format": "kamplan-plan", "version": 1, "account": {"name": "Acme"}}))
    with pytest.raises(ValidationFailed, match=r"^the new name must not hold an escape"):
        import_plan(engine, doc, rename="Evil\x1b[31m")
    assert store.live_accounts() == []
