"""The characters of a saved draft that another font draws, or none can: choosing one puts the
editor's cursor on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCursor
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.documents.coverage import CoverageReport, GlyphIssue

MISSING_COLOUR = QColor(0xC0, 0x00, 0x10)
LIST_HEIGHT = 96  # px: about five rows; the list scrolls


class GlyphList(QListWidget):
    """One row a character: 缺字 (blocks 印发) first, then those a fallback font prints."""

    chosen = Signal(object)  # GlyphIssue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issues: list[GlyphIssue] = []
        self.setMaximumHeight(LIST_HEIGHT)
        self.setToolTip(tr("选择一项，光标即移到正文中该字处"))
        self.currentRowChanged.connect(self._chosen)
        self.itemActivated.connect(lambda item: self._chosen(self.row(item)))
        self.hide()

    def show_report(self, report: CoverageReport | None) -> None:
        self.blockSignals(True)
        self.clear()
        self.issues = [*report.missing, *report.fallback] if report else []
        for issue in self.issues:
            if issue.font is None:
                text = tr("无字可印（不能印发）：{d}").format(d=issue.describe())
            else:
                text = tr("替代字体代印：{d}").format(d=issue.describe())
            item = QListWidgetItem(text)
            if issue.font is None:
                item.setForeground(QBrush(MISSING_COLOUR))
            if not issue.field:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(tr("该处文字取自设置（发文机关、署名等），请在设置中修改"))
            self.addItem(item)
        self.setCurrentRow(-1)
        self.blockSignals(False)
        self.setVisible(bool(self.issues))

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.issues) and self.issues[row].field:
            self.chosen.emit(self.issues[row])


def place_cursor(edit: QLineEdit | QPlainTextEdit, line: int, offset: int) -> None:
    """Select the character at ``offset`` (in characters) of ``line`` (0-based; a line edit
    has one) and give the editor focus."""
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(edit, QLineEdit):
        start, length = _utf16(edit.text(), offset)
        edit.setSelection(start, length)
        return
    block = edit.document().findBlockByNumber(line)
    start, length = _utf16(block.text(), offset)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start)
    cursor.setPosition(block.position() + start + length, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()


def _utf16(text: str, offset: int) -> tuple[int, int]:
    """Qt counts UTF-16 units: a character beyond U+FFFF (𠮷) takes two."""

    def units(s: str) -> int:
        return sum(2 if ord(c) > 0xFFFF else 1 for c in s)

    return units(text[:offset]), units(text[offset : offset + 1]) or 1
