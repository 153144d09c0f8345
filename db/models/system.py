"""Users, the tamper-evident audit log and key/value settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, false, true
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import Role
from db.types import text_enum


class User(Base):
    """用户: a person who signs in; the password is kept only as a salted scrypt hash."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[Role] = mapped_column(text_enum(Role, length=16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # An account made or re-enabled by the 系统管理员 waits for the 安全管理员's approval.
    approved: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # None: never set under the password policy (e.g. migrated), so a change is due.
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )


class PasswordHistory(Base):
    """An account's earlier password hashes, so the last few are not used again."""

    __tablename__ = "password_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    password_hash: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class SignInAttempt(Base):
    """Failed sign-ins per typed user name, known or not, so a lock tells nobody who exists."""

    __tablename__ = "sign_in_attempt"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class AuditEntry(Base):
    """操作日志: one change; ``hash`` is its HMAC-SHA256 (db/chain.py) over the entry, its
    sequence number and the previous entry's hash, so an edit, a gap or a rebuilt chain shows.
    Append-only: triggers refuse UPDATE and DELETE (migration 0011)."""

    __tablename__ = "audit_entry"
    # What the services look up by action and object (the hash recorded at a document's issue,
    # checked by notice render, 另存为 and archive export; a task's status entries on its
    # timeline): read from the index instead of a scan of the whole log, the latest first by id
    # (migration 0016).
    __table_args__ = (Index("ix_audit_entry_action", "action", "entity", "entity_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)  # 1, 2, 3 ... with no gaps
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), default=None)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class Setting(Base):
    """设置: one named value (JSON text), e.g. the issuing office or the lamp rules."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
