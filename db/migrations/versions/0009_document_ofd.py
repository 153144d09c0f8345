"""document ofd: the OFD (GB/T 33190) of each issued document, kept beside its PDF

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 22:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ofd", sa.LargeBinary(), nullable=True))
        batch_op.add_column(
            sa.Column("ofd_sha256", sa.String(length=64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_column("ofd_sha256")
        batch_op.drop_column("ofd")
