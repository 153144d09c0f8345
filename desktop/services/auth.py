"""Who may do what: roles (三员分立), their permissions, and the acting person as a plain value."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from db.enums import Role
from desktop.services.errors import PermissionDenied

__all__ = [
    "ROLE_PERMISSIONS",
    "Actor",
    "Permission",
    "Role",
    "operator_actor",
    "require",
    "system_actor",
]


class Permission(enum.Enum):
    READ = "查看台账"
    EDIT_LEDGER = "修改台账"
    ISSUE_DOCUMENTS = "制发公文"
    APPROVE = "审批督办事项延期"
    BACKUP = "备份台账"
    MANAGE = "管理用户、设置和备份恢复"
    SECURITY = "管理安全策略、解锁账号、分配角色和审核账号变更"
    AUDIT_READ = "查阅操作日志"
    AUDIT_EXPORT = "导出和校验操作日志"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {Permission.READ, Permission.EDIT_LEDGER, Permission.ISSUE_DOCUMENTS, Permission.BACKUP}
    ),
    Role.LEADER: frozenset({Permission.READ, Permission.APPROVE}),
    # 三员分立: each administrator holds one share, and none of them edits the ledger.
    Role.SYSADMIN: frozenset(
        {Permission.READ, Permission.MANAGE, Permission.BACKUP, Permission.AUDIT_READ}
    ),
    Role.SECADMIN: frozenset({Permission.READ, Permission.SECURITY}),
    Role.AUDITOR: frozenset({Permission.READ, Permission.AUDIT_READ, Permission.AUDIT_EXPORT}),
}


@dataclass(frozen=True)
class Actor:
    """The person acting, as a plain value (never a live ORM object).

    ``is_system`` marks the program's own work that nobody signs in for (building the demo,
    starting an empty ledger, benchmarks); no command or window acts as it on a real ledger.
    """

    user_id: int | None
    username: str
    display_name: str
    role: Role
    is_system: bool = False

    @property
    def label(self) -> str:
        return f"{self.display_name}（{self.username}）"

    def can(self, permission: Permission) -> bool:
        return self.is_system or permission in ROLE_PERMISSIONS[self.role]


def system_actor(name: str = "系统") -> Actor:
    """The actor for work nobody signs in for: creating a ledger, the demo, benchmarks."""
    return Actor(None, "system", name, Role.SYSADMIN, is_system=True)


def operator_actor(name: str) -> Actor:
    """Whoever runs a read-only command on this PC without signing in: may read, nothing more."""
    return Actor(None, "operator", name, Role.LEADER)


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(f"“{actor.role.label}”角色无权{permission.value}，此操作未执行。")
