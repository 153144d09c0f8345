"""completion percentages as typed: progress_report.percent and task_lamp.reported_pct hold one
decimal (62.5), NUMERIC(4, 1) instead of a whole number

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DECIMAL = sa.Numeric(precision=4, scale=1, asdecimal=False)
# (table, column, nullable): every percentage a clerk types or the lamps copy from a report
COLUMNS = (("progress_report", "percent", False), ("task_lamp", "reported_pct", True))


def _shape(table: str, percent: sa.types.TypeEngine) -> sa.Table:
    """The table as 0001/0004 made it (the percent column of the given type), for SQLite's
    rebuild: copied from this, not reflected (reflection cost ~85 statements, each one more
    for tests/integration/test_upgrade_kills.py to kill an upgrade after)."""
    meta = sa.MetaData()
    if table == "progress_report":
        return sa.Table(
            "progress_report",
            meta,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("task_id", sa.Integer(), nullable=False),
            sa.Column("period", sa.String(length=7), nullable=False),
            sa.Column("percent", percent, nullable=False),
            sa.Column("progress", sa.Text(), nullable=False),
            sa.Column("problems", sa.Text(), nullable=False),
            sa.Column("next_steps", sa.Text(), nullable=False),
            sa.Column("fall_reason", sa.Text(), nullable=False),
            sa.Column("submitted_on", sa.Date(), nullable=False),
            sa.Column(
                "source",
                sa.Enum("manual", "excel", name="reportsource", native_enum=False, length=24),
                nullable=False,
            ),
            sa.Column("source_file", sa.String(length=260), nullable=False),
            sa.Column("source_sha256", sa.String(length=64), nullable=False),
            sa.Column("recorded_at", sa.DateTime(), nullable=False),
            sa.CheckConstraint(
                "percent >= 0 AND percent <= 100", name="ck_progress_report_percent_range"
            ),
            sa.ForeignKeyConstraint(
                ["task_id"],
                ["task.id"],
                name="fk_progress_report_task_id_task",
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name="pk_progress_report"),
            sa.UniqueConstraint("task_id", "period", name="uq_progress_report_task_id_period"),
            sa.Index("ix_progress_report_period", "period"),
            sa.Index("ix_progress_report_task_id", "task_id"),
        )
    return sa.Table(
        "task_lamp",
        meta,
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column(
            "color",
            sa.Enum("green", "yellow", "red", name="lampcolor", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("schedule_pct", sa.Float(), nullable=False),
        sa.Column("lag", sa.Float(), nullable=True),
        sa.Column("reported_pct", percent, nullable=True),
        sa.Column("missed_reports", sa.Integer(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("budget", sa.BigInteger(), nullable=False),  # db.types.Money: whole fen
        sa.Column("arrived", sa.BigInteger(), nullable=False),
        sa.Column("spent", sa.BigInteger(), nullable=False),
        sa.Column("last_period", sa.String(length=7), nullable=True),
        sa.Column("last_submitted", sa.Date(), nullable=True),
        sa.Column("computed_for", sa.Date(), nullable=False),
        sa.Column("rules_version", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name="fk_task_lamp_task_id_task", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("task_id", name="pk_task_lamp"),
        sa.Index("ix_task_lamp_color", "color"),
    )


def _retype(
    table: str,
    column: str,
    nullable: bool,
    old: sa.types.TypeEngine,
    new: sa.types.TypeEngine,
    using: str,
) -> None:
    # SQLite rebuilds task_lamp in batch mode and cannot keep its expression index (0008),
    # which would silently vanish: dropped before and made again after.
    lamp = table == "task_lamp"
    if lamp:
        op.drop_index("ix_task_lamp_order", table_name="task_lamp")
    with op.batch_alter_table(table, schema=None, copy_from=_shape(table, old)) as batch_op:
        batch_op.alter_column(
            column,
            existing_type=old,
            type_=new,
            existing_nullable=nullable,
            postgresql_using=using,
        )
    if lamp:
        op.create_index(
            "ix_task_lamp_order",
            "task_lamp",
            ["severity", sa.text("coalesce(lag, 0)"), "task_id"],
        )


def upgrade() -> None:
    for table, column, nullable in COLUMNS:
        _retype(table, column, nullable, sa.Integer(), DECIMAL, f"{column}::numeric(4, 1)")


def downgrade() -> None:
    # A whole number again: 62.5 becomes 62 (rounded down, so no task reads as further along
    # than reported); the exact value stays in the audit chain of the report.
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, column, nullable in COLUMNS:
        whole = f"CAST({column} AS INTEGER)" if sqlite else f"FLOOR({column})"  # SQLite truncates
        op.execute(f"UPDATE {table} SET {column} = {whole} WHERE {column} IS NOT NULL")
        _retype(table, column, nullable, DECIMAL, sa.Integer(), f"FLOOR({column})::integer")
