"""Whitespace: the customer's business units against our offerings."""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from kamplan.enums import WhitespaceStatus
from kamplan.models.base import enum_column, fk


class Offering(SQLModel, table=True):
    """What we sell: one list for all accounts."""

    __table_args__ = (sa.Index("ix_offering_name_lower", sa.func.lower(sa.column("name")), unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    name: str


class WhitespaceCell(SQLModel, table=True):
    __tablename__ = "whitespace_cell"
    __table_args__ = (sa.UniqueConstraint("account_id", "unit", "offering_id", name="uq_whitespace_cell"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE"))
    unit: str
    offering_id: int = Field(sa_column=fk("offering.id", "RESTRICT"))
    status: WhitespaceStatus = Field(
        default=WhitespaceStatus.OPEN, sa_column=enum_column(WhitespaceStatus, default=WhitespaceStatus.OPEN)
    )
    opportunity_id: int | None = Field(
        default=None, sa_column=fk("opportunity.id", "SET NULL", nullable=True)
    )
