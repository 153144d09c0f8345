"""First use: the office's existing ledger spreadsheet imported in five steps — file, sheet and
header row, column mapping (prefilled, remembered), year / cut-off / units (ledger_options.py),
preview — then one transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.services.auth import Permission
from desktop.services.excel import ledger_import, ledger_mapping
from desktop.services.excel.ledger_import import LedgerPreview, LedgerResult, LedgerRow, SheetInfo
from desktop.services.excel.ledger_mapping import FIELDS, REQUIRED, LedgerMapping
from desktop.ui.actions import ActionSpec
from desktop.ui.calls import call
from desktop.ui.desk import Desk
from desktop.ui.excel.ledger_options import OptionsStep
from desktop.ui.forms import error_label
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table import RIGHT, Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

T = TypeVar("T")
XLSX_FILTER = QT_TR_NOOP("Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)")
NOT_IMPORTED = QT_TR_NOOP("（不导入）")
CHANGE_LABELS = {
    "new": QT_TR_NOOP("新增"),
    "exists": QT_TR_NOOP("已有，跳过"),
    "rejected": QT_TR_NOOP("有误"),
    "skipped": QT_TR_NOOP("不导入"),
}
_ORDER = {"rejected": 0, "new": 1, "exists": 2, "skipped": 3}
_COLOURS = {"rejected": "#B00020", "new": "#1B5E20"}


def _colour(row: LedgerRow) -> QBrush | None:
    colour = _COLOURS.get(row.change)
    return QBrush(QColor(colour)) if colour else None


PREVIEW_COLUMNS: list[Column[LedgerRow]] = [
    Column(QT_TR_NOOP("行"), lambda r: str(r.row), lambda r: r.row, RIGHT, width=50),
    Column(QT_TR_NOOP("结果"), lambda r: tr(CHANGE_LABELS[r.change]), lambda r: _ORDER[r.change],
           foreground=_colour, width=80),
    Column(QT_TR_NOOP("任务编号"), lambda r: r.code, lambda r: r.code, width=80),
    Column(QT_TR_NOOP("任务名称"), lambda r: r.title, lambda r: r.title, width=260, tooltip=lambda r: r.title),
    Column(QT_TR_NOOP("牵头单位"), lambda r: r.lead_unit, lambda r: r.lead_unit, width=130),
    Column(QT_TR_NOOP("说明"), lambda r: r.detail, lambda r: r.detail, tooltip=lambda r: r.detail),
]  # fmt: skip


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #666;")
    return label


class _Step(QWizardPage):
    """A wizard page whose ``Next`` may call a service; a domain error stays on the page."""

    def __init__(self, wizard: LedgerImportWizard, title: str, subtitle: str) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.layout_ = QVBoxLayout(self)
        self.error = error_label()

    def guarded(self, work: Callable[[], T]) -> T | None:
        """A service call whose domain error stays on the page (desktop/ui/calls.py)."""
        return call(self, work, self.error, busy=True)[1]


class FileStep(_Step):
    def __init__(self, wizard: LedgerImportWizard) -> None:
        super().__init__(
            wizard,
            tr("选择原有台账"),
            tr("选择本办原来用 Excel/WPS 记的任务台账（.xlsx）。导入前会先预览，不会改动原文件。"),
        )
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("台账文件路径"))
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.error)
        self.layout_.addStretch(1)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("选择原有台账"), "", tr(XLSX_FILTER))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        path = Path(self.path.text().strip())
        if not path.is_file():
            self.error.setText(tr("找不到文件“{path}”。").format(path=path))
            self.error.show()
            return False
        sheets = self.guarded(lambda: ledger_import.inspect(path))
        if sheets is not None and not sheets:
            self.error.setText(tr("“{name}”中没有可见的工作表。").format(name=path.name))
            self.error.show()
            return False
        if sheets is None:
            return False
        self.w.path, self.w.sheets = path, sheets
        return True


class SheetStep(_Step):
    def __init__(self, wizard: LedgerImportWizard) -> None:
        super().__init__(
            wizard,
            tr("工作表与表头"),
            tr("选择任务所在的工作表，以及列名（任务名称、牵头单位……）所在的行。"),
        )
        form = QFormLayout()
        self.sheet = QComboBox()
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1)
        form.addRow(tr("工作表"), self.sheet)
        form.addRow(tr("表头所在行"), self.header_row)
        self.layout_.addLayout(form)
        self.headers = QLabel()
        self.headers.setWordWrap(True)
        self.headers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(QLabel(tr("该行的内容：")))
        self.layout_.addWidget(self.headers)
        self.layout_.addWidget(self.error)
        self.layout_.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)  # a large file is read again only after the clicks stop
        self._timer.timeout.connect(self._show_headers)
        self.sheet.currentIndexChanged.connect(lambda _i: self._sheet_changed())
        self.header_row.valueChanged.connect(lambda _v: self._timer.start())

    def initializePage(self) -> None:  # noqa: N802
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for info in self.w.sheets:
            self.sheet.addItem(tr("{name}（{rows} 行）").format(name=info.name, rows=info.rows))
        self.sheet.blockSignals(False)
        self._sheet_changed()

    def info(self) -> SheetInfo:
        return self.w.sheets[max(self.sheet.currentIndex(), 0)]

    def _sheet_changed(self) -> None:
        info = self.info()
        self.header_row.blockSignals(True)
        self.header_row.setRange(1, max(info.rows, 1))
        self.header_row.setValue(info.header_row)  # the service's guess
        self.header_row.blockSignals(False)
        self._show(info.headers)

    def _show(self, headers: list[str]) -> None:
        texts = [h for h in headers if h]
        self.headers.setText(" ｜ ".join(texts) if texts else tr("（该行为空）"))

    def _show_headers(self) -> None:
        info = self.info()
        found = self.guarded(
            lambda: ledger_import.read_headers(self.w.path, info.name, self.header_row.value())
        )
        if found is not None:
            self._show(found)

    def validatePage(self) -> bool:  # noqa: N802
        self._timer.stop()
        info = self.info()
        row = self.header_row.value()
        headers = self.guarded(lambda: ledger_import.read_headers(self.w.path, info.name, row))
        if headers is None:
            return False
        if not any(headers):
            self.error.setText(tr("第 {row} 行是空的，请选择列名所在的行。").format(row=row))
            self.error.show()
            return False
        self.w.sheet, self.w.header_row, self.w.headers = info.name, row, headers
        return True


class MappingStep(_Step):
    def __init__(self, wizard: LedgerImportWizard) -> None:
        super().__init__(
            wizard,
            tr("列的对应"),
            tr("为每个字段选择表中对应的列（带 * 的必须选择）。已按列名和上次的选择预先填好，"
               "导入后会记住本次的对应。"),
        )  # fmt: skip
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.combos: dict[str, QComboBox] = {}
        for key, (label, _aliases) in FIELDS.items():
            combo = QComboBox()
            combo.setMinimumContentsLength(16)
            combo.setMinimumWidth(320)
            self.combos[key] = combo
            self.form.addRow(tr(label) + (" *" if key in REQUIRED else ""), combo)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        with self.w.desk.session() as session:
            suggested = ledger_mapping.suggest(
                session, self.w.sheet, self.w.header_row, self.w.headers
            )
        headers = [h for h in self.w.headers if h]
        for key, combo in self.combos.items():
            combo.clear()
            combo.addItem(tr(NOT_IMPORTED), "")
            for header in headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(combo.findData(suggested.columns.get(key, "")), 0))

    def mapping(self) -> LedgerMapping:
        columns = {k: c.currentData() for k, c in self.combos.items() if c.currentData()}
        return LedgerMapping(self.w.sheet, self.w.header_row, columns)

    def validatePage(self) -> bool:  # noqa: N802
        mapping = self.mapping()

        def read() -> LedgerPreview:
            mapping.check(self.w.headers)
            with self.w.desk.session() as session:
                return ledger_import.preview_ledger(session, self.w.path, mapping)

        preview = self.guarded(read)
        if preview is None:
            return False
        self.w.preview = preview
        return True


class PreviewStep(_Step):
    def __init__(self, wizard: LedgerImportWizard) -> None:
        super().__init__(
            wizard,
            tr("预览"),
            tr(
                "核对将要导入的任务。全部无误才能导入；导入在一个事务中完成，要么全部成功，要么不变。"
            ),
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.model = RowTableModel[LedgerRow](PREVIEW_COLUMNS, self)
        self.table = DataTable(self.model)
        self.layout_.addWidget(self.table, 1)
        self.creates = _hint("")
        self.layout_.addWidget(self.creates)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #B00020;")
        self.layout_.addWidget(self.problems)
        self.layout_.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802
        preview = self.w.preview
        assert preview is not None
        self.model.set_rows(sorted(preview.rows, key=lambda r: (_ORDER[r.change], r.row)))
        self.summary.setText(
            tr("“{file}”工作表“{sheet}”：新增 {new} 项，已有 {exists} 项（跳过），有误 {bad} 项，"
               "脚注和合计等不导入的行 {skipped} 行。")
            .format(file=preview.file, sheet=preview.mapping.sheet, new=preview.count("new"),
                    exists=preview.count("exists"), bad=preview.count("rejected"),
                    skipped=preview.count("skipped"))
        )  # fmt: skip
        self.creates.setText(
            tr("将新建单位：{units}\n将新建重点工程：{projects}").format(
                units="、".join(preview.new_units) or tr("无"),
                projects="、".join(preview.new_projects) or tr("无"),
            )
            + (
                tr("\n完成比例、进展和资金按截至 {day} 导入。").format(day=preview.cutoff)
                if preview.cutoff
                else ""
            )
        )
        if preview.problems:
            self.problems.setText(
                tr("有 {n} 行有误，不能导入。请在原表中改正后返回上一步重新预览：").format(
                    n=len(preview.problems)
                )
                + "\n"
                + "\n".join(preview.problems[:8])
            )
        elif not preview.count("new"):
            self.problems.setText(tr("表中的任务台账里都已有，无需导入。"))
        else:
            self.problems.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        preview = self.w.preview
        return preview is not None and not preview.problems and preview.count("new") > 0

    def validatePage(self) -> bool:  # noqa: N802
        preview = self.w.preview
        assert preview is not None

        def apply() -> LedgerResult:
            with self.w.desk.session() as session:
                return ledger_import.apply_ledger(session, self.w.desk.actor, preview)

        result = self.guarded(apply)
        if result is None:
            return False
        self.w.outcome = result
        return True


class LedgerImportWizard(QWizard):
    def __init__(self, parent: QWidget | None, desk: Desk) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(tr("导入原有台账"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("导入"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("取消"))
        self.path = Path()
        self.sheets: list[SheetInfo] = []
        self.sheet, self.header_row = "", 1
        self.headers: list[str] = []
        self.preview: LedgerPreview | None = None
        self.outcome: LedgerResult | None = None
        self.file_step = FileStep(self)
        self.sheet_step = SheetStep(self)
        self.mapping_step = MappingStep(self)
        self.options_step = OptionsStep(self)
        self.preview_step = PreviewStep(self)
        steps = (self.file_step, self.sheet_step, self.mapping_step, self.options_step,
                 self.preview_step)  # fmt: skip
        for step in steps:
            self.addPage(step)
        self.resize(980, 620)


def open_wizard(window: MainWindow, path: Path | None = None) -> LedgerResult | None:
    """From the 文件 menu or the 任务台账 page; the whole desk reloads after an import."""
    wizard = LedgerImportWizard(window, window.desk)
    if path is not None:
        wizard.file_step.path.setText(str(path))
    wizard.exec()
    outcome = wizard.outcome
    if outcome is not None:
        window.data_changed()
        QMessageBox.information(window, tr("导入原有台账"), outcome.message)
    return outcome


FILE_ACTION = ActionSpec(
    QT_TR_NOOP("导入原有台账（首次使用）…"), open_wizard, Permission.EDIT_LEDGER
)
TASKS_ACTION = ActionSpec(QT_TR_NOOP("导入原有台账…"), open_wizard, Permission.EDIT_LEDGER)
