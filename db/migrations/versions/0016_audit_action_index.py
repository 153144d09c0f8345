"""audit action index: the audit log's lookups by action and object (action, entity, entity_id)
read from an index, e.g. the hash a document's issue entry recorded, checked each time an issued
document leaves the desk as a file; at a million entries a scan of the log cost ~0.3 s a save.
The id last: the latest such entry (ORDER BY id DESC LIMIT 1) is the index's last row, so
PostgreSQL does not walk the primary key backwards filtering every entry instead.

CREATE INDEX adds no row and changes none, so the append-only triggers of 0011 (BEFORE UPDATE,
DELETE, TRUNCATE) neither fire nor need making again: no batch_alter_table recreates the table.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 06:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_entry_action", "audit_entry", ["action", "entity", "entity_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_audit_entry_action", table_name="audit_entry")
