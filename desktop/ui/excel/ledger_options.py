"""The ledger wizard's step between the columns and the preview: the year for dates written
without one (6月底, 年底), the cut-off the sheet's percent and funds stand at, and which unit
of the ledger each name the rules could not match means."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from desktop.services import tasks
from desktop.services.excel import ledger_import
from desktop.services.excel.ledger_import import LedgerOptions, LedgerPreview
from desktop.ui.calls import call
from desktop.ui.forms import error_label, qdate
from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.ui.excel.ledger_wizard import LedgerImportWizard

NEW_UNIT = "（新建该单位）"


class OptionsStep(QWizardPage):
    def __init__(self, wizard: LedgerImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("年份、截止日期与单位"))
        self.setSubTitle(
            tr("表中的完成比例、进展和资金将作为截至下面日期的第一次报送和资金记录导入。")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year_note = QLabel()
        form.addRow(tr("没写年份的日期（如“6月底”“年底”）按"), self.year)
        form.addRow("", self.year_note)
        self.cutoff = QDateEdit()
        self.cutoff.setCalendarPopup(True)
        self.cutoff.setDisplayFormat("yyyy-MM-dd")
        form.addRow(tr("表中进度的统计截止日期"), self.cutoff)
        layout.addLayout(form)
        self.matched = QLabel()
        self.matched.setWordWrap(True)
        self.matched.setStyleSheet("color: #666;")
        layout.addWidget(self.matched)
        self.units_form = QFormLayout()
        layout.addLayout(self.units_form)
        self.units: dict[str, QComboBox] = {}
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        preview = self.w.preview
        assert preview is not None
        self.year.setValue(preview.year or self.w.desk.today.year)
        self.year_note.setText(
            tr("（取自表格标题）")
            if preview.year_from_title
            else tr("（表格标题中没有年份，请确认）")
        )
        self.cutoff.setMaximumDate(qdate(self.w.desk.today))
        self.cutoff.setDate(qdate(preview.cutoff or self.w.desk.today))
        self.matched.setText(
            tr("已按简称对应到台账中的单位：")
            + "；".join(f"{a} → {b}" for a, b in preview.matched.items())
            if preview.matched
            else ""
        )
        while self.units_form.rowCount():
            self.units_form.removeRow(0)
        self.units.clear()
        if preview.unmatched:
            self.units_form.addRow(QLabel(tr("台账中找不到以下单位，请选择对应的单位或新建：")))
        with self.w.desk.session() as session:
            known = tasks.list_units(session)
        for name in preview.unmatched:
            combo = QComboBox()
            combo.addItem(tr(NEW_UNIT), None)
            for unit in known:
                combo.addItem(unit.name, unit.id)
            self.units[name] = combo
            self.units_form.addRow(name, combo)

    def options(self) -> LedgerOptions:
        day = self.cutoff.date()
        return LedgerOptions(
            year=self.year.value(),
            cutoff=date(day.year(), day.month(), day.day()),
            units={name: combo.currentData() for name, combo in self.units.items()},
        )

    def validatePage(self) -> bool:  # noqa: N802
        before = self.w.preview
        assert before is not None
        options = self.options()
        options.units = {**before.options.units, **options.units}

        def read() -> LedgerPreview:
            with self.w.desk.session() as session:
                return ledger_import.preview_ledger(
                    session, self.w.path, before.mapping, options=options
                )

        preview = call(self, read, self.error, busy=True)[1]
        if preview is None:
            return False
        self.w.preview = preview
        return True
