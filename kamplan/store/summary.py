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
from kamplan.enums import ActivityStatus, OpportunityStatus
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
class Optimistic:
    """An open opportunity whose probability the vote or the qualification does not back up."""

    opportunity_id: int
    title: str
    probability: int
    reason: str
    brief: str  # the reason in a few words, for a header
    band: tuple[int, int]  # what the vote and the score suggest (%)


@dataclass(frozen=True)
class Checks:
    """What keeps an account's plan honest, for the header and the portfolio: read apart from the summary,
    after the first screen is painted (scoring every opportunity and running every coaching rule over a
    heavy portfolio takes longer than the summary itself)."""

    optimistic: tuple[Optimistic, ...] = ()
    coaching_flags: int = 0  # what a coach would question, over the whole plan
    qualified_out: int = 0  # opportunities closed as qualified out
    qualified_out_value: float = 0.0
    freed_activities: int = 0  # activity of those opportunities that will not be done (planned or cancelled)


@dataclass(frozen=True)
class Portfolio:
    accounts: list[AccountSummary]
    capacity: planning.CapacityStatus


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _scope(today: date, account_id: int | None) -> tuple[str, dict[str, object]]:
    """The accounts a read is about (the live ones, or the one asked for), as a subquery and its arguments."""
    args: dict[str, object] = {"today": today.isoformat()}
    if account_id is None:
        return f"SELECT id FROM account WHERE {rules.live_account()}", args
    args["account"] = account_id
    return ":account", args


Opportunities = dict[int, list[tuple[int, str, float | None, int | None, str | None]]]


def _open_opportunities(conn: sqlite3.Connection, scope: str, args: dict[str, object]) -> Opportunities:
    """Per account, its open opportunities by id: (id, title, value, probability, target date)."""
    found: Opportunities = defaultdict(list)
    for oid, aid, title, value, probability, target in conn.execute(
        "SELECT id, account_id, title, value, probability, target_date FROM opportunity"
        f" WHERE {rules.open_opportunity()} AND account_id IN ({scope}) ORDER BY id",
        args,
    ):
        found[aid].append((oid, title, value, probability, target))
    return found


def _participants(conn: sqlite3.Connection, scope: str, args: dict[str, object]) -> dict[int, list[int]]:
    """Per open opportunity, the people named in its decision, in their order."""
    found: dict[int, list[int]] = defaultdict(list)
    for oid, sid in conn.execute(
        "SELECT p.opportunity_id, p.stakeholder_id FROM opportunity_participant p"
        " JOIN opportunity o ON o.id = p.opportunity_id"
        f" WHERE {rules.open_opportunity('o')} AND o.account_id IN ({scope})"
        " ORDER BY p.opportunity_id, p.position",
        args,
    ):
        found[oid].append(sid)
    return found


def summarize(conn: sqlite3.Connection, today: date, account_id: int | None = None) -> list[AccountSummary]:
    """Summaries of the live accounts by name, or of the one account asked for."""
    scope, args = _scope(today, account_id)
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
    open_opps = _open_opportunities(conn, scope, args)
    participants = _participants(conn, scope, args)
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


