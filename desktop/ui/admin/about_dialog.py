"""关于督办台: name, version, the ledger and its schema revision, and the fonts really in use."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.fonts import ROLE_LABEL
from desktop.services import about
from desktop.services.about import AboutInfo
from desktop.services.ledger import Ledger
from desktop.services.notices import register as notices
from desktop.ui.desk import Desk
from desktop.ui.errors import log_path
from desktop.ui.i18n import current_language, tr


def runtime_lines() -> list[str]:
    """Qt, the system and where the log is: for the About text, the log banner and IT."""
    return [
        f"Qt {qVersion()}，PySide6 {PySide6.__version__}，平台插件 {QGuiApplication.platformName()}",
        f"系统：{platform.platform()}（{platform.machine()}）",
        f"界面语言：{current_language()}，界面字体：{QApplication.font().family()}",
        f"日志：{log_path()}",
    ]


def font_lines(ledger: Ledger) -> tuple[list[str], list[str]]:
    """The document fonts really in use (role: font (where from)), and substitution notes."""
    with ledger.session() as session:
        fonts = notices.fonts_for(session)  # the same choice the circulars are rendered with
    lines = []
    for role, choice in fonts.fonts.items():
        label, _official = ROLE_LABEL[role]
        source = "随程序提供" if choice.shipped else str(choice.path)
        lines.append(f"{label}：{choice.display_name or choice.path.stem}（{source}）")
    return lines, list(fonts.notes)


def about_text(desk: Desk) -> str:
    """The About dialog's copied text: what IT asks first."""
    fonts, notes = font_lines(desk.ledger)
    return "\n".join([*about.about(desk.ledger).lines(), *runtime_lines(), *fonts, *notes])


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, desk: Desk) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("关于督办台"))
        self.desk = desk
        self.info: AboutInfo = about.about(desk.ledger)
        with desk.session() as session:
            fonts = notices.fonts_for(session)  # the same choice the circulars are rendered with
        layout = QVBoxLayout(self)
        title = QLabel(f"{self.info.name}  {self.info.english_name}")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(QLabel(tr(self.info.description)))

        form = QFormLayout()
        schema = self.info.schema_revision or tr("（未打开台账）")
        if self.info.schema_revision and self.info.schema_revision != self.info.schema_head:
            schema += tr("（程序支持到 {head}）").format(head=self.info.schema_head)
        running = tr("安装包") if self.info.frozen else tr("源代码")
        rows = [
            (tr("版本"), self.info.version),
            (tr("台账文件"), self.info.ledger or tr("（未打开）")),
            (tr("数据结构版本"), schema),
            (tr("数据目录"), self.info.data_dir),
            (tr("运行方式"), f"{running}，Python {self.info.python}"),
            (tr("界面字体"), QApplication.font().family()),
            ("Qt", f"{qVersion()}（PySide6 {PySide6.__version__}）"),
            (tr("操作系统"), platform.platform()),
            (tr("日志文件"), str(log_path())),
        ]
        for label, text in rows:
            form.addRow(label, _value(text))
        layout.addLayout(form)

        box = QGroupBox(tr("公文字体（按“设置”中所选，其次本机字体，再次随程序提供的字体）"))
        font_form = QFormLayout(box)
        self.font_lines: list[str] = []
        for role, choice in fonts.fonts.items():
            label, official = ROLE_LABEL[role]
            source = tr("随程序提供") if choice.shipped else str(choice.path)
            text = f"{choice.display_name or choice.path.stem}（{source}）"
            font_form.addRow(tr(label), _value(text))
            self.font_lines.append(f"{label}：{text}")
        layout.addWidget(box)
        self.notes = fonts.notes
        if fonts.notes:
            notes = _value(
                tr("字体替代说明：")
                + "\n"
                + "\n".join(f"· {n}" for n in fonts.notes)
                + "\n"
                + tr("如需标准公文字体，请安装后在“设置”中选择字体文件。")
            )
            notes.setStyleSheet("color: #8a5a00;")
            layout.addWidget(notes)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(tr("复制以上信息"))
        copy.setToolTip(tr("复制到剪贴板，便于向技术支持说明情况"))
        copy.clicked.connect(self.copy)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def text(self) -> str:
        return about_text(self.desk)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text())
