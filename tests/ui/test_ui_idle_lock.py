"""Idle lock, lockout at the sign-in dialog, and 注销 / 切换用户 — driven offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from desktop.services import audit
from desktop.ui.auth import idle_lock, session_actions
from desktop.ui.auth.idle_lock import UnlockDialog
from desktop.ui.auth.sign_in import SignInDialog
from tests.fixtures.progress_grid import saved_this_period, sign_in_again, type_unsaved_percent


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


def test_quitting_at_the_lock_asks_nothing_and_keeps_the_grid_for_the_next_sign_in(
    clerk_window, qtbot, monkeypatch, unsaved_answers, confirmations
) -> None:
    """取消 at the lock, then 退出督办台: nobody is signed in, so nothing is saved and no
    保存 / 不保存 / 取消 is asked; the typed lines are kept and offered back at the next sign-in."""
    from decimal import Decimal

    page, task_id = type_unsaved_percent(clerk_window, "77.5")

    def cancel_then_quit(d: UnlockDialog) -> int:
        d.reject()  # 取消: still locked
        assert d.isVisible() or d.result() != QDialog.DialogCode.Accepted
        d.quit_button.click()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(UnlockDialog, "exec", cancel_then_quit)
    clerk_window.idle_lock.set_timeout_ms(30)
    qtbot.waitUntil(lambda: not clerk_window.isVisible(), timeout=5000)
    assert unsaved_answers.asked == [] and confirmations.asked == []  # nothing to answer
    assert _actions(clerk_window, 1) == ["sign_out"]  # nothing written after the lock
    assert not saved_this_period(clerk_window, page, task_id)

    offered, restored = sign_in_again(clerk_window, qtbot, monkeypatch)
    assert offered and "1 项" in offered[0]
    assert {d.task_id: d.percent for d in restored.model.dirty_reports()} == {
        task_id: Decimal("77.5")
    }


def test_quitting_at_the_lock_names_edits_without_a_copy_first(
    clerk_window, qtbot, monkeypatch, unsaved_answers, confirmations
) -> None:
    """Typed fields with no copy (a dialog opened outside the signed-in window, which cannot
    know whose copy it would be): 退出督办台 names them; 取消 there stays at the lock with the
    dialog and its text as they were, and nothing is asked as if it could be saved."""
    from desktop.ui.forms import ServiceDialog

    dialog = ServiceDialog(None, "登记资金")
    qtbot.addWidget(dialog)
    typed = QLineEdit()
    QVBoxLayout(dialog).addWidget(typed)
    dialog.show()
    typed.setText("十二万")
    confirmations.append(False)  # 取消: back to the lock
    outcomes: list[bool] = []

    def quit_twice(d: UnlockDialog) -> int:
        d.quit_button.click()
        outcomes.append(d.isVisible() and d.result() != QDialog.DialogCode.Rejected)
        d.password.setText("duban-clerk")
        d.accept()
        return d.result()

    monkeypatch.setattr(UnlockDialog, "exec", quit_twice)
    clerk_window.idle_lock.set_timeout_ms(30)
    qtbot.waitUntil(lambda: bool(outcomes) and not clerk_window.idle_lock.locked, timeout=5000)
    question, items = confirmations.asked[0]
    assert "没有自动保存的副本" in question and items == ["“登记资金”对话框中填写的内容"]
    assert clerk_window.isVisible() and dialog.isVisible() and typed.text() == "十二万"
    assert unsaved_answers.asked == []
    clerk_window.idle_lock.set_timeout_ms(0)


def test_a_dialogs_typed_fields_are_kept_at_the_lock_and_offered_at_the_next_sign_in(
    clerk_window, qtbot, monkeypatch, unsaved_answers, confirmations
) -> None:
    """退出督办台 with a dialog open in the window: its fields are kept as a copy (nothing asked,
    nothing named as lost, no password written), and the same dialog offers them back."""
    from desktop.services import autosave as copies
    from desktop.ui import autosave
    from desktop.ui.forms import ServiceDialog
    from desktop.ui.main_window import MainWindow

    def fund_dialog(parent):  # type: ignore[no-untyped-def]
        dialog = ServiceDialog(parent, "登记资金")
        amount, secret = QLineEdit(), QLineEdit()
        secret.setEchoMode(QLineEdit.EchoMode.Password)
        layout = QVBoxLayout(dialog)
        layout.addWidget(amount)
        layout.addWidget(secret)
        dialog.show()
        qtbot.wait(10)  # the copy starts once the dialog has painted
        return dialog, amount, secret

    _dialog, amount, secret = fund_dialog(clerk_window)
    amount.setText("十二万")
    secret.setText("口令不落盘")

    def quit_at_lock(d: UnlockDialog) -> int:
        d.quit_button.click()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(UnlockDialog, "exec", quit_at_lock)
    clerk_window.idle_lock.set_timeout_ms(30)
    qtbot.waitUntil(lambda: not clerk_window.isVisible(), timeout=5000)
    assert confirmations.asked == [] and unsaved_answers.asked == []
    folder = copies.folder_for(clerk_window.desk.ledger.path, "")
    kept = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.json"))
    assert "十二万" in kept and "口令不落盘" not in kept

    offered: list[str] = []
    monkeypatch.setattr(autosave, "offer", lambda _p, what: offered.append(what) or True)
    again = MainWindow(clerk_window.desk, remember=False)  # the clerk signs in again
    qtbot.addWidget(again)
    again.idle_lock.set_timeout_ms(0)
    _dialog, amount, secret = fund_dialog(again)
    qtbot.waitUntil(lambda: bool(offered), timeout=2000)
    assert offered == ["“登记资金”对话框中填写的内容"]
    assert amount.text() == "十二万" and secret.text() == ""
