"""One interview: who and why, what to do next, and its six stages one under another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.services.interviews.lifecycle import InterviewInfo
from desktop.ui.desk import Desk
from desktop.ui.fmt import DASH, day
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.interviews.accountability import AccountabilityStage
from desktop.ui.interviews.closing import FollowUpStage, VerifyStage
from desktop.ui.interviews.stage import Stage
from desktop.ui.interviews.stages import NoticeStage, RecordStage, RectificationStage
from desktop.ui.supervision.attachments import AttachmentList
from desktop.ui.supervision.shared import value_label

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class InterviewDetail(QWidget):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__()
        self.desk, self.main = desk, window
        self.info: InterviewInfo | None = None
        self.head = QGroupBox(tr("约谈"))
        form = QFormLayout(self.head)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("unit", QT_TR_NOOP("被约谈单位")),
            ("status", QT_TR_NOOP("状态")),
            ("next", QT_TR_NOOP("下一步")),
            ("reason", QT_TR_NOOP("约谈事由")),
            ("tasks", QT_TR_NOOP("关联任务")),
            ("proposed", QT_TR_NOOP("提出日期")),
        ):
            self.values[key] = value_label()
            form.addRow(tr(label) + tr("："), self.values[key])
        self.files = AttachmentList(desk, window)
        form.addRow(tr("附件："), self.files)
        self.notice = NoticeStage(desk, window)
        self.record = RecordStage(desk, window)
        self.rectification = RectificationStage(desk, window)
        self.follow_up = FollowUpStage(desk, window)
        self.verify = VerifyStage(desk, window)
        self.accountability = AccountabilityStage(desk, window)
        self.stages: list[Stage] = [
            self.notice,
            self.record,
            self.rectification,
            self.follow_up,
            self.verify,
            self.accountability,
        ]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.head)
        for stage in self.stages:
            layout.addWidget(stage)
        layout.addStretch(1)
        self.show_interview(None)

    def show_interview(self, info: InterviewInfo | None) -> None:
        self.info = info
        for stage in self.stages:
            stage.setVisible(info is not None)
        self.files.setVisible(info is not None)
        if info is None:
            self.head.setTitle(tr("约谈（请在左侧选择）"))
            for label in self.values.values():
                label.setText(DASH)
            return
        self.head.setTitle(tr("约谈 #{id}　{u}").format(id=info.id, u=info.unit))
        v = self.values
        v["unit"].setText(info.unit)
        v["status"].setText(tr(info.status.label))
        color = "#d93025" if info.overdue else "#1a73e8"
        v["next"].setText(f"<b style='color:{color}'>{tr(info.next_step)}</b>")
        v["reason"].setText(info.reason)
        v["tasks"].setText("、".join(info.task_codes) or DASH)
        v["proposed"].setText(day(info.proposed_on))
        self.files.show_owner("interview", info.id)
        for stage in self.stages:
            stage.show_interview(info)
