"""Idle lock, lockout at the sign-in dialog, and 注销 / 切换用户 — driven offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from desktop.services import audit
from desktop.ui.auth import idle_lock, session_actions
from desktop.ui.auth.idle_lock import UnlockDialog
from desktop.ui.auth.sign_in import SignInDialog


def _actions(window, n: int) -> list[str]:
    with window.desk.session() as session:
        return [r.action for r in audit.recent(session, n)][::-1]


def test_idle_window_hides_its_content_and_keeps_what_was_typed(
    clerk_window, qtbot, monkeypatch
) -> None:
    typed = QLineEdit()
    dialog = QDialog(clerk_window)
    QVBoxLayout(dialog).addWidget(typed)
    dialog.show()
    typed.setText("尚未保存的督办意见")
    seen: list[tuple[bool, list[str], bool]] = []

    def unlock(d: UnlockDialog) -> int:
        seen.append((clerk_window.centralWidget().isVisible(),
                     idle_lock.cover_widget_names(dialog), dialog.isEnabled()))  # fmt: skip
        d.reject()  # Esc: stays locked
        d.password.setText("wrong-one")
        d.accept()
        assert "用户名或密码不正确" in d.error.text()
        d.password.setText("duban-clerk")
        d.accept()
        return d.result()

    monkeypatch.setattr(UnlockDialog, "exec", unlock)
    clerk_window.idle_lock.set_timeout_ms(30)  # the policy's 10 minutes, made short
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] == (False, ["idleCover"], False)  # content hidden, the dialog covered
    qtbot.waitUntil(lambda: not clerk_window.idle_lock.locked, timeout=5000)
    assert clerk_window.centralWidget().isVisible() and dialog.isEnabled()
    assert dialog.isVisible() and typed.text() == "尚未保存的督办意见"
    assert not idle_lock.cover_widget_names(dialog)
    assert _actions(clerk_window, 3) == ["sign_out", "sign_in_failed", "sign_in"]
    clerk_window.idle_lock.set_timeout_ms(0)


def test_input_restarts_the_idle_clock(clerk_window, qtbot) -> None:
    lock = clerk_window.idle_lock
    lock.set_timeout_ms(60_000)
    lock.timer.stop()  # as if the quiet spell were running out
    qtbot.keyClick(clerk_window, Qt.Key.Key_Shift)
    assert lock.timer.isActive() and lock.timer.remainingTime() > 59_000
    lock.set_timeout_ms(0)


def test_the_sign_in_dialog_locks_after_five_failures(demo_ledger, qtbot) -> None:
    dialog = SignInDialog(demo_ledger)
    qtbot.addWidget(dialog)
    dialog.username.setText("clerk")
    for _ in range(4):
        dialog.password.setText("Wrong-Pass-1")
        dialog.accept()
        assert dialog.actor is None and "用户名或密码不正确" in dialog.error.text()
    dialog.password.setText("Wrong-Pass-1")
    dialog.accept()
    assert "30 分钟后再试" in dialog.error.text()
    dialog.password.setText("duban-clerk")
    dialog.accept()
    assert dialog.actor is None and "分钟后再试" in dialog.error.text()
    dialog.username.setText("nobody")  # an unknown name: the same message as a wrong password
    dialog.password.setText("duban-clerk")
    dialog.accept()
    assert dialog.error.text() == "用户名或密码不正确。"


def test_switch_user_signs_out_and_opens_a_window_for_the_next(
    clerk_window, qtbot, monkeypatch
) -> None:
    def as_leader(d: SignInDialog) -> int:
        d.username.setText("leader")
        d.password.setText("duban-leader")
        d.accept()
        return d.result()

    monkeypatch.setattr(SignInDialog, "exec", as_leader)
    item = next(a for a in clerk_window.file_menu.actions() if a.text() == "切换用户…")
    item.trigger()
    successor = clerk_window.next_window
    assert successor is not None and successor.desk.actor.username == "leader"
    qtbot.addWidget(successor)
    assert not clerk_window.isVisible()
    assert _actions(successor, 2) == ["sign_out", "sign_in"]
    successor.idle_lock.set_timeout_ms(0)
    assert any(a.text() == "注销" for a in successor.file_menu.actions())
    monkeypatch.setattr(SignInDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert session_actions.sign_out(successor)  # nobody signs in after: the window just goes
    assert successor.next_window is None and not successor.isVisible()
