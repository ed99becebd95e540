"""qualification evidence: what each answer rests on, and the day it last changed

Revision ID: 0003
Revises: 0002
Created: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE … ADD COLUMN, as in 0002: answers already given get no evidence and no day (when
    # they were given was not kept).
    with op.batch_alter_table("qualification_answer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("evidence", sa.String(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("changed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("qualification_answer", schema=None) as batch_op:
        batch_op.drop_column("changed_on")
        batch_op.drop_column("evidence")
