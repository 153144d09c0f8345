"""archive copy: each issued document's files as an archive package holds them (the 正文 PDF
bearing the 归档章, the OFD-A copy, facts the 四性检测 reads), made once and copied as bytes by
every export after (issue 11: a year's export re-stamped, re-zipped and re-parsed every file).

A new table only: ledgers issued before it get their copies from their next export.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "archive_copy",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=260), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("stamp", sa.String(length=200), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("original_size", sa.Integer(), nullable=False),
        sa.Column("original_sha256", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("mac", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_archive_copy_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "name", name=op.f("pk_archive_copy")),
    )


def downgrade() -> None:
    op.drop_table("archive_copy")
