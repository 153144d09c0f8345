"""Before a draft is saved and before it is issued: the characters another font will print (and
those none can), each with its face and its place, for the clerk to confirm or go back to."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import tr
from desktop.ui.notices.glyph_list import MISSING_COLOUR

if TYPE_CHECKING:
    from desktop.documents.coverage import CoverageReport, GlyphIssue


class Action(Enum):
    SAVE = "save"
    ISSUE = "issue"


class FontCheckDialog(QDialog):
    """One row a character: 缺字 first (red), then those a fallback face prints.

    确认保存 / 确认印发 accepts; 返回修改 rejects, and the page then puts the cursor on the
    first character listed. Characters no font has make 印发 impossible: only 返回修改 is left.
    """

    def __init__(
        self, parent: QWidget | None, report: CoverageReport, action: Action, question: str = ""
    ) -> None:
        super().__init__(parent)
        self.issues: list[GlyphIssue] = [*report.missing, *report.fallback]
        self.blocked = action == Action.ISSUE and bool(report.missing)
        self.setWindowTitle(tr("不能印发") if self.blocked else tr("核对代印字符"))
        self.message = QLabel(self._message(report, action, question))
        self.message.setWordWrap(True)
        self.table = QTableWidget(len(self.issues), 3)
        self.table.setHorizontalHeaderLabels([tr("字符"), tr("印出字体"), tr("位置")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, issue in enumerate(self.issues):
            cells = [
                f"{issue.ch}  U+{ord(issue.ch):04X}",
                issue.font or tr("无字体可印（印成“□”）"),
                tr("{place}第{n}字").format(place=issue.place, n=issue.offset + 1)
                + ("" if issue.field else tr("（取自设置）")),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if issue.font is None:
                    item.setForeground(QBrush(MISSING_COLOUR))
                self.table.setItem(row, column, item)

        buttons = QDialogButtonBox()
        self.back_button = QPushButton(tr("返回修改"))
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button: QPushButton | None = None
        if not self.blocked:
            label = tr("确认保存") if action == Action.SAVE else tr("确认印发")
            self.ok_button = QPushButton(label)
            buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button.setDefault(True)  # Enter never confirms by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 360)

    def _message(self, report: CoverageReport, action: Action, question: str) -> str:
        parts = []
        if report.missing:
            parts.append(
                tr(
                    "红色的 {n} 处字符没有任何可用字体能够印出，会印成“□”，不能印发。"
                    "请改用规范字，或在 设置 → 字体 中指定含这些字的字体文件。"
                ).format(n=len(report.missing))
            )
        if report.fallback:
            parts.append(
                tr("{n} 处字符本机公文字体缺字，将由下列相近字体代印，请逐一核对。").format(
                    n=len(report.fallback)
                )
            )
        if self.blocked:
            parts.append(tr("“返回修改”将光标移到第一个字处。"))
        elif action == Action.SAVE:
            parts.append(tr("确认后保存草稿；“返回修改”不保存，光标移到第一个字处。"))
        else:
            parts.append(question)
        return "\n\n".join(p for p in parts if p)


def ask(parent: QWidget | None, report: CoverageReport, action: Action, question: str = "") -> bool:
    """True when the clerk confirms; False for 返回修改 (always, when 印发 is blocked)."""
    dialog = FontCheckDialog(parent, report, action, question)
    return dialog.exec() == QDialog.DialogCode.Accepted and not dialog.blocked
