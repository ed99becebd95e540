"""What a plan may hold (DESIGN.md): every text field refuses control characters and bidirectional
overrides, naming the field; every number stays within what a plan can mean; the document's version is a
whole number. Checked field by field over the models themselves, so a field added later is covered too."""

import json
import types
import typing
from typing import Any

import pytest
from pydantic import BaseModel

from kamplan.document import model
from kamplan.document.fields import MAX_MONEY
from kamplan.document.forms import validate_account_field
from kamplan.document.parse import parse_plan
from kamplan.document.text import printable
from kamplan.errors import KamplanError, ValidationFailed

BASE: dict[str, Any] = {"format": "kamplan-plan", "version": 1, "account": {"name": "Acme"}}

# Where each list of parts sits in a document, with the smallest valid item of it.
LISTS: dict[str, tuple[type[BaseModel], dict[str, Any]]] = {
    "team": (model.TeamPart, {"ref": "t", "name": "Tess"}),
    "stakeholders": (model.StakeholderPart, {"ref": "s", "name": "Sam"}),
    "opportunities": (model.OpportunityPart, {"ref": "o"}),
    "activities": (model.ActivityPart, {"date": "2026-03-04", "type": "call"}),
    "activity_targets": (model.TargetPart, {"type": "call"}),
    "competitors": (model.CompetitorPart, {"ref": "c", "name": "Rival"}),
    "attractiveness": (model.CriterionPart, {"criterion": "Stable"}),
    "relationship": (model.IndicatorPart, {"indicator": "Pays"}),
    "whitespace": (model.WhitespacePart, {"unit": "Plant", "offering": "Film"}),
    "reviews": (model.ReviewPart, {"date": "2026-03-04"}),
}
NESTED = {"profile": model.Profile, "segmentation": model.Segmentation}
REFS = {"reports_to", "owner", "opportunity"}  # refs to other parts: their rule is the same as any ref's
ONE_LINE_TEXT = {"name", "title", "department", "function", "industry", "source", "stage", "text"}
ONE_LINE_TEXT |= {"ref", "criterion", "indicator", "unit", "offering", "email", "phone"}


def _is_text(annotation: Any) -> bool:
    return annotation is str


def _is_number(annotation: Any) -> bool:
    union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    args = [
        typing.get_args(arg)[0] if typing.get_origin(arg) is typing.Annotated else arg
        for arg in (typing.get_args(annotation) if union else (annotation,))
    ]
    return any(arg in (int, float) for arg in args) and bool not in args


def text_places() -> list[tuple[str, dict[str, Any], bool]]:
    """(place, a document with "{}" where the text goes, one line only?) for every text field."""
    places = []
    for field, info in model.AccountPart.model_fields.items():
        if _is_text(info.annotation) and field != "currency":
            places.append((f"account.{field}", {"account": {"name": "Acme", field: "{}"}}, True))
    for key, part in NESTED.items():
        for field in part.model_fields:
            template = {"account": {"name": "Acme", key: {field: "{}"}}}
            places.append((f"account.{key}.{field}", template, False))
    places.append(("account.swot[0].text", {"account": {"name": "Acme", "swot": [{"kind": "threat"}]}}, True))
    places[-1][1]["account"]["swot"][0]["text"] = "{}"
    for key, (part, item) in LISTS.items():
        for field, info in part.model_fields.items():
            if _is_text(info.annotation) and field not in REFS:
                places.append((f"{key}[0].{field}", {key: [{**item, field: "{}"}]}, field in ONE_LINE_TEXT))
    return places


TEXT_PLACES = text_places()


def document_with(template: dict[str, Any], text: str) -> str:
    return json.dumps({**BASE, **template}).replace('"{}"', json.dumps(text))


def refusal(text: str) -> str:
    with pytest.raises(KamplanError) as caught:
        parse_plan(text)
    return str(caught.value)


def test_every_text_field_of_the_document_is_checked() -> None:
    # Catches a text field added without a rule: its place would be missing here.
    assert len(TEXT_PLACES) > 40
    assert {"account.name", "stakeholders[0].needs", "reviews[0].notes", "account.swot[0].text"} <= {
        place for place, _, _ in TEXT_PLACES
    }


@pytest.mark.parametrize("char", ["\x1b", "\x00", "\x07", "\x9b", "\x7f", "\u202e", "\u2066", "\u2028"])
@pytest.mark.parametrize(("place", "template", "one_line"), TEXT_PLACES, ids=[p for p, _, _ in TEXT_PLACES])
def test_every_text_field_refuses_control_characters_naming_the_field(
    place: str, template: dict[str, Any], one_line: bool, char: str
) -> None:
    message = refusal(document_with(template, f"Acme{char}Ltd"))
    assert message.startswith(f"{place}: must not hold "), message
    assert printable(message, multiline=False) == message  # the message itself holds nothing raw


@pytest.mark.parametrize(("place", "template", "one_line"), TEXT_PLACES, ids=[p for p, _, _ in TEXT_PLACES])
def test_line_breaks_only_where_a_field_holds_several_lines(
    place: str, template: dict[str, Any], one_line: bool
) -> None:
    text = document_with(template, "first\r\nsecond\tthird")
    if one_line:
        assert refusal(text) == f"{place}: must not hold a carriage return (one line only)"
    else:
        doc = parse_plan(text)
        written = doc.model_dump_json()
        assert json.dumps("first\nsecond\tthird") in written  # Windows line ends become one kind
        assert "\\r" not in written


