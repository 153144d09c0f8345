"""User accounts: created and changed by an admin, each change in the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
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
from desktop.services.errors import ConflictError, NotFound, ValidationError


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


# --- the admin's user management (each guarded so the ledger always keeps an active admin) ---


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("找不到该用户，可能已被其他管理员修改，请刷新后重试。")
    return user


def _other_active_admins(session: Session, user_id: int) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                User.role == Role.ADMIN, User.active.is_(True), User.id != user_id
            )
        )
        or 0
    )


def _keep_an_admin(session: Session, actor: Actor, user: User, what: str) -> None:
    """Refuse a change that takes ``user`` out of the active admins when it must not."""
    if user.role != Role.ADMIN or not user.active:
        return
    if user.id == actor.user_id:
        raise ConflictError(f"不能{what}自己的管理员账号，请由另一位管理员操作。", field="user")
    if not _other_active_admins(session, user.id):
        raise ConflictError(
            f"“{user.display_name}”是台账中唯一启用的管理员，不能{what}。请先指定另一位管理员。",
            field="user",
        )


@audit.writes(Permission.MANAGE)
def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> None:
    """For a user who forgot theirs: the admin sets a new one and tells them in person."""
    user = _user(session, user_id)
    if len(new_password) < 8:
        raise ValidationError("新密码至少需要 8 位。", field="password")
    user.password_hash = hash_password(new_password)
    audit.record(session, actor, "password", "user", user.id, f"重置了“{user.display_name}”的密码")


@audit.writes(Permission.MANAGE)
def set_role(session: Session, actor: Actor, user_id: int, role: Role) -> None:
    user = _user(session, user_id)
    if user.role == role:
        raise ValidationError(f"“{user.display_name}”已是{role.label}。", field="role")
    if role != Role.ADMIN:
        _keep_an_admin(session, actor, user, "取消")
    before = user.role
    user.role = role
    audit.record(
        session,
        actor,
        "update",
        "user",
        user.id,
        f"将“{user.display_name}”的角色由{before.label}改为{role.label}",
        {"前": before.label, "后": role.label},
    )


@audit.writes(Permission.MANAGE)
def set_active(session: Session, actor: Actor, user_id: int, active: bool) -> None:
    """Deactivate (the account stays for the audit log, but cannot sign in) or reactivate."""
    user = _user(session, user_id)
    if user.active == active:
        state = "启用" if active else "停用"
        raise ValidationError(f"“{user.display_name}”已是{state}状态。", field="user")
    if not active:
        _keep_an_admin(session, actor, user, "停用")
    user.active = active
    verb = "启用" if active else "停用"
    audit.record(session, actor, "update", "user", user.id, f"{verb}了用户“{user.display_name}”")


@audit.writes(Permission.MANAGE)
def rename_user(session: Session, actor: Actor, user_id: int, display_name: str) -> None:
    user = _user(session, user_id)
    name = display_name.strip()
    if not name:
        raise ValidationError("姓名不能为空。", field="display_name")
    if len(name) > 40:
        raise ValidationError("姓名不能超过 40 个字。", field="display_name")
    if name == user.display_name:
        raise ValidationError("姓名没有改动。", field="display_name")
    before = user.display_name
    user.display_name = name
    audit.record(
        session,
        actor,
        "update",
        "user",
        user.id,
        f"将用户“{before}”的姓名改为“{name}”",
        {"前": before, "后": name},
    )
