"""Sign-in and who someone is now: lockout after failures, password age, every attempt audited."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime, timedelta
from typing import NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import Role
from db.models import SignInAttempt, User
from desktop.services import audit, passwords, settings
from desktop.services.auth import Actor
from desktop.services.clock import clock_of
from desktop.services.errors import DomainError, PermissionDenied

WRONG = "用户名或密码不正确。"
# A lock set by the 安全管理员 by hand lasts until they lift it.
MANUAL_LOCK = datetime(9999, 12, 31)


class AccountLocked(DomainError):
    """Too many failures (or the 安全管理员 locked it): ``minutes_left`` says how long."""

    def __init__(self, message: str, minutes_left: int) -> None:
        super().__init__(message, field="password")
        self.minutes_left = minutes_left


def to_actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, user.role)


def current_actor(session: Session, actor: Actor) -> Actor:
    """``actor`` with the role the ledger holds now; refused when the account was deactivated."""
    if actor.user_id is None:
        return actor
    row = session.execute(
        select(User.role, User.active, User.approved).where(User.id == actor.user_id)
    ).one_or_none()
    if row is None or not row.active:
        raise PermissionDenied("该账号已停用，不能再修改台账。请联系系统管理员。")
    if not row.approved:
        raise PermissionDenied("该账号的变更尚待安全管理员审核，暂不能操作。")
    return actor if row.role == actor.role else replace(actor, role=row.role)


def check_account(session: Session, actor: Actor) -> None:
    """Raise PermissionDenied when the signed-in session must end now: the account was
    deactivated, sent back for review or given another role since the sign-in (the open
    window then signs in again)."""
    current = current_actor(session, actor)
    if current.role != actor.role:
        raise PermissionDenied(
            f"该账号的角色已由{actor.role.label}改为{current.role.label}，请重新登录后按新角色使用。"
        )


def _someone(user: User | None, name: str) -> Actor:
    if user is not None:
        return to_actor(user)
    return Actor(None, name or "（空）", "未知用户", Role.LEADER)


def lock_message(until: datetime, now: datetime) -> tuple[str, int]:
    if until >= MANUAL_LOCK:
        return "该账号已被安全管理员锁定，请联系安全管理员解锁。", 0
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    return f"该账号因多次密码错误已被锁定，请 {minutes} 分钟后再试，或请安全管理员解锁。", minutes


def sign_in(session: Session, username: str, password: str) -> Actor:
    """The actor for a right password. Every outcome is audited; a wrong password and an unknown
    name cost one scrypt each and get one message, and both count towards the lock."""
    name = username.strip()[:40]
    now = clock_of(session).now()
    policy = settings.security(session)
    user = session.scalar(select(User).where(User.username == name)) if name else None
    right = passwords.check_password(
        password, user.password_hash if user else passwords.dummy_hash()
    )
    attempt = session.get(SignInAttempt, name) if name else None
    who = _someone(user, name)
    if attempt is not None and attempt.locked_until is not None and attempt.locked_until > now:
        message, minutes = lock_message(attempt.locked_until, now)
        audit.event(session, who, "sign_in_locked", "user", name, f"锁定期间尝试登录：{name}")
        raise AccountLocked(message, minutes)
    if not right or user is None:
        _failed(session, who, name, attempt, policy, now)
    if not user.active:
        audit.event(session, who, "sign_in_refused", "user", name, f"已停用的账号尝试登录：{name}")
        raise DomainError("该账号已停用，请联系系统管理员。", field="username")
    if not user.approved:
        audit.event(session, who, "sign_in_refused", "user", name, f"待审核的账号尝试登录：{name}")
        raise DomainError("该账号尚待安全管理员审核，审核通过后才能登录。", field="username")
    if attempt is not None:
        session.delete(attempt)
    if passwords.needs_upgrade(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    audit.event(session, who, "sign_in", "user", name, f"登录：{user.display_name}")
    return to_actor(user)


def _failed(
    session: Session,
    who: Actor,
    name: str,
    attempt: SignInAttempt | None,
    policy: settings.SecurityPolicy,
    now: datetime,
) -> NoReturn:
    failures = (attempt.failures if attempt else 0) + 1
    locking = bool(name) and failures >= policy.lockout_attempts
    if name:
        if attempt is None:
            attempt = SignInAttempt(username=name, failures=0)
            session.add(attempt)
        attempt.failures = 0 if locking else failures
        if locking:
            attempt.locked_until = now + timedelta(minutes=policy.lockout_minutes)
    audit.event(session, who, "sign_in_failed", "user", name,
                f"登录失败（密码错误或无此用户）：{name}，连续第 {failures} 次")  # fmt: skip
    if not locking or attempt is None or attempt.locked_until is None:
        raise DomainError(WRONG, field="password")
    audit.event(session, who, "lock", "user", name,
                f"连续 {failures} 次登录失败，账号“{name}”锁定 {policy.lockout_minutes} 分钟")  # fmt: skip
    message, minutes = lock_message(attempt.locked_until, now)
    raise AccountLocked(message, minutes)


def sign_out(session: Session, actor: Actor, why: str = "注销") -> None:
    if actor.user_id is not None and session.get(User, actor.user_id) is None:
        actor = replace(actor, user_id=None)  # e.g. a restored ledger that never knew them
    audit.event(session, actor, "sign_out", "user", actor.username, f"{why}：{actor.display_name}")


def password_change_due(session: Session, actor: Actor) -> str | None:
    """Why this user must set a new password before working, or None."""
    user = session.get(User, actor.user_id) if actor.user_id else None
    if user is None:
        return None
    if user.must_change_password:
        return "密码已由管理员重置，请先设置自己的新密码。"
    if user.password_changed_at is None:
        return "请先按密码策略设置新密码（原密码设于启用密码策略之前）。"
    days = settings.security(session).password_max_age_days
    if days and clock_of(session).now() - user.password_changed_at > timedelta(days=days):
        return f"密码已使用超过 {days} 天，请设置新密码。"
    return None


def locked_until(session: Session, username: str) -> datetime | None:
    attempt = session.get(SignInAttempt, username)
    if attempt is None or attempt.locked_until is None:
        return None
    return attempt.locked_until if attempt.locked_until > clock_of(session).now() else None
