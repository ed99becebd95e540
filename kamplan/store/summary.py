"""What the portfolio and the account header show, in a handful of aggregate queries.

This is the read behind the first screen, so it runs on a DB-API connection with plain standard SQL and
the pure measures in kamplan.planning: the portfolio paints before SQLAlchemy has even been imported.
"""

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kamplan import planning
from kamplan.enums import OpportunityStatus
from kamplan.store import rules


@dataclass(frozen=True)
class NextActivity:
    date: date
    type: str
    objective: str


@dataclass(frozen=True)
class AccountSummary:
    id: int
    name: str
    key_account: bool
    currency: str
    attractiveness: float | None
    strength: float | None
    quadrant: planning.Quadrant | None
    relationship_index: int | None
    best_opportunity: str | None
    best_opportunity_id: int | None
    best_verdict: planning.Verdict | None
    factored_pipeline: float
    next_activity: NextActivity | None
    overdue: int
    stakeholders: int


@dataclass(frozen=True)
class Portfolio:
    accounts: list[AccountSummary]
    capacity: planning.CapacityStatus


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def summarize(conn: sqlite3.Connection, today: date, account_id: int | None = None) -> list[AccountSummary]:
    """Summaries of the live accounts by name, or of the one account asked for."""
    args: dict[str, object] = {"today": today.isoformat()}
    if account_id is None:
        scope = f"SELECT id FROM account WHERE {rules.live_account()}"
    else:
        scope, args["account"] = ":account", account_id
    accounts = conn.execute(
        f"SELECT id, name, key_account, currency FROM account WHERE id IN ({scope})", args
    ).fetchall()
    accounts.sort(key=lambda row: row[1].casefold())
    criteria: dict[tuple[int, str], list[planning.Criterion]] = defaultdict(list)
    for aid, dimension, name, weight, score in conn.execute(
        f"SELECT account_id, dimension, name, weight, score FROM criterion WHERE account_id IN ({scope})"
        " ORDER BY id",
        args,
    ):
        criteria[(aid, dimension)].append(planning.Criterion(name, weight, score))
    indicators: dict[int, list[int | None]] = defaultdict(list)
    for aid, score in conn.execute(
        f"SELECT account_id, score FROM relationship_indicator WHERE account_id IN ({scope})", args
    ):
        indicators[aid].append(score)
    ratings: dict[int, dict[int, planning.Rating]] = defaultdict(dict)
    for sid, aid, influence, support, confidence in conn.execute(
        "SELECT id, account_id, influence, support, confidence FROM stakeholder"
        f" WHERE account_id IN ({scope})",
        args,
    ):
        ratings[aid][sid] = planning.rating(influence, support, confidence)
    open_opps: dict[int, list[tuple[int, str, float | None, int | None, str | None]]] = defaultdict(list)
    for oid, aid, title, value, probability, target in conn.execute(
        "SELECT id, account_id, title, value, probability, target_date FROM opportunity"
        f" WHERE {rules.open_opportunity()} AND account_id IN ({scope}) ORDER BY id",
        args,
    ):
        open_opps[aid].append((oid, title, value, probability, target))
    participants: dict[int, list[int]] = defaultdict(list)
    for oid, sid in conn.execute(
        "SELECT p.opportunity_id, p.stakeholder_id FROM opportunity_participant p"
        " JOIN opportunity o ON o.id = p.opportunity_id"
        f" WHERE {rules.open_opportunity('o')} AND o.account_id IN ({scope})"
        " ORDER BY p.opportunity_id, p.position",
        args,
    ):
        participants[oid].append(sid)
    overdue = dict(
        conn.execute(
            "SELECT account_id, count(*) FROM activity"
            f" WHERE {rules.overdue_activity()} AND account_id IN ({scope}) GROUP BY account_id",
            args,
        ).fetchall()
    )
    return [
        _summary(
            conn,
            row,
            today,
            criteria,
            indicators[row[0]],
            ratings[row[0]],
            open_opps[row[0]],
            participants,
            overdue.get(row[0], 0),
        )
        for row in accounts
    ]


def _summary(
    conn: sqlite3.Connection,
    row: Sequence[object],
    today: date,
    criteria: dict[tuple[int, str], list[planning.Criterion]],
    indicators: list[int | None],
    people: dict[int, planning.Rating],
    opps: list[tuple[int, str, float | None, int | None, str | None]],
    participants: dict[int, list[int]],
    overdue: int,
) -> AccountSummary:
    aid, name, key_account, currency = row
    assert isinstance(aid, int)
    best, best_id, verdict, factored = None, None, None, 0.0
    if opps:
        items = [
            planning.PipelineItem(value, probability, OpportunityStatus.OPEN, _day(target))
            for _, _, value, probability, target in opps
        ]
        factored = planning.factored_value(items)
        best_index = planning.best_bet(items)  # opps are by id, so equals go to the oldest
        assert best_index is not None  # every item here is open
        top = opps[best_index]
        named = [people[i] for i in participants[top[0]] if i in people]
        best, best_id = top[1], top[0]
        verdict = planning.vote_today(planning.voters_of(named, list(people.values()))).verdict
    attractiveness = criteria[(aid, "attractiveness")]
    strength = criteria[(aid, "our_strength")]
    return AccountSummary(
        id=aid,
        name=str(name),
        key_account=bool(key_account),
        currency=str(currency),
        attractiveness=planning.weighted_score(attractiveness),
        strength=planning.weighted_score(strength),
        quadrant=planning.quadrant(attractiveness, strength),
        relationship_index=planning.relationship_index(indicators),
        best_opportunity=best,
        best_opportunity_id=best_id,
        best_verdict=verdict,
        factored_pipeline=factored,
        next_activity=_next_activity(conn, aid, today),
        overdue=overdue,
        stakeholders=len(people),
    )


def _next_activity(conn: sqlite3.Connection, account_id: int, today: date) -> NextActivity | None:
    row = conn.execute(
        "SELECT date, type, objective FROM activity"
        f" WHERE account_id = :account AND {rules.coming_activity()} ORDER BY date, id LIMIT 1",
        {"account": account_id, "today": today.isoformat()},
    ).fetchone()
    return None if row is None else NextActivity(date.fromisoformat(row[0]), row[1], row[2])


def portfolio(
    conn: sqlite3.Connection, today: date, relationship_limit: int, key_account_limit: int
) -> Portfolio:
    accounts = summarize(conn, today)
    key = [a for a in accounts if a.key_account]
    capacity = planning.capacity_status(
        sum(a.stakeholders for a in key), len(key), relationship_limit, key_account_limit
    )
    return Portfolio(accounts, capacity)
