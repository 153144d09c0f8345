"""A package made here or elsewhere, read-only: its catalogue, its four-check report, its PDFs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.archive import ImportPlan, PackageView, VerifyReport
from desktop.services.archive.checks import FAILED, NOT_RUN, PASSED, CheckResult
from desktop.services.archive.importer import NEW
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.notices.pdf import PdfPreview
from desktop.ui.table import Column, DataTable, RowTableModel

COLUMNS = (
    QT_TR_NOOP("序号"),
    QT_TR_NOOP("档号"),
    QT_TR_NOOP("文号"),
    QT_TR_NOOP("题名"),
    QT_TR_NOOP("日期"),
    QT_TR_NOOP("页数"),
)


_STATUS: dict[str, str] = {
    PASSED: QT_TR_NOOP("通过"),
    FAILED: QT_TR_NOOP("未通过"),
    NOT_RUN: QT_TR_NOOP("未检"),
}
_COLOUR: dict[str, QColor] = {FAILED: QColor("#b00020"), NOT_RUN: QColor("#b26a00")}
CHECK_COLUMNS: list[Column[CheckResult]] = [
    Column(QT_TR_NOOP("四性"), lambda r: r.check.group, width=70),
    Column(QT_TR_NOOP("检测项目"), lambda r: r.check.name, width=230),
    Column(
        QT_TR_NOOP("结果"),
        lambda r: tr(_STATUS.get(r.status, r.status)),
        width=80,
        foreground=lambda r: _COLOUR.get(r.status),
    ),
    Column(QT_TR_NOOP("说明"), lambda r: r.reason, tooltip=lambda r: "\n".join(r.findings)),
]


class ReportDialog(QDialog):
    """The DA/T 70 items as a table (each with its result and why), the verdict above and the
    whole report as text below (what `duban archive verify` prints)."""

    def __init__(self, parent: QWidget | None, report: VerifyReport) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("归档包校验"))
        layout = QVBoxLayout(self)
        verdict = QLabel(report.summary())
        verdict.setObjectName("verdict")
        verdict.setWordWrap(True)
        colour = "#1b5e20" if report.authenticated else "#b26a00" if report.ok else "#b00020"
        verdict.setStyleSheet(f"font-weight: bold; color: {colour};")
        layout.addWidget(verdict)
        origin = QLabel(report.encryption_line())  # a transport copy, or a plain package
        origin.setObjectName("origin")
        origin.setWordWrap(True)
        layout.addWidget(origin)
        self.model: RowTableModel[CheckResult] = RowTableModel(CHECK_COLUMNS, self)
        self.model.set_rows(report.results())
        self.checks = DataTable(self.model)
        self.checks.setSortingEnabled(False)
        layout.addWidget(self.checks, 3)
        self.text = QPlainTextEdit(report.text())
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 2)
        self.resize(900, 640)


class ImportPlanDialog(QDialog):
    """What an import would change, before anything changes: 导入 only when nothing refuses it."""

    def __init__(self, parent: QWidget | None, plan: ImportPlan) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("导入归档包"))
        layout = QVBoxLayout(self)
        refusal = plan.refusal
        verdict = QLabel(
            refusal
            or tr("新增 {n} 件，将以只读方式复制到：\n{target}").format(
                n=plan.count(NEW), target=plan.target
            )
        )
        verdict.setWordWrap(True)
        verdict.setStyleSheet(
            "font-weight: bold; color: %s;" % ("#b00020" if refusal else "#1b5e20")
        )
        layout.addWidget(verdict)
        self.text = QPlainTextEdit(plan.text())
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton(tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setEnabled(not refusal)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 520)


class PackageBrowser(QDialog):
    """Browse a verified package; nothing in it can be changed from here."""

    def __init__(self, parent: QWidget | None, view: PackageView) -> None:
        super().__init__(parent)
        self.view = view
        info = view.info
        self.setWindowTitle(tr("归档包（只读）：{name}").format(name=view.path.name))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr("{issuer}　{year}年度　全宗号 {fonds}　共 {n} 件　{summary}").format(
                    issuer=info.issuer,
                    year=info.year,
                    fonds=info.fonds,
                    n=len(info.items),
                    summary=view.report.summary(),
                )
            )
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(len(info.items), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for row, item in enumerate(info.items):
            values = (
                str(item.seq),
                item.code,
                item.number,
                item.title,
                item.day.strftime("%Y%m%d"),
                str(item.pages),
            )
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_item(row))
        split.addWidget(self.table)
        self.preview = PdfPreview()
        split.addWidget(self.preview)
        split.setSizes([760, 390])
        layout.addWidget(split, 1)
        self.resize(1150, 680)
        if info.items:
            self.table.selectRow(0)

    def show_item(self, row: int) -> None:
        if not 0 <= row < len(self.view.items):
            return
        pdfs = [f for f in self.view.items[row].files if f.format == "pdf"]
        if pdfs:
            self.preview.show_pdf(self.view.read(pdfs[0].path))

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        self.view.close()
        super().done(result)
