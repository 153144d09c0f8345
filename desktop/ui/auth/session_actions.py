"""文件 → 注销 / 切换用户: the signed-in user leaves (recorded), and the sign-in dialog opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.services import identity
from desktop.services.auth import Permission
from desktop.ui.actions import ActionSpec
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.unsaved import keep_for_later

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def sign_out(window: MainWindow, why: str = "注销", forced: bool = False) -> bool:
    """Ask about unsaved work first; then the sign-out is recorded and the window goes.
    A new sign-in (any account) opens a new window on the same ledger.

    ``forced``: the 安全管理员 changed the account, which may no longer write: 保存 / 不保存 /
    取消 cannot be honoured. What keeps a crash-safe copy keeps it (offered back when this
    account signs in again); what has none is named, so nothing goes without a word."""
    if forced:
        window.signed_in = False  # the close below must not ask again
        lost = keep_for_later(window.unsaved_holders())
        if lost:
            QMessageBox.warning(
                window,
                tr("尚未保存的修改"),
                tr(
                    "账号已变更，本账号不能再保存以下修改，它们没有自动保存的副本，"
                    "将随窗口关闭：\n{lost}\n\n其余未保存的内容已留存副本，"
                    "本账号下次登录时可恢复。"
                ).format(lost="\n".join(lost)),
            )
    elif not window.settle_unsaved(tr(why)):
        return False
    from desktop.ui.app import show_main_window
    from desktop.ui.auth.after_sign_in import complete_sign_in
    from desktop.ui.auth.sign_in import SignInDialog
    from desktop.ui.desk import Desk

    desk = window.desk
    with desk.session() as session:
        identity.sign_out(session, desk.actor, why)
    window.idle_lock.timer.stop()
    window.hide()
    dialog = SignInDialog(desk.ledger)
    actor = dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
    if actor is not None and complete_sign_in(None, Desk(desk.ledger, desk.clock, actor)):
        window.next_window = show_main_window(desk.ledger, desk.clock, actor, desk.lock)
    window.remember = window.remember and actor is not None
    window.close()
    return True


def switch_user(window: MainWindow) -> None:
    sign_out(window, "切换用户")


FILE_ACTIONS = [
    ActionSpec(QT_TR_NOOP("切换用户…"), switch_user, Permission.READ),
    ActionSpec(QT_TR_NOOP("注销"), sign_out, Permission.READ),
]
