"""Starting a new ledger: its first administrator and the office that issues its documents."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import Role
from db.models import User
from desktop.services import audit, settings, users
from desktop.services.auth import Actor, Permission, system_actor
from desktop.services.errors import ValidationError


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(User)))


def holds_real_records(session: Session) -> bool:
    """A ledger in use by an office (not empty, not the demo): `--today` may not touch it."""
    return has_users(session) and not settings.is_demo(session)


def start_ledger(
    session: Session,
    username: str,
    display_name: str,
    password: str,
    issuer_name: str = "",
    doc_prefix: str = "",
) -> Actor:
    """Create the 系统管理员 (and name the issuing office) in one transaction; the password meets
    the policy. Signed in, they are asked to create the 安全管理员 and the 审计管理员.

    Only a ledger without any account may be started this way: afterwards accounts are made by
    an admin who has signed in.
    """
    if has_users(session):
        raise ValidationError("该台账已有账号，请用已有账号登录。")
    return _start(session, system_actor("初始化"), username, display_name, password,
                  issuer_name, doc_prefix)  # fmt: skip


@audit.writes(Permission.MANAGE)
def _start(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    password: str,
    issuer_name: str,
    doc_prefix: str,
) -> Actor:
    admin = users.create_user(session, actor, username, display_name, Role.SYSADMIN, password)
    if issuer_name.strip() or doc_prefix.strip():
        office = settings.office(session)
        settings.save_office(
            session,
            actor,
            replace(
                office,
                issuer_name=issuer_name.strip() or office.issuer_name,
                doc_prefix=doc_prefix.strip() or office.doc_prefix,
            ),
        )
    return admin
