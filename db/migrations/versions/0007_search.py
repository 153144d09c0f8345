"""search: an index of every searchable record (FTS5 on SQLite, GIN on PostgreSQL), filled now

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 21:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "search_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("pinyin", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entry")),
        sa.UniqueConstraint("kind", "ref_id", name=op.f("uq_search_entry_kind_ref_id")),
    )
    op.create_index(op.f("ix_search_entry_task_id"), "search_entry", ["task_id"], unique=False)
    from db import search  # the index's own code fills it, as later writes will

    conn = op.get_bind()
    search.create_fulltext(conn)
    search.rebuild(Session(bind=conn))


def downgrade() -> None:
    from db import search

    search.drop_fulltext(op.get_bind())
    op.drop_index(op.f("ix_search_entry_task_id"), table_name="search_entry")
    op.drop_table("search_entry")
