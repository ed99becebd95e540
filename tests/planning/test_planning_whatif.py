"""The smallest move to a win: really the smallest (checked against every rating within reach on small
decisions), and applying it really wins."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from kamplan.planning import Rating, Verdict, apply_move, smallest_winning_move, vote_today

INFLUENCES = range(1, 6)
SUPPORTS = range(-2, 3)

ratings = st.builds(
    Rating,
    influence=st.none() | st.integers(1, 5),
    support=st.none() | st.integers(-2, 2),
    confirmed=st.booleans(),
)


def _fewest_steps_by_search(voters: list[Rating]) -> int | None:
    """Every rating every rated voter could have, the cheapest that wins: what the move must match."""
    rated = [n for n, v in enumerate(voters) if v.influence is not None and v.support is not None]
    if not rated:
        return None
    best = None
    states = list(itertools.product(INFLUENCES, SUPPORTS))
    for combination in itertools.product(states, repeat=len(rated)):
        steps = 0
        changed = list(voters)
        for n, (influence, support) in zip(rated, combination, strict=True):
            voter = voters[n]
            assert voter.influence is not None and voter.support is not None
            steps += abs(influence - voter.influence) + abs(support - voter.support)
            changed[n] = Rating(influence, support, voter.confirmed)
        if (best is None or steps < best) and vote_today(changed).verdict is Verdict.WIN:
            best = steps
    return best


@settings(max_examples=60, deadline=None)
@given(st.lists(ratings, max_size=3))
def test_the_move_is_the_smallest_there_is(voters: list[Rating]) -> None:
    move = smallest_winning_move(voters)
    fewest = _fewest_steps_by_search(voters)
    if fewest is None:
        assert move is None
    else:
        assert move is not None and move.steps == fewest


@given(st.lists(ratings, max_size=40))
def test_applying_the_move_wins(voters: list[Rating]) -> None:
    move = smallest_winning_move(voters)
    if all(v.influence is None or v.support is None for v in voters):
        assert move is None
        return
    assert move is not None
    after = apply_move(voters, move)
    assert vote_today(after).verdict is Verdict.WIN
    for change in move.changes:
        before = voters[change.index]
        assert (before.influence, before.support) == (change.influence, change.support)
        assert 1 <= change.new_influence <= 5 and -2 <= change.new_support <= 2
        assert change.steps > 0
    # Nobody unrated is touched; each person at most once; the voters' order is kept.
    indexes = [change.index for change in move.changes]
    assert indexes == sorted(set(indexes))
    if vote_today(voters).verdict is Verdict.WIN:
        assert move.changes == ()


def test_the_demo_renewal_turns_on_one_step():
    # The demo's renewal: 13 for, 14 against, 5 undecided (the CEO, influence 5, neutral).
    voters = [Rating(5, 0), Rating(5, -1), Rating(5, -2), Rating(4, -1), Rating(4, 2), Rating(4, 1),
              Rating(3, 1), Rating(2, 2)]  # fmt: skip
    move = smallest_winning_move(voters)
    assert move is not None and move.steps == 1
    (change,) = move.changes
    assert (change.index, change.new_influence, change.new_support) == (0, 5, 1)


def test_among_equals_the_fewest_people_and_support_before_influence():
    # 3 for, 3 against: one step wins, either more influence for the supporter or less for the opponent;
    # a sceptic's support to +1 takes two. The move takes one step, with one person.
    move = smallest_winning_move([Rating(3, 1), Rating(3, -1)])
    assert move is not None and move.steps == 1 and len(move.changes) == 1
    # Opposed at 5 against two supporters at 1: bringing the opponent over costs 3 steps (−2 → +1);
    # lowering their influence from 5 to 1 costs 4; the move is the 3 support steps.
    move = smallest_winning_move([Rating(5, -2), Rating(1, 1), Rating(1, 1)])
    assert move is not None and move.steps == 3
    assert [(c.index, c.new_influence, c.new_support) for c in move.changes] == [(0, 5, 1)]


def test_nobody_rated_no_move():
    assert smallest_winning_move([]) is None
    assert smallest_winning_move([Rating(None, 1), Rating(3, None)]) is None
