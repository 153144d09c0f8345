"""安全策略 (the 安全管理员 only): password length and classes, expiry, history, lockout and
the idle lock; OK saves through settings.save_security (permission-checked and audited)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.services import settings
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, ok_cancel
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.settings.fields import DataclassForm

LABELS = {  # the same rules as settings.SECURITY_LABELS, said in the UI's language
    "password_min_length": QT_TR_NOOP("密码最短长度（位）"),
    "password_min_classes": QT_TR_NOOP("密码须含字符类数（大写、小写、数字、符号）"),
    "password_max_age_days": QT_TR_NOOP("密码有效期（天，0 为不过期）"),
    "password_history": QT_TR_NOOP("不得重复使用最近几次的密码"),
    "lockout_attempts": QT_TR_NOOP("连续失败几次后锁定"),
    "lockout_minutes": QT_TR_NOOP("锁定时长（分钟）"),
    "idle_lock_minutes": QT_TR_NOOP("空闲几分钟后锁屏（0 为不锁屏）"),
}


class SecurityPolicyDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, desk: Desk) -> None:
        super().__init__(parent, tr("安全策略"))
        self.desk = desk
        self.setMinimumWidth(460)
        with desk.session() as session:
            policy = settings.security(session)
        layout = QFormLayout(self)
        intro = QLabel(
            tr(
                "由安全管理员设定，对所有账号生效，修改记入操作日志。新的密码规则在下次设置密码时"
                "检查；空闲锁屏与锁定规则立即生效。"
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #666;")
        layout.addRow(intro)
        self.form = DataclassForm(layout, policy, LABELS, editable=True)
        self.fields.update(self.form.widgets)
        layout.addRow(self.error)
        layout.addRow(ok_cancel(self))

    def submit(self) -> None:
        value = self.form.value()
        with self.desk.session() as session:
            settings.save_security(session, self.desk.actor, value)
