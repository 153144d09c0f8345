"""Role x action: every write in desktop/services (each function wrapped by audit.writes) for
each of the five roles, refused and audited where the role may not, let through where it may.

A new write that is not listed in WHO_MAY below fails this test until someone decides who may.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import datetime

import pytest
from sqlalchemy import func, select

import desktop.services
from db.models import AuditEntry
from desktop.services import audit, users
from desktop.services.auth import Actor, system_actor
from desktop.services.clock import FixedClock
from desktop.services.enums import Role
from desktop.services.errors import PermissionDenied
from desktop.services.ledger import open_ledger

TODAY = datetime(2026, 11, 28, 10, 0)

CLERK, LEADER = Role.CLERK, Role.LEADER
SYSADMIN, SECADMIN, AUDITOR = Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR
ANYONE = frozenset(Role)
EDIT = ISSUE = frozenset({CLERK})  # the office's work: 科员 only, no administrator
BACKUP = frozenset({CLERK, SYSADMIN})  # copies of the record; restore is SYS
SYS = frozenset({SYSADMIN})  # users, settings, restore
SEC = frozenset({SECADMIN})  # policy, roles, unlocking, approving account changes
APPROVE = frozenset({LEADER})  # a leader's approval (延期)

WHO_MAY: dict[str, frozenset[Role]] = {
    "accountability.documents.draft_step": ISSUE,
    "accountability.writes.correct_step": EDIT,
    "accountability.writes.record_step": EDIT,
    "accountability.writes.start": EDIT,
    "archive.export.export_year": BACKUP,
    "archive.importer.import_package": EDIT,
    "archive.pending._record_late": BACKUP,
    "archive.transport.open_copy": BACKUP,  # a copy of the record, like an export
    "archive.transport.seal_copy": BACKUP,
    "assessment.decision.record_decision": EDIT,
    "assessment.decision.reopen": EDIT,
    "assessment.decision.review_excellent": EDIT,
    "assessment.schemes.create_scheme": EDIT,
    "assessment.schemes.publish_scheme": EDIT,
    "assessment.schemes.update_scheme": EDIT,
    "assessment.scores.finalise": EDIT,
    "assessment.scores.set_manual_count": EDIT,
    "assessment.scores.set_manual_entries": EDIT,
    "assessment.scores.set_manual_score": EDIT,
    "attachments.attach": EDIT,
    "audit_verify._note_break": ANYONE,  # the desk records a chain break, whoever is signed in
    "backup_restore._note_restore": SYS,
    "backup.backup_to": BACKUP,
    "backup.rolling_backup": BACKUP,
    "corrections.correct_fund_entry": EDIT,
    "corrections.correct_report": EDIT,
    "corrections.withdraw_fund_entry": EDIT,
    "corrections.withdraw_report": EDIT,
    "demo.build.build_demo": SYS,
    "escalation.documents.draft_for_interview": ISSUE,
    "escalation.documents.draft_for_supervision": ISSUE,
    "escalation.documents.draft_minutes": ISSUE,
    "escalation.proposals.confirm": EDIT,
    "escalation.proposals.confirm_all": EDIT,
    "escalation.proposals.dismiss": EDIT,
    "escalation.proposals.dismiss_all": EDIT,
    "escalation.proposals.remind_tasks": EDIT,
    "escalation.proposals.report_follow_up": EDIT,
    "excel.fund_sync.apply_fund_changes": EDIT,
    "excel.import_reports._write": EDIT,
    "excel.ledger_import.apply_ledger": EDIT,
    "excel.ledger_mapping.remember": EDIT,
    "first_run._start": SYS,
    "funds.add_fund_entry": EDIT,
    "interviews.corrections.correct_notice": EDIT,
    "interviews.corrections.correct_record": EDIT,
    "interviews.corrections.correct_rectification": EDIT,
    "interviews.lifecycle.add_follow_up": EDIT,
    "interviews.lifecycle.link_document": EDIT,
    "interviews.lifecycle.mark_failed": EDIT,
    "interviews.lifecycle.order_rectification": EDIT,
    "interviews.lifecycle.propose": EDIT,
    "interviews.lifecycle.record_held": EDIT,
    "interviews.lifecycle.schedule": EDIT,
    "interviews.lifecycle.verify_closed": EDIT,
    "meeting_pack.save_items": EDIT,
    "meetings.add_decision": EDIT,
    "meetings.create_meeting": EDIT,
    "meetings.delete_decision": EDIT,
    "meetings.edit_decision": EDIT,
    "meetings.edit_meeting": EDIT,
    "meetings.link_minutes": EDIT,
    "meetings.supervise_decision": EDIT,
    "notices.issuing._issue_once": ISSUE,
    "notices.register.create_draft": ISSUE,
    "notices.register.delete_draft": ISSUE,
    "notices.register.draft_correction": ISSUE,
    "notices.register.update_draft": ISSUE,
    "progress.record_reports": EDIT,
    "settings.save_item_rules": SYS,
    "settings.save_accountability_rules": SYS,
    "settings.save_lamp_rules": SYS,
    "settings.save_office": SYS,
    "settings.save_security": SEC,
    "supervision.close_item": EDIT,
    "supervision.correct_reply": EDIT,
    "supervision.documents.draft_for_item": ISSUE,
    "supervision.edit_item": EDIT,
    "supervision.extensions.check_extension": EDIT,
    "supervision.extensions.decide_extension": APPROVE,
    "supervision.extensions.request_extension": EDIT,
    "supervision.returns.return_reply": EDIT,
    "supervision.returns.urge_item": EDIT,
    "supervision.link_document": EDIT,
    "supervision.raise_item": EDIT,
    "supervision.record_reply": EDIT,
    "supervision.reopen_item": EDIT,
    "tasks.add_milestone": EDIT,
    "tasks.close_project": EDIT,
    "tasks.complete_milestone": EDIT,
    "tasks.create_project": EDIT,
    "tasks.create_task": EDIT,
    "tasks.create_unit": EDIT,
    "tasks.edit_project": EDIT,
    "tasks.edit_task": EDIT,
    "tasks.set_task_status": EDIT,
    "users.change_own_password": ANYONE,
    "users.create_user": SYS,
    "users.lock": SEC,
    "users.rename_user": SYS,
    "users.reset_password": SYS,
    "users.review_account": SEC,
    "users.set_active": SYS,
    "users.set_role": SEC,
    "users.unlock": SEC,
}


def _all_writes() -> dict[str, tuple[object, object]]:
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        importlib.import_module(info.name)
    # Only the program's own writes: tests register throwaway writes of their own (a forced
    # internal error, for one), which a full run imports before this module.
    return {
        k.removeprefix("desktop.services."): v
        for k, v in audit.WRITES.items()
        if k.startswith("desktop.services.")
    }


WRITES = _all_writes()


def test_every_write_is_in_the_matrix() -> None:
    assert set(WRITES) == set(WHO_MAY), (
        f"not in WHO_MAY: {sorted(set(WRITES) - set(WHO_MAY))}; "
        f"gone: {sorted(set(WHO_MAY) - set(WRITES))}"
    )


def test_no_administrator_edits_the_ledger_and_the_auditor_writes_nothing() -> None:
    for name, roles in WHO_MAY.items():
        if roles != ANYONE:
            assert AUDITOR not in roles, name
            assert len(roles & {SYSADMIN, SECADMIN}) <= 1, name


@pytest.fixture(scope="module")
def matrix_ledger(tmp_path_factory: pytest.TempPathFactory):
    """One ledger for the whole matrix: nothing in it changes but the refusals it records."""
    opened = open_ledger(tmp_path_factory.mktemp("matrix") / "ledger.sqlite3", FixedClock(TODAY))
    yield opened
    opened.dispose()


@pytest.fixture(scope="module")
def actors(matrix_ledger) -> dict[Role, Actor]:
    system = system_actor("测试")
    with matrix_ledger.session() as session:
        return {
            role: users.create_user(
                session, system, f"m_{role.value}", role.label, role, "Duban-Test-42"
            )  # fmt: skip
            for role in Role
        }


@pytest.fixture
def session(matrix_ledger):
    with matrix_ledger.session() as s:
        yield s


class _Extra:
    """Passed a dozen times after (session, actor): binding fails before any body runs."""


@pytest.mark.parametrize("name", sorted(WHO_MAY))
def test_each_role_is_let_through_or_refused_and_audited(session, actors, name) -> None:
    write, _permission = WRITES[name]
    for role, actor in actors.items():
        before = session.scalar(select(func.count()).select_from(AuditEntry))
        if role in WHO_MAY[name]:
            with pytest.raises(TypeError):  # through the gate, stopped at the arguments
                write(session, actor, *([_Extra()] * 12))  # type: ignore[operator]
            continue
        with pytest.raises(PermissionDenied, match=role.label):
            write(session, actor, *([_Extra()] * 12))  # type: ignore[operator]
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before + 1
        assert (last.action, last.user_id) == ("refused", actor.user_id), (name, role)
        assert last.entity_id.endswith(name.rsplit(".", 1)[-1])
