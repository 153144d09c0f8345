"""The first start on a new ledger: make its administrator, or fill it with the demo."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop.services import auth, first_run, identity
from desktop.services.auth import Actor
from desktop.services.demo import build as demo
from desktop.services.errors import ValidationError
from desktop.services.ledger import Ledger
from desktop.ui.admin.user_dialogs import policy_hint
from desktop.ui.forms import ServiceDialog, ok_cancel
from desktop.ui.i18n import tr


class FirstRunDialog(ServiceDialog):
    """OK creates the first admin (signed in at once); 使用演示台账 fills the ledger with 江城市."""

    guard_unsaved = False

    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("新建台账"))
        self.ledger = ledger
        self.actor: Actor | None = None
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(tr("如：江城市平安建设领导小组办公室"))
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText(tr("如：平安办"))
        form = QFormLayout(self)
        intro = QLabel(
            tr(
                "这是一个新台账，还没有任何账号。请设置系统管理员账号和它自己的密码；登录后再建立"
                "安全管理员、审计管理员账号（三员分立），并在“用户管理”中增加科员和领导账号。"
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        place = QLabel(tr("台账：{place}").format(place=ledger.location))
        place.setStyleSheet("color: #666;")
        place.setWordWrap(True)
        form.addRow(place)
        form.addRow(tr("系统管理员用户名"), self.username)
        form.addRow(tr("姓名"), self.display_name)
        form.addRow(policy_hint())
        form.addRow(tr("密码"), self.password)
        form.addRow(tr("再输一次密码"), self.again)
        form.addRow(tr("发文机关全称"), self.issuer)
        form.addRow(tr("发文字号机关代字"), self.prefix)
        self.fields = {
            "username": self.username,
            "display_name": self.display_name,
            "password": self.password,
            "again": self.again,
            "issuer_name": self.issuer,
        }
        form.addRow(self.error)
        self.demo_button = QPushButton(tr("改用演示台账（江城市）"))
        self.demo_button.setToolTip(
            tr(
                "在这个台账中生成演示数据（仅供试用：其公开的演示密码不能用在正式台账中）。账号 "
                "admin / duban-admin、security / duban-security、auditor / duban-auditor、"
                "clerk / duban-clerk、leader / duban-leader"
            )
        )
        self.demo_button.clicked.connect(self.use_demo)
        form.addRow(self.demo_button)
        form.addRow(ok_cancel(self))
        self.setMinimumWidth(460)

    def submit(self) -> None:
        if self.password.text() != self.again.text():
            raise ValidationError("两次输入的密码不一致。", field="again")
        if not self.display_name.text().strip():
            raise ValidationError("请填写系统管理员姓名。", field="display_name")
        with self.ledger.session() as session:
            self.actor = first_run.start_ledger(
                session,
                self.username.text(),
                self.display_name.text(),
                self.password.text(),
                self.issuer.text(),
                self.prefix.text(),
            )

    def use_demo(self) -> None:
        with self.ledger.session() as session:
            demo.build_demo(session, auth.system_actor("演示数据"))
            self.actor = identity.sign_in(session, "admin", "duban-admin")
        super().accept()
