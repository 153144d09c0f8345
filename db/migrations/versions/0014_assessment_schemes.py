"""assessment schemes as offices write them: data owners, deductions inside an indicator (减完为止),
doubling for repeats and sensitive periods, veto modes, scoring sources, the 领导小组's decision

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ONE = sa.text("100")  # Points are stored as integer hundredths: 1.00


def upgrade() -> None:
    with op.batch_alter_table("assessment_scheme", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sources", sa.Text(), nullable=False, server_default="[]"))
        batch_op.add_column(
            sa.Column("sensitive_periods", sa.Text(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("decided_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("decided_by", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("minutes_issue", sa.String(length=40), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_assessment_scheme_meeting_id_meeting"),
            "meeting",
            ["meeting_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("assessment_indicator", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("owner", sa.String(length=80), nullable=False, server_default="")
        )
    with op.batch_alter_table("assessment_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("indicator", sa.String(length=24), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("repeat_factor", db.types.Money(), nullable=False, server_default=ONE)
        )
        batch_op.add_column(
            sa.Column("sensitive_factor", db.types.Money(), nullable=False, server_default=ONE)
        )
        batch_op.add_column(
            sa.Column("veto_mode", sa.String(length=10), nullable=False, server_default="lowest")
        )
        batch_op.add_column(
            sa.Column("grade_cap", sa.String(length=10), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("owner", sa.String(length=80), nullable=False, server_default="")
        )
    with op.batch_alter_table("assessment_manual", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("source", sa.String(length=16), nullable=False, server_default="")
        )
        batch_op.drop_constraint(
            "uq_assessment_manual_scheme_id_unit_id_target_code", type_="unique"
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_assessment_manual_scheme_id_unit_id_target_code_source"),
            ["scheme_id", "unit_id", "target", "code", "source"],
        )
    with op.batch_alter_table("assessment_result", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("proposed_grade", sa.String(length=10), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("decision_note", sa.Text(), nullable=False, server_default="")
        )
    op.execute("UPDATE assessment_result SET proposed_grade = grade")


def downgrade() -> None:
    with op.batch_alter_table("assessment_result", schema=None) as batch_op:
        batch_op.drop_column("decision_note")
        batch_op.drop_column("proposed_grade")
    op.execute("DELETE FROM assessment_manual WHERE source != '' OR target = 'review'")
    with op.batch_alter_table("assessment_manual", schema=None) as batch_op:
        batch_op.drop_constraint(
            "uq_assessment_manual_scheme_id_unit_id_target_code_source", type_="unique"
        )
        batch_op.create_unique_constraint(
            "uq_assessment_manual_scheme_id_unit_id_target_code",
            ["scheme_id", "unit_id", "target", "code"],
        )
        batch_op.drop_column("source")
    with op.batch_alter_table("assessment_item", schema=None) as batch_op:
        for column in ("owner", "grade_cap", "veto_mode", "sensitive_factor", "repeat_factor"):
            batch_op.drop_column(column)
        batch_op.drop_column("indicator")
    with op.batch_alter_table("assessment_indicator", schema=None) as batch_op:
        batch_op.drop_column("owner")
    with op.batch_alter_table("assessment_scheme", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_assessment_scheme_meeting_id_meeting"), type_="foreignkey"
        )
        for column in ("meeting_id", "minutes_issue", "decided_by", "decided_on"):
            batch_op.drop_column(column)
        batch_op.drop_column("sensitive_periods")
        batch_op.drop_column("sources")
