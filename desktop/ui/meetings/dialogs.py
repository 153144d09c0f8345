"""新建会议 and 新增议定事项 — and their corrections: forms whose OK calls the service; errors stay
beside their field."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from desktop.services import meetings
from desktop.services.meetings import DecisionInfo, MeetingInfo, MeetingInput, MeetingKind
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, date_edit, date_of, ok_cancel, qdate
from desktop.ui.i18n import tr
from desktop.ui.interviews.stage import text_edit
from desktop.ui.supervision.raise_dialog import hint
from desktop.ui.supervision.shared import select_data, unit_combo


class MeetingDialog(ServiceDialog):
    def __init__(
        self, parent: QWidget | None, desk: Desk, meeting: MeetingInfo | None = None
    ) -> None:
        super().__init__(parent, tr("修改会议") if meeting else tr("新建会议"))
        self.desk, self.editing = desk, meeting
        self.meeting_id: int | None = meeting.id if meeting else None
        self.note = ""  # after a correction: what it means for the minutes
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(tr(kind.label), kind)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("例如：市平安建设领导小组2026年第四次全体会议"))
        self.held_on = date_edit(desk.today)
        self.place = QLineEdit()
        self.chair = QLineEdit()
        self.present = text_edit(54, tr("姓名及职务，用顿号分隔"))
        self.absent = QLineEdit()
        self.attending = QLineEdit()
        self.topics = text_edit(64, tr("会议议题，一行一项"))
        form = QFormLayout(self)
        form.addRow(tr("会议类别"), self.kind)
        form.addRow(tr("会议名称"), self.title_edit)
        form.addRow(tr("日期"), self.held_on)
        form.addRow(tr("地点"), self.place)
        form.addRow(tr("主持人"), self.chair)
        form.addRow(tr("出席"), self.present)
        form.addRow(tr("请假"), self.absent)
        form.addRow(tr("列席"), self.attending)
        form.addRow(tr("议题"), self.topics)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.fields = {
            "title": self.title_edit,
            "chair": self.chair,
            "present": self.present,
            "place": self.place,
            "held_on": self.held_on,
            "kind": self.kind,
        }
        if meeting is not None:
            self._fill(meeting)
        self.resize(560, 480)

    def _fill(self, m: MeetingInfo) -> None:
        select_data(self.kind, m.kind)
        self.kind.setEnabled(False)
        self.kind.setToolTip(tr("会议类别决定期号，登记后不能修改。"))
        self.title_edit.setText(m.title)
        self.held_on.setDate(qdate(m.held_on))
        self.held_on.setToolTip(
            tr("期号按年度编排，日期只能在{y}年内更正。").format(y=m.held_on.year)
        )
        for key in ("place", "chair", "absent", "attending"):
            getattr(self, key).setText(getattr(m, key))
        self.present.setPlainText(m.present)
        self.topics.setPlainText(m.topics)

    def submit(self) -> None:
        data = MeetingInput(
            kind=MeetingKind(self.kind.currentData()),  # Qt returns a plain str
            title=self.title_edit.text(),
            held_on=date_of(self.held_on),
            place=self.place.text(),
            chair=self.chair.text(),
            present=self.present.toPlainText(),
            absent=self.absent.text(),
            attending=self.attending.text(),
            topics=self.topics.toPlainText(),
        )
        with self.desk.session() as session:
            if self.editing is not None:
                self.note = meetings.edit_meeting(session, self.desk.actor, self.editing.id, data)
            else:
                self.meeting_id = meetings.create_meeting(session, self.desk.actor, data)


class DecisionDialog(ServiceDialog):
    """An agreed item; with a unit and a deadline it can later become a supervision item."""

    def __init__(
        self,
        parent: QWidget | None,
        desk: Desk,
        meeting_id: int,
        decision: DecisionInfo | None = None,
    ) -> None:
        super().__init__(parent, tr("修改议定事项") if decision else tr("新增议定事项"))
        self.desk, self.meeting_id, self.editing = desk, meeting_id, decision
        self.decision_id: int | None = decision.id if decision else None
        self.note = ""
        self.content = text_edit(80, tr("议定的事项、要求和时限"))
        self.unit = unit_combo(desk, tr("（不指定）"))
        self.has_due = QCheckBox(tr("明确时限"))
        self.has_due.setChecked(True)
        self.due = date_edit(desk.today + timedelta(days=30))
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form = self.form = QFormLayout(self)
        form.addRow(tr("议定事项"), self.content)
        form.addRow(tr("责任单位"), self.unit)
        form.addRow(tr("完成时限"), due_row)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.fields = {"content": self.content, "unit": self.unit}
        if decision is not None:
            self._fill(decision)
        self.resize(520, 280)

    def _fill(self, d: DecisionInfo) -> None:
        self.content.setPlainText(d.content)
        select_data(self.unit, d.unit_id)
        self.has_due.setChecked(d.due is not None)
        if d.due is not None:
            self.due.setDate(qdate(d.due))
        if d.supervision_id is not None:  # the item carries unit and deadline from now on
            why = tr(
                "已转为督办事项 #{id}，责任单位和时限不能再改；调整期限请到“督办”页修改该事项。"
            )
            for widget in (self.unit, self.has_due, self.due):
                widget.setEnabled(False)
                widget.setToolTip(why.format(id=d.supervision_id))
            self.form.insertRow(0, hint(why.format(id=d.supervision_id)))

    def submit(self) -> None:
        due = date_of(self.due) if self.has_due.isChecked() else None
        with self.desk.session() as session:
            if self.editing is not None:
                self.note = meetings.edit_decision(
                    session,
                    self.desk.actor,
                    self.editing.id,
                    self.content.toPlainText(),
                    self.unit.currentData(),
                    due,
                )
                return
            self.decision_id = meetings.add_decision(
                session,
                self.desk.actor,
                self.meeting_id,
                self.content.toPlainText(),
                self.unit.currentData(),
                due,
            )
