"""Competitors at an account and the people they are close to."""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from kamplan.models.base import fk


class Competitor(SQLModel, table=True):
    __table_args__ = (sa.CheckConstraint("threat BETWEEN 1 AND 5", name="ck_competitor_threat"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE"))
    name: str
    strengths: str = ""
    weaknesses: str = ""
    threat: int | None = None
    counter: str = ""


class CloseTo(SQLModel, table=True):
    __tablename__ = "competitor_close_to"

    competitor_id: int = Field(foreign_key="competitor.id", primary_key=True, ondelete="CASCADE")
    stakeholder_id: int = Field(
        foreign_key="stakeholder.id", primary_key=True, ondelete="CASCADE", index=True
    )
    position: int = 0
