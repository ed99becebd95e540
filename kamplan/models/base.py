"""Column helpers shared by the table modules."""

from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

# Named constraints let Alembic alter SQLite tables (batch mode) and keep names unique on PostgreSQL.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def enum_column(enum: type[StrEnum], *, nullable: bool = False, default: StrEnum | None = None) -> Any:
    """A portable string column holding the enum's *value*, guarded by a CHECK constraint."""
    return sa.Column(
        sa.Enum(
            enum,
            values_callable=lambda members: [m.value for m in members],
            native_enum=False,
            create_constraint=True,
            validate_strings=True,
            length=max(len(m.value) for m in enum),
            name=None,  # let the naming convention name the CHECK after its column
        ),
        nullable=nullable,
        default=default,
    )


def fk(target: str, ondelete: str, *, nullable: bool = False, index: bool = True) -> Any:
    """A foreign-key column; the delete rule is part of the schema, not of the code."""
    return sa.Column(sa.Integer, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)
