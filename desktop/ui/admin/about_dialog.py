"""关于督办台: name, version, the ledger and its schema revision, and the fonts really in use."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from desktop.services.notices import register as notices
from desktop.ui.desk import Desk
from desktop.ui.i18n import tr


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, desk: Desk) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("关于督办台"))
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
        return "\n".join(
            [
                *self.info.lines(),
                tr("界面字体：{f}").format(f=QApplication.font().family()),
                *self.font_lines,
                *self.notes,
            ]
        )

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text())
