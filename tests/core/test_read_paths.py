"""The store's two read paths agree: sqlite3 (the portfolio, the account header, `kamplan export`) and
SQLAlchemy (the account screen's sections) apply the same rules to any plan (kamplan/store/rules.py)."""

import json
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import select

from kamplan import planning
from kamplan.document.derived import derive
from kamplan.document.parse import parse_plan
from kamplan.enums import ActivityStatus, Confidence, OpportunityStatus
from kamplan.models import Account
from kamplan.store import accounts, rules
from kamplan.store.engine import open_engine, unit_of_work
from kamplan.store.plain import connection
from kamplan.store.plan_import import import_plan
from kamplan.store.read_plan import read_plan
from kamplan.store.rows import ACCOUNT_COLUMNS
from kamplan.store.service import Store

TODAY = date(2026, 3, 4)


def test_an_account_row_holds_every_column_of_the_account() -> None:
    assert set(ACCOUNT_COLUMNS) == set(Account.model_fields)


@st.composite
def plans(draw: Any, index: int) -> dict[str, Any]:
    """One account's plan, small, with what the rules look at drawn freely."""
    people = [f"s{n}" for n in range(draw(st.integers(0, 5)))]
    opportunities = [f"o{n}" for n in range(draw(st.integers(0, 4)))]
    subset = st.lists(st.sampled_from(people), unique=True, max_size=3) if people else st.just([])
    return {
        "format": "kamplan-plan",
        "version": 1,
        "account": {"name": f"Account {index}"},
        "stakeholders": [
            {
                "ref": ref,
                "name": ref,
                "influence": draw(st.none() | st.integers(1, 5)),
                "support": draw(st.none() | st.integers(-2, 2)),
                "confidence": draw(st.sampled_from(list(Confidence))).value,
            }
            for ref in people
        ],
        "opportunities": [
            {
                "ref": ref,
                "title": "same title",  # the header must name the opportunity by id, not by title
                "status": draw(st.sampled_from(list(OpportunityStatus))).value,
                "value": draw(st.none() | st.integers(0, 10**6) | st.floats(0, 10**6)),
                "probability": draw(st.none() | st.integers(0, 100)),
                "target_date": draw(st.none() | st.dates(TODAY, TODAY + timedelta(days=400)).map(str)),
                "participants": draw(subset),
            }
            for ref in opportunities
        ],
        "activities": [
            {
                "date": (TODAY + timedelta(days=draw(st.integers(-3, 3)))).isoformat(),
                "type": "call",
                "status": draw(st.sampled_from(list(ActivityStatus))).value,
            }
            for _ in range(draw(st.integers(0, 6)))
        ],
    }


@st.composite
def portfolios(draw: Any) -> list[tuple[dict[str, Any], bool, bool]]:
    """A few accounts, each with its plan and whether it is archived, and whether it is in the trash."""
    count = draw(st.integers(1, 3))
    return [(draw(plans(n)), draw(st.booleans()), draw(st.booleans())) for n in range(count)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Store]:
    """One database for every example (SQLAlchemy caches compiled statements per engine); each example
    removes what it added."""
    path = tmp_path_factory.mktemp("read-paths") / "plan.sqlite"
    shutil.copyfile(migrated_template, path)
    engine = open_engine(path)
    yield Store(path, engine)
    engine.dispose()


def _remove_all(engine: Engine) -> None:
    with unit_of_work(engine) as session:
        for account in session.exec(select(Account)).all():
            session.delete(account)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolio=portfolios())
def test_the_sqlite3_and_sqlalchemy_paths_agree(store: Store, portfolio: list[Any]) -> None:
    try:
        _check(store, portfolio)
    finally:
        _remove_all(store.engine)


