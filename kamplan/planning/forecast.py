"""Forecast honesty: a high probability the vote and the qualification do not back up."""

from kamplan.planning.pipeline import is_open
from kamplan.planning.vote import Verdict, Vote

CONFIDENT_PROBABILITY = 50  # from this probability on, the forecast has to be earned
PASSING_QUALIFICATION = 50

_VOTE_REASONS = {
    Verdict.LOSE: "the vote today is lost",
    Verdict.TOO_CLOSE: "the vote today is too close",
    Verdict.UNKNOWN: "the vote today is unknown",
}


def optimism_reason(status: str, probability: int | None, vote: Vote, qualification_score: int) -> str | None:
    """Why the forecast looks optimistic, or None when it is not."""
    if not is_open(status) or probability is None or probability < CONFIDENT_PROBABILITY:
        return None
    reasons = []
    if vote.verdict in _VOTE_REASONS:
        reasons.append(_VOTE_REASONS[vote.verdict])
    if qualification_score < PASSING_QUALIFICATION:
        reasons.append(f"qualification score {qualification_score} is below {PASSING_QUALIFICATION}")
    return "; ".join(reasons) or None


def is_optimistic(status: str, probability: int | None, vote: Vote, qualification_score: int) -> bool:
    return optimism_reason(status, probability, vote, qualification_score) is not None
