"""Property: any valid plan document, once imported, survives export → import → export unchanged."""

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from file_support import db_file, export_plan, import_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import select

from kamplan.document.contacts import split_aliases
from kamplan.enums import (
    ActivityStatus,
    ActivityType,
    Answer,
    Confidence,
    OpportunityKind,
    OpportunityStatus,
    RelationshipLevel,
    Role,
    SwotKind,
    WhitespaceStatus,
)
from kamplan.models import Account
from kamplan.store.engine import open_engine, unit_of_work

AS_OF = date(2026, 3, 4)

# Any character a plan may hold (DESIGN.md, "What a plan may hold"), in any script: not lone surrogates,
# which are not text, nor control characters, line separators or bidirectional overrides.
BIDI = "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
characters = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters=BIDI)
lines = st.text(characters, max_size=12)
texts = st.text(characters | st.sampled_from("\n\t"), max_size=12)  # fields of several lines
names = st.text(characters, min_size=1, max_size=10).filter(lambda s: s.strip() != "")
# Aliases are one line each: no control characters (which the document refuses there).
alias_texts = st.text(st.characters(exclude_categories=("Cs", "Cc", "Cf")), max_size=12)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)).map(date.isoformat)
money = st.none() | st.integers(0, 10**12) | st.floats(0, 1e12, allow_nan=False, allow_infinity=False)
ratios = st.none() | st.floats(0, 1)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(-1e18, 1e18) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(lines, inner, max_size=3),
    max_leaves=6,
)


def values(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum])


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def some(draw: Any, refs: list[str]) -> list[str]:
    """A few distinct refs, in a random order."""
    if not refs:
        return []
    return draw(st.lists(st.sampled_from(refs), unique=True, max_size=4))


@st.composite
def plan_documents(draw: Any) -> dict[str, Any]:
    n_team, n_people, n_opps, n_rivals = (draw(st.integers(0, size)) for size in (3, 8, 4, 3))
    refs = draw(
        st.lists(
            st.text(characters, min_size=1, max_size=5),
            min_size=n_team + n_people + n_opps + n_rivals,
            max_size=n_team + n_people + n_opps + n_rivals,
            unique_by=str.strip,
        ).filter(lambda refs: all(ref.strip() for ref in refs))
    )
    team_refs = refs[:n_team]
    people_refs = refs[n_team : n_team + n_people]
    opp_refs = refs[n_team + n_people : n_team + n_people + n_opps]
    rival_refs = refs[n_team + n_people + n_opps :]

    # A reporting tree: each person reports to nobody or to someone earlier in a random order, so no cycles.
    order = draw(st.permutations(range(n_people))) if n_people else []
    boss: dict[int, int | None] = {}
    for position, person in enumerate(order):
        boss[person] = draw(st.none() | st.sampled_from(order[:position])) if position else None

    def maybe(refs: list[str]) -> st.SearchStrategy[str | None]:
        return st.none() | st.sampled_from(refs) if refs else st.none()

    stakeholders = [
        {
            "ref": ref,
            "name": draw(names),
            "title": draw(lines),
            "department": draw(lines),
            "email": draw(lines),
            "phone": draw(lines),
            "reports_to": None if boss[n] is None else people_refs[boss[n]],  # type: ignore[index]
            "role": draw(optional(values(Role))),
            "influence": draw(optional(st.integers(1, 5))),
            "support": draw(optional(st.integers(-2, 2))),
            "needs": draw(texts),
            "wants": draw(texts),
            "declared_agenda": draw(texts),
            "personal_agenda": draw(texts),
            "owner": draw(maybe(team_refs)),
            "relationship_level": draw(optional(values(RelationshipLevel))),
            "relationship_wanted": draw(optional(values(RelationshipLevel))),
            "listens_to": some(draw, people_refs),
            "confidence": draw(values(Confidence)),
            "source": draw(lines),
            "last_contact": draw(optional(days)),
            "plan": draw(texts),
        }
        for n, ref in enumerate(people_refs)
    ]
    question_keys = [f"q{n}" for n in range(1, 11)]
    opportunities = [
        {
            "ref": ref,
            "title": draw(lines),
            "kind": draw(optional(values(OpportunityKind))),
            "value": draw(money),
            "target_date": draw(optional(days)),
            "stage": draw(lines),
            "probability": draw(optional(st.integers(0, 100))),
            "status": draw(values(OpportunityStatus)),
            "status_reason": draw(texts),
            "participants": some(draw, people_refs),
            "competitors": some(draw, rival_refs),
            # Unanswered questions may be left out: they count as unknown.
            "qualification": draw(
                st.dictionaries(st.sampled_from(question_keys), values(Answer), max_size=10)
            ),
            "qualification_evidence": draw(
                st.dictionaries(st.sampled_from(question_keys), texts, max_size=3)
            ),
            "qualification_changed": draw(
                st.dictionaries(st.sampled_from(question_keys), optional(days), max_size=3)
            ),
        }
        for ref in opp_refs
    ]
    activities = [
        {
            "date": draw(days),
            "type": draw(values(ActivityType)),
            "stakeholders": some(draw, people_refs),
            "owner": draw(maybe(team_refs)),
            "opportunity": draw(maybe(opp_refs)),
            "objective": draw(texts),
            "status": draw(values(ActivityStatus)),
            "outcome": draw(texts),
        }
        for _ in range(draw(st.integers(0, 8)))
    ]
    criteria = st.fixed_dictionaries(
        {
            "criterion": names,
            "weight": st.integers(0, 5) | st.floats(0, 10),
            "score": optional(st.integers(0, 10) | st.floats(0, 10)),
        }
    )
    cells = st.lists(
        st.fixed_dictionaries(
            {
                "unit": st.sampled_from(["Plant A", "plant b", "Zürich HQ", "研究所"]),
                "offering": st.sampled_from(["Film", "Trays", "Service", "Étiquettes"]),
                "status": values(WhitespaceStatus),
                "opportunity": maybe(opp_refs),
            }
        ),
        max_size=5,
        unique_by=lambda cell: (cell["unit"].casefold(), cell["offering"].casefold()),
    )
    return {
        "format": "kamplan-plan",
        "version": 1,
        "account": {
            "name": draw(names),
            "aliases": draw(st.lists(alias_texts, max_size=3)),
            "industry": draw(lines),
            "currency": draw(st.sampled_from(["EUR", "usd", "JPY", ""])),
            "planning_horizon_years": draw(st.integers(1, 3)),
            "key_account": draw(st.booleans()),
            "annual_revenue": draw(money),
            "wallet": draw(money),
            "our_revenue": draw(money),
            "cost_to_serve": draw(money),
            "profile": {
                key: draw(texts)
                for key in (
                    "strategy",
                    "vision",
                    "core_values",
                    "initiatives",
                    "culture",
                    "history",
                    "decision_process",
                    "goals",
                    "pressures",
                    "changes",
                )
            },
            "swot": draw(
                st.lists(st.fixed_dictionaries({"kind": values(SwotKind), "text": names}), max_size=4)
            ),
        },
        "team": [{"ref": ref, "name": draw(names), "function": draw(lines)} for ref in team_refs],
        "stakeholders": stakeholders,
        "opportunities": opportunities,
        "activities": activities,
        "activity_targets": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "type": values(ActivityType),
                        "per_week": st.integers(0, 20) | st.floats(0, 20),
                        "converts_to": optional(values(ActivityType)),
                        "conversion_rate": ratios,
                    }
                ),
                max_size=3,
            )
        ),
        "competitors": [
            {
                "ref": ref,
                "name": draw(names),
                "strengths": draw(texts),
                "weaknesses": draw(texts),
                "close_to": some(draw, people_refs),
                "threat": draw(optional(st.integers(1, 5))),
                "counter": draw(texts),
            }
            for ref in rival_refs
        ],
        "attractiveness": draw(st.lists(criteria, max_size=4)),
        "our_strength": draw(st.lists(criteria, max_size=4)),
        "relationship": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"indicator": names, "score": optional(st.integers(0, 5)), "evidence": texts}
                ),
                max_size=4,
            )
        ),
        "whitespace": draw(cells),
        "reviews": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"date": days, "notes": texts, "metrics": st.dictionaries(lines, json_values, max_size=3)}
                ),
                max_size=3,
            )
        ),
    }


