"""The account's money: our share of their spend and what the account earns us."""


def share_of_wallet(our_revenue: float | None, wallet: float | None) -> float | None:
    """Our revenue as a fraction of their spend in our category (1.0 = all of it)."""
    if our_revenue is None or wallet is None or wallet <= 0:
        return None
    return our_revenue / wallet


def margin(revenue: float | None, cost_to_serve: float | None) -> float | None:
    if revenue is None or cost_to_serve is None:
        return None
    return revenue - cost_to_serve


def margin_pct(revenue: float | None, cost_to_serve: float | None) -> float | None:
    """Margin as a percentage of revenue (0..100 when profitable); None without positive revenue."""
    amount = margin(revenue, cost_to_serve)
    if amount is None or revenue is None or revenue <= 0:
        return None
    return 100 * (amount / revenue)  # divide first, so a zero cost gives exactly 100
