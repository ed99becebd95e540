import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import QUESTION_KEYS, QUESTIONS, Answer, qualification_score

answers = st.dictionaries(st.sampled_from(QUESTION_KEYS), st.none() | st.sampled_from(list(Answer)))
POINTS = {Answer.YES: 2, Answer.PARTLY: 1, Answer.NO: 0, Answer.UNKNOWN: 0, None: 0}


def _answers(*values):
    return dict(zip(QUESTION_KEYS, values, strict=False))


def test_ten_questions_with_a_plain_statement_each():
    assert tuple(f"q{n}" for n in range(1, 11)) == QUESTION_KEYS
    assert list(QUESTIONS) == list(QUESTION_KEYS)
    assert all(text.endswith(".") and len(text) < 110 for text in QUESTIONS.values())


def test_all_yes_is_100_and_nothing_is_0():
    assert qualification_score(dict.fromkeys(QUESTION_KEYS, Answer.YES)) == 100
    assert qualification_score({}) == 0


def test_partly_counts_half():
    # 2 yes + 1 partly = 2.5 of 10
    assert qualification_score(_answers("yes", "yes", "partly")) == 25
    # 4 yes + 1 partly = 4.5 of 10
    assert qualification_score(_answers("yes", "yes", "yes", "yes", "partly", "no")) == 45
    # a single partly = 0.5 of 10
    assert qualification_score({"q10": Answer.PARTLY}) == 5


def test_no_unknown_and_missing_count_zero():
    assert qualification_score(_answers("no", "unknown", None, "yes")) == 10


def test_plain_strings_and_enums_mix():
    assert qualification_score({"q1": "yes", "q2": Answer.YES}) == 20


def test_keys_outside_the_ten_are_ignored():
    assert qualification_score({"q11": "yes", "notes": "yes"}) == 0


def test_an_unknown_spelling_is_refused():
    with pytest.raises(ValueError):
        qualification_score({"q1": "maybe"})


@given(answers)
def test_score_is_in_range(given_answers):
    assert 0 <= qualification_score(given_answers) <= 100


@given(answers)
def test_score_counts_half_points(given_answers):
    half_points = sum(POINTS[given_answers.get(key)] for key in QUESTION_KEYS)
    assert qualification_score(given_answers) == 5 * half_points


@given(answers, st.sampled_from(QUESTION_KEYS), st.sampled_from(list(Answer)))
def test_a_better_answer_never_lowers_the_score(given_answers, key, better):
    current = POINTS[given_answers.get(key)]
    if POINTS[better] >= current:
        assert qualification_score({**given_answers, key: better}) >= qualification_score(given_answers)