def checks(conn: sqlite3.Connection, today: date, account_id: int | None = None) -> dict[int, Checks]:
    """Per live account (or the one asked for): the forecasts its votes and scores do not back up, the
    number of coaching flags, and what qualifying out freed."""
    scope, args = _scope(today, account_id)
    ratings: dict[int, dict[int, planning.Rating]] = defaultdict(dict)
    coached: dict[int, list[planning.Person]] = defaultdict(list)
    for sid, aid, name, role, influence, support, confidence, owner, contact, plan in conn.execute(
        "SELECT id, account_id, name, role, influence, support, confidence, owner_id, last_contact, plan"
        f" FROM stakeholder WHERE account_id IN ({scope}) ORDER BY id",
        args,
    ):
        rating = ratings[aid][sid] = planning.rating(influence, support, confidence)
        coached[aid].append(
            planning.Person(sid, name, role, influence, support, owner, _day(contact), rating.confirmed, plan)
        )
    open_opps = _open_opportunities(conn, scope, args)
    participants = _participants(conn, scope, args)
    answers: dict[int, dict[str, str]] = defaultdict(dict)
    for oid, question, answer in conn.execute(
        "SELECT q.opportunity_id, q.question, q.answer FROM qualification_answer q"
        " JOIN opportunity o ON o.id = q.opportunity_id"
        f" WHERE {rules.open_opportunity('o')} AND o.account_id IN ({scope})",
        args,
    ):
        answers[oid][question] = answer
    outreach = _outreach(conn, scope, args, today)
    closed: dict[int, tuple[int, float]] = {
        aid: (count, total or 0.0)
        for aid, count, total in conn.execute(
            "SELECT account_id, count(*), sum(value) FROM opportunity"
            f" WHERE {rules.qualified_out_opportunity()} AND account_id IN ({scope}) GROUP BY account_id",
            args,
        )
    }
    freed = dict(
        conn.execute(
            "SELECT o.account_id, count(*) FROM activity a JOIN opportunity o ON o.id = a.opportunity_id"
            f" WHERE {rules.qualified_out_opportunity('o')} AND o.account_id IN ({scope})"
            f" AND a.status <> '{ActivityStatus.DONE.value}' GROUP BY o.account_id",
            args,
        ).fetchall()
    )
    found = {}
    for (aid,) in conn.execute(f"SELECT id FROM account WHERE id IN ({scope})", args):
        opps = open_opps[aid]
        sketches = [
            planning.OpportunitySketch(o[0], o[1], OpportunityStatus.OPEN, tuple(participants[o[0]]))
            for o in opps
        ]
        count, value = closed.get(aid, (0, 0.0))
        found[aid] = Checks(
            optimistic=_optimistic(ratings[aid], opps, participants, answers),
            coaching_flags=len(planning.coaching_flags(coached[aid], sketches, today, outreach[aid])),
            qualified_out=count,
            qualified_out_value=float(value),
            freed_activities=freed.get(aid, 0),
        )
    return found


def _optimistic(
    people: dict[int, planning.Rating],
    opps: list[tuple[int, str, float | None, int | None, str | None]],
    participants: dict[int, list[int]],
    answers: dict[int, dict[str, str]],
) -> tuple[Optimistic, ...]:
    """The open opportunities whose forecast looks optimistic, with the reason and the band suggested."""
    found = []
    everyone = list(people.values())
    for oid, title, _, probability, _ in opps:
        vote = planning.vote_today(
            planning.voters_of([people[i] for i in participants[oid] if i in people], everyone)
        )
        score = planning.qualification_score(answers[oid])
        reason = planning.optimism_reason(OpportunityStatus.OPEN, probability, vote, score)
        if reason is not None and probability is not None:
            brief = (
                planning.optimism_reason(OpportunityStatus.OPEN, probability, vote, score, brief=True) or ""
            )
            band = planning.suggested_band(vote.verdict, score)
            found.append(Optimistic(oid, title, probability, reason, brief, band))
    return tuple(found)


def _outreach(
    conn: sqlite3.Connection, scope: str, args: dict[str, object], today: date
) -> dict[int, list[planning.Outreach]]:
    """Per account, the done activities for open opportunities in the coverage window, and whom they
    reached."""
    start, end = planning.coverage_window(today)
    window = {**args, "start": start.isoformat(), "end": end.isoformat()}
    reached: dict[int, list[int]] = defaultdict(list)
    done: dict[int, tuple[int, date, int]] = {}
    for activity_id, aid, day, oid, person in conn.execute(
        "SELECT a.id, a.account_id, a.date, a.opportunity_id, s.stakeholder_id FROM activity a"
        " JOIN opportunity o ON o.id = a.opportunity_id"
        " LEFT JOIN activity_stakeholder s ON s.activity_id = a.id"
        f" WHERE a.account_id IN ({scope}) AND {rules.open_opportunity('o')}"
        f" AND a.status = '{ActivityStatus.DONE.value}' AND a.date >= :start AND a.date <= :end",
        window,
    ):
        done[activity_id] = (aid, date.fromisoformat(day), oid)
        if person is not None:
            reached[activity_id].append(person)
    found: dict[int, list[planning.Outreach]] = defaultdict(list)
    for activity_id, (aid, day, oid) in done.items():
        found[aid].append(planning.Outreach(day, oid, tuple(reached[activity_id])))
    return found


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
