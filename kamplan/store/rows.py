"""The account itself as the store hands it to the screens: frozen rows, read in one transaction.

Never an ORM object: one read outside its session may load lazily, fail once the session is closed, or
show a value another write has changed since. Light on purpose (no SQLAlchemy): screens may import it.
"""

from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING

from kamplan.enums import SwotKind

if TYPE_CHECKING:
    from kamplan.models import Account, SwotItem


@dataclass(frozen=True)
class AccountRow:
    """Every column of the account: the profile shows most of them by name (getattr)."""

    id: int
    name: str
    industry: str
    currency: str
    planning_horizon_years: int
    key_account: bool
    annual_revenue: float | None
    wallet: float | None
    our_revenue: float | None
    cost_to_serve: float | None
    strategy: str
    vision: str
    core_values: str
    initiatives: str
    culture: str
    history: str
    decision_process: str
    goals: str
    pressures: str
    changes: str
    buying_preference: str
    partnership_willingness: str
    competency_fit: str
    aliases: str  # other names the customer goes by, one a line (contact files are matched on them)
    archived_at: datetime | None
    deleted_at: datetime | None
    created_at: datetime


ACCOUNT_COLUMNS = tuple(f.name for f in fields(AccountRow))


def account_row(account: "Account") -> AccountRow:
    """The row of an Account read in a session that is still open."""
    return AccountRow(**{column: getattr(account, column) for column in ACCOUNT_COLUMNS})


@dataclass(frozen=True)
class SwotRow:
    id: int
    kind: SwotKind
    text: str


def swot_row(item: "SwotItem") -> SwotRow:
    assert item.id is not None
    return SwotRow(item.id, SwotKind(item.kind), item.text)
