"""User accounts under 三员分立: the 系统管理员 makes and changes them, the 安全管理员 assigns
roles, approves changes and unlocks; each change is in the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.enums import Role
from db.models import PasswordHistory, SignInAttempt, User
from desktop.services import audit, identity, passwords, settings
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.identity import MANUAL_LOCK, to_actor

ADMIN_ROLES = (Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR)


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    approved: bool = True
    locked_until: datetime | None = None

    @property
    def state(self) -> str:
        if not self.active:
            return "已停用"
        if not self.approved:
            return "待审核"
        if self.locked_until is not None:
            return "已锁定"
        return "启用"


def validate_new_user(session: Session, username: str, display_name: str) -> None:
    if not username.strip() or not display_name.strip():
        raise ValidationError("用户名和姓名不能为空。", field="username")
    if len(username.strip()) > 40 or len(display_name.strip()) > 40:
        raise ValidationError("用户名和姓名不能超过 40 个字。", field="username")
    taken = session.scalar(select(func.count()).where(User.username == username.strip()))
    if taken:
        raise ValidationError(f"用户名“{username}”已被使用。", field="username")


def _needs_approval(session: Session, actor: Actor, target_id: int | None) -> bool:
    """Once a 安全管理员 is at work, account changes wait for them (the program's own setup, and
    a change to the only 安全管理员 themselves, cannot wait for anyone)."""
    if actor.is_system:
        return False
    others = select(func.count()).where(
        User.role == Role.SECADMIN, User.active.is_(True), User.approved.is_(True)
    )
    if target_id is not None:
        others = others.where(User.id != target_id)
    return bool(session.scalar(others))


def _set_password(session: Session, user: User, password: str, *, forced: bool) -> None:
    """Keep the old hash in the history (the last few may not come back) and set the new one."""
    now = clock_of(session).now()
    if user.password_hash:
        session.add(
            PasswordHistory(user_id=user.id, password_hash=user.password_hash, changed_at=now)
        )
        session.flush()
        keep = settings.security(session).password_history
        old = session.scalars(
            select(PasswordHistory.id)
            .where(PasswordHistory.user_id == user.id)
            .order_by(PasswordHistory.id.desc())
            .offset(keep)
        ).all()
        if old:
            session.execute(delete(PasswordHistory).where(PasswordHistory.id.in_(old)))
    user.password_hash = passwords.hash_password(password)
    user.password_changed_at = now
    user.must_change_password = forced


def check_password_policy(
    session: Session, password: str, username: str, field: str = "password"
) -> None:
    """The password rules with the length and classes the 安全管理员 set."""
    policy = settings.security(session)
    passwords.check_policy(password, username, field, min_length=policy.password_min_length,
                           min_classes=policy.password_min_classes)  # fmt: skip


def password_rule(session: Session) -> str:
    policy = settings.security(session)
    return passwords.policy_text(policy.password_min_length, policy.password_min_classes)


def _used_before(session: Session, user: User, password: str) -> bool:
    keep = settings.security(session).password_history
    earlier = session.scalars(
        select(PasswordHistory.password_hash)
        .where(PasswordHistory.user_id == user.id)
        .order_by(PasswordHistory.id.desc())
        .limit(max(0, keep - 1))
    ).all()
    return any(passwords.check_password(password, h) for h in [user.password_hash, *earlier])


@audit.writes(Permission.MANAGE)
def create_user(
    session: Session, actor: Actor, username: str, display_name: str, role: Role, password: str
) -> Actor:
    """A new account; one made by an administrator for someone else changes its password at the
    first sign-in, and waits for the 安全管理员's approval when there is one."""
    validate_new_user(session, username, display_name)
    # The demo's published passwords meet no policy; they exist only in the demo ledger.
    if not (actor.is_system and settings.is_demo(session)):
        check_password_policy(session, password, username)
    approval = _needs_approval(session, actor, None)
    user = User(
        username=username.strip(),
        display_name=display_name.strip(),
        role=role,
        password_hash="",
        active=True,
        approved=not approval,
    )
    session.add(user)
    session.flush()
    _set_password(session, user, password, forced=not actor.is_system)
    note = "，待安全管理员审核" if approval else ""
    audit.record(session, actor, "create", "user", user.id,
                 f"新建用户“{user.display_name}”（{role.label}）{note}")  # fmt: skip
    return to_actor(user)


@audit.writes(Permission.READ)
def change_own_password(session: Session, actor: Actor, old: str, new: str) -> None:
    user = session.get(User, actor.user_id) if actor.user_id else None
    if user is None:
        raise NotFound("找不到当前用户。")
    if not passwords.check_password(old, user.password_hash):
        raise ValidationError("原密码不正确。", field="old_password")
    check_password_policy(session, new, user.username, field="new_password")
    if _used_before(session, user, new):
        keep = settings.security(session).password_history
        raise ValidationError(f"新密码不能与最近 {keep} 次用过的密码相同。", field="new_password")
    _set_password(session, user, new, forced=False)
    audit.record(session, actor, "password", "user", user.id, "修改了自己的密码")


