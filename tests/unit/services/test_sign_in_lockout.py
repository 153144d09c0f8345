"""Sign-in: lockout after failures (unknown names too), one message, every outcome audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop.services import identity, passwords, settings, users
from desktop.services.errors import DomainError
from desktop.services.identity import AccountLocked

PASSWORD = "Duban-Test-42"


def _actions(session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


@pytest.mark.parametrize("name", ["t_clerk", "nobody"])
def test_five_failures_lock_for_thirty_minutes_known_or_not(session, clerk, clock, name) -> None:
    for _ in range(4):
        with pytest.raises(DomainError, match="用户名或密码不正确"):
            identity.sign_in(session, name, "Wrong-Pass-1")
    with pytest.raises(AccountLocked, match="30 分钟后") as locked:
        identity.sign_in(session, name, "Wrong-Pass-1")
    assert locked.value.minutes_left == 30
    # the right password does not open a locked account; the message counts down
    clock.moment += timedelta(minutes=12)
    with pytest.raises(AccountLocked, match="18 分钟后"):
        identity.sign_in(session, name, PASSWORD)
    tail = _actions(session)[-7:]
    assert tail == ["sign_in_failed"] * 5 + ["lock", "sign_in_locked"]
    clock.moment += timedelta(minutes=19)
    if name == "t_clerk":
        assert identity.sign_in(session, name, PASSWORD).user_id == clerk.user_id
        assert _actions(session)[-1] == "sign_in"


def test_an_unknown_name_costs_a_scrypt_like_a_wrong_password(session, clerk, monkeypatch) -> None:
    checked: list[str] = []
    real = passwords.check_password
    monkeypatch.setattr(passwords, "check_password", lambda p, h: checked.append(h) or real(p, h))
    for name in ("t_clerk", "nobody"):
        with pytest.raises(DomainError, match="^用户名或密码不正确。$"):
            identity.sign_in(session, name, "Wrong-Pass-1")
    assert len(checked) == 2
    assert [h.split("$")[:4] for h in checked] == [checked[0].split("$")[:4]] * 2


def test_policy_settings_change_the_lock(session, clerk, secadmin) -> None:
    settings.save_security(
        session, secadmin, settings.SecurityPolicy(lockout_attempts=3, lockout_minutes=5)
    )
    for _ in range(2):
        with pytest.raises(DomainError):
            identity.sign_in(session, "t_clerk", "x")
    with pytest.raises(AccountLocked, match="5 分钟后"):
        identity.sign_in(session, "t_clerk", "x")


def test_the_security_admin_unlocks_and_locks_by_hand(session, clerk, secadmin) -> None:
    for _ in range(5):
        with pytest.raises(DomainError):
            identity.sign_in(session, "t_clerk", "x")
    info = next(u for u in users.list_users(session) if u.id == clerk.user_id)
    assert info.state == "已锁定"
    users.unlock(session, secadmin, clerk.user_id)
    assert identity.sign_in(session, "t_clerk", PASSWORD).user_id == clerk.user_id
    users.lock(session, secadmin, clerk.user_id)
    with pytest.raises(AccountLocked, match="安全管理员锁定"):
        identity.sign_in(session, "t_clerk", PASSWORD)


def test_sign_in_and_out_are_audited_with_the_clock(session, clerk, clock) -> None:
    actor = identity.sign_in(session, "t_clerk", PASSWORD)
    identity.sign_out(session, actor)
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(2)).all()
    assert [e.action for e in entries] == ["sign_out", "sign_in"]
    assert all(e.at == clock.now() and e.user_id == clerk.user_id for e in entries)


def test_a_demoted_or_deactivated_user_loses_rights_at_once(session, admin, secadmin, clerk):
    from desktop.services import tasks
    from desktop.services.enums import Role
    from desktop.services.errors import PermissionDenied

    tasks.create_unit(session, clerk, "市司法局")
    users.set_role(session, secadmin, clerk.user_id, Role.LEADER)
    with pytest.raises(PermissionDenied, match="领导"):
        tasks.create_unit(session, clerk, "市审计局")  # the actor still says 科员
    users.set_role(session, secadmin, clerk.user_id, Role.CLERK)
    tasks.create_unit(session, clerk, "市审计局")
    users.set_active(session, admin, clerk.user_id, False)
    with pytest.raises(PermissionDenied, match="已停用"):
        tasks.create_unit(session, clerk, "市统计局")
    assert _actions(session)[-1] == "refused"
