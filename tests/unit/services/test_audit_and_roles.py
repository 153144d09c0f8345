"""Roles, sign-in and the audit chain: a leader writes nothing; every write leaves one entry."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text

from db.models import AuditEntry, Unit
from desktop.services import audit, auth, identity, passwords, tasks
from desktop.services.errors import DomainError, PermissionDenied


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_password_is_stored_as_salted_scrypt_never_in_clear(session, admin) -> None:
    stored = session.scalar(text("SELECT password_hash FROM user_account WHERE username='t_admin'"))
    assert stored.startswith("scrypt$") and "Duban-Test-42" not in stored
    other = passwords.hash_password("Duban-Test-42")
    assert other != stored  # salted
    assert passwords.check_password("Duban-Test-42", stored)
    assert not passwords.check_password("password-124", stored)


def test_sign_in_wrong_password_gives_one_chinese_message(session, clerk) -> None:
    assert identity.sign_in(session, "t_clerk", "Duban-Test-42").role == auth.Role.CLERK
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        identity.sign_in(session, "t_clerk", "wrong")
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        identity.sign_in(session, "nobody", "Duban-Test-42")


def test_leader_cannot_write_and_only_the_refusal_is_recorded(session, leader) -> None:
    entries = _count(session, AuditEntry)
    with pytest.raises(PermissionDenied, match="领导"):
        tasks.create_unit(session, leader, "市审计局")
    assert _count(session, Unit) == 0
    assert _count(session, AuditEntry) == entries + 1
    refusal = audit.recent(session, 1)[0]
    assert refusal.action == "refused" and "领导" in refusal.summary


def test_each_write_leaves_exactly_one_audit_entry(session, clerk) -> None:
    before = _count(session, AuditEntry)
    unit = tasks.create_unit(session, clerk, "市审计局", "审计局")
    project = tasks.create_project(session, clerk, "11", "审计监督工程", unit.id)
    assert _count(session, AuditEntry) == before + 2
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last.entity == "project" and last.entity_id == str(project.id)
    assert last.actor == clerk.label and "审计监督工程" in last.summary


def test_a_failed_write_leaves_nothing_half_done(session, clerk) -> None:
    tasks.create_unit(session, clerk, "市审计局")
    before = (_count(session, Unit), _count(session, AuditEntry))
    with pytest.raises(DomainError, match="已存在"):
        tasks.create_unit(session, clerk, "市审计局")
    assert (_count(session, Unit), _count(session, AuditEntry)) == before


def test_audit_time_comes_from_the_injected_clock(session, clerk, clock) -> None:
    tasks.create_unit(session, clerk, "市审计局")
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last.at == clock.now()
    assert clock.today() == date(2026, 11, 28)


def test_writers_at_once_keep_one_unbroken_chain(ledger, concurrently) -> None:
    assert concurrently.units(ledger) == []
    with ledger.session() as session:
        check = audit.verify_chain(session)
    assert check.ok and check.entries == 45, check.message


def test_a_clash_with_another_writer_becomes_a_chinese_message_and_saves_nothing(
    session, clerk
) -> None:
    from desktop.services.auth import Permission
    from desktop.services.errors import ConcurrentChange

    tasks.create_unit(session, clerk, "市审计局")
    before = (_count(session, Unit), _count(session, AuditEntry))

    @audit.writes(Permission.EDIT_LEDGER)
    def insert_twice(session, actor) -> None:  # as if another desk had just saved the same row
        audit.record(session, actor, "create", "unit", "", "新建单位“市审计局”")
        session.add(Unit(name="市审计局", short_name="", contact_person="", contact_phone="",
                         sort_order=9))  # fmt: skip
        session.flush()

    with pytest.raises(ConcurrentChange, match="另一位同事") as error:
        insert_twice(session, clerk)
    assert error.value.__cause__ is not None
    assert (_count(session, Unit), _count(session, AuditEntry)) == before