def test_nul_inside_a_name_and_in_refs_is_refused() -> None:
    assert refusal(document_with({"account": {"name": "{}"}}, "Ac\x00me")) == (
        "account.name: must not hold a NUL character"
    )
    doc = {**BASE, "stakeholders": [{"ref": "s\x1b1", "name": "Sam"}]}
    assert refusal(json.dumps(doc)).startswith("stakeholders[0].ref: must not hold an escape")


def test_text_inside_review_metrics_is_checked_too() -> None:
    doc = {**BASE, "reviews": [{"date": "2026-03-04", "metrics": {"note": {"x": ["ok", "\x1b[2J"]}}}]}
    assert refusal(json.dumps(doc)) == (
        "reviews[0].metrics: note.x[1]: must not hold an escape character (ESC)"
    )
    doc["reviews"][0]["metrics"] = {"bad\nkey": 1}
    assert "the key 'bad\\nkey' must not hold a line break" in refusal(json.dumps(doc))


# --- numbers ---------------------------------------------------------------------------------------------


def number_places() -> list[tuple[str, dict[str, Any]]]:
    places = [
        (f"account.{field}", {"account": {"name": "Acme", field: "{}"}})
        for field, info in model.AccountPart.model_fields.items()
        if _is_number(info.annotation)
    ]
    for key, (part, item) in LISTS.items():
        for field, info in part.model_fields.items():
            if _is_number(info.annotation):
                places.append((f"{key}[0].{field}", {key: [{**item, field: "{}"}]}))
    return places


NUMBER_PLACES = number_places()


def test_every_number_field_is_checked() -> None:
    assert {p for p, _ in NUMBER_PLACES} >= {
        "account.annual_revenue",
        "opportunities[0].value",
        "opportunities[0].probability",
        "attractiveness[0].weight",
        "activity_targets[0].per_week",
    }


@pytest.mark.parametrize(
    "number",
    [1e308, 10**400, -3, 10**16, True, "12"],
    ids=["1e308", "400 digits", "-3", "1e16", "true", "str"],
)
@pytest.mark.parametrize(("place", "template"), NUMBER_PLACES, ids=[p for p, _ in NUMBER_PLACES])
def test_every_number_is_bounded(place: str, template: dict[str, Any], number: Any) -> None:
    text = json.dumps({**BASE, **template}).replace('"{}"', json.dumps(number))
    message = refusal(text)
    assert message.startswith(f"{place}: "), message
    assert len(message) < 160 and "\n" not in message


def test_money_reaches_ten_to_the_fifteen_and_no_further() -> None:
    doc = {**BASE, "opportunities": [{"ref": "o", "value": MAX_MONEY, "probability": 100}]}
    assert parse_plan(json.dumps(doc)).opportunities[0].value == MAX_MONEY
    doc["opportunities"][0]["value"] = MAX_MONEY + 1
    assert refusal(json.dumps(doc)) == (
        "opportunities[0].value: must be 0–1,000,000,000,000,000, got 1,000,000,000,000,001"
    )


def test_an_integer_of_thousands_of_digits_is_one_line() -> None:
    text = json.dumps(BASE)[:-1] + ', "opportunities": [{"ref": "o", "value": ' + "9" * 5000 + "}]}"
    assert refusal(text) == "not a kamplan plan document: it holds a number with thousands of digits"


def test_metrics_numbers_are_bounded() -> None:
    doc = {**BASE, "reviews": [{"date": "2026-03-04", "metrics": {"factored_pipeline": 1e300}}]}
    assert refusal(json.dumps(doc)).startswith("reviews[0].metrics: factored_pipeline: must be at most")


@pytest.mark.parametrize("version", ["1", True, 1.0, 1.5, None])
def test_the_version_is_the_whole_number_one(version: Any) -> None:
    assert refusal(json.dumps({**BASE, "version": version})).startswith("version: ")


# --- forms: the same rules for what is typed ------------------------------------------------------------


def test_profile_fields_follow_the_rule_in_forms() -> None:
    assert validate_account_field("strategy", "grow\r\nin the east\tfast") == "grow\nin the east\tfast"
    with pytest.raises(ValidationFailed, match="must not hold an escape character"):
        validate_account_field("strategy", "grow\x1b]0;pwned\x07")
    with pytest.raises(ValidationFailed, match=r"must not hold a line break \(one line only\)"):
        validate_account_field("industry", "food\npackaging")
    with pytest.raises(ValidationFailed, match="bidirectional override"):
        validate_account_field("competency_fit", "good \u202eevil")


@pytest.mark.parametrize("typed", ["2000000000000000", "2m" * 1, "9" * 400, "1e400", "-5"])
def test_money_in_forms_is_bounded(typed: str) -> None:
    if typed == "2m":
        assert validate_account_field("wallet", typed) == 2e6
        return
    with pytest.raises(ValidationFailed) as caught:
        validate_account_field("wallet", typed)
    assert len(str(caught.value)) < 100


def test_a_horizon_of_thousands_of_digits_is_a_message_not_an_error() -> None:
    with pytest.raises(ValidationFailed, match="must be a whole number"):
        validate_account_field("planning_horizon_years", "9" * 5000)
