"""The user's settings, kept in the plan's own file so they travel with it (backup, new laptop)."""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True, max_length=64)
    value: Any = Field(sa_column=sa.Column(sa.JSON, nullable=False))
