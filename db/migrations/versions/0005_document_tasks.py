"""document_task: the tasks each document concerns (unit-level notices on every task's timeline)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 03:10:00
"""

import json
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "document_task",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_document_task_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_document_task_task_id_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", "task_id", name=op.f("pk_document_task")),
    )
    with op.batch_alter_table("document_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_task_task_id"), ["task_id"], unique=False)
    _backfill()


def _backfill() -> None:
    """Existing documents: their own task, and for a unit's notice the unit's tasks it names."""
    bind = op.get_bind()
    links: set[tuple[int, int]] = set()
    tasks = bind.execute(sa.text("SELECT id, code, lead_unit_id FROM task")).all()
    docs = bind.execute(sa.text("SELECT id, task_id, unit_id, content FROM document")).all()
    for doc_id, task_id, unit_id, content in docs:
        if task_id is not None:
            links.add((doc_id, task_id))
        if unit_id is None:
            continue
        try:
            text = json.dumps(json.loads(content or "{}").get("body", []), ensure_ascii=False)
        except ValueError:
            continue
        for tid, code, lead in tasks:
            # Composed notices name a task as （编号04-02） or “04-02 title”.
            if lead == unit_id and re.search(rf"(编号|“){re.escape(code)}\b", text):
                links.add((doc_id, tid))
    if links:
        bind.execute(
            sa.text("INSERT INTO document_task (document_id, task_id) VALUES (:d, :t)"),
            [{"d": d, "t": t} for d, t in sorted(links)],
        )


def downgrade() -> None:
    with op.batch_alter_table("document_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_task_task_id"))
    op.drop_table("document_task")
