"""The litmus test: if they voted today, would we win?"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kamplan.enums import Confidence
from kamplan.planning.grid import rated_values


class Verdict(StrEnum):
    WIN = "win"
    LOSE = "lose"
    TOO_CLOSE = "too close"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Rating:
    influence: int | None
    support: int | None
    confirmed: bool = True  # False: the rating is only assumed


def is_confirmed(confidence: Confidence | str | None) -> bool:
    """Ratings count as confirmed only when someone said so; anything else is an assumption."""
    return confidence == Confidence.CONFIRMED


def rating(influence: int | None, support: int | None, confidence: Confidence | str | None) -> Rating:
    """A stakeholder's ratings as the vote counts them, whichever path read them."""
    return Rating(influence, support, is_confirmed(confidence))


@dataclass(frozen=True)
class Vote:
    verdict: Verdict
    votes_for: int
    against: int
    undecided: int
    margin: float | None  # unrounded, -1..+1; None when nobody rated takes part


def voters_of(participants: Sequence[Rating], account_stakeholders: Sequence[Rating]) -> Sequence[Rating]:
    """Who votes: the named participants, or everyone at the account when none are named."""
    return participants if participants else account_stakeholders


def vote_today(voters: Iterable[Rating]) -> Vote:
    votes_for = against = undecided = weighted_support = 0
    for voter in voters:
        rated = rated_values(voter.influence, voter.support)
        if rated is None:
            continue  # unrated people are left out of every sum
        influence, support = rated
        if support > 0:
            votes_for += influence
        elif support < 0:
            against += influence
        else:
            undecided += influence
        weighted_support += influence * support
    total = votes_for + against + undecided
    if total <= 0:
        # No rated voter (or only weightless ones): there is nothing to divide by.
        return Vote(Verdict.UNKNOWN, votes_for, against, undecided, None)
    return Vote(
        _verdict(votes_for, against, undecided), votes_for, against, undecided, weighted_support / (2 * total)
    )


def _verdict(votes_for: int, against: int, undecided: int) -> Verdict:
    if votes_for > against + undecided:
        return Verdict.WIN
    if against > votes_for + undecided:
        return Verdict.LOSE
    return Verdict.TOO_CLOSE  # the undecided would decide it
