"""archive copy sizes: the sizes of a span's kept copies (the room check before an export, and
the export dialog's "will it fit") read from an index on (document_id, size). SQLite keeps a
row's columns in order and ``size`` comes after ``data``, so summing it walked the overflow
pages of every copy: 30-40 ms of a year's export (130 MB of copies) before its writer could
start; from the index, under 1 ms (issue 11).

CREATE INDEX adds no row and changes none.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 16:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_archive_copy_sizes", "archive_copy", ["document_id", "size"])


def downgrade() -> None:
    op.drop_index("ix_archive_copy_sizes", table_name="archive_copy")
