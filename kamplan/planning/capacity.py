"""How much one key account manager can hold."""

from dataclasses import dataclass

# Field surveys put the number of in-depth relationships one KAM can keep up at about 60.
DEFAULT_RELATIONSHIP_CAPACITY = 60
# 60 relationships over the 7-8 people who matter in a typical buying centre leaves room for about 8 accounts.
DEFAULT_KEY_ACCOUNT_LIMIT = 8


@dataclass(frozen=True)
class CapacityStatus:
    relationships: int
    relationship_limit: int
    key_accounts: int
    key_account_limit: int
    warnings: tuple[str, ...]


def capacity_status(
    relationships: int,
    key_accounts: int,
    relationship_limit: int = DEFAULT_RELATIONSHIP_CAPACITY,
    key_account_limit: int = DEFAULT_KEY_ACCOUNT_LIMIT,
) -> CapacityStatus:
    warnings = []
    if relationships > relationship_limit:
        warnings.append(
            f"{relationships} stakeholders across your key accounts is more than the {relationship_limit} "
            "relationships one person can keep up in depth; hand some to colleagues."
        )
    if key_accounts > key_account_limit:
        warnings.append(
            f"{key_accounts} key accounts is more than your limit of {key_account_limit}; "
            "fewer accounts, planned in depth, will bring more."
        )
    return CapacityStatus(relationships, relationship_limit, key_accounts, key_account_limit, tuple(warnings))
