import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamplan.planning import margin, margin_pct, share_of_wallet


def test_share_of_wallet_is_a_fraction():
    assert share_of_wallet(250_000, 1_000_000) == 0.25
    assert share_of_wallet(0, 10) == 0.0


@pytest.mark.parametrize(("ours", "wallet"), [(None, 10), (5, None), (5, 0), (5, -1)])
def test_share_of_wallet_needs_a_positive_wallet(ours, wallet):
    assert share_of_wallet(ours, wallet) is None


def test_margin():
    assert margin(1_000, 700) == 300
    assert margin(1_000, 1_200) == -200
    assert margin(None, 1) is None
    assert margin(1, None) is None


def test_margin_pct_is_a_percentage_of_revenue():
    assert margin_pct(1_000, 700) == 30.0
    assert margin_pct(1_000, 1_500) == -50.0
    assert margin_pct(0, 0) is None
    assert margin_pct(None, 5) is None
    assert margin_pct(5, None) is None


money = st.floats(0, 1e9, allow_nan=False)


@given(money, money)
def test_margin_pct_never_exceeds_100_with_costs(revenue, cost):
    pct = margin_pct(revenue, cost)
    if revenue > 0:
        assert pct is not None
        assert pct <= 100.0
    else:
        assert pct is None
