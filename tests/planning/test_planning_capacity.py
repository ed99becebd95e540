from kamplan.planning import (
    DEFAULT_KEY_ACCOUNT_LIMIT,
    DEFAULT_RELATIONSHIP_CAPACITY,
    CapacityStatus,
    capacity_status,
)


def test_defaults():
    assert DEFAULT_RELATIONSHIP_CAPACITY == 60
    assert DEFAULT_KEY_ACCOUNT_LIMIT == 8
    assert capacity_status(10, 2) == CapacityStatus(10, 60, 2, 8, ())


def test_at_the_limits_there_is_no_warning():
    assert capacity_status(60, 8).warnings == ()


def test_above_the_relationship_limit():
    (warning,) = capacity_status(61, 8).warnings
    assert "61" in warning
    assert "60" in warning


def test_above_the_key_account_limit():
    (warning,) = capacity_status(60, 9).warnings
    assert "9 key accounts" in warning


def test_configured_limits():
    status = capacity_status(41, 4, relationship_limit=40, key_account_limit=3)
    assert status.relationship_limit == 40
    assert status.key_account_limit == 3
    assert len(status.warnings) == 2
    assert "40" in status.warnings[0]
