"""Importing a plan is all or nothing: a rejected document leaves the database exactly as it was."""

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from file_support import db_file, export_plan, import_text
from sqlalchemy.engine import Engine

import kamplan.store.write_plan as write_plan_module
from kamplan.document.parse import parse_plan
from kamplan.errors import KamplanError, ValidationFailed
from kamplan.store.accounts import list_accounts
from kamplan.store.demo import demo_document
from kamplan.store.engine import reading
from kamplan.store.plan_import import import_plan

DEMO = "Kestrelmoor Foods B.V."
AS_OF = date(2026, 3, 4)
Dump = Callable[[Path], list[str]]


def demo() -> dict[str, Any]:
    """The demo document under another name, so that only the defect under test stands in its way."""
    doc = copy.deepcopy(demo_document(AS_OF))
    doc["account"]["name"] = "Copy of the demo"
    return doc


def unknown_ref(doc: dict[str, Any]) -> None:
    doc["opportunities"][0]["participants"].append("s99")


def duplicate_ref(doc: dict[str, Any]) -> None:
    doc["stakeholders"][3]["ref"] = "s1"


def duplicate_ref_across_kinds(doc: dict[str, Any]) -> None:
    doc["competitors"][0]["ref"] = "t1"


def reports_to_cycle(doc: dict[str, Any]) -> None:
    doc["stakeholders"][0]["reports_to"] = "s7"  # s7 → s3 → s1 → s7


def reports_to_self(doc: dict[str, Any]) -> None:
    doc["stakeholders"][4]["reports_to"] = "s5"


def influence_7(doc: dict[str, Any]) -> None:
    doc["stakeholders"][0]["influence"] = 7


def bad_date(doc: dict[str, Any]) -> None:
    doc["activities"][2]["date"] = "2026-02-30"


def wrong_format(doc: dict[str, Any]) -> None:
    doc["format"] = "excel-sheet"


def newer_version(doc: dict[str, Any]) -> None:
    doc["version"] = 2


def missing_name(doc: dict[str, Any]) -> None:
    del doc["account"]["name"]


def unknown_closed_value(doc: dict[str, Any]) -> None:
    doc["activities"][0]["type"] = "lunch"


def evidence_for_q11(doc: dict[str, Any]) -> None:
    doc["opportunities"][1]["qualification_evidence"]["q11"] = "said so"


def changed_on_no_day(doc: dict[str, Any]) -> None:
    doc["opportunities"][0]["qualification_changed"]["q2"] = "last week"


def late_defect(doc: dict[str, Any]) -> None:
    doc["reviews"][-1]["date"] = "yesterday"  # the very last item: nothing before it may be kept


REJECTIONS = [
    (unknown_ref, "opportunities[0].participants[8]: no stakeholder has ref 's99'"),
    (duplicate_ref, "stakeholders[3].ref: 's1' is used twice (also at stakeholders[0].ref)"),
    (duplicate_ref_across_kinds, "competitors[0].ref: 't1' is used twice (also at team[0].ref)"),
    (reports_to_cycle, "stakeholders[0].reports_to: the reporting line goes round in a circle"),
    (reports_to_self, "stakeholders[4].reports_to: 's5' cannot report to themselves"),
    (influence_7, "stakeholders[0].influence: must be 1–5, got 7"),
    (bad_date, "activities[2].date: '2026-02-30' is not a real date"),
    (wrong_format, "format: must be 'kamplan-plan', got 'excel-sheet'"),
    (newer_version, "newer kamplan"),
    (missing_name, "account.name: is required"),
    (unknown_closed_value, "activities[0].type: must be one of"),
    (evidence_for_q11, "opportunities[1].qualification_evidence: unknown question 'q11'"),
    (changed_on_no_day, "opportunities[0].qualification_changed.q2: must be a date written YYYY-MM-DD"),
    (late_defect, "reviews[5].date: must be a date written YYYY-MM-DD, got 'yesterday'"),
]


