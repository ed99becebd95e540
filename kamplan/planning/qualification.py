"""The ten qualification questions and their score."""

from collections.abc import Mapping
from fractions import Fraction

from kamplan.enums import Answer
from kamplan.planning._rounding import round_half_up

QUESTION_KEYS = ("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10")

QUESTIONS: dict[str, str] = {
    "q1": "We know how this customer buys, step by step, and it is not just our sales process.",
    "q2": "There is a real budget for this.",
    "q3": "We know what each person in the decision needs for the business and wants for themselves.",
    "q4": "We have the resources to give them what they need and want.",
    "q5": "Something only we offer goes to the heart of how they see the problem.",
    "q6": "The customer has told us they prefer our solution.",
    "q7": "We are in contact with everyone who influences the decision.",
    "q8": "They know they have a decision to make.",
    "q9": "We know how and when they will decide.",
    "q10": "This opportunity is worth our effort; walking away would be a sound result too.",
}

# Half points let "partly" count 0.5 in whole numbers (the portfolio scores every open opportunity).
_HALF_POINTS = {Answer.YES: 2, Answer.PARTLY: 1, Answer.NO: 0, Answer.UNKNOWN: 0}


def qualification_score(answers: Mapping[str, Answer | str | None]) -> int:
    """0..100; a missing or null answer counts as unknown. Raises ValueError on an unknown spelling."""
    half_points = sum(_HALF_POINTS[_answer(answers.get(key))] for key in QUESTION_KEYS)
    return round_half_up(Fraction(100 * half_points, 2 * len(QUESTION_KEYS)))


def _answer(value: Answer | str | None) -> Answer:
    if value is None:
        return Answer.UNKNOWN
    return value if isinstance(value, Answer) else Answer(value)
