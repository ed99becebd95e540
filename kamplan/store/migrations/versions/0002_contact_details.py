"""contact details: email and phone on stakeholders, aliases on accounts

Revision ID: 0002
Revises: 0001
Created: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE … ADD COLUMN (batch mode copies no table for this): the server default fills the
    # rows already there, so a large plan upgrades in an instant.
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("aliases", sa.String(), server_default="", nullable=False))

    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("phone", sa.String(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.drop_column("phone")
        batch_op.drop_column("email")

    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("aliases")
