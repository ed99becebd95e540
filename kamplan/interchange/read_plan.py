"""Read one account's whole plan from the database into a PlanDocument (refs written by position).

It runs on a DB-API connection in plain standard SQL, like the portfolio's summary: `kamplan export` then
never loads SQLAlchemy, which takes longer to import than the largest plan takes to read. The SQLModel tables
stay the schema's one definition; the round-trip tests (write_plan, then this) check every column.
"""

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from kamplan.enums import ActivityStatus, ActivityType, Answer, CriterionDimension
from kamplan.interchange.document import (
    FORMAT,
    VERSION,
    AccountPart,
    ActivityPart,
    CompetitorPart,
    CriterionPart,
    IndicatorPart,
    OpportunityPart,
    PlanDocument,
    Profile,
    ReviewPart,
    Segmentation,
    StakeholderPart,
    Swot,
    TargetPart,
    TeamPart,
    WhitespacePart,
)
from kamplan.planning import QUESTION_KEYS


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


def read_plan(conn: sqlite3.Connection, account_id: int) -> PlanDocument:
    (account,) = _select(conn, "SELECT * FROM account WHERE id = ?", account_id)
    team = _rows(conn, "team_member", account_id)
    people = _rows(conn, "stakeholder", account_id)
    opps = _rows(conn, "opportunity", account_id)
    rivals = _rows(conn, "competitor", account_id)
    team_ref, person_ref = _refs(team, "t"), _refs(people, "s")
    opp_ref, rival_ref = _refs(opps, "o"), _refs(rivals, "c")

    def ref(refs: dict[int, str], key: int | None) -> str | None:
        return refs.get(key) if key else None

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
    for opp_id, question, answer in conn.execute(
        "SELECT q.opportunity_id, q.question, q.answer FROM qualification_answer q"
        " JOIN opportunity o ON o.id = q.opportunity_id WHERE o.account_id = ?",
        (account_id,),
    ):
        answers[opp_id][question] = answer
    criteria = _rows(conn, "criterion", account_id)

    def criterion_parts(dimension: CriterionDimension) -> list[CriterionPart]:
        return [
            CriterionPart(criterion=c["name"], weight=c["weight"], score=c["score"])
            for c in criteria
            if c["dimension"] == dimension
        ]

    offerings: dict[int, str] = dict(conn.execute("SELECT id, name FROM offering").fetchall())
    return PlanDocument(
        format=FORMAT,
        version=VERSION,
        account=AccountPart(
            name=account["name"],
            industry=account["industry"],
            currency=account["currency"],
            planning_horizon_years=account["planning_horizon_years"],
            key_account=account["key_account"],
            annual_revenue=account["annual_revenue"],
            wallet=account["wallet"],
            our_revenue=account["our_revenue"],
            cost_to_serve=account["cost_to_serve"],
            profile=Profile(**{f: account[f] for f in Profile.model_fields}),
            swot=[
                Swot(kind=s["kind"], text=s["text"])
                for s in _rows(conn, "swot_item", account_id, "position, id")
            ],
            segmentation=Segmentation(**{f: account[f] for f in Segmentation.model_fields}),
        ),
        team=[TeamPart(ref=team_ref[t["id"]], name=t["name"], function=t["function"]) for t in team],
        stakeholders=[
            StakeholderPart(
                ref=person_ref[p["id"]],
                name=p["name"],
                title=p["title"],
                department=p["department"],
                reports_to=ref(person_ref, p["reports_to_id"]),
                role=p["role"],
                influence=p["influence"],
                support=p["support"],
                needs=p["needs"],
                wants=p["wants"],
                declared_agenda=p["declared_agenda"],
                personal_agenda=p["personal_agenda"],
                owner=ref(team_ref, p["owner_id"]),
                relationship_level=p["relationship_level"],
                relationship_wanted=p["relationship_wanted"],
                listens_to=[person_ref[i] for i in listens.get(p["id"], [])],
                confidence=p["confidence"],
                source=p["source"],
                last_contact=p["last_contact"],
                plan=p["plan"],
            )
            for p in people
        ],
        opportunities=[
            OpportunityPart(
                ref=opp_ref[o["id"]],
                title=o["title"],
                kind=o["kind"],
                value=o["value"],
                target_date=o["target_date"],
                stage=o["stage"],
                probability=o["probability"],
                status=o["status"],
                status_reason=o["status_reason"],
                participants=[person_ref[i] for i in participants.get(o["id"], [])],
                competitors=[rival_ref[i] for i in opp_rivals.get(o["id"], [])],
                qualification={k: answers[o["id"]].get(k, Answer.UNKNOWN) for k in QUESTION_KEYS},
            )
            for o in opps
        ],
        # Thousands of rows the database has already checked: built without validation, which would
        # take longer than the whole read.
        activities=[
            ActivityPart.model_construct(
                date=date.fromisoformat(row["date"]),
                type=ActivityType(row["type"]),
                stakeholders=[person_ref[i] for i in reached.get(row["id"], [])],
                owner=ref(team_ref, row["owner_id"]),
                opportunity=ref(opp_ref, row["opportunity_id"]),
                objective=row["objective"],
                status=ActivityStatus(row["status"]),
                outcome=row["outcome"],
            )
            for row in _rows(conn, "activity", account_id)
        ],
        activity_targets=[
            TargetPart(
                type=t["type"],
                per_week=t["per_week"],
                converts_to=t["converts_to"],
                conversion_rate=t["conversion_rate"],
            )
            for t in _rows(conn, "activity_target", account_id)
        ],
        competitors=[
            CompetitorPart(
                ref=rival_ref[c["id"]],
                name=c["name"],
                strengths=c["strengths"],
                weaknesses=c["weaknesses"],
                close_to=[person_ref[i] for i in close_to.get(c["id"], [])],
                threat=c["threat"],
                counter=c["counter"],
            )
            for c in rivals
        ],
        attractiveness=criterion_parts(CriterionDimension.ATTRACTIVENESS),
        our_strength=criterion_parts(CriterionDimension.OUR_STRENGTH),
        relationship=[
            IndicatorPart(indicator=i["name"], score=i["score"], evidence=i["evidence"])
            for i in _rows(conn, "relationship_indicator", account_id)
        ],
        whitespace=[
            WhitespacePart(
                unit=w["unit"],
                offering=offerings[w["offering_id"]],
                status=w["status"],
                opportunity=ref(opp_ref, w["opportunity_id"]),
            )
            for w in _rows(conn, "whitespace_cell", account_id)
        ],
        reviews=[
            ReviewPart(date=r["date"], notes=r["notes"], metrics=json.loads(r["metrics"]))
            for r in _rows(conn, "review", account_id)
        ],
    )
