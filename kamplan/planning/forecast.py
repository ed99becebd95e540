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
_BRIEF_VOTE_REASONS = {
    Verdict.LOSE: "vote lost",
    Verdict.TOO_CLOSE: "vote too close",
    Verdict.UNKNOWN: "vote unknown",
}


def optimism_reason(
    status: str, probability: int | None, vote: Vote, qualification_score: int, *, brief: bool = False
) -> str | None:
    """Why the forecast looks optimistic, or None when it is not; `brief` says it in a few words, for a
    header ("vote too close, score 40")."""
    if not is_open(status) or probability is None or probability < CONFIDENT_PROBABILITY:
        return None
    reasons = []
    if vote.verdict in _VOTE_REASONS:
        reasons.append(_BRIEF_VOTE_REASONS[vote.verdict] if brief else _VOTE_REASONS[vote.verdict])
    if qualification_score < PASSING_QUALIFICATION:
        reasons.append(
            f"score {qualification_score}"
            if brief
            else f"qualification score {qualification_score} is below {PASSING_QUALIFICATION}"
        )
    return ("; " if not brief else ", ").join(reasons) or None


def is_optimistic(status: str, probability: int | None, vote: Vote, qualification_score: int) -> bool:
    return optimism_reason(status, probability, vote, qualification_score) is not None


# The probability a plan backs up, by today's vote and the qualification score: (from score, low, high),
# the first row whose score is reached. Only a won vote with a passing score reaches 50 %, so a
# forecast inside its band is never flagged optimistic.
_BANDS: dict[Verdict, tuple[tuple[int, int, int], ...]] = {
    Verdict.WIN: ((80, 70, 90), (PASSING_QUALIFICATION, 50, 70), (0, 25, 45)),
    Verdict.TOO_CLOSE: ((PASSING_QUALIFICATION, 25, 45), (0, 10, 30)),
    Verdict.UNKNOWN: ((PASSING_QUALIFICATION, 10, 30), (0, 0, 20)),
    Verdict.LOSE: ((PASSING_QUALIFICATION, 5, 20), (0, 0, 10)),
}


def suggested_band(verdict: Verdict, qualification_score: int) -> tuple[int, int]:
    """The probability band (%, both inclusive) that today's vote and the qualification score suggest.
    It stands beside the KAM's own number and never replaces it."""
    for start, low, high in _BANDS[verdict]:
        if qualification_score >= start:
            return low, high
    raise AssertionError("every table ends at score 0")  # pragma: no cover


def band_gap(probability: int | None, band: tuple[int, int]) -> int:
    """How far the KAM's number lies outside the band: + above it, − below it, 0 inside or unset."""
    if probability is None:
        return 0
    low, high = band
    return probability - high if probability > high else probability - low if probability < low else 0
