"""What if: the smallest change of ratings that would turn today's vote into a win.

A rating step moves one person's influence or support by one (influence stays 1–5, support −2..+2). Only
which side a person is on counts for a win (for > against + undecided, that is the influence for us is more
than all the rest), so a move is made of three kinds of change: someone not for us comes over to supportive
(+1), someone for us gains influence, and someone not for us loses influence. The search finds the fewest
steps; among moves of equal steps, the one that concerns the fewest people, then the one with the fewest
influence steps (support is what a KAM works on).

People not yet rated take no part in the vote, and none in the move: rate them first.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from kamplan.planning.grid import rated_values
from kamplan.planning.vote import Rating

MIN_INFLUENCE, MAX_INFLUENCE = 1, 5
MIN_SUPPORT, MAX_SUPPORT = -2, 2
SUPPORTIVE = 1


@dataclass(frozen=True)
class RatingChange:
    """One person's ratings before and after the move; `index` is their place in the voters given."""

    index: int
    influence: int
    support: int
    new_influence: int
    new_support: int

    @property
    def steps(self) -> int:
        return abs(self.new_influence - self.influence) + abs(self.new_support - self.support)


@dataclass(frozen=True)
class WinningMove:
    changes: tuple[RatingChange, ...]  # in the voters' order; empty when the vote is won already

    @property
    def steps(self) -> int:
        return sum(change.steps for change in self.changes)


# A cost compares as (steps, people, influence steps); packed into one integer so the search compares
# plain ints. No move comes near these bounds: at most 9 steps per person.
_PEOPLE, _STEPS = 10**4, 10**8


def _cost(steps: int, influence_steps: int) -> int:
    return steps * _STEPS + _PEOPLE + influence_steps


def _options(index: int, influence: int, support: int) -> Iterator[tuple[int, int, RatingChange]]:
    """(gain, cost, change) for each change of one person worth considering. The gain is how much the
    difference for − (against + undecided) grows."""

    def change(new_influence: int, new_support: int) -> RatingChange:
        return RatingChange(index, influence, support, new_influence, new_support)

    if support > 0:
        # Already for us: only more influence helps.
        for step in range(1, MAX_INFLUENCE - influence + 1):
            yield step, _cost(step, step), change(influence + step, support)
        return
    # Not for us: weigh less, or come over to supportive (and maybe weigh more as well). Lowering the
    # influence of someone who comes over never helps.
    for step in range(1, influence - MIN_INFLUENCE + 1):
        yield step, _cost(step, step), change(influence - step, support)
    over = SUPPORTIVE - support
    for step in range(max(0, MAX_INFLUENCE - influence) + 1):
        yield 2 * influence + step, _cost(over + step, step), change(influence + step, SUPPORTIVE)


def smallest_winning_move(voters: Sequence[Rating]) -> WinningMove | None:
    """The move with the fewest rating steps after which the vote is a win; an empty move when it is
    won already; None when nobody taking part is rated (there is no vote to move)."""
    rated = [
        (n, values)
        for n, voter in enumerate(voters)
        if (values := rated_values(voter.influence, voter.support))
    ]
    if not rated:
        return None
    difference = sum(influence if support > 0 else -influence for _, (influence, support) in rated)
    need = 1 - difference  # the gain that makes for > against + undecided
    if need <= 0:
        return WinningMove(())
    # cost[g]: the cheapest way to gain g (capped at `need`) with the people seen so far; each layer
    # remembers, per gain, the gain before it and the change made (None: this person unchanged).
    cost: list[int | None] = [0] + [None] * need
    layers: list[list[tuple[int, RatingChange | None]]] = []
    for index, (influence, support) in rated:
        options = list(_options(index, influence, support))
        following = list(cost)
        how: list[tuple[int, RatingChange | None]] = [(g, None) for g in range(need + 1)]
        for gained, so_far in enumerate(cost):
            if so_far is None:
                continue
            for gain, extra, change in options:
                target = min(need, gained + gain)
                total = so_far + extra
                current = following[target]
                if current is None or total < current:
                    following[target] = total
                    how[target] = (gained, change)
        cost = following
        layers.append(how)
    if cost[need] is None:  # only ratings outside the scales could leave no way to a win
        return None
    changes: list[RatingChange] = []
    gained = need
    for how in reversed(layers):
        gained, made = how[gained]
        if made is not None:
            changes.append(made)
    return WinningMove(tuple(reversed(changes)))


def apply_move(voters: Sequence[Rating], move: WinningMove) -> list[Rating]:
    """The voters with the move's changes made."""
    changed = list(voters)
    for change in move.changes:
        changed[change.index] = replace(
            changed[change.index], influence=change.new_influence, support=change.new_support
        )
    return changed
