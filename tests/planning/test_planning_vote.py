import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import Rating, Verdict, Vote, vote_today, voters_of

ratings = st.builds(
    Rating,
    influence=st.none() | st.integers(1, 5),
    support=st.none() | st.integers(-2, 2),
    confirmed=st.booleans(),
)


def test_clear_win():
    vote = vote_today([Rating(5, 2), Rating(3, 1), Rating(2, -1), Rating(1, 0)])
    # for 8 > against 2 + undecided 1; margin (10 + 3 - 2 + 0) / (2 * 11)
    assert vote == Vote(Verdict.WIN, 8, 2, 1, 11 / 22)


def test_clear_loss():
    vote = vote_today([Rating(5, -2), Rating(2, 1), Rating(1, 0)])
    assert vote == Vote(Verdict.LOSE, 2, 5, 1, (-10 + 2) / 16)


def test_undecided_make_it_too_close():
    vote = vote_today([Rating(4, 1), Rating(1, -1), Rating(3, 0)])
    assert vote.verdict is Verdict.TOO_CLOSE  # 4 is not more than 1 + 3


def test_tie_between_for_and_against_is_too_close():
    vote = vote_today([Rating(3, 2), Rating(3, -2)])
    assert vote == Vote(Verdict.TOO_CLOSE, 3, 3, 0, 0.0)


def test_win_needs_strictly_more_than_the_rest():
    assert vote_today([Rating(3, 1), Rating(2, -1), Rating(1, 0)]).verdict is Verdict.TOO_CLOSE
    assert vote_today([Rating(4, 1), Rating(2, -1), Rating(1, 0)]).verdict is Verdict.WIN


def test_all_undecided_is_too_close():
    assert vote_today([Rating(5, 0)]) == Vote(Verdict.TOO_CLOSE, 0, 0, 5, 0.0)


def test_margin_reaches_the_extremes():
    assert vote_today([Rating(5, 2), Rating(1, 2)]).margin == 1.0
    assert vote_today([Rating(5, -2)]).margin == -1.0


def test_unrated_voters_are_left_out():
    vote = vote_today([Rating(5, 2), Rating(None, -2), Rating(5, None)])
    assert vote == Vote(Verdict.WIN, 5, 0, 0, 1.0)


@pytest.mark.parametrize("voters", [[], [Rating(None, None), Rating(3, None)]])
def test_nobody_rated_is_unknown(voters):
    assert vote_today(voters) == Vote(Verdict.UNKNOWN, 0, 0, 0, None)


def test_assumed_ratings_still_count():
    assert vote_today([Rating(3, 1, confirmed=False)]).verdict is Verdict.WIN


def test_voters_are_the_participants_when_named():
    everyone = [Rating(1, 1), Rating(5, -2)]
    assert voters_of([everyone[0]], everyone) == [everyone[0]]
    assert voters_of([], everyone) == everyone


def _rated_influence(voters):
    return sum(v.influence for v in voters if v.influence is not None and v.support is not None)


@given(st.lists(ratings))
def test_vote_invariants(voters):
    vote = vote_today(voters)
    assert vote.votes_for + vote.against + vote.undecided == _rated_influence(voters)
    if vote.against >= vote.votes_for:
        assert vote.verdict is not Verdict.WIN
    if vote.votes_for >= vote.against:
        assert vote.verdict is not Verdict.LOSE
    if vote.margin is None:
        assert vote.verdict is Verdict.UNKNOWN
    else:
        assert -1.0 <= vote.margin <= 1.0


@given(st.lists(ratings), st.integers(1, 5), st.integers(1, 2))
def test_adding_a_supporter_never_hurts(voters, influence, support):
    before = vote_today(voters)
    after = vote_today([*voters, Rating(influence, support)])
    assert after.verdict is not Verdict.UNKNOWN
    assert after.margin is not None
    if before.verdict is Verdict.WIN:
        assert after.verdict is Verdict.WIN
    assert after.verdict is not Verdict.LOSE or before.verdict is Verdict.LOSE


@given(st.lists(ratings))
def test_order_of_voters_does_not_matter(voters):
    assert vote_today(voters) == vote_today(list(reversed(voters)))


def test_the_vote_in_plain_words():
    from kamplan.planning import vote_explanation

    too_close = [("Anna Berg", Rating(5, 0)), ("Kim Lee", Rating(4, 1)), ("Tom Sato", Rating(4, 0)),
                 ("Ed Ng", Rating(10, -1))]  # fmt: skip
    assert (
        vote_explanation(too_close) == "too close: 9 of 23 influence points undecided — Anna Berg, Tom Sato"
    )
    win = [("Ed Ng", Rating(2, -1)), ("Kim Lee", Rating(3, 2)), ("Anna Berg", Rating(4, 1))]
    assert vote_explanation(win) == "win: 7 of 9 influence points for us — Anna Berg, Kim Lee"
    lose = [("Ed Ng", Rating(5, -2)), ("Kim Lee", Rating(1, 1)), ("Jo", Rating(None, 2))]
    assert vote_explanation(lose) == (
        "lose: 5 of 6 influence points against us — Ed Ng; not yet rated, so not counted: Jo"
    )
    assert vote_explanation([("Jo", Rating(None, None))]) == (
        "unknown: nobody taking part is rated yet; not yet rated, so not counted: Jo"
    )
    assert vote_explanation([]) == "unknown: nobody takes part"
    tie = [("A", Rating(3, 1)), ("B", Rating(3, -1))]
    assert vote_explanation(tie) == "too close: a tie, 3 for and 3 against of 6 influence points"


@given(st.lists(st.tuples(st.text(min_size=1, max_size=5), ratings), max_size=8))
def test_the_words_agree_with_the_vote(voters):
    from kamplan.planning import vote_explanation

    words = vote_explanation(voters)
    vote = vote_today(r for _, r in voters)
    assert words.startswith(f"{vote.verdict}:")
    total = vote.votes_for + vote.against + vote.undecided
    if vote.verdict is not Verdict.UNKNOWN:
        assert f"of {total} influence points" in words
