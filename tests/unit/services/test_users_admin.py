"""The admin's user management: an active admin always remains, deactivated users cannot sign in,
every change is audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop.services import auth, users
from desktop.services.enums import Role
from desktop.services.errors import ConflictError, DomainError, PermissionDenied, ValidationError


def _last_audit(session) -> AuditEntry:
    return session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()


def test_the_last_admin_cannot_be_demoted_or_deactivated(session, system, admin) -> None:
    with pytest.raises(ConflictError, match="唯一启用的管理员"):
        users.set_role(session, system, admin.user_id, Role.CLERK)
    with pytest.raises(ConflictError, match="唯一启用的管理员"):
        users.set_active(session, system, admin.user_id, False)
    assert users.list_users(session)[0].role == Role.ADMIN


def test_an_admin_never_takes_themself_out_of_admin(session, system, admin) -> None:
    second = users.create_user(session, system, "a2", "第二管理员", Role.ADMIN, "password-123")
    with pytest.raises(ConflictError, match="自己"):
        users.set_role(session, admin, admin.user_id, Role.LEADER)
    with pytest.raises(ConflictError, match="自己"):
        users.set_active(session, admin, admin.user_id, False)
    assert second.user_id is not None
    users.set_role(session, admin, second.user_id, Role.CLERK)  # another admin: fine
    with pytest.raises(ConflictError, match="唯一"):  # now admin is the only one left
        users.set_active(session, system, admin.user_id, False)


def test_a_deactivated_user_cannot_sign_in_until_reactivated(session, admin, clerk) -> None:
    users.set_active(session, admin, clerk.user_id, False)
    assert "停用了用户" in _last_audit(session).summary
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        auth.sign_in(session, "t_clerk", "password-123")
    users.set_active(session, admin, clerk.user_id, True)
    assert auth.sign_in(session, "t_clerk", "password-123").user_id == clerk.user_id


def test_a_reset_password_works_and_is_audited(session, admin, clerk) -> None:
    with pytest.raises(ValidationError) as short:
        users.reset_password(session, admin, clerk.user_id, "short")
    assert short.value.field == "password"
    users.reset_password(session, admin, clerk.user_id, "new-password-9")
    entry = _last_audit(session)
    assert entry.action == "password" and entry.entity_id == str(clerk.user_id)
    assert "重置了" in entry.summary and "new-password-9" not in entry.detail
    with pytest.raises(DomainError):
        auth.sign_in(session, "t_clerk", "password-123")
    assert auth.sign_in(session, "t_clerk", "new-password-9").role == Role.CLERK


def test_role_change_and_rename_are_audited(session, admin, clerk) -> None:
    users.set_role(session, admin, clerk.user_id, Role.LEADER)
    assert "由科员改为领导" in _last_audit(session).summary
    users.rename_user(session, admin, clerk.user_id, "  李明  ")
    assert _last_audit(session).summary.endswith("改为“李明”")
    info = next(u for u in users.list_users(session) if u.id == clerk.user_id)
    assert (info.role, info.display_name) == (Role.LEADER, "李明")
    with pytest.raises(ValidationError, match="不能为空"):
        users.rename_user(session, admin, clerk.user_id, " ")


def test_only_an_admin_manages_users(session, clerk, leader) -> None:
    for actor in (clerk, leader):
        with pytest.raises(PermissionDenied):
            users.reset_password(session, actor, leader.user_id, "whatever-123")
        with pytest.raises(PermissionDenied):
            users.set_active(session, actor, leader.user_id, False)
    # …but a leader may change their own password.
    users.change_own_password(session, leader, "password-123", "leader-pass-2")
    assert auth.sign_in(session, "t_leader", "leader-pass-2").role == Role.LEADER


def test_a_project_edit_shows_in_the_ledger(demo_session, clock) -> None:
    from desktop.services import overview, tasks

    clerk = auth.sign_in(demo_session, "clerk", "duban-clerk")
    project = tasks.list_projects(demo_session)[0]
    units = tasks.list_units(demo_session)
    other = next(u for u in units if u.id != project.lead_unit_id)
    tasks.edit_project(demo_session, clerk, project.id, "网格化治理提升工程", other.id, "二期")
    rows = overview.task_rows(demo_session, clock.today())
    assert {r.project for r in rows if r.project_id == project.id} == {"网格化治理提升工程"}
    edited = tasks.list_projects(demo_session)[0]
    assert (edited.lead_unit_id, edited.description) == (other.id, "二期")
    assert "修改重点工程" in _last_audit(demo_session).summary
