"""Every closed-set value has words a reader sees instead of its JSON spelling."""

from kamplan.document.labels import CLOSED_SET_LABELS, SUPPORT_LABELS, SWOT_HEADINGS, label, support_label
from kamplan.enums import Role, SwotKind


def test_every_value_of_every_set_has_words_without_underscores() -> None:
    for enum, labels in CLOSED_SET_LABELS.items():
        assert set(labels) == set(enum), enum
        for value in enum:
            assert label(value) and "_" not in label(value), value
    assert set(SWOT_HEADINGS) == set(SwotKind) and set(SUPPORT_LABELS) == set(range(-2, 3))


def test_words_for_a_value_for_none_and_for_support() -> None:
    assert label(Role.DECISION_MAKER) == "decision maker"
    assert label(None) == "–" and label(None, "not set") == "not set"
    assert [support_label(n) for n in (-2, 0, 1)] == ["−2 opposed", "0 neutral", "+1 supportive"]
