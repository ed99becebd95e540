"""Scored assessments: attractiveness, our strength, and the relationship indicators."""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from kamplan.enums import CriterionDimension
from kamplan.models.base import enum_column, fk


class Criterion(SQLModel, table=True):
    """A weighted criterion of attractiveness (to us) or of our strength (to them)."""

    __table_args__ = (
        sa.CheckConstraint("weight >= 0", name="ck_criterion_weight"),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name="ck_criterion_score"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE"))
    dimension: CriterionDimension = Field(sa_column=enum_column(CriterionDimension))
    name: str
    weight: float = 1
    score: float | None = None


class RelationshipIndicator(SQLModel, table=True):
    __tablename__ = "relationship_indicator"
    __table_args__ = (sa.CheckConstraint("score BETWEEN 0 AND 5", name="ck_indicator_score"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE"))
    name: str
    score: int | None = None
    evidence: str = ""