@pytest.fixture(scope="module")
def two_databases(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> Iterator[list[Engine]]:
    """Two databases kept for every example (SQLAlchemy caches compiled statements per engine); each
    example removes what it added, so every import goes into an empty database."""
    folder = tmp_path_factory.mktemp("round-trip")
    engines = []
    for name in ("first", "second"):
        shutil.copyfile(migrated_template, folder / f"{name}.sqlite")
        engines.append(open_engine(folder / f"{name}.sqlite"))
    yield engines
    for engine in engines:
        engine.dispose()


def remove_all_accounts(engine: Engine) -> None:
    with unit_of_work(engine) as session:
        for account in session.exec(select(Account)).all():
            session.delete(account)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=plan_documents(), as_of=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
def test_any_valid_document_round_trips_identically(
    two_databases: list[Engine], doc: dict[str, Any], as_of: date
) -> None:
    first, second = two_databases
    try:
        account = import_text(first, json.dumps(doc))
        assert account == doc["account"]["name"].strip()
        exported = export_plan(db_file(first), account, as_of)
        assert import_text(second, exported) == account
        assert export_plan(db_file(second), account, as_of) == exported
    finally:
        remove_all_accounts(first)
        remove_all_accounts(second)

    # Nothing the document said was lost on the way: counts and the free text survive the first import.
    written = json.loads(exported)
    for key in (
        "team",
        "stakeholders",
        "opportunities",
        "activities",
        "competitors",
        "reviews",
        "whitespace",
    ):
        assert len(written[key]) == len(doc[key]), key
    assert [s["needs"] for s in written["stakeholders"]] == [s["needs"] for s in doc["stakeholders"]]
    for key in ("email", "phone"):
        assert [s[key] for s in written["stakeholders"]] == [s[key] for s in doc["stakeholders"]]
    assert written["account"]["aliases"] == split_aliases("\n".join(doc["account"]["aliases"]))
    assert [a["outcome"] for a in written["activities"]] == [a["outcome"] for a in doc["activities"]]
    assert written["account"]["profile"] == doc["account"]["profile"]
    assert [r["metrics"] for r in written["reviews"]] == [r["metrics"] for r in doc["reviews"]]
