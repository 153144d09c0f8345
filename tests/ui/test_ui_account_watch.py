"""The open window follows the 安全管理员's changes at once: a new idle time without a restart,
and a demoted or deactivated account refused at its next action and signed out."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.services import settings, tasks, users
from desktop.services.enums import Role
from desktop.ui.auth import account_watch, session_actions
from desktop.ui.calls import write


@pytest.fixture
def signed_out(monkeypatch) -> list[str]:
    """注销 recorded instead of opening the sign-in dialog."""
    ended: list[str] = []
    monkeypatch.setattr(
        session_actions, "sign_out", lambda _w, why, **_forced: ended.append(why) or True
    )
    return ended


def _account(window, username: str) -> int:
    with window.desk.session() as session:
        return next(u.id for u in users.list_users(session) if u.username == username)


def test_a_new_idle_time_takes_effect_in_the_open_window(window_as, signed_out) -> None:
    clerk, security = window_as("clerk"), window_as("security")
    assert clerk.idle_lock.timer.interval() == 10 * 60 * 1000
    with security.desk.session() as session:
        policy = replace(settings.security(session), idle_lock_minutes=3)
        settings.save_security(session, security.desk.actor, policy)
    assert not clerk.account_watch.check()
    assert clerk.idle_lock.timer.interval() == 3 * 60 * 1000 and not signed_out
    assert account_watch.INTERVAL_MS <= 60_000  # and the watch looks at least once a minute


def test_a_demoted_clerk_is_refused_at_the_next_save_and_signed_out(
    window_as, messages, signed_out
) -> None:
    clerk, security = window_as("clerk"), window_as("security")
    with security.desk.session() as session:
        users.set_role(session, security.desk.actor, _account(security, "clerk"), Role.LEADER)
    ok, _ = write(  # the clerk's window still shows the old buttons: the service refuses
        clerk, clerk.desk, clerk,
        lambda s: tasks.create_unit(s, clerk.desk.actor, "市档案馆", "档案馆"),
    )  # fmt: skip
    assert not ok
    assert any("无权修改台账" in m for m in messages), messages
    assert any("角色已由科员改为领导" in m for m in messages), messages
    assert signed_out == ["账号变更"]


def test_a_deactivated_account_is_signed_out_without_waiting_for_a_save(
    window_as, messages, signed_out
) -> None:
    leader, admin = window_as("leader"), window_as("admin")
    with admin.desk.session() as session:
        users.set_active(session, admin.desk.actor, _account(admin, "leader"), False)
    assert leader.account_watch.check()  # what the timer runs every few seconds
    assert any("已停用" in m for m in messages) and signed_out == ["账号变更"]
    assert not leader.account_watch.check()  # said once


def test_a_demoted_clerks_unsaved_work_is_kept_or_named_never_asked_to_save(
    window_as, messages, unsaved_answers, monkeypatch, qtbot
) -> None:
    """The account may no longer write, so 保存 / 不保存 / 取消 is not asked: the progress grid
    keeps its crash-safe copy for the clerk's next sign-in, a dialog's fields (no copy) are named
    in the message, and the window goes to the sign-in dialog."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    from desktop.services import autosave
    from desktop.ui.auth.sign_in import SignInDialog
    from desktop.ui.forms import ServiceDialog
    from desktop.ui.progress.model import PERCENT

    clerk, security = window_as("clerk"), window_as("security")
    page = clerk.show_page("reports")
    unit = next(u for u in page.units.rows if u.missing)
    page.select_unit(unit.unit_id)
    row = next(i for i, line in enumerate(page.model.lines) if line.grid.report is None)
    assert page.model.setData(page.model.index(row, PERCENT), "77.5")
    kept, amount = ServiceDialog(clerk, "登记资金"), QLineEdit()  # in the window: keeps a copy
    QVBoxLayout(kept).addWidget(amount)
    kept.show()
    qtbot.wait(10)
    amount.setText("十二万")
    dialog = ServiceDialog(None, "新建单位")  # outside it: whose copy would it be? named
    qtbot.addWidget(dialog)
    typed = QLineEdit()
    QVBoxLayout(dialog).addWidget(typed)
    dialog.show()
    typed.setText("市档案馆")
    with security.desk.session() as session:
        users.set_role(session, security.desk.actor, _account(security, "clerk"), Role.LEADER)
    monkeypatch.setattr(SignInDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert clerk.account_watch.check()
    assert unsaved_answers.asked == []  # nothing asked that could not be honoured
    assert any("角色已由科员改为领导" in m for m in messages), messages
    named = next(m for m in messages if "账号已变更" in m)
    assert "“新建单位”对话框中填写的内容" in named
    assert "进度报送" not in named and "登记资金" not in named  # those kept a copy
    assert not clerk.isVisible()
    folder = autosave.folder_for(clerk.desk.ledger.path, clerk.desk.ledger.url)
    copies = [p.name for p in folder.glob("clerk-*.json")]
    assert len(copies) == 2, copies  # the grid's and the dialog's
