"""The 安全管理员's policy: validated, saved only by them, audited with what changed, and the
password length and classes it sets are what a new password must meet."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.services import audit, settings, users
from desktop.services.enums import Role
from desktop.services.errors import PermissionDenied, ValidationError


def test_the_security_admin_sets_the_rules_and_the_log_says_what_changed(
    session, system, admin, secadmin
) -> None:
    policy = replace(settings.security(session), password_min_length=12, lockout_minutes=15)
    settings.save_security(session, secadmin, policy)
    entry = audit.recent(session, 1)[0]
    assert entry.actor == secadmin.label and "密码最短长度（位） 8→12" in entry.summary
    assert "锁定时长（分钟） 30→15" in entry.summary
    assert settings.security(session).password_min_length == 12
    with pytest.raises(ValidationError, match="至少需要 12 位"):
        users.create_user(session, admin, "wang", "王五", Role.CLERK, "Jiang#2026x")
    assert "至少 12 位" in users.password_rule(session)


def test_only_the_security_admin_and_never_below_the_floor(session, admin, secadmin) -> None:
    policy = settings.security(session)
    with pytest.raises(PermissionDenied):
        settings.save_security(session, admin, replace(policy, idle_lock_minutes=0))
    assert audit.recent(session, 1)[0].action == "refused"
    for weaker in ({"password_min_length": 6}, {"password_min_classes": 2}):
        with pytest.raises(ValidationError):
            settings.save_security(session, secadmin, replace(policy, **weaker))
    assert settings.security(session) == policy
