"""archive reads: two indexes for what SQLite stores behind a row's bytes. It keeps a row's
columns in order, so reading a column after a BLOB walks the BLOB's overflow pages:

- the sizes of a span's kept copies (the room check before an export, and the export dialog's
  "will it fit") from (document_id, size) of archive_copy, where ``size`` comes after
  ``data``: 30-40 ms of a year's export (130 MB of copies) before its writer could start, from
  the index under 1 ms;
- a span's issued documents with the hashes and pages registered beside their files, from
  (status, issued_on, pdf_sha256, pages, ofd_sha256) of document, where those come after
  ``pdf``: 27 → 3 ms for a year of 500 (issue 11).

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
    op.create_index(
        "ix_document_issued_files",
        "document",
        ["status", "issued_on", "pdf_sha256", "pages", "ofd_sha256"],
    )


def downgrade() -> None:
    op.drop_index("ix_document_issued_files", table_name="document")
    op.drop_index("ix_archive_copy_sizes", table_name="archive_copy")
