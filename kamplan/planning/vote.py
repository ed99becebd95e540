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


def vote_explanation(voters: Sequence[tuple[str, Rating]]) -> str:
    """Today's vote in plain words, naming the people it turns on: the undecided when it is too close,
    those for us in a win, those against in a loss; the people not yet rated, who are left out of the sums,
    are named at the end. ("too close: 9 of 23 influence points undecided — Anna Berg, Tom Sato")."""
    vote = vote_today(rating for _, rating in voters)
    rated = [(name, r) for name, r in voters if rated_values(r.influence, r.support) is not None]
    unrated = [name for name, r in voters if rated_values(r.influence, r.support) is None]
    total = vote.votes_for + vote.against + vote.undecided

    def names(side: int) -> str:
        chosen = [(name, r) for name, r in rated if _side(r) == side and (r.influence or 0) > 0]
        chosen.sort(key=lambda item: -(item[1].influence or 0))  # the heaviest first; stable for equals
        return ", ".join(name for name, _ in chosen)

    if vote.verdict is Verdict.UNKNOWN:
        text = "unknown: nobody taking part is rated yet" if voters else "unknown: nobody takes part"
    elif vote.verdict is Verdict.WIN:
        text = f"win: {vote.votes_for} of {total} influence points for us — {names(1)}"
    elif vote.verdict is Verdict.LOSE:
        text = f"lose: {vote.against} of {total} influence points against us — {names(-1)}"
    elif vote.undecided:
        text = f"too close: {vote.undecided} of {total} influence points undecided — {names(0)}"
    else:
        text = (
            f"too close: a tie, {vote.votes_for} for and {vote.against} against of {total} influence points"
        )
    if unrated:
        text += f"; not yet rated, so not counted: {', '.join(unrated)}"
    return text


def _side(rating: Rating) -> int:
    support = rating.support or 0
    return (support > 0) - (support < 0)
