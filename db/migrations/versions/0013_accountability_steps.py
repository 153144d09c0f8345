"""accountability steps: 问责 with due process (approval, 调查组, findings, 陈述申辩, decision,
通报组织部门, execution, 申诉), each step dated and printable

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 00:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIND = sa.Enum(
    "criticism",
    "admonition",
    "reassignment",
    "discipline",
    "other",
    name="accountabilitykind",
    native_enum=False,
    length=24,
)


def upgrade() -> None:
    with op.batch_alter_table("accountability", schema=None) as batch_op:
        batch_op.add_column(sa.Column("started_on", sa.Date(), nullable=True))
        batch_op.alter_column("kind", existing_type=KIND, nullable=True)
        batch_op.alter_column("decided_on", existing_type=sa.Date(), nullable=True)
    # A decision recorded before the steps existed started the day it was taken.
    op.execute("UPDATE accountability SET started_on = decided_on")
    op.create_table(
        "accountability_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("accountability_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["accountability_id"],
            ["accountability.id"],
            name=op.f("fk_accountability_step_accountability_id_accountability"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_accountability_step_document_id_document"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accountability_step")),
        sa.UniqueConstraint(
            "accountability_id", "step", name=op.f("uq_accountability_step_accountability_id_step")
        ),
    )
    with op.batch_alter_table("accountability_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accountability_step_accountability_id"),
            ["accountability_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("accountability_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accountability_step_accountability_id"))
    op.drop_table("accountability_step")
    # Cases started but not decided have no form or day to keep in the old shape.
    op.execute("DELETE FROM accountability WHERE kind IS NULL OR decided_on IS NULL")
    with op.batch_alter_table("accountability", schema=None) as batch_op:
        batch_op.alter_column("decided_on", existing_type=sa.Date(), nullable=False)
        batch_op.alter_column("kind", existing_type=KIND, nullable=False)
        batch_op.drop_column("started_on")