def list_users(session: Session) -> list[UserInfo]:
    now = clock_of(session).now()
    locks = {
        a.username: a.locked_until
        for a in session.scalars(select(SignInAttempt).where(SignInAttempt.locked_until > now))
    }
    return [
        UserInfo(
            u.id, u.username, u.display_name, u.role, u.active, u.approved, locks.get(u.username)
        )  # fmt: skip
        for u in session.scalars(select(User).order_by(User.id))
    ]


def missing_administrators(session: Session) -> list[Role]:
    """The 三员 roles that no active account holds yet (a migrated or new ledger's first job)."""
    held = set(
        session.scalars(select(User.role).where(User.active.is_(True), User.role.in_(ADMIN_ROLES)))
    )
    return [role for role in ADMIN_ROLES if role not in held]


# --- changes to an account (each guarded so the ledger always keeps its administrators) -------


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("找不到该用户，可能已被其他管理员修改，请刷新后重试。")
    return user


def _keep_administrator(session: Session, actor: Actor, user: User, what: str) -> None:
    """Refuse a change that takes ``user`` out of the active holders of an administrator role
    when they are the last one, or when it is the actor's own account."""
    if user.role not in ADMIN_ROLES or not user.active:
        return
    if user.id == actor.user_id:
        raise ConflictError(f"不能{what}自己的{user.role.label}账号，请由其他管理员操作。",
                            field="user")  # fmt: skip
    others = session.scalar(
        select(func.count()).where(
            User.role == user.role, User.active.is_(True), User.id != user.id
        )
    )
    if not others:
        raise ConflictError(
            f"“{user.display_name}”是台账中唯一启用的{user.role.label}，不能{what}。"
            f"请先新建另一位{user.role.label}。",
            field="user",
        )


@audit.writes(Permission.MANAGE)
def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> None:
    """For a user who forgot theirs: a temporary password they must change at the next sign-in."""
    user = _user(session, user_id)
    if user.id == actor.user_id:
        raise ConflictError("请通过“修改密码”修改自己的密码。", field="password")
    check_password_policy(session, new_password, user.username)
    _set_password(session, user, new_password, forced=True)
    approval = _needs_approval(session, actor, user.id)
    if approval:
        user.approved = False
    note = "，待安全管理员审核" if approval else ""
    audit.record(session, actor, "password", "user", user.id,
                 f"重置了“{user.display_name}”的密码{note}")  # fmt: skip


@audit.writes(Permission.SECURITY)
def set_role(session: Session, actor: Actor, user_id: int, role: Role) -> None:
    user = _user(session, user_id)
    if user.role == role:
        raise ValidationError(f"“{user.display_name}”已是{role.label}。", field="role")
    _keep_administrator(session, actor, user, "更改角色")
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
    """Deactivate (the account stays for the audit log, but cannot sign in) or reactivate (which
    waits for the 安全管理员's approval when there is one)."""
    user = _user(session, user_id)
    if user.active == active:
        state = "启用" if active else "停用"
        raise ValidationError(f"“{user.display_name}”已是{state}状态。", field="user")
    if not active:
        _keep_administrator(session, actor, user, "停用")
    elif _needs_approval(session, actor, user.id):
        user.approved = False
    user.active = active
    verb = "启用" if active else "停用"
    note = "，待安全管理员审核" if not user.approved else ""
    audit.record(session, actor, "update", "user", user.id,
                 f"{verb}了用户“{user.display_name}”{note}")  # fmt: skip


@audit.writes(Permission.SECURITY)
def review_account(session: Session, actor: Actor, user_id: int, approve: bool) -> None:
    """The 安全管理员's answer to a new, re-enabled or reset account: approve, or refuse (the
    account is then deactivated)."""
    user = _user(session, user_id)
    if user.approved:
        raise ValidationError(f"“{user.display_name}”没有待审核的变更。", field="user")
    user.approved = True
    if not approve:
        user.active = False
    verb = "审核通过" if approve else "审核不通过并停用"
    audit.record(session, actor, "review", "user", user.id, f"{verb}：用户“{user.display_name}”")


@audit.writes(Permission.SECURITY)
def unlock(session: Session, actor: Actor, user_id: int) -> None:
    user = _user(session, user_id)
    if identity.locked_until(session, user.username) is None:
        raise ValidationError(f"“{user.display_name}”没有被锁定。", field="user")
    session.execute(delete(SignInAttempt).where(SignInAttempt.username == user.username))
    audit.record(session, actor, "unlock", "user", user.id, f"解锁了用户“{user.display_name}”")


@audit.writes(Permission.SECURITY)
def lock(session: Session, actor: Actor, user_id: int) -> None:
    """Lock by hand (e.g. a lost laptop) until the 安全管理员 unlocks it."""
    user = _user(session, user_id)
    if user.id == actor.user_id:
        raise ConflictError("不能锁定自己的账号。", field="user")
    attempt = session.get(SignInAttempt, user.username)
    if attempt is None:
        attempt = SignInAttempt(username=user.username, failures=0)
        session.add(attempt)
    attempt.locked_until = MANUAL_LOCK
    audit.record(session, actor, "lock", "user", user.id, f"锁定了用户“{user.display_name}”")


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
