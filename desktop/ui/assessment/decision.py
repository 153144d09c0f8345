"""考核 after the figures: the 平安办's 优秀 review of one unit, the 领导小组's decision on the
proposed grades (which meeting, who, when, the minutes' 期号), and reopening a finalised year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QInputDialog, QLineEdit, QWidget

from desktop.services import meetings
from desktop.services.assessment import decision
from desktop.services.meetings import MeetingKind
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, date_edit, date_of, ok_cancel
from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def review(parent: QWidget, desk: Desk, window: MainWindow, year: int, unit_id: int) -> bool:
    verdicts = [tr("符合优秀等次条件"), tr("不符合优秀等次条件")]
    verdict, ok = QInputDialog.getItem(
        parent, tr("优秀资格审核"), tr("审核结论："), verdicts, 0, False
    )
    if not ok:
        return False
    note, ok = QInputDialog.getText(parent, tr("优秀资格审核"), tr("审核意见："))
    if not ok:
        return False
    eligible = verdict == verdicts[0]
    done, _ = write(parent, desk, window, lambda s: decision.review_excellent(
        s, desk.actor, year, unit_id, eligible, note))  # fmt: skip
    return done


def reopen(parent: QWidget, desk: Desk, window: MainWindow, year: int) -> bool:
    reason, ok = QInputDialog.getText(
        parent, tr("重新打开"), tr("重新打开{0}年度考核的理由（记入操作日志）：").format(year)
    )
    if not ok:
        return False
    done, _ = write(parent, desk, window, lambda s: decision.reopen(s, desk.actor, year, reason))
    return done


class DecisionDialog(ServiceDialog):
    """领导小组审定: the meeting it was taken at (from the ledger), who chaired, the day, 期号.
    Closed with typed fields it asks 保存 / 不保存 / 取消 (ServiceDialog)."""

    def __init__(self, parent: QWidget, desk: Desk, window: MainWindow, year: int) -> None:
        super().__init__(parent, tr("领导小组审定考核等次"))
        self.desk, self.main, self.year = desk, window, year
        form = QFormLayout(self)
        self.meeting = QComboBox()
        self.meeting.addItem(tr("（不关联台账中的会议）"), None)
        with desk.session() as session:
            found = meetings.list_meetings(session, desk.today)
        for m in found:
            if m.kind == MeetingKind.LEADING_GROUP:
                self.meeting.addItem(
                    tr("{0} {1}（第{2}期）").format(f"{m.held_on:%Y-%m-%d}", m.title, m.issue_no), m
                )
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self.by = QLineEdit()
        self.minutes = QLineEdit()
        self.minutes.setPlaceholderText(tr("如：第4期"))
        self.on = date_edit(desk.today)
        self.fields = {"decided_by": self.by, "decided_on": self.on, "minutes_issue": self.minutes}
        form.addRow(tr("审定会议"), self.meeting)
        form.addRow(tr("会议及主持人"), self.by)
        form.addRow(tr("会议纪要期号"), self.minutes)
        form.addRow(tr("审定日期"), self.on)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        if self.meeting.count() > 1:
            self.meeting.setCurrentIndex(1)

    def _meeting_chosen(self) -> None:
        m = self.meeting.currentData()
        if m is not None:
            self.by.setText(tr("{0}（{1}主持）").format(m.title, m.chair))
            self.minutes.setText(tr("第{0}期").format(m.issue_no))
            self.on.setDate(self.on.date().fromString(m.held_on.isoformat(), "yyyy-MM-dd"))

    def submit(self) -> None:
        m = self.meeting.currentData()
        with self.desk.session() as session:
            decision.record_decision(
                session,
                self.desk.actor,
                self.year,
                decided_on=date_of(self.on),
                decided_by=self.by.text(),
                minutes_issue=self.minutes.text(),
                meeting_id=m.id if m else None,
            )