def _check(store: Store, portfolio: list[tuple[dict[str, Any], bool, bool]]) -> None:
    ids, expected_live = [], set()
    for doc, archived, trashed in portfolio:
        name = import_plan(store.engine, parse_plan(json.dumps(doc)))
        account_id = next(i for i, n in store.read(_all_accounts) if n == name)
        ids.append(account_id)
        if archived:
            store.archive_account(account_id)
        if trashed:
            store.trash_account(account_id)
        if not archived and not trashed:
            expected_live.add(account_id)

    # Live accounts: the portfolio and the palette (sqlite3), the account lists (SQLAlchemy).
    shown = store.portfolio(TODAY, 60, 8)
    assert {s.id for s in shown.accounts} == expected_live
    assert {i for i, _ in store.live_accounts()} == expected_live
    assert {a.id for a in store.read(accounts.list_accounts)} == expected_live
    in_trash = {a.id for a in store.trash()}
    archived = {a.id for a in store.archived()}
    assert in_trash | archived | expected_live == set(ids)
    assert not (in_trash & archived) and not (in_trash & expected_live) and not (archived & expected_live)

    for account_id in ids:
        summary = store.summary(account_id, TODAY)
        assert summary is not None
        with connection(store.db_path) as conn:
            doc = read_plan(conn, account_id)
            open_in_sql = conn.execute(
                f"SELECT count(*) FROM opportunity WHERE {rules.open_opportunity()} AND account_id = :a",
                {"a": account_id},
            ).fetchone()[0]
        people = store.people(account_id)
        opportunities = store.opportunities(account_id)
        activities = store.activities(account_id, TODAY)

        # Overdue activities: the header's count, the Plan section's flags, the document's own dates.
        assert summary.overdue == sum(a.overdue for a in activities)
        assert summary.overdue == sum(rules.is_overdue(a.status, a.date, TODAY) for a in doc.activities)

        # Ratings, confirmed or assumed, as each path reads them.
        assert [(p.influence, p.support, p.confirmed) for p in people] == [
            (r.influence, r.support, r.confirmed)
            for r in (planning.rating(s.influence, s.support, s.confidence) for s in doc.stakeholders)
        ]
        assert summary.stakeholders == len(people)

        # Open opportunities and what they are worth.
        open_rows = [o for o in opportunities if planning.is_open(o.status)]
        assert len(open_rows) == open_in_sql == sum(planning.is_open(o.status) for o in doc.opportunities)
        items = [
            planning.PipelineItem(o.value, o.probability, o.status, o.target_date) for o in opportunities
        ]
        assert summary.factored_pipeline == planning.factored_value(items)
        assert summary.factored_pipeline == derive(doc, TODAY)["factored_pipeline"]

        # The forecasts flagged and the coaching flags counted in the header and the portfolio are the
        # Qualification section's.
        checks = store.checks(TODAY, account_id)[account_id]
        optimistic = [(o.id, o.optimism) for o in opportunities if o.optimism]
        assert [(o.opportunity_id, o.reason) for o in checks.optimistic] == optimistic
        assert checks.coaching_flags == len(store.qualification(account_id, TODAY).flags)

        # The header's vote is the Qualification section's vote for the same (best) opportunity.
        best = planning.best_bet(items)
        if best is None:
            assert summary.best_opportunity_id is None and summary.best_verdict is None
            assert not open_rows
            continue
        row = opportunities[best]
        assert summary.best_opportunity_id == row.id
        assert summary.best_verdict == row.vote.verdict
        assert row in open_rows
        ref = doc.opportunities[best].ref
        assert derive(doc, TODAY)["opportunities"][ref]["verdict"] == str(row.vote.verdict)


def _all_accounts(session: Any) -> list[tuple[int, str]]:
    return [(a.id, a.name) for a in session.exec(select(Account))]


def test_the_fingerprint_changes_with_a_write_from_outside_not_with_a_read(demo_db_file: Path) -> None:
    """The portfolio looks at it every few seconds: reading (which leaves an empty WAL file behind while a
    connection stays open) must not make it read the plan again; a commit by another process must."""
    store = Store(demo_db_file)
    before = store.fingerprint()
    try:
        store.portfolio(TODAY, 60, 8)
        store.warm_up()  # as after the first paint: the engine opens, and keeps a connection
        assert store.fingerprint() == before
        other = open_engine(demo_db_file)  # as `kamplan import` beside the app
        try:
            Store(demo_db_file, other).create_account("Written elsewhere")
        finally:
            other.dispose()
        assert store.fingerprint() != before
    finally:
        store.close()
