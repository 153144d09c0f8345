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


def _retype(
    table: str,
    column: str,
    nullable: bool,
    old: sa.types.TypeEngine,
    new: sa.types.TypeEngine,
    using: str,
) -> None:
    # SQLite rebuilds task_lamp in batch mode and cannot reflect its expression index (0008),
    # which would silently vanish: dropped before and made again after.
    lamp = table == "task_lamp"
    if lamp:
        op.drop_index("ix_task_lamp_order", table_name="task_lamp")
    with op.batch_alter_table(table, schema=None) as batch_op:
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