@pytest.mark.parametrize(("spoil", "message"), REJECTIONS, ids=[spoil.__name__ for spoil, _ in REJECTIONS])
def test_rejected_document_leaves_the_database_unchanged(
    demo_engine: Engine, db_path: Path, dump_db: Dump, spoil: Callable[[dict[str, Any]], None], message: str
) -> None:
    doc = demo()
    spoil(doc)
    before = dump_db(db_path)
    with pytest.raises(KamplanError) as caught:
        import_text(demo_engine, json.dumps(doc))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert dump_db(db_path) == before


def test_influence_7_message_is_exactly_the_documented_one(engine: Engine) -> None:
    doc = demo()
    influence_7(doc)
    with pytest.raises(ValidationFailed) as caught:
        parse_plan(json.dumps(doc))
    assert caught.value.problems == ["stakeholders[0].influence: must be 1–5, got 7"]


def test_every_problem_is_reported_at_once(engine: Engine) -> None:
    doc = demo()
    for spoil in (influence_7, bad_date, unknown_closed_value):
        spoil(doc)
    with pytest.raises(ValidationFailed) as caught:
        parse_plan(json.dumps(doc))
    assert len(caught.value.problems) == 3


def test_name_clash_is_refused_without_rename_or_replace(
    demo_engine: Engine, db_path: Path, dump_db: Dump
) -> None:
    before = dump_db(db_path)
    doc = demo_document(AS_OF)
    doc["account"]["name"] = DEMO.upper()  # the same name in another case is the same account
    with pytest.raises(KamplanError, match="exists already; use --rename NEW or --replace"):
        import_text(demo_engine, json.dumps(doc))
    assert dump_db(db_path) == before


def account_names(engine: Engine) -> list[str]:
    with reading(engine) as session:
        return [account.name for account in list_accounts(session)]


def test_rename_imports_a_second_copy_beside_the_first(demo_engine: Engine) -> None:
    original = export_plan(db_file(demo_engine), DEMO, AS_OF)
    assert import_text(demo_engine, original, rename="  Kestrelmoor (copy) ") == "Kestrelmoor (copy)"
    assert account_names(demo_engine) == ["Kestrelmoor (copy)", DEMO]
    copy_doc = json.loads(export_plan(db_file(demo_engine), "kestrelmoor (copy)", AS_OF))
    assert copy_doc["account"]["name"] == "Kestrelmoor (copy)"
    copy_doc["account"]["name"] = DEMO
    assert copy_doc == json.loads(original)
    # Whitespace offerings are one list for all accounts: the copy shares them, adds none.
    assert export_plan(db_file(demo_engine), DEMO, AS_OF) == original


def test_rename_to_a_name_that_is_also_taken_is_refused(
    demo_engine: Engine, db_path: Path, dump_db: Dump
) -> None:
    before = dump_db(db_path)
    with pytest.raises(KamplanError, match="exists already"):
        import_text(demo_engine, json.dumps(demo()), rename=DEMO.lower())
    assert dump_db(db_path) == before


def test_replace_swaps_the_account_for_the_documents_version(demo_engine: Engine) -> None:
    doc = demo_document(AS_OF)
    doc["stakeholders"] = doc["stakeholders"][:2]
    for stakeholder in doc["stakeholders"]:
        stakeholder["listens_to"] = []
    doc["opportunities"] = doc["activities"] = doc["competitors"] = doc["whitespace"] = []
    doc["account"]["name"] = DEMO.lower()
    assert import_text(demo_engine, json.dumps(doc), replace=True) == DEMO.lower()
    assert account_names(demo_engine) == [DEMO.lower()]
    replaced = json.loads(export_plan(db_file(demo_engine), DEMO, AS_OF))
    assert [s["name"] for s in replaced["stakeholders"]] == ["Annelies Verbruggen", "Pieter Dekkers"]
    assert replaced["activities"] == []


