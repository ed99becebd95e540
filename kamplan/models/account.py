"""The account aggregate: the customer, its profile, economics and SWOT."""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from kamplan.enums import SwotKind
from kamplan.models.base import enum_column, fk

PROFILE_FIELDS = (
    "strategy",
    "vision",
    "core_values",
    "initiatives",
    "culture",
    "history",
    "decision_process",
    "goals",
    "pressures",
    "changes",
)
SEGMENTATION_FIELDS = ("buying_preference", "partnership_willingness", "competency_fit")
ECONOMIC_FIELDS = ("annual_revenue", "wallet", "our_revenue", "cost_to_serve")


class Account(SQLModel, table=True):
    __table_args__ = (
        sa.CheckConstraint("planning_horizon_years BETWEEN 1 AND 3", name="ck_account_horizon"),
        sa.Index("ix_account_name_lower", sa.func.lower(sa.column("name")), unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(min_length=1)
    # Other names the customer goes by in contact files (a subsidiary, a short name, a CRM account id),
    # one a line; the account's own name always counts (see document.contacts.company_matches).
    aliases: str = Field(default="", sa_column_kwargs={"server_default": ""})
    industry: str = ""
    currency: str = "EUR"
    planning_horizon_years: int = 1
    key_account: bool = True
    # Economics, in the account's currency; None until the KAM knows them.
    annual_revenue: float | None = None
    wallet: float | None = None
    our_revenue: float | None = None
    cost_to_serve: float | None = None
    # Profile: knowing the customer's business better than they do.
    strategy: str = ""
    vision: str = ""
    core_values: str = ""
    initiatives: str = ""
    culture: str = ""
    history: str = ""
    decision_process: str = ""
    goals: str = ""
    pressures: str = ""
    changes: str = ""
    # Segmentation notes.
    buying_preference: str = ""
    partnership_willingness: str = ""
    competency_fit: str = ""
    # Archived accounts are hidden; deleted ones wait in the trash until it is emptied.
    archived_at: datetime | None = None
    deleted_at: datetime | None = None
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class SwotItem(SQLModel, table=True):
    __tablename__ = "swot_item"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE"))
    kind: SwotKind = Field(sa_column=enum_column(SwotKind))
    text: str
    position: int = 0
