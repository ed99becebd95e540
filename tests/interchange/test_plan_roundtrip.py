"""JSON plan documents survive export → import → export unchanged, and every documented key is written."""

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from file_support import db_file, export_plan, import_text
from sqlalchemy.engine import Engine

from kamplan.store.accounts import list_accounts
from kamplan.store.demo import add_demo, demo_document
from kamplan.store.engine import reading

DEMO = "Kestrelmoor Foods B.V."
AS_OF = date(2026, 3, 4)

# DESIGN.md, "JSON plan document": the keys every export writes (it may write more).
TOP_KEYS = {
    "format",
    "version",
    "account",
    "team",
    "stakeholders",
    "opportunities",
    "activities",
    "activity_targets",
    "competitors",
    "attractiveness",
    "our_strength",
    "relationship",
    "whitespace",
    "reviews",
    "derived",
}
ACCOUNT_KEYS = {
    "name",
    "aliases",
    "industry",
    "currency",
    "planning_horizon_years",
    "key_account",
    "annual_revenue",
    "wallet",
    "our_revenue",
    "cost_to_serve",
    "profile",
    "swot",
}
PROFILE_KEYS = {
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
}
ITEM_KEYS = {
    "swot": {"kind", "text"},
    "team": {"ref", "name", "function"},
    "stakeholders": {
        "ref",
        "name",
        "title",
        "department",
        "email",
        "phone",
        "reports_to",
        "role",
        "influence",
        "support",
        "needs",
        "wants",
        "declared_agenda",
        "personal_agenda",
        "owner",
        "relationship_level",
        "relationship_wanted",
        "listens_to",
        "confidence",
        "source",
        "last_contact",
        "plan",
    },
    "opportunities": {
        "ref",
        "title",
        "kind",
        "value",
        "target_date",
        "stage",
        "probability",
        "status",
        "status_reason",
        "participants",
        "competitors",
        "qualification",
        "qualification_evidence",
        "qualification_changed",
    },
    "activities": {"date", "type", "stakeholders", "owner", "opportunity", "objective", "status", "outcome"},
    "activity_targets": {"type", "per_week", "converts_to", "conversion_rate"},
    "competitors": {"ref", "name", "strengths", "weaknesses", "close_to", "threat", "counter"},
    "attractiveness": {"criterion", "weight", "score"},
    "our_strength": {"criterion", "weight", "score"},
    "relationship": {"indicator", "score", "evidence"},
    "whitespace": {"unit", "offering", "status", "opportunity"},
    "reviews": {"date", "notes", "metrics"},
}
# Free-text keys: always a string, "" when empty, never null.
TEXT_KEYS = {
    "account": {"name", "industry", "currency"},
    "profile": PROFILE_KEYS,
    "swot": {"text"},
    "team": {"ref", "name", "function"},
    "stakeholders": {
        "ref",
        "name",
        "title",
        "department",
        "email",
        "phone",
        "needs",
        "wants",
        "declared_agenda",
        "personal_agenda",
        "source",
        "plan",
    },
    "opportunities": {"ref", "title", "stage", "status_reason"},
    "activities": {"objective", "outcome"},
    "competitors": {"ref", "name", "strengths", "weaknesses", "counter"},
    "attractiveness": {"criterion"},
    "our_strength": {"criterion"},
    "relationship": {"indicator", "evidence"},
    "whitespace": {"unit", "offering"},
    "reviews": {"notes"},
}
DERIVED_KEYS = {
    "as_of",
    "stakeholders",
    "opportunities",
    "attractiveness",
    "our_strength",
    "quadrant",
    "relationship_index",
    "power_coverage",
    "factored_pipeline",
}
VOTE_KEYS = {"verdict", "margin", "for", "against", "undecided", "qualification_score", "optimistic"}


def export(engine: Engine, name: str = DEMO, as_of: date = AS_OF) -> str:
    return export_plan(db_file(engine), name, as_of)


