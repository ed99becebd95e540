"""People at the customer, their ratings, and who they listen to."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from kamplan.enums import Confidence, RelationshipLevel, Role
from kamplan.models.base import enum_column, fk


class Stakeholder(SQLModel, table=True):
    __table_args__ = (
        sa.CheckConstraint("influence BETWEEN 1 AND 5", name="ck_stakeholder_influence"),
        sa.CheckConstraint("support BETWEEN -2 AND 2", name="ck_stakeholder_support"),
        sa.CheckConstraint(
            "reports_to_id IS NULL OR reports_to_id <> id", name="ck_stakeholder_not_own_boss"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE"))
    name: str
    title: str = ""
    department: str = ""
    # From imported contact files (or typed in); "" when unknown. The server default fills existing rows.
    email: str = Field(default="", sa_column_kwargs={"server_default": ""})
    phone: str = Field(default="", sa_column_kwargs={"server_default": ""})
    reports_to_id: int | None = Field(default=None, sa_column=fk("stakeholder.id", "SET NULL", nullable=True))
    role: Role | None = Field(default=None, sa_column=enum_column(Role, nullable=True))
    # None = not yet rated (freshly imported contacts); such people are left out of every sum.
    influence: int | None = None
    support: int | None = None
    needs: str = ""
    wants: str = ""
    declared_agenda: str = ""
    personal_agenda: str = ""
    owner_id: int | None = Field(default=None, sa_column=fk("team_member.id", "SET NULL", nullable=True))
    relationship_level: RelationshipLevel | None = Field(
        default=None, sa_column=enum_column(RelationshipLevel, nullable=True)
    )
    relationship_wanted: RelationshipLevel | None = Field(
        default=None, sa_column=enum_column(RelationshipLevel, nullable=True)
    )
    last_contact: date | None = None
    confidence: Confidence = Field(
        default=Confidence.ASSUMED, sa_column=enum_column(Confidence, default=Confidence.ASSUMED)
    )
    source: str = ""
    plan: str = ""


class ListensTo(SQLModel, table=True):
    """Who a stakeholder listens to outside the reporting line."""

    __tablename__ = "stakeholder_listens_to"

    stakeholder_id: int = Field(foreign_key="stakeholder.id", primary_key=True, ondelete="CASCADE")
    listens_to_id: int = Field(foreign_key="stakeholder.id", primary_key=True, ondelete="CASCADE", index=True)
    position: int = 0
