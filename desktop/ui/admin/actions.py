"""The admin area's menu items: 修改密码 for everyone, and the About dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.services.auth import Permission
from desktop.ui.actions import ActionSpec
from desktop.ui.admin.about_dialog import AboutDialog
from desktop.ui.admin.user_dialogs import ChangeOwnPasswordDialog
from desktop.ui.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def change_own_password(window: MainWindow) -> None:
    if ChangeOwnPasswordDialog(window, window.desk).exec():
        window.statusBar().showMessage(tr("密码已修改，下次登录请使用新密码。"), 8000)


def show_about(window: MainWindow) -> None:
    AboutDialog(window, window.desk).exec()


# Reading is all a leader may do, and a leader may still change their own password.
FILE_ACTIONS = [ActionSpec(QT_TR_NOOP("修改密码…"), change_own_password, Permission.READ)]