def sections(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each list of items in a document, the SWOT included."""
    found = {key: doc[key] for key in ITEM_KEYS if key != "swot"}
    found["swot"] = doc["account"]["swot"]
    return found


# --- export → import → export ----------------------------------------------------------------------------


def test_demo_survives_export_import_export_identically(
    demo_engine: Engine, make_engine: Callable[[str], Engine]
) -> None:
    first = export(demo_engine)
    empty = make_engine("empty")
    assert import_text(empty, first) == DEMO
    assert export(empty) == first


def test_demo_export_matches_the_demo_document(demo_engine: Engine) -> None:
    exported = json.loads(export(demo_engine))
    original = demo_document(AS_OF)
    # The demo writes its refs as export does (t1…, s1…, o1…, c1…), so the two agree key by key.
    for key in TOP_KEYS - {"derived"}:
        assert exported[key] == original[key], key


def test_only_as_of_and_power_coverage_depend_on_the_as_of_date(demo_engine: Engine) -> None:
    march = json.loads(export(demo_engine, as_of=AS_OF))
    may = json.loads(export(demo_engine, as_of=date(2026, 5, 20)))
    assert march["derived"]["as_of"] == "2026-03-04"
    assert may["derived"]["as_of"] == "2026-05-20"
    assert march["derived"]["power_coverage"] != may["derived"]["power_coverage"]
    for doc in (march, may):
        del doc["derived"]["as_of"]
        del doc["derived"]["power_coverage"]
    assert march == may


def test_same_as_of_gives_byte_identical_exports(demo_engine: Engine) -> None:
    assert export(demo_engine) == export(demo_engine)


def test_import_keeps_the_documents_order(engine: Engine) -> None:
    names = ["Zoe", "Adam", "Mia", "Bert"]
    doc = {
        "format": "kamplan-plan",
        "version": 1,
        "account": {"name": "Order"},
        "stakeholders": [{"ref": f"p{n}", "name": name} for n, name in enumerate(names)],
        "activities": [
            {"date": day, "type": "call", "stakeholders": ["p3", "p0", "p2"]}
            for day in ("2026-03-09", "2026-01-05", "2026-02-02")
        ],
        "attractiveness": [{"criterion": c, "weight": 1, "score": 5} for c in ("Zeta", "Alpha", "Mu")],
    }
    import_text(engine, json.dumps(doc))
    exported = json.loads(export(engine, "Order"))
    assert [s["name"] for s in exported["stakeholders"]] == names
    assert [a["date"] for a in exported["activities"]] == ["2026-03-09", "2026-01-05", "2026-02-02"]
    assert exported["activities"][0]["stakeholders"] == ["s4", "s1", "s3"]
    assert [c["criterion"] for c in exported["attractiveness"]] == ["Zeta", "Alpha", "Mu"]


# --- every key, no null text -----------------------------------------------------------------------------


def assert_complete(doc: dict[str, Any]) -> None:
    assert set(doc) >= TOP_KEYS
    assert (doc["format"], doc["version"]) == ("kamplan-plan", 1)
    assert set(doc["account"]) >= ACCOUNT_KEYS
    assert set(doc["account"]["profile"]) >= PROFILE_KEYS
    for key in TEXT_KEYS["account"]:
        assert isinstance(doc["account"][key], str), key
    for key in PROFILE_KEYS:
        assert isinstance(doc["account"]["profile"][key], str), key
    for section, items in sections(doc).items():
        for n, item in enumerate(items):
            assert set(item) >= ITEM_KEYS[section], f"{section}[{n}]"
            for key in TEXT_KEYS.get(section, set()):
                assert isinstance(item[key], str), f"{section}[{n}].{key} is {item[key]!r}"
    for opportunity in doc["opportunities"]:
        for key in ("qualification", "qualification_evidence", "qualification_changed"):
            assert list(opportunity[key]) == [f"q{n}" for n in range(1, 11)], key
        assert all(isinstance(text, str) for text in opportunity["qualification_evidence"].values())
    derived = doc["derived"]
    assert set(derived) >= DERIVED_KEYS
    assert set(derived["stakeholders"]) == {s["ref"] for s in doc["stakeholders"]}
    assert set(derived["opportunities"]) == {o["ref"] for o in doc["opportunities"]}
    for vote in derived["opportunities"].values():
        assert set(vote) >= VOTE_KEYS


def test_demo_export_writes_every_documented_key_and_no_null_text(demo_engine: Engine) -> None:
    doc = json.loads(export(demo_engine))
    assert_complete(doc)
    # The demo fills every section, so each item check above really ran.
    assert all(sections(doc).values())


def test_a_sparse_document_is_exported_with_every_key_filled_in(engine: Engine) -> None:
    doc = {
        "format": "kamplan-plan",
        "version": 1,
        "account": {
            "name": "Sparse",
            "industry": None,
            "profile": {"vision": None},
            "swot": [{"kind": "threat", "text": "x"}],
        },
        "team": [{"ref": "me", "name": "Me", "function": None}],
        "stakeholders": [{"ref": "a", "name": "Ann", "needs": None, "plan": None}],
        "opportunities": [{"ref": "o", "stage": None}],
        "activities": [{"date": "2026-03-02", "type": "call", "objective": None}],
        "activity_targets": [{"type": "call"}],
        "competitors": [{"ref": "c", "name": "Rival", "counter": None}],
        "attractiveness": [{"criterion": "Size"}],
        "our_strength": [{"criterion": "Price"}],
        "relationship": [{"indicator": "Pays on time", "evidence": None}],
        "whitespace": [{"unit": "Plant A", "offering": "Film"}],
        "reviews": [{"date": "2026-03-04", "notes": None}],
    }
    import_text(engine, json.dumps(doc))
    exported = json.loads(export(engine, "Sparse"))
    assert_complete(exported)
    assert exported["stakeholders"][0]["needs"] == ""
    assert exported["opportunities"][0]["title"] == ""
    assert exported["opportunities"][0]["status"] == "open"
    assert exported["opportunities"][0]["qualification"]["q7"] == "unknown"
    assert exported["opportunities"][0]["qualification_evidence"]["q7"] == ""
    assert exported["opportunities"][0]["qualification_changed"]["q7"] is None
    assert exported["stakeholders"][0]["influence"] is None
    assert exported["derived"]["stakeholders"]["s1"]["grid"] == "unrated"
    assert exported["derived"]["power_coverage"] is None


def test_the_demo_dates_move_with_today_by_whole_weeks(
    demo_engine: Engine, make_engine: Callable[[str], Engine]
) -> None:
    later = make_engine("later")
    add_demo(later, today=AS_OF + timedelta(weeks=5, days=2))  # a Friday, five weeks on
    moved = json.loads(export(later, as_of=AS_OF + timedelta(weeks=5)))
    now = json.loads(export(demo_engine))
    for before, after in zip(now["activities"], moved["activities"], strict=True):
        assert date.fromisoformat(after["date"]) - date.fromisoformat(before["date"]) == timedelta(weeks=5)
    # Seen from the same weekday, the plan looks the same: the measures that depend on dates agree.
    del now["derived"]["as_of"], moved["derived"]["as_of"]
    assert moved["derived"] == now["derived"]


def test_adding_the_demo_again_changes_nothing(demo_engine: Engine, db_path: Path) -> None:
    before = export(demo_engine)
    assert add_demo(demo_engine, today=AS_OF) == DEMO
    assert export(demo_engine) == before
    with reading(demo_engine) as session:
        assert [a.name for a in list_accounts(session)] == [DEMO]
