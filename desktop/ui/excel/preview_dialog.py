"""The import preview: every task row of every file (new, changed, unchanged, refused), sortable,
read before the clerk says yes; refused files can be left out and the rest previewed again."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.excel.import_reports import CHANGE_LABELS, ImportPreview, PreviewRow
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table import Column, DataTable, RowTableModel

_ORDER = {"rejected": 0, "new": 1, "changed": 2, "duplicate": 3, "unchanged": 4, "skipped": 5}
_COLOURS = {"rejected": "#B00020", "new": "#1B5E20", "changed": "#0D47A1"}


def _colour(row: PreviewRow) -> QBrush | None:
    colour = _COLOURS.get(row.change)
    return QBrush(QColor(colour)) if colour else None


COLUMNS: list[Column[PreviewRow]] = [
    Column(QT_TR_NOOP("结果"), lambda r: tr(CHANGE_LABELS[r.change]), lambda r: _ORDER[r.change],
           foreground=_colour, width=60),
    Column(QT_TR_NOOP("文件"), lambda r: r.file, lambda r: r.file, width=200),
    Column(QT_TR_NOOP("位置"), lambda r: f"{r.sheet}!{r.cell}" if r.sheet else "", lambda r: (r.sheet, r.cell),
           width=110),
    Column(QT_TR_NOOP("任务"), lambda r: r.code, lambda r: r.code, width=70),
    Column(QT_TR_NOOP("任务名称"), lambda r: r.title, lambda r: r.title, width=200),
    Column(QT_TR_NOOP("牵头单位"), lambda r: r.unit, lambda r: r.unit, width=130),
    Column(QT_TR_NOOP("说明"), lambda r: r.detail, lambda r: r.detail, tooltip=lambda r: r.detail),
]  # fmt: skip

APPLY, DROP_REFUSED = 1, 2


class ImportPreviewDialog(QDialog):
    """exec() returns APPLY, DROP_REFUSED or 0 (cancel)."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(tr("导入报送表 — 预览"))
        self.resize(1040, 560)
        layout = QVBoxLayout(self)
        counts = "，".join(
            f"{tr(label)} {preview.count(key)}"
            for key, label in CHANGE_LABELS.items()
            if preview.count(key)
        )
        self.summary = QLabel(
            tr("共 {files} 个文件，拒收 {refused} 个；{counts}。").format(
                files=len(preview.files),
                refused=len(preview.refused),
                counts=counts or tr("无内容"),
            )
        )
        layout.addWidget(self.summary)
        self.model = RowTableModel(COLUMNS, self)
        self.model.set_rows(sorted(preview.rows, key=lambda r: _ORDER[r.change]))
        self.table = DataTable(self.model)
        layout.addWidget(self.table, 1)
        if preview.refused:
            note = QLabel(
                tr(
                    "以下文件被拒收。有文件被拒收时不导入任何内容：请让单位改正后重报，或移出这些文件。"
                )
            )
            note.setStyleSheet("color: #B00020;")
            note.setWordWrap(True)
            layout.addWidget(note)
            self.problems = QPlainTextEdit("\n".join(preview.problems))
            self.problems.setReadOnly(True)
            self.problems.setMaximumHeight(120)
            layout.addWidget(self.problems)
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton(tr("导入"))
        self.apply_button.setEnabled(not preview.refused and preview.has_changes)
        self.apply_button.setDefault(self.apply_button.isEnabled())
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.drop_button = QPushButton(tr("移出拒收的文件并重新预览"))
        self.drop_button.setVisible(
            bool(preview.refused) and len(preview.refused) < len(preview.files)
        )
        buttons.addButton(self.drop_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.clicked.connect(lambda: self.done(APPLY))
        self.drop_button.clicked.connect(lambda: self.done(DROP_REFUSED))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not preview.refused and not preview.has_changes:
            self.summary.setText(self.summary.text() + tr(" 内容与台账一致，无需导入。"))
