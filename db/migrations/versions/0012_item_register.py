"""督办事项登记簿: an item's source, 收文时间, 协办单位, 拟办意见, urgency, reporting frequency,
分管领导, the deadline first set, and how its reply was signed; 延期 requests, replies sent back (退办) and 催办 of an item

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ITEM_COLUMNS = (
    ("source_ref", sa.Text(), "''"),
    ("received_on", sa.Date(), None),
    ("first_due", sa.Date(), None),
    ("handling", sa.Text(), "''"),
    ("urgency", sa.String(length=24), "'ordinary'"),
    ("report_every", sa.String(length=24), "'once'"),
    ("leader", sa.String(length=80), "''"),
    ("reply_signer", sa.String(length=80), "''"),
    ("reply_stamped", sa.Boolean(), sa.false()),
)


def _item_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["supervision_id"],
        ["supervision_item.id"],
        name=op.f(f"fk_{table}_supervision_id_supervision_item"),
        ondelete="CASCADE",
    )


def _index(table: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_supervision_id"), ["supervision_id"])


def upgrade() -> None:
    with op.batch_alter_table("supervision_item", schema=None) as batch_op:
        for name, type_, default in _ITEM_COLUMNS:
            batch_op.add_column(
                sa.Column(
                    name,
                    type_,
                    nullable=default is None,
                    server_default=sa.text(default) if isinstance(default, str) else default,
                )
            )
    op.execute("UPDATE supervision_item SET first_due = reply_due")
    # The server defaults only filled the rows already there; the models set their own.
    with op.batch_alter_table("supervision_item", schema=None) as batch_op:
        for name, type_, default in _ITEM_COLUMNS:
            if default is not None:
                batch_op.alter_column(name, existing_type=type_, server_default=None)

    op.create_table(
        "supervision_co_unit",
        sa.Column("supervision_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        _item_fk("supervision_co_unit"),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_supervision_co_unit_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("supervision_id", "unit_id", name=op.f("pk_supervision_co_unit")),
    )
    op.create_table(
        "item_extension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervision_id", sa.Integer(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("old_due", sa.Date(), nullable=False),
        sa.Column("new_due", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("check_passed", sa.Boolean(), nullable=True),
        sa.Column("check_note", sa.Text(), nullable=False),
        sa.Column("checked_by", sa.String(length=80), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("approved", sa.Boolean(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=False),
        _item_fk("item_extension"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_extension")),
    )
    _index("item_extension")
    op.create_table(
        "item_return",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervision_id", sa.Integer(), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("resubmit_due", sa.Date(), nullable=False),
        sa.Column("reply_received_on", sa.Date(), nullable=False),
        sa.Column("reply_text", sa.Text(), nullable=False),
        sa.Column("reply_signer", sa.String(length=80), nullable=False),
        sa.Column("reply_stamped", sa.Boolean(), nullable=False),
        sa.Column("returned_by", sa.String(length=80), nullable=False),
        _item_fk("item_return"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_return")),
    )
    _index("item_return")
    op.create_table(
        "item_urge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervision_id", sa.Integer(), nullable=False),
        sa.Column("urged_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("urged_by", sa.String(length=80), nullable=False),
        _item_fk("item_urge"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_urge")),
    )
    _index("item_urge")


def downgrade() -> None:
    for table in ("item_urge", "item_return", "item_extension"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_supervision_id"))
        op.drop_table(table)
    op.drop_table("supervision_co_unit")
    with op.batch_alter_table("supervision_item", schema=None) as batch_op:
        for name, _type, _default in reversed(_ITEM_COLUMNS):
            batch_op.drop_column(name)
