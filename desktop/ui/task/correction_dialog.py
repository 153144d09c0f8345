"""更正/撤回: a saved progress report or fund entry of the task, corrected or withdrawn with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from desktop.services import corrections
from desktop.services.funds import FundEntryInfo, parse_wan, yuan_to_wan
from desktop.services.percents import percent_text
from desktop.services.periods import Period
from desktop.services.progress import ReportInput
from desktop.services.timeline import TaskDetail
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, ok_cancel
from desktop.ui.i18n import tr

CORRECT, WITHDRAW = "correct", "withdraw"


class CorrectRecordDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, desk: Desk, detail: TaskDetail) -> None:
        super().__init__(
            parent,
            tr("更正或撤回已保存的记录 — {code} {title}").format(
                code=detail.row.code, title=detail.row.title
            ),
        )
        self.desk, self.task_id = desk, detail.row.id
        self.record = QComboBox()
        for r in detail.reports:
            label = tr("进度：{period} {p}%").format(
                period=Period.parse(r.period).label, p=percent_text(r.percent)
            )
            self.record.addItem(label, r)
        for e in detail.fund_entries:
            label = tr("资金：{day} {source}{kind} {wan} 万元").format(
                day=e.entry_date.isoformat(),
                source=e.source.label,
                kind=e.kind.label,
                wan=yuan_to_wan(e.amount),
            )
            self.record.addItem(label, e)
        self.mode = QComboBox()
        self.mode.addItem(tr("更正"), CORRECT)
        self.mode.addItem(tr("撤回（视为未报送 / 未登记）"), WITHDRAW)
        self.value = QLineEdit()
        self.text = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("必填，如：单位来函更正、录入错误"))
        form = QFormLayout(self)
        form.addRow(tr("记录"), self.record)
        form.addRow(tr("操作"), self.mode)
        self.value_label = tr("新数值")
        form.addRow(self.value_label, self.value)
        form.addRow(tr("新说明"), self.text)
        form.addRow(tr("理由"), self.reason)
        self.fields = {"reason": self.reason, "percent": self.value, "amount": self.value}
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.record.currentIndexChanged.connect(lambda _i: self._show_record())
        self.mode.currentIndexChanged.connect(lambda _i: self._show_record())
        self._show_record()

    def _show_record(self) -> None:
        chosen = self.record.currentData()
        correcting = self.mode.currentData() == CORRECT
        self.value.setEnabled(correcting)
        self.text.setEnabled(correcting)
        if isinstance(chosen, ReportInput):
            self.value.setText(percent_text(chosen.percent))
            self.value.setPlaceholderText(tr("完成百分比，0–100，可带一位小数"))
            self.text.setText(chosen.progress)
        elif isinstance(chosen, FundEntryInfo):
            self.value.setText(yuan_to_wan(chosen.amount))
            self.value.setPlaceholderText(tr("万元；写明“元”则按元"))
            self.text.setText(chosen.note)

    def submit(self) -> None:
        chosen = self.record.currentData()
        reason, correcting = self.reason.text(), self.mode.currentData() == CORRECT
        actor = self.desk.actor
        with self.desk.session() as session:
            if isinstance(chosen, ReportInput):
                if not correcting:
                    corrections.withdraw_report(session, actor, self.task_id, chosen.period, reason)
                    return
                changes: dict[str, object] = {"progress": self.text.text().strip()}
                changes["percent"] = self.value.text()  # the service reads 62.5, 62.5% or 60
                corrections.correct_report(
                    session, actor, self.task_id, chosen.period, reason, **changes
                )
            elif isinstance(chosen, FundEntryInfo):
                if not correcting:
                    corrections.withdraw_fund_entry(session, actor, chosen.id, reason)
                    return
                corrections.correct_fund_entry(
                    session,
                    actor,
                    chosen.id,
                    reason,
                    amount=parse_wan(self.value.text()),
                    note=self.text.text().strip(),
                )
