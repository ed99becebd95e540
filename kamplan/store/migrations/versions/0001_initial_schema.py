"""initial schema

Revision ID: 0001
Revises:
Created: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("industry", sa.String(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("planning_horizon_years", sa.Integer(), nullable=False),
        sa.Column("key_account", sa.Boolean(), nullable=False),
        sa.Column("annual_revenue", sa.Float(), nullable=True),
        sa.Column("wallet", sa.Float(), nullable=True),
        sa.Column("our_revenue", sa.Float(), nullable=True),
        sa.Column("cost_to_serve", sa.Float(), nullable=True),
        sa.Column("strategy", sa.String(), nullable=False),
        sa.Column("vision", sa.String(), nullable=False),
        sa.Column("core_values", sa.String(), nullable=False),
        sa.Column("initiatives", sa.String(), nullable=False),
        sa.Column("culture", sa.String(), nullable=False),
        sa.Column("history", sa.String(), nullable=False),
        sa.Column("decision_process", sa.String(), nullable=False),
        sa.Column("goals", sa.String(), nullable=False),
        sa.Column("pressures", sa.String(), nullable=False),
        sa.Column("changes", sa.String(), nullable=False),
        sa.Column("buying_preference", sa.String(), nullable=False),
        sa.Column("partnership_willingness", sa.String(), nullable=False),
        sa.Column("competency_fit", sa.String(), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("planning_horizon_years BETWEEN 1 AND 3", name="ck_account_horizon"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
    )
    op.create_table(
        "offering",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offering")),
    )
    op.create_table(
        "activity_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "call",
                "meeting",
                "executive_briefing",
                "event",
                "proposal",
                "referral_request",
                "introduction",
                "internal_alignment",
                name="ck_activity_target_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("per_week", sa.Float(), nullable=False),
        sa.Column(
            "converts_to",
            sa.Enum(
                "call",
                "meeting",
                "executive_briefing",
                "event",
                "proposal",
                "referral_request",
                "introduction",
                "internal_alignment",
                name="ck_activity_target_converts_to",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("conversion_rate", sa.Float(), nullable=True),
        sa.CheckConstraint("conversion_rate BETWEEN 0 AND 1", name="ck_target_conversion"),
        sa.CheckConstraint("per_week >= 0", name="ck_target_per_week"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_activity_target_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_target")),
    )
    with op.batch_alter_table("activity_target", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_target_account_id"), ["account_id"], unique=False)

    op.create_table(
        "competitor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("strengths", sa.String(), nullable=False),
        sa.Column("weaknesses", sa.String(), nullable=False),
        sa.Column("threat", sa.Integer(), nullable=True),
        sa.Column("counter", sa.String(), nullable=False),
        sa.CheckConstraint("threat BETWEEN 1 AND 5", name="ck_competitor_threat"),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_competitor_account_id_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competitor")),
    )
    with op.batch_alter_table("competitor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_competitor_account_id"), ["account_id"], unique=False)

    op.create_table(
        "criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column(
            "dimension",
            sa.Enum(
                "attractiveness",
                "our_strength",
                name="ck_criterion_dimension",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name="ck_criterion_score"),
        sa.CheckConstraint("weight >= 0", name="ck_criterion_weight"),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_criterion_account_id_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion")),
    )
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_criterion_account_id"), ["account_id"], unique=False)

    op.create_table(
        "opportunity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "retain",
                "grow",
                "new_offering",
                "new_contact",
                "referral",
                name="ck_opportunity_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("probability", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "won",
                "lost",
                "qualified_out",
                name="ck_opportunity_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("status_reason", sa.String(), nullable=False),
        sa.CheckConstraint("probability BETWEEN 0 AND 100", name="ck_opportunity_probability"),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_opportunity_account_id_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity")),
    )
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opportunity_account_id"), ["account_id"], unique=False)

    op.create_table(
        "relationship_indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.String(), nullable=False),
        sa.CheckConstraint("score BETWEEN 0 AND 5", name="ck_indicator_score"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_relationship_indicator_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationship_indicator")),
    )
    with op.batch_alter_table("relationship_indicator", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relationship_indicator_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_review_account_id_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review")),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index("ix_review_account_date", ["account_id", "date"], unique=False)

    op.create_table(
        "swot_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "strength",
                "weakness",
                "opportunity",
                "threat",
                name="ck_swot_item_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_swot_item_account_id_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_swot_item")),
    )
    with op.batch_alter_table("swot_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_swot_item_account_id"), ["account_id"], unique=False)

    op.create_table(
        "team_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("function", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_team_member_account_id_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_member")),
    )
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_member_account_id"), ["account_id"], unique=False)

    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "call",
                "meeting",
                "executive_briefing",
                "event",
                "proposal",
                "referral_request",
                "introduction",
                "internal_alignment",
                name="ck_activity_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("objective", sa.String(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "done",
                "cancelled",
                name="ck_activity_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_activity_account_id_account"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_activity_opportunity_id_opportunity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["team_member.id"],
            name=op.f("fk_activity_owner_id_team_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index("ix_activity_account_date", ["account_id", "date"], unique=False)
        batch_op.create_index(
            "ix_activity_account_status_date", ["account_id", "status", "date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_activity_opportunity_id"), ["opportunity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "opportunity_competitor",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("competitor_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competitor_id"],
            ["competitor.id"],
            name=op.f("fk_opportunity_competitor_competitor_id_competitor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_competitor_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("opportunity_id", "competitor_id", name=op.f("pk_opportunity_competitor")),
    )
    with op.batch_alter_table("opportunity_competitor", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_competitor_competitor_id"), ["competitor_id"], unique=False
        )

    op.create_table(
        "qualification_answer",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=3), nullable=False),
        sa.Column(
            "answer",
            sa.Enum(
                "yes",
                "partly",
                "no",
                "unknown",
                name="ck_qualification_answer_answer",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.CheckConstraint(
            "question IN ('q1','q2','q3','q4','q5','q6','q7','q8','q9','q10')",
            name="ck_qualification_question",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_qualification_answer_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("opportunity_id", "question", name=op.f("pk_qualification_answer")),
    )
    op.create_table(
        "stakeholder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("department", sa.String(), nullable=False),
        sa.Column("reports_to_id", sa.Integer(), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "economic_buyer",
                "decision_maker",
                "technical_evaluator",
                "user",
                "influencer",
                "gatekeeper",
                "coach",
                name="ck_stakeholder_role",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("influence", sa.Integer(), nullable=True),
        sa.Column("support", sa.Integer(), nullable=True),
        sa.Column("needs", sa.String(), nullable=False),
        sa.Column("wants", sa.String(), nullable=False),
        sa.Column("declared_agenda", sa.String(), nullable=False),
        sa.Column("personal_agenda", sa.String(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column(
            "relationship_level",
            sa.Enum(
                "vendor",
                "credible_source",
                "problem_solver",
                "trusted_advisor",
                name="ck_stakeholder_relationship_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "relationship_wanted",
            sa.Enum(
                "vendor",
                "credible_source",
                "problem_solver",
                "trusted_advisor",
                name="ck_stakeholder_relationship_wanted",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("last_contact", sa.Date(), nullable=True),
        sa.Column(
            "confidence",
            sa.Enum(
                "confirmed",
                "assumed",
                name="ck_stakeholder_confidence",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("plan", sa.String(), nullable=False),
        sa.CheckConstraint("influence BETWEEN 1 AND 5", name="ck_stakeholder_influence"),
        sa.CheckConstraint(
            "reports_to_id IS NULL OR reports_to_id <> id", name="ck_stakeholder_not_own_boss"
        ),
        sa.CheckConstraint("support BETWEEN -2 AND 2", name="ck_stakeholder_support"),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_stakeholder_account_id_account"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["team_member.id"],
            name=op.f("fk_stakeholder_owner_id_team_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reports_to_id"],
            ["stakeholder.id"],
            name=op.f("fk_stakeholder_reports_to_id_stakeholder"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stakeholder")),
    )
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stakeholder_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stakeholder_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stakeholder_reports_to_id"), ["reports_to_id"], unique=False)

    op.create_table(
        "whitespace_cell",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("offering_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "sold",
                "in_progress",
                "competitor",
                "not_relevant",
                "open",
                name="ck_whitespace_cell_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_whitespace_cell_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offering_id"],
            ["offering.id"],
            name=op.f("fk_whitespace_cell_offering_id_offering"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_whitespace_cell_opportunity_id_opportunity"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_whitespace_cell")),
        sa.UniqueConstraint("account_id", "unit", "offering_id", name="uq_whitespace_cell"),
    )
    with op.batch_alter_table("whitespace_cell", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_whitespace_cell_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_whitespace_cell_offering_id"), ["offering_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_whitespace_cell_opportunity_id"), ["opportunity_id"], unique=False
        )

    op.create_table(
        "activity_stakeholder",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_activity_stakeholder_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_activity_stakeholder_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "stakeholder_id", name=op.f("pk_activity_stakeholder")),
    )
    with op.batch_alter_table("activity_stakeholder", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_stakeholder_stakeholder_id"), ["stakeholder_id"], unique=False
        )

    op.create_table(
        "competitor_close_to",
        sa.Column("competitor_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competitor_id"],
            ["competitor.id"],
            name=op.f("fk_competitor_close_to_competitor_id_competitor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_competitor_close_to_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("competitor_id", "stakeholder_id", name=op.f("pk_competitor_close_to")),
    )
    with op.batch_alter_table("competitor_close_to", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_competitor_close_to_stakeholder_id"), ["stakeholder_id"], unique=False
        )

    op.create_table(
        "opportunity_participant",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_participant_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_opportunity_participant_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("opportunity_id", "stakeholder_id", name=op.f("pk_opportunity_participant")),
    )
    with op.batch_alter_table("opportunity_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_participant_stakeholder_id"), ["stakeholder_id"], unique=False
        )

    op.create_table(
        "stakeholder_listens_to",
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("listens_to_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["listens_to_id"],
            ["stakeholder.id"],
            name=op.f("fk_stakeholder_listens_to_listens_to_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_stakeholder_listens_to_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("stakeholder_id", "listens_to_id", name=op.f("pk_stakeholder_listens_to")),
    )
    with op.batch_alter_table("stakeholder_listens_to", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stakeholder_listens_to_listens_to_id"), ["listens_to_id"], unique=False
        )

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    # Names are unique regardless of case (autogenerate cannot see expression indexes on SQLite).
    op.create_index("ix_account_name_lower", "account", [sa.text("lower(name)")], unique=True)
    op.create_index("ix_offering_name_lower", "offering", [sa.text("lower(name)")], unique=True)


def downgrade() -> None:
    op.drop_table("setting")
    op.drop_index("ix_offering_name_lower", table_name="offering")
    op.drop_index("ix_account_name_lower", table_name="account")
    with op.batch_alter_table("stakeholder_listens_to", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_listens_to_listens_to_id"))

    op.drop_table("stakeholder_listens_to")
    with op.batch_alter_table("opportunity_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_participant_stakeholder_id"))

    op.drop_table("opportunity_participant")
    with op.batch_alter_table("competitor_close_to", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_competitor_close_to_stakeholder_id"))

    op.drop_table("competitor_close_to")
    with op.batch_alter_table("activity_stakeholder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_stakeholder_stakeholder_id"))

    op.drop_table("activity_stakeholder")
    with op.batch_alter_table("whitespace_cell", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_whitespace_cell_opportunity_id"))
        batch_op.drop_index(batch_op.f("ix_whitespace_cell_offering_id"))
        batch_op.drop_index(batch_op.f("ix_whitespace_cell_account_id"))

    op.drop_table("whitespace_cell")
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_reports_to_id"))
        batch_op.drop_index(batch_op.f("ix_stakeholder_owner_id"))
        batch_op.drop_index(batch_op.f("ix_stakeholder_account_id"))

    op.drop_table("stakeholder")
    op.drop_table("qualification_answer")
    with op.batch_alter_table("opportunity_competitor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_competitor_competitor_id"))

    op.drop_table("opportunity_competitor")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_owner_id"))
        batch_op.drop_index(batch_op.f("ix_activity_opportunity_id"))
        batch_op.drop_index("ix_activity_account_status_date")
        batch_op.drop_index("ix_activity_account_date")

    op.drop_table("activity")
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_member_account_id"))

    op.drop_table("team_member")
    with op.batch_alter_table("swot_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_swot_item_account_id"))

    op.drop_table("swot_item")
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index("ix_review_account_date")

    op.drop_table("review")
    with op.batch_alter_table("relationship_indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relationship_indicator_account_id"))

    op.drop_table("relationship_indicator")
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_account_id"))

    op.drop_table("opportunity")
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterion_account_id"))

    op.drop_table("criterion")
    with op.batch_alter_table("competitor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_competitor_account_id"))

    op.drop_table("competitor")
    with op.batch_alter_table("activity_target", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_target_account_id"))

    op.drop_table("activity_target")
    op.drop_table("offering")
    op.drop_table("account")
