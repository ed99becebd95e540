"""Read one account's whole plan from the database into a PlanDocument (refs written by position).

It runs on a DB-API connection in plain standard SQL, like the portfolio's summary: `kamplan export` then
never loads SQLAlchemy, which takes longer to import than the largest plan takes to read. The SQLModel tables
stay the schema's one definition; the round-trip tests (write_plan, then this) check every column.
"""

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from kamplan.document.contacts import split_aliases
from kamplan.document.fields import reading_stored
from kamplan.document.model import (
    FORMAT,
    VERSION,
    AccountPart,
    OpportunityPart,
    PlanDocument,
    Profile,
    Segmentation,
    StakeholderPart,
)
from kamplan.enums import Answer, CriterionDimension
from kamplan.planning import QUESTION_KEYS

# Columns stored under the document's own key; the others are ids (written as refs) or parts.
ACCOUNT_COLUMNS = AccountPart.model_fields.keys() - {"aliases", "profile", "swot", "segmentation"}
STAKEHOLDER_COLUMNS = StakeholderPart.model_fields.keys() - {"ref", "reports_to", "owner", "listens_to"}
OPPORTUNITY_COLUMNS = OpportunityPart.model_fields.keys() - {
    "ref",
    "participants",
    "competitors",
    "qualification",
    "qualification_evidence",
    "qualification_changed",
}


def _links(
    conn: sqlite3.Connection, link: str, owner: str, member: str, owners: str, account_id: int
) -> dict[int, list[int]]:
    """owner id → member ids, in the order they were added, for one account's owners."""
    rows = conn.execute(
        f"SELECT l.{owner}, l.{member} FROM {link} l JOIN {owners} o ON o.id = l.{owner}"
        f" WHERE o.account_id = ? ORDER BY l.{owner}, l.position",
        (account_id,),
    )
    grouped: dict[int, list[int]] = defaultdict(list)
    for owner_id, member_id in rows:
        grouped[owner_id].append(member_id)
    return grouped


def _select(conn: sqlite3.Connection, sql: str, *args: object) -> list[sqlite3.Row]:
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, args).fetchall()


def _rows(conn: sqlite3.Connection, table: str, account_id: int, order: str = "id") -> list[sqlite3.Row]:
    """Every row of one account in `table`, as the user added them."""
    return _select(conn, f"SELECT * FROM {table} WHERE account_id = ? ORDER BY {order}", account_id)


def _refs(rows: Iterable[sqlite3.Row], prefix: str) -> dict[int, str]:
    return {row["id"]: f"{prefix}{n}" for n, row in enumerate(rows, 1)}


def _copy(row: sqlite3.Row, *columns: str) -> dict[str, Any]:
    """The columns whose name is also the document's key."""
    return {column: row[column] for column in columns}


