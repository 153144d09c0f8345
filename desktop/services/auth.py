"""Users, sign-in and roles: who may do what. Passwords are kept only as salted scrypt hashes."""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import os
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import Role
from db.models import User
from desktop.services.errors import DomainError, PermissionDenied, ValidationError

# scrypt cost: about 50 ms per sign-in on a 2-core office PC, slow enough for a stolen file.
_N, _R, _P = 2**14, 8, 1


class Permission(enum.Enum):
    READ = "查看台账"
    EDIT_LEDGER = "修改台账"
    ISSUE_DOCUMENTS = "制发公文"
    MANAGE = "管理用户和设置"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.CLERK: frozenset({Permission.READ, Permission.EDIT_LEDGER, Permission.ISSUE_DOCUMENTS}),
    Role.LEADER: frozenset({Permission.READ}),
}


@dataclass(frozen=True)
class Actor:
    """The person acting, as a plain value (never a live ORM object)."""

    user_id: int | None
    username: str
    display_name: str
    role: Role

    @property
    def label(self) -> str:
        return f"{self.display_name}（{self.username}）"

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


def system_actor(name: str = "系统") -> Actor:
    """The actor for work nobody signed in for: creating a ledger, the command line."""
    return Actor(None, "system", name, Role.ADMIN)


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(f"“{actor.role.label}”角色无权{permission.value}，此操作未执行。")


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return "$".join(["scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(digest)])


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode(), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(candidate, _unb64(digest))


def sign_in(session: Session, username: str, password: str) -> Actor:
    user = session.scalar(select(User).where(User.username == username.strip()))
    # One message for both cases, so the dialog does not tell which usernames exist.
    if user is None or not user.active or not check_password(password, user.password_hash):
        raise DomainError("用户名或密码不正确。")
    return to_actor(user)


def to_actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, user.role)


def validate_new_user(session: Session, username: str, display_name: str, password: str) -> None:
    if not username.strip() or not display_name.strip():
        raise ValidationError("用户名和姓名不能为空。", field="username")
    if len(password) < 8:
        raise ValidationError("密码至少需要 8 位。", field="password")
    taken = session.scalar(select(func.count()).where(User.username == username.strip()))
    if taken:
        raise ValidationError(f"用户名“{username}”已被使用。", field="username")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))
