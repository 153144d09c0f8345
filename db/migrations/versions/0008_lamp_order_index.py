"""lamp order index: the ledger's 亮灯 sort (severity, lag, task) read from an index

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 22:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_task_lamp_order",
        "task_lamp",
        ["severity", sa.text("coalesce(lag, 0)"), "task_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_task_lamp_order", table_name="task_lamp")
