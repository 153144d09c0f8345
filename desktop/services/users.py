"""User accounts: created and changed by an admin, each change in the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import Role
from db.models import User
from desktop.services import audit
from desktop.services.auth import (
    Actor,
    Permission,
    check_password,
    hash_password,
    to_actor,
    validate_new_user,
)
from desktop.services.errors import NotFound, ValidationError


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool


@audit.writes(Permission.MANAGE)
def create_user(
    session: Session, actor: Actor, username: str, display_name: str, role: Role, password: str
) -> Actor:
    validate_new_user(session, username, display_name, password)
    user = User(
        username=username.strip(),
        display_name=display_name.strip(),
        role=role,
        password_hash=hash_password(password),
        active=True,
    )
    session.add(user)
    session.flush()
    audit.record(
        session, actor, "create", "user", user.id, f"新建用户“{user.display_name}”（{role.label}）"
    )
    return to_actor(user)


@audit.writes(Permission.READ)
def change_own_password(session: Session, actor: Actor, old: str, new: str) -> None:
    user = session.get(User, actor.user_id) if actor.user_id else None
    if user is None:
        raise NotFound("找不到当前用户。")
    if not check_password(old, user.password_hash):
        raise ValidationError("原密码不正确。", field="old_password")
    if len(new) < 8:
        raise ValidationError("新密码至少需要 8 位。", field="new_password")
    user.password_hash = hash_password(new)
    audit.record(session, actor, "password", "user", user.id, "修改了自己的密码")


def list_users(session: Session) -> list[UserInfo]:
    return [
        UserInfo(u.id, u.username, u.display_name, u.role, u.active)
        for u in session.scalars(select(User).order_by(User.id))
    ]
