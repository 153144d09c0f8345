"""Idle lock: after the 安全管理员's idle time without input the window hides its content behind a
sign-in for the same user. Nothing is closed, so nothing typed is lost.

退出督办台 at the lock quits while nobody is signed in: no 保存 / 不保存 / 取消 (nobody may
save); the progress grid and 公文 drafts keep their crash-safe copies for the next sign-in, and
edits without a copy are named first, so the clerk can unlock and save them instead."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.services import identity, settings
from desktop.ui import confirm, unsaved
from desktop.ui.forms import ServiceDialog, ok_cancel
from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
    QEvent.Type.TouchBegin,
}


_last_input = time.monotonic()


def seconds_since_input() -> float:
    """Since the last key, click, wheel or mouse move in any window (desktop/ui/idle.py
    waits for a pause with it; one filter on every event is enough of a cost)."""
    return time.monotonic() - _last_input


class IdleLock(QObject):
    """Watches the application's input; a quiet spell of ``timeout_ms`` locks the window."""

    def __init__(self, window: MainWindow, timeout_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_timeout_ms(timeout_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self.timer.stop()
        self.timer.setInterval(max(0, timeout_ms))
        if timeout_ms > 0:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT:
            global _last_input
            _last_input = time.monotonic()
            if not self.locked and self.timer.interval() > 0:
                self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked or not self.window.isVisible():
            return
        self.locked = True
        covers = _cover_everything(self.window)
        with self.window.desk.session() as session:
            identity.sign_out(session, self.window.desk.actor, "空闲锁屏")
        self.window.signed_in = False
        dialog = UnlockDialog(self.window)
        unlocked = dialog.exec() == ServiceDialog.DialogCode.Accepted
        self.window.signed_in = unlocked
        for restore in covers:
            restore()
        self.locked = False
        if unlocked:
            self.timer.start()
        else:
            self.window.close()


def _cover_everything(window: MainWindow) -> list[Callable[[], None]]:
    """Hide the window's content and every open dialog's behind a plain cover (dialogs are not
    hidden: hiding one ends its exec() and drops what was typed in it)."""
    central = window.centralWidget()
    assert central is not None
    central.hide()
    window.menuBar().setEnabled(False)

    def show_window() -> None:
        central.show()
        window.menuBar().setEnabled(True)

    restores: list[Callable[[], None]] = [show_window]
    for widget in QApplication.topLevelWidgets():
        if widget is window or not widget.isVisible() or isinstance(widget, UnlockDialog):
            continue
        restores.append(_cover(widget))
    return restores


def _cover(widget: QWidget) -> Callable[[], None]:
    cover = QLabel(tr("已锁定"), widget)
    cover.setObjectName("idleCover")
    cover.setStyleSheet("background: #f3f3f3; color: #888; font-size: 14pt;")
    cover.setGeometry(widget.rect())
    cover.show()
    cover.raise_()
    was_enabled = widget.isEnabled()
    widget.setEnabled(False)

    def uncover() -> None:
        cover.setParent(None)
        widget.setEnabled(was_enabled)

    return uncover


class UnlockDialog(ServiceDialog):
    """The same user signs in again (same lockout and audit as the sign-in dialog)."""

    guard_unsaved = False  # a typed password is nothing to keep

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, tr("督办台已锁定"))
        self.desk = window.desk
        self.main_window = window
        actor = window.desk.actor
        form = QFormLayout(self)
        note = QLabel(tr("长时间没有操作，督办台已锁定。请输入密码解锁，未保存的内容都还在。"))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(tr("用户"), QLabel(f"{actor.display_name}（{actor.username}）"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("密码"), self.password)
        self.fields = {"password": self.password}
        form.addRow(self.error)
        buttons = ok_cancel(self)
        self.quit_button = QPushButton(tr("退出督办台"))
        self.quit_button.clicked.connect(self.quit_desk)
        buttons.addButton(self.quit_button, buttons.ButtonRole.DestructiveRole)
        form.addRow(buttons)
        self.setMinimumWidth(380)

    def submit(self) -> None:
        with self.desk.session() as session:
            identity.sign_in(session, self.desk.actor.username, self.password.text())

    def accept(self) -> None:
        super().accept()
        if self.result() != ServiceDialog.DialogCode.Accepted:
            self.password.clear()
            self.password.setFocus()

    def reject(self) -> None:
        """Esc or 取消 leaves the desk locked; only 退出督办台 gives up."""

    def quit_desk(self) -> None:
        """退出督办台: what keeps a copy keeps it for the next sign-in; edits without one are
        named first (to save them, the clerk unlocks instead)."""
        holders = [h for h in self.main_window.unsaved_holders() if h is not self]
        lost = unsaved.keep_for_later(holders)
        question = tr(
            "以下修改尚未保存，也没有自动保存的副本，退出后将丢失。"
            "要保存它们，请选“取消”，输入密码解锁后保存。\n仍要退出督办台吗？"
        )
        if lost and not confirm.confirm(self, tr("退出督办台"), question, lost):
            return
        super().reject()


def install(window: MainWindow) -> IdleLock:
    with window.desk.session() as session:
        minutes = settings.security(session).idle_lock_minutes
    return IdleLock(window, minutes * 60 * 1000)


def cover_widget_names(widget: QWidget) -> list[str]:
    return [c.objectName() for c in widget.findChildren(QLabel) if c.objectName() == "idleCover"]
