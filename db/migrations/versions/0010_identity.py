"""identity: 三员分立 roles, password history and age, sign-in lockout, account approval

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 21:40:00

The one administrator of earlier releases becomes the 系统管理员; the program then asks them to
create the 安全管理员 and the 审计管理员. Passwords set before the policy existed are due for a
change at the next sign-in (password_changed_at stays empty).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("approved", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch_op.add_column(sa.Column("password_changed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
    op.create_table(
        "password_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_password_history_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_history")),
    )
    with op.batch_alter_table("password_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_password_history_user_id"), ["user_id"], unique=False)
    op.create_table(
        "sign_in_attempt",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_sign_in_attempt")),
    )
    op.execute("UPDATE user_account SET role = 'sysadmin' WHERE role = 'admin'")


def downgrade() -> None:
    # The older program knows one administrator: the two new admin roles fold back into it
    # (the 审计管理员, who changed nothing, becomes a read-only 领导).
    op.execute("UPDATE user_account SET role = 'admin' WHERE role IN ('sysadmin', 'secadmin')")
    op.execute("UPDATE user_account SET role = 'leader' WHERE role = 'auditor'")
    op.drop_table("sign_in_attempt")
    with op.batch_alter_table("password_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_password_history_user_id"))
    op.drop_table("password_history")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
        batch_op.drop_column("password_changed_at")
        batch_op.drop_column("approved")