def read_plan(conn: sqlite3.Connection, account_id: int) -> PlanDocument:
    """The plan as a validated document: built as plain data and validated in one pass, which pydantic
    does faster than it constructs the parts one by one."""
    (account,) = _select(conn, "SELECT * FROM account WHERE id = ?", account_id)
    team = _rows(conn, "team_member", account_id)
    people = _rows(conn, "stakeholder", account_id)
    opps = _rows(conn, "opportunity", account_id)
    rivals = _rows(conn, "competitor", account_id)
    team_ref, person_ref = _refs(team, "t"), _refs(people, "s")
    opp_ref, rival_ref = _refs(opps, "o"), _refs(rivals, "c")

    def ref(refs: dict[int, str], key: int | None) -> str | None:
        return refs.get(key) if key else None

    def refs(refs: dict[int, str], links: dict[int, list[int]], owner: int) -> list[str]:
        return [refs[i] for i in links.get(owner, [])]

    listens = _links(
        conn, "stakeholder_listens_to", "stakeholder_id", "listens_to_id", "stakeholder", account_id
    )
    participants = _links(
        conn, "opportunity_participant", "opportunity_id", "stakeholder_id", "opportunity", account_id
    )
    opp_rivals = _links(
        conn, "opportunity_competitor", "opportunity_id", "competitor_id", "opportunity", account_id
    )
    close_to = _links(
        conn, "competitor_close_to", "competitor_id", "stakeholder_id", "competitor", account_id
    )
    reached = _links(conn, "activity_stakeholder", "activity_id", "stakeholder_id", "activity", account_id)
    answers: dict[int, dict[str, str]] = defaultdict(dict)
    evidence: dict[int, dict[str, str]] = defaultdict(dict)
    changed: dict[int, dict[str, str | None]] = defaultdict(dict)
    for opp_id, question, answer, note, day in conn.execute(
        "SELECT q.opportunity_id, q.question, q.answer, q.evidence, q.changed_on FROM qualification_answer q"
        " JOIN opportunity o ON o.id = q.opportunity_id WHERE o.account_id = ?",
        (account_id,),
    ):
        answers[opp_id][question] = answer
        evidence[opp_id][question] = note
        changed[opp_id][question] = day
    criteria = _rows(conn, "criterion", account_id)

    def criterion_parts(dimension: CriterionDimension) -> list[dict[str, Any]]:
        return [
            {"criterion": c["name"], "weight": c["weight"], "score": c["score"]}
            for c in criteria
            if c["dimension"] == dimension
        ]

    offerings: dict[int, str] = dict(conn.execute("SELECT id, name FROM offering").fetchall())
    activities = conn.execute(
        "SELECT id, date, type, owner_id, opportunity_id, objective, status, outcome FROM activity"
        " WHERE account_id = ? ORDER BY id",
        (account_id,),
    )
    data = {
        "format": FORMAT,
        "version": VERSION,
        "account": {
            **_copy(account, *ACCOUNT_COLUMNS),
            "aliases": split_aliases(account["aliases"]),
            "profile": _copy(account, *Profile.model_fields),
            "swot": [_copy(s, "kind", "text") for s in _rows(conn, "swot_item", account_id, "position, id")],
            "segmentation": _copy(account, *Segmentation.model_fields),
        },
        "team": [{"ref": team_ref[t["id"]], **_copy(t, "name", "function")} for t in team],
        "stakeholders": [
            {
                **_copy(p, *STAKEHOLDER_COLUMNS),
                "ref": person_ref[p["id"]],
                "reports_to": ref(person_ref, p["reports_to_id"]),
                "owner": ref(team_ref, p["owner_id"]),
                "listens_to": refs(person_ref, listens, p["id"]),
            }
            for p in people
        ],
        "opportunities": [
            {
                **_copy(o, *OPPORTUNITY_COLUMNS),
                "ref": opp_ref[o["id"]],
                "participants": refs(person_ref, participants, o["id"]),
                "competitors": refs(rival_ref, opp_rivals, o["id"]),
                "qualification": {k: answers[o["id"]].get(k, Answer.UNKNOWN) for k in QUESTION_KEYS},
                "qualification_evidence": {k: evidence[o["id"]].get(k, "") for k in QUESTION_KEYS},
                "qualification_changed": {k: changed[o["id"]].get(k) for k in QUESTION_KEYS},
            }
            for o in opps
        ],
        "activities": [
            {
                "date": day,
                "type": kind,
                "stakeholders": refs(person_ref, reached, activity_id),
                "owner": ref(team_ref, owner_id),
                "opportunity": ref(opp_ref, opportunity_id),
                "objective": objective,
                "status": status,
                "outcome": outcome,
            }
            for activity_id, day, kind, owner_id, opportunity_id, objective, status, outcome in activities
        ],
        "activity_targets": [
            _copy(t, "type", "per_week", "converts_to", "conversion_rate")
            for t in _rows(conn, "activity_target", account_id)
        ],
        "competitors": [
            {
                **_copy(c, "name", "strengths", "weaknesses", "threat", "counter"),
                "ref": rival_ref[c["id"]],
                "close_to": refs(person_ref, close_to, c["id"]),
            }
            for c in rivals
        ],
        "attractiveness": criterion_parts(CriterionDimension.ATTRACTIVENESS),
        "our_strength": criterion_parts(CriterionDimension.OUR_STRENGTH),
        "relationship": [
            {"indicator": i["name"], **_copy(i, "score", "evidence")}
            for i in _rows(conn, "relationship_indicator", account_id)
        ],
        "whitespace": [
            {
                **_copy(w, "unit", "status"),
                "offering": offerings[w["offering_id"]],
                "opportunity": ref(opp_ref, w["opportunity_id"]),
            }
            for w in _rows(conn, "whitespace_cell", account_id)
        ],
        "reviews": [
            {**_copy(r, "date", "notes"), "metrics": json.loads(r["metrics"])}
            for r in _rows(conn, "review", account_id)
        ],
    }
    # Read back as stored: an older kamplan may have let in text or numbers this one refuses at the door.
    with reading_stored():
        return PlanDocument.model_validate(data)
