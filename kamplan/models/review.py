"""Weekly reviews: a dated record of a planning session and its metrics, for trends."""

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from kamplan.models.base import fk


class Review(SQLModel, table=True):
    __table_args__ = (sa.Index("ix_review_account_date", "account_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE", index=False))
    date: date
    notes: str = ""
    metrics: dict[str, Any] = Field(default_factory=dict, sa_column=sa.Column(sa.JSON, nullable=False))
