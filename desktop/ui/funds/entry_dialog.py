"""Register a fund entry (budget, arrival or spending) for one task."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services import funds, tasks
from desktop.services.enums import FundKind, FundSource
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, date_edit, date_of, ok_cancel
from desktop.ui.i18n import tr


class FundEntryDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, desk: Desk, task_id: int) -> None:
        with desk.session() as session:
            task = tasks.task_input(session, task_id)
            named = f"{task.code} {task.title}"
        super().__init__(parent, tr("登记资金 — {task}").format(task=named))
        self.desk, self.task_id = desk, task_id
        self.task_label = QLabel(named)
        self.task_label.setWordWrap(True)
        self.kind = QComboBox()
        for kind in FundKind:
            self.kind.addItem(tr(kind.label), kind)
        self.kind.setCurrentIndex(self.kind.findData(FundKind.ARRIVED))
        self.source = QComboBox()
        for source in FundSource:
            self.source.addItem(tr(source.label), source)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(tr("万元，如 125 或 12.5；按元填写请写明“元”，如 1250000元"))
        self.entry_date = date_edit(desk.today)
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.addRow(tr("任务"), self.task_label)
        form.addRow(tr("类别"), self.kind)
        form.addRow(tr("来源"), self.source)
        form.addRow(tr("金额（万元）"), self.amount)
        form.addRow(tr("日期"), self.entry_date)
        form.addRow(tr("说明"), self.note)
        self.fields = {"amount": self.amount, "entry_date": self.entry_date}
        form.addRow(self.error)
        form.addRow(ok_cancel(self))

    def submit(self) -> None:
        with self.desk.session() as session:
            funds.add_fund_entry(
                session,
                self.desk.actor,
                self.task_id,
                FundKind(self.kind.currentData()),  # Qt hands a str enum back as a plain str
                FundSource(self.source.currentData()),
                funds.parse_wan(self.amount.text()),
                date_of(self.entry_date),
                self.note.text(),
            )
