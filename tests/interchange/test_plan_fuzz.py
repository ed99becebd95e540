"""Whatever a file holds, reading it as a plan document fails only with a message for the user."""

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kamplan.document.parse import parse_plan
from kamplan.errors import KamplanError

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)

# Documents that look like plans, with arbitrary values in the places the reader looks at.
sections = st.sampled_from(
    [
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
    ]
)
item_keys = st.sampled_from(
    [
        "ref",
        "name",
        "reports_to",
        "influence",
        "support",
        "owner",
        "listens_to",
        "participants",
        "competitors",
        "qualification",
        "qualification_evidence",
        "qualification_changed",
        "date",
        "type",
        "stakeholders",
        "opportunity",
        "weight",
        "score",
        "probability",
        "value",
        "metrics",
        "status",
        "last_contact",
        "close_to",
        "unit",
        "offering",
        "planning_horizon_years",
        "currency",
        "profile",
        "swot",
    ]
)
plan_like = st.fixed_dictionaries(
    {"format": st.just("kamplan-plan") | json_values, "version": st.just(1) | json_values},
    optional={"account": st.fixed_dictionaries({"name": json_values}, optional={"swot": json_values})},
).flatmap(
    lambda base: st.dictionaries(
        sections,
        json_values
        | st.lists(st.dictionaries(item_keys, json_values | st.sampled_from(["s1", "s2", "t1"]), max_size=6)),
        max_size=4,
    ).map(lambda extra: {**base, **extra})
)


def only_user_errors(text: str) -> None:
    try:
        parse_plan(text)
    except KamplanError as error:
        assert str(error).strip(), "an error needs a message"


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_any_json_value_is_either_a_plan_or_a_user_error(value: Any) -> None:
    only_user_errors(json.dumps(value))


@settings(max_examples=100, deadline=None)
@given(plan_like)
def test_any_plan_like_object_is_either_a_plan_or_a_user_error(value: dict[str, Any]) -> None:
    only_user_errors(json.dumps(value))


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_is_either_a_plan_or_a_user_error(text: str) -> None:
    only_user_errors(text)


@settings(max_examples=50, deadline=None)
@given(
    st.text(), st.sampled_from(["", "{", '{"format": "kamplan-plan", "version": 1, "account": {"name": "'])
)
def test_text_after_a_plausible_start_is_a_user_error_at_worst(tail: str, head: str) -> None:
    only_user_errors(head + tail)
