"""The task page: the lamp and why, every field, milestones, and the timeline newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services import timeline
from desktop.services.auth import Permission
from desktop.services.timeline import MilestoneInfo, TaskDetail, TimelineEvent
from desktop.ui.desk import Desk
from desktop.ui.fmt import DASH, day, pct, period_label, reported, wan
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.lamp import LAMP_HEX, LAMP_NAME
from desktop.ui.page import Page
from desktop.ui.reasons import say
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel
from desktop.ui.task import dialogs

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

FIELDS = (
    ("code", QT_TR_NOOP("任务编号")),
    ("project", QT_TR_NOOP("重点工程")),
    ("target", QT_TR_NOOP("目标要求")),
    ("lead_unit", QT_TR_NOOP("牵头单位")),
    ("cooperating", QT_TR_NOOP("配合单位")),
    ("leader", QT_TR_NOOP("分管领导")),
    ("period", QT_TR_NOOP("起止时间")),
    ("status", QT_TR_NOOP("状态")),
    ("progress", QT_TR_NOOP("进度")),
    ("funds", QT_TR_NOOP("资金（万元）")),
    ("last_report", QT_TR_NOOP("最近报送")),
    ("note", QT_TR_NOOP("备注")),
)


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TaskPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("任务"))
        self.task_id: int | None = None
        self.detail: TaskDetail | None = None
        self.add_button(tr("返回台账"), lambda: self.main.show_page("tasks"), shortcut="Alt+Left")
        self.edit_button = self.add_button(tr("编辑任务…"), self.edit, Permission.EDIT_LEDGER)
        self.status_button = self.add_button(
            tr("变更状态…"), self.change_status, Permission.EDIT_LEDGER
        )
        self.milestone_button = self.add_button(
            tr("新增节点…"), self.add_milestone, Permission.EDIT_LEDGER
        )
        self.fund_button = self.add_button(tr("登记资金…"), self.add_fund, Permission.EDIT_LEDGER)
        self.correct_button = self.add_button(
            tr("更正/撤回…"), self.correct_record, Permission.EDIT_LEDGER
        )
        self.correct_button.setToolTip(
            tr("更正或撤回已保存的进度报送或资金记录（须写明理由，原记录留在操作日志和时间线中）")
        )
        self.escalate_button = self.add_button(tr("督办…"), self.escalate)

        self.lamp_banner = QLabel()
        self.lamp_banner.setObjectName("lampBanner")
        self.lamp_banner.setWordWrap(True)
        self.lamp_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.lamp_banner)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for key, label in FIELDS:
            self.values[key] = _value_label()
            form.addRow(tr(label) + tr("："), self.values[key])
        left_layout.addLayout(form)
        box = QGroupBox(tr("节点"))
        box_layout = QVBoxLayout(box)
        self.milestones = RowTableModel[MilestoneInfo](
            [
                Column(tr("节点"), lambda m: m.title, width=220),
                Column(tr("计划日期"), lambda m: day(m.due), align=CENTER, width=90),
                Column(tr("完成日期"), lambda m: day(m.done_on), align=CENTER, width=90),
                Column(tr("情况"), self._milestone_state),
            ]
        )
        self.milestone_table = DataTable(self.milestones)
        self.milestone_table.doubleClicked.connect(lambda _i: self.complete_milestone())
        box_layout.addWidget(self.milestone_table)
        left_layout.addWidget(box, 1)

        right = QGroupBox(tr("时间线（最新在前）"))
        right_layout = QVBoxLayout(right)
        self.events = RowTableModel[TimelineEvent](
            [
                Column(tr("日期"), lambda e: day(e.day), align=CENTER, width=90),
                Column(
                    tr("类别"),
                    lambda e: say(tr(e.kind)),
                    width=70,
                    tooltip=lambda e: say(tr(e.kind)),  # in English wider than its column
                ),
                Column(
                    tr("事项"), lambda e: say(e.title), width=220, tooltip=lambda e: say(e.title)
                ),
                Column(tr("说明"), lambda e: say(e.detail), tooltip=lambda e: say(e.detail)),
            ]
        )
        self.timeline_table = DataTable(self.events)
        self.timeline_table.setSortingEnabled(False)
        right_layout.addWidget(self.timeline_table)

        # The task's facts wrap (long in English); in a scroll area they keep their wrapped
        # height instead of being squeezed to one clipped line at 1024×768.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setSizes([560, 620])
        self.body.addWidget(splitter, 1)

    def _milestone_state(self, m: MilestoneInfo) -> str:
        if m.done_on:
            late = (m.done_on - m.due).days
            return tr("已完成") if late <= 0 else tr("逾期 {n} 天完成").format(n=late)
        overdue = (self.desk.today - m.due).days
        return tr("逾期 {n} 天").format(n=overdue) if overdue > 0 else tr("未到期")

    def show_task(self, task_id: int) -> None:
        self.task_id = task_id
        self.refresh()
        self.stale = False

    def refresh(self) -> None:
        if self.task_id is None:
            return
        with self.desk.session() as session:
            self.detail = timeline.task_detail(session, self.task_id, self.desk.today)
        self._show(self.detail)

    def _show(self, d: TaskDetail) -> None:
        row, lamp = d.row, d.row.lamp
        self.title_label.setText(tr("任务 {code}　{title}").format(code=row.code, title=row.title))
        hexa = LAMP_HEX[lamp.color]
        reasons = "".join(f"<li>{say(r)}</li>" for r in lamp.reasons)
        reasons_title = tr("亮灯原因：")
        self.lamp_banner.setText(
            f"<span style='color:{hexa}; font-size:15pt;'>●</span> "
            f"<b style='color:{hexa};'>{tr(LAMP_NAME[lamp.color])}</b>"
            f"　{reasons_title}<ul style='margin:0;'>{reasons}</ul>"
        )
        self.lamp_banner.setStyleSheet(
            f"QLabel#lampBanner {{ border: 1px solid {hexa}; border-radius: 4px; padding: 6px;"
            " background: #fafafa; }"
        )
        f = row.funds
        values = {
            "code": row.code,
            "project": f"{row.project_code} {row.project}",
            "target": d.target or DASH,
            "lead_unit": row.lead_unit,
            "cooperating": "、".join(d.cooperating_units) or DASH,
            "leader": row.leader_in_charge or DASH,
            "period": tr("{start} 至 {end}").format(start=day(row.start), end=day(row.deadline)),
            "status": tr(row.status.label),
            "progress": tr("报送 {r}，序时 {s}，滞后 {lag}").format(
                r=reported(row.reported_pct),
                s=pct(lamp.schedule_pct),
                lag=DASH if lamp.lag is None else tr("{n} 个百分点").format(n=f"{lamp.lag:.0f}"),
            ),
            "funds": tr("计划 {b}，到位 {a}（{ar}），支出 {s}（{sr}）").format(
                b=wan(f.budget),
                a=wan(f.arrived),
                ar=pct(f.arrival_rate),
                s=wan(f.spent),
                sr=pct(f.spending_rate),
            ),
            "last_report": tr("{p}，{d} 报送").format(
                p=period_label(row.last_period), d=day(row.last_submitted)
            )
            if row.last_period
            else tr("尚无报送"),
            "note": d.note or DASH,
        }
        for key, text in values.items():
            self.values[key].setText(text)
        self.milestones.set_rows(d.milestones)
        self.events.set_rows(d.timeline)

    # --- actions (each goes through a service; the dialog keeps the clerk's input on error) ---

    def _after(self, accepted: int) -> None:
        if accepted:
            self.main.data_changed()

    def edit(self) -> None:
        if self.task_id is not None:
            self._after(dialogs.EditTaskDialog(self, self.desk, self.task_id).exec())

    def change_status(self) -> None:
        if self.detail is not None:
            dialog = dialogs.StatusDialog(
                self, self.desk, self.detail.row.id, self.detail.row.status
            )
            self._after(dialog.exec())

    def add_milestone(self) -> None:
        if self.task_id is not None:
            self._after(dialogs.MilestoneDialog(self, self.desk, self.task_id).exec())

    def complete_milestone(self) -> None:
        rows = self.milestone_table.selected_rows()
        if not rows or not self.desk.can_edit:
            return
        m = self.milestones.row_at(rows[0])
        if m.done_on is None:
            self._after(dialogs.CompleteMilestoneDialog(self, self.desk, m.id, m.title).exec())

    def add_fund(self) -> None:
        from desktop.ui.funds.entry_dialog import FundEntryDialog

        if self.task_id is not None:
            self._after(FundEntryDialog(self, self.desk, self.task_id).exec())

    def correct_record(self) -> None:
        from desktop.ui.task.correction_dialog import CorrectRecordDialog

        if self.detail is not None:
            self._after(CorrectRecordDialog(self, self.desk, self.detail).exec())

    def escalate(self) -> None:
        """The desk's proposal for this task (催办, 督办通知 or 约谈), to adopt or dismiss."""
        from desktop.ui.supervision.task_dialog import EscalationDialog

        if self.task_id is not None:
            EscalationDialog(self, self.desk, self.main, self.task_id).exec()