def test_replace_without_an_existing_account_simply_imports(engine: Engine) -> None:
    assert import_text(engine, json.dumps(demo()), replace=True) == "Copy of the demo"
    assert account_names(engine) == ["Copy of the demo"]


def test_a_failure_halfway_through_a_replace_keeps_the_old_account(
    demo_engine: Engine, db_path: Path, dump_db: Dump, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump_db(db_path)

    def disk_trouble(*args: object) -> None:
        raise KamplanError("the disk is full or failing; nothing was changed")

    # Fails after the old account is deleted and most of the new one is written.
    monkeypatch.setattr(write_plan_module, "offering_ids", disk_trouble)
    doc = parse_plan(json.dumps(demo_document(AS_OF)))
    with pytest.raises(KamplanError, match="disk is full"):
        import_plan(demo_engine, doc, replace=True)
    assert dump_db(db_path) == before


def test_empty_rename_is_refused(engine: Engine) -> None:
    doc = parse_plan(json.dumps(demo()))
    with pytest.raises(KamplanError, match="needs a name"):
        import_plan(engine, doc, rename=" ")
    assert account_names(engine) == []


def test_a_broken_character_escape_is_refused_before_anything_is_written(
    demo_engine: Engine, db_path: Path, dump_db: Dump
) -> None:
    before = dump_db(db_path)
    text = json.dumps(demo()).replace('"Annelies Verbruggen"', '"Annelies \\ud800 Verbruggen"')
    with pytest.raises(KamplanError, match="broken character"):
        import_text(demo_engine, text)
    assert dump_db(db_path) == before


def test_escaped_non_ascii_text_is_fine(engine: Engine) -> None:
    doc = demo()
    doc["account"]["name"] = "Øresund 😀 Energi"
    import_text(engine, json.dumps(doc))  # json.dumps escapes: "\u00d8resund \ud83d\ude00 Energi"
    assert account_names(engine) == ["Øresund 😀 Energi"]


def test_unknown_keys_are_ignored(engine: Engine) -> None:
    doc = demo()
    doc["stakeholders"][0]["shoe_size"] = 44
    doc["from_the_future"] = {"anything": [1, 2]}
    import_text(engine, json.dumps(doc))
    assert account_names(engine) == ["Copy of the demo"]


def test_a_document_without_evidence_or_days_reads_as_before(engine: Engine) -> None:
    """The qualification answers stay "q1": "yes"; evidence and the days they changed sit beside them, and a
    document written before them (or by hand) may leave them out."""
    doc = demo()
    for opportunity in doc["opportunities"]:
        opportunity.pop("qualification_evidence", None)
        opportunity.pop("qualification_changed", None)
    import_text(engine, json.dumps(doc))
    exported = json.loads(export_plan(db_file(engine), "Copy of the demo", AS_OF))
    first = exported["opportunities"][0]
    assert first["qualification"]["q1"] == "yes"
    assert first["qualification_evidence"] == {f"q{n}": "" for n in range(1, 11)}
    assert first["qualification_changed"] == {f"q{n}": None for n in range(1, 11)}


def test_the_demo_keeps_its_evidence_and_days(engine: Engine) -> None:
    import_text(engine, json.dumps(demo()))
    exported = json.loads(export_plan(db_file(engine), "Copy of the demo", AS_OF))
    first = exported["opportunities"][0]
    assert first["qualification_evidence"]["q6"].startswith("The plant prefers us")
    assert first["qualification_changed"]["q6"] == "2026-03-02"
    assert exported["opportunities"][2]["qualification_changed"]["q6"] is None


def test_a_derived_block_in_the_document_is_ignored(engine: Engine) -> None:
    doc = demo()
    doc["derived"] = {"quadrant": "nonsense", "power_coverage": 1000}
    import_text(engine, json.dumps(doc))
    exported = json.loads(export_plan(db_file(engine), "Copy of the demo", AS_OF))
    assert exported["derived"]["quadrant"] == "key development"
