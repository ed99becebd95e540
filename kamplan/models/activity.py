"""Sales activity: what is planned and done, and the weekly targets it is measured against."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from kamplan.enums import ActivityStatus, ActivityType
from kamplan.models.base import enum_column, fk


class Activity(SQLModel, table=True):
    # The screens ask "what is next / overdue / done lately" per account: these indexes answer that.
    __table_args__ = (
        sa.Index("ix_activity_account_status_date", "account_id", "status", "date"),
        sa.Index("ix_activity_account_date", "account_id", "date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE", index=False))
    date: date
    type: ActivityType = Field(sa_column=enum_column(ActivityType))
    owner_id: int | None = Field(default=None, sa_column=fk("team_member.id", "SET NULL", nullable=True))
    opportunity_id: int | None = Field(
        default=None, sa_column=fk("opportunity.id", "SET NULL", nullable=True)
    )
    objective: str = ""
    status: ActivityStatus = Field(
        default=ActivityStatus.PLANNED, sa_column=enum_column(ActivityStatus, default=ActivityStatus.PLANNED)
    )
    outcome: str = ""


class ActivityStakeholder(SQLModel, table=True):
    """A stakeholder an activity reaches."""

    __tablename__ = "activity_stakeholder"

    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    stakeholder_id: int = Field(
        foreign_key="stakeholder.id", primary_key=True, ondelete="CASCADE", index=True
    )
    position: int = 0


class ActivityTarget(SQLModel, table=True):
    __tablename__ = "activity_target"
    __table_args__ = (
        sa.CheckConstraint("per_week >= 0", name="ck_target_per_week"),
        sa.CheckConstraint("conversion_rate BETWEEN 0 AND 1", name="ck_target_conversion"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE"))
    type: ActivityType = Field(sa_column=enum_column(ActivityType))
    per_week: float = 0
    converts_to: ActivityType | None = Field(default=None, sa_column=enum_column(ActivityType, nullable=True))
    conversion_rate: float | None = None
