"""督办… from a task's page: the desk's proposal for this task, and what the chain already holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.services import supervision
from desktop.services.escalation import proposals as escalation
from desktop.services.escalation.proposals import Proposal
from desktop.services.interviews import lifecycle as interviews
from desktop.services.overview import TaskFilter, task_rows
from desktop.ui.buttons import EDIT, allow, button
from desktop.ui.desk import Desk
from desktop.ui.fmt import day
from desktop.ui.i18n import tr
from desktop.ui.lamp import LAMP_HEX
from desktop.ui.reasons import say
from desktop.ui.supervision.proposals import STEP_COLOR, adopt, dismiss

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class EscalationDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, desk: Desk, window: MainWindow, task_id: int
    ) -> None:
        super().__init__(parent)
        self.desk, self.main, self.task_id = desk, window, task_id
        self.setWindowTitle(tr("督办"))
        today = desk.today
        with desk.session() as session:
            found = escalation.proposals(session, today, task_id=task_id)
            items = supervision.list_items(session, today, task_id=task_id)
            talks = interviews.list_interviews(session, today, task_id=task_id)
            task = task_rows(session, today, TaskFilter(task_ids=(task_id,)))
        self.unit_id = task[0].lead_unit_id if task else None
        self.proposal: Proposal | None = found[0] if found else None
        p = self.proposal
        head = QLabel()
        head.setWordWrap(True)
        if p is None:
            head.setText(
                tr("系统对该任务暂无督办建议（绿灯、已办结、正在约谈，或本月建议已不采纳）。")
            )
        else:
            head.setText(
                tr(
                    "任务 {code}（{unit}）<br>建议：<b style='color:{c}'>{step}</b><br>理由：{reason}"
                ).format(
                    code=p.code,
                    unit=p.unit,
                    c=STEP_COLOR[p.step],
                    step=tr(p.step_label),
                    reason=f"<span style='color:{LAMP_HEX[p.lamp]}'>{say(p.reason)}</span>",
                )
            )
        history = QLabel()
        history.setWordWrap(True)
        lines = [
            tr("{d} {k}（{s}）").format(d=day(i.raised_on), k=tr(i.kind.label), s=tr(i.state))
            for i in items
        ] + [
            tr("{d} 约谈{u}（{s}）").format(d=day(t.proposed_on), u=t.unit, s=tr(t.status.label))
            for t in talks
        ]
        history.setText(tr("已有督办记录：") + ("<br>" + "<br>".join(lines) if lines else tr("无")))
        self.adopt_button = button(desk, tr("采纳"), self.adopt, EDIT)
        self.dismiss_button = button(desk, tr("不采纳…"), self.dismiss, EDIT)
        self.raise_button = button(desk, tr("发起督办…"), self.raise_by_hand, EDIT)
        allow(desk, self.adopt_button, p is not None)
        allow(desk, self.dismiss_button, p is not None)
        row = QHBoxLayout()
        for b in (self.adopt_button, self.dismiss_button, self.raise_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(history)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(520, 260)

    def adopt(self) -> None:
        if self.proposal is not None and adopt(self, self.desk, self.main, self.proposal):
            self.accept()

    def dismiss(self) -> None:
        if self.proposal is not None and dismiss(self, self.desk, self.main, self.proposal):
            self.accept()

    def raise_by_hand(self) -> None:
        self.accept()
        page = self.main.show_page("supervision")
        page.raise_item(self.unit_id, self.task_id)  # type: ignore[attr-defined]
