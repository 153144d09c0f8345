"""User management under 三员分立: each administrator role always keeps a holder, nobody takes
themself out, deactivated users cannot sign in, every change is audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop.services import identity, users
from desktop.services.enums import Role
from desktop.services.errors import ConflictError, DomainError, PermissionDenied, ValidationError

PASSWORD = "Duban-Test-42"


def _last_audit(session) -> AuditEntry:
    return session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()


def test_the_last_sysadmin_cannot_be_demoted_or_deactivated(session, system, admin) -> None:
    with pytest.raises(ConflictError, match="唯一启用的系统管理员"):
        users.set_role(session, system, admin.user_id, Role.CLERK)
    with pytest.raises(ConflictError, match="唯一启用的系统管理员"):
        users.set_active(session, system, admin.user_id, False)
    assert users.list_users(session)[0].role == Role.SYSADMIN


def test_an_admin_never_takes_themself_out(session, system, admin, secadmin) -> None:
    second = users.create_user(session, system, "s2", "第二安全员", Role.SECADMIN, PASSWORD)
    with pytest.raises(ConflictError, match="自己"):
        users.set_role(session, secadmin, secadmin.user_id, Role.LEADER)
    with pytest.raises(ConflictError, match="自己"):
        users.set_active(session, admin, admin.user_id, False)
    assert second.user_id is not None
    users.set_role(session, secadmin, second.user_id, Role.CLERK)  # another one: fine
    with pytest.raises(ConflictError, match="唯一"):  # now secadmin is the only one left
        users.set_active(session, admin, secadmin.user_id, False)


def test_a_deactivated_user_cannot_sign_in_until_reactivated(session, admin, clerk) -> None:
    users.set_active(session, admin, clerk.user_id, False)
    assert "停用了用户" in _last_audit(session).summary
    with pytest.raises(DomainError, match="已停用"):
        identity.sign_in(session, "t_clerk", PASSWORD)
    users.set_active(session, admin, clerk.user_id, True)
    assert identity.sign_in(session, "t_clerk", PASSWORD).user_id == clerk.user_id


def test_a_reset_password_must_be_changed_at_the_next_sign_in(session, admin, clerk) -> None:
    with pytest.raises(ValidationError) as short:
        users.reset_password(session, admin, clerk.user_id, "short")
    assert short.value.field == "password"
    users.reset_password(session, admin, clerk.user_id, "Temp-Pass-93")
    entry = _last_audit(session)
    assert entry.action == "password" and entry.entity_id == str(clerk.user_id)
    assert "重置了" in entry.summary and "Temp-Pass-93" not in entry.detail
    with pytest.raises(DomainError):
        identity.sign_in(session, "t_clerk", PASSWORD)
    signed = identity.sign_in(session, "t_clerk", "Temp-Pass-93")
    assert "重置" in (identity.password_change_due(session, signed) or "")
    users.change_own_password(session, signed, "Temp-Pass-93", "Own-Choice-77")
    assert identity.password_change_due(session, signed) is None


def test_role_change_by_the_security_admin_and_rename_are_audited(
    session, admin, secadmin, clerk
) -> None:
    with pytest.raises(PermissionDenied):
        users.set_role(session, admin, clerk.user_id, Role.LEADER)  # roles are not his share
    users.set_role(session, secadmin, clerk.user_id, Role.LEADER)
    assert "由科员改为领导" in _last_audit(session).summary
    users.rename_user(session, admin, clerk.user_id, "  李明  ")
    assert _last_audit(session).summary.endswith("改为“李明”")
    info = next(u for u in users.list_users(session) if u.id == clerk.user_id)
    assert (info.role, info.display_name) == (Role.LEADER, "李明")
    with pytest.raises(ValidationError, match="不能为空"):
        users.rename_user(session, admin, clerk.user_id, " ")


def test_accounts_made_once_a_security_admin_exists_wait_for_approval(
    session, admin, secadmin
) -> None:
    made = users.create_user(session, admin, "zhou", "周科员", Role.CLERK, "Ke-Yuan-Pass-1")
    assert "待安全管理员审核" in _last_audit(session).summary
    with pytest.raises(DomainError, match="待安全管理员审核"):
        identity.sign_in(session, "zhou", "Ke-Yuan-Pass-1")
    assert made.user_id is not None
    with pytest.raises(PermissionDenied):
        users.review_account(session, admin, made.user_id, True)  # not his own approval
    users.review_account(session, secadmin, made.user_id, True)
    assert identity.sign_in(session, "zhou", "Ke-Yuan-Pass-1").role == Role.CLERK


def test_only_the_sysadmin_manages_users(session, clerk, leader, secadmin, auditor) -> None:
    for actor in (clerk, leader, secadmin, auditor):
        with pytest.raises(PermissionDenied):
            users.reset_password(session, actor, leader.user_id, "Whatever-123x")
        with pytest.raises(PermissionDenied):
            users.set_active(session, actor, leader.user_id, False)
    # …but a leader may change their own password.
    users.change_own_password(session, leader, PASSWORD, "Leader-Pass-2x")
    assert identity.sign_in(session, "t_leader", "Leader-Pass-2x").role == Role.LEADER


def test_a_project_edit_shows_in_the_ledger(demo_session, clock) -> None:
    from desktop.services import identity, overview, tasks

    clerk = identity.sign_in(demo_session, "clerk", "duban-clerk")
    project = tasks.list_projects(demo_session)[0]
    units = tasks.list_units(demo_session)
    other = next(u for u in units if u.id != project.lead_unit_id)
    tasks.edit_project(demo_session, clerk, project.id, "网格化治理提升工程", other.id, "二期")
    rows = overview.task_rows(demo_session, clock.today())
    assert {r.project for r in rows if r.project_id == project.id} == {"网格化治理提升工程"}
    edited = tasks.list_projects(demo_session)[0]
    assert (edited.lead_unit_id, edited.description) == (other.id, "二期")
    assert "修改重点工程" in _last_audit(demo_session).summary
