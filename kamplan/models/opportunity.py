"""Outcomes we target at an account, who decides them, and how well they are qualified."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from kamplan.enums import Answer, OpportunityKind, OpportunityStatus
from kamplan.models.base import enum_column, fk


class Opportunity(SQLModel, table=True):
    __table_args__ = (sa.CheckConstraint("probability BETWEEN 0 AND 100", name="ck_opportunity_probability"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE"))
    title: str
    kind: OpportunityKind | None = Field(default=None, sa_column=enum_column(OpportunityKind, nullable=True))
    value: float | None = None
    target_date: date | None = None
    stage: str = ""
    probability: int | None = None
    status: OpportunityStatus = Field(
        default=OpportunityStatus.OPEN,
        sa_column=enum_column(OpportunityStatus, default=OpportunityStatus.OPEN),
    )
    status_reason: str = ""


class Participant(SQLModel, table=True):
    """A stakeholder who takes part in an opportunity's decision."""

    __tablename__ = "opportunity_participant"

    opportunity_id: int = Field(foreign_key="opportunity.id", primary_key=True, ondelete="CASCADE")
    stakeholder_id: int = Field(
        foreign_key="stakeholder.id", primary_key=True, ondelete="CASCADE", index=True
    )
    position: int = 0


class OpportunityCompetitor(SQLModel, table=True):
    __tablename__ = "opportunity_competitor"

    opportunity_id: int = Field(foreign_key="opportunity.id", primary_key=True, ondelete="CASCADE")
    competitor_id: int = Field(foreign_key="competitor.id", primary_key=True, ondelete="CASCADE", index=True)
    position: int = 0


class QualificationAnswer(SQLModel, table=True):
    __tablename__ = "qualification_answer"
    __table_args__ = (
        sa.CheckConstraint(
            "question IN ('q1','q2','q3','q4','q5','q6','q7','q8','q9','q10')",
            name="ck_qualification_question",
        ),
    )

    opportunity_id: int = Field(foreign_key="opportunity.id", primary_key=True, ondelete="CASCADE")
    question: str = Field(primary_key=True, max_length=3)
    answer: Answer = Field(default=Answer.UNKNOWN, sa_column=enum_column(Answer, default=Answer.UNKNOWN))
    # What the answer rests on, and the day the answer last changed (None: before kamplan kept the day).
    evidence: str = Field(default="", sa_column_kwargs={"server_default": ""})
    changed_on: date | None = None
