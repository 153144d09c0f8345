"""Dialogs of the task page: create or edit a task, change its status, add or finish a milestone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.services import tasks
from desktop.services.enums import TaskStatus
from desktop.services.errors import NotFound
from desktop.services.tasks import TaskInput
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, date_edit, date_of, ok_cancel
from desktop.ui.i18n import tr


def _free_code(session: Session, project_code: str) -> str:
    """The project's next task code (01-05 after 01-04), as the demo numbers them."""
    n = 1
    while True:
        code = f"{project_code}-{n:02d}"
        try:
            tasks.find_task_id(session, code)
        except NotFound:
            return code
        n += 1


class EditTaskDialog(ServiceDialog):
    """Edit a task, or with ``task_id=None`` create one (新建任务, from the ledger)."""

    def __init__(
        self,
        parent: QWidget | None,
        desk: Desk,
        task_id: int | None,
        project_id: int | None = None,
    ) -> None:
        super().__init__(parent, tr("编辑任务") if task_id is not None else tr("新建任务"))
        self.desk, self.task_id = desk, task_id
        self.created_id: int | None = None
        with desk.session() as session:
            projects = tasks.list_projects(session)
            units = tasks.list_units(session)
            if task_id is not None:
                data = tasks.task_input(session, task_id)
            else:  # a new task goes into an open project; it starts today, due at year end
                projects = [p for p in projects if p.closed_on is None]
                first = next((p for p in projects if p.id == project_id), None) or projects[0]
                today = desk.today
                data = TaskInput(
                    code=_free_code(session, first.code),
                    project_id=first.id,
                    title="",
                    lead_unit_id=first.lead_unit_id,
                    start=today,
                    deadline=date(today.year, 12, 31),
                )
        self.code = QLineEdit(data.code)
        self.title_edit = QLineEdit(data.title)
        self.project = QComboBox()
        for p in projects:
            self.project.addItem(f"{p.code} {p.name}", p.id)
        self.project.setCurrentIndex(self.project.findData(data.project_id))
        self._projects = {p.id: p for p in projects}
        if task_id is None:
            self.project.currentIndexChanged.connect(lambda _i: self._project_changed())
        self.lead = QComboBox()
        for u in units:
            self.lead.addItem(u.name, u.id)
        self.lead.setCurrentIndex(self.lead.findData(data.lead_unit_id))
        self.cooperating = QListWidget()
        self.cooperating.setMaximumHeight(110)
        for u in units:
            item = QListWidgetItem(u.name)
            item.setData(Qt.ItemDataRole.UserRole, u.id)
            checked = u.id in data.cooperating_unit_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.cooperating.addItem(item)
        self.leader = QLineEdit(data.leader_in_charge)
        self.start = date_edit(data.start)
        self.deadline = date_edit(data.deadline)
        self.target = QPlainTextEdit(data.target)
        self.target.setMaximumHeight(80)
        self.note = QPlainTextEdit(data.note)
        self.note.setMaximumHeight(60)
        form = QFormLayout(self)
        for label, widget, name in (
            (tr("任务编号"), self.code, "code"),
            (tr("任务名称"), self.title_edit, "title"),
            (tr("重点工程"), self.project, "project_id"),
            (tr("牵头单位"), self.lead, "lead_unit_id"),
            (tr("配合单位"), self.cooperating, "cooperating_unit_ids"),
            (tr("分管领导"), self.leader, "leader_in_charge"),
            (tr("开始时间"), self.start, "start"),
            (tr("完成时限"), self.deadline, "deadline"),
            (tr("目标要求"), self.target, "target"),
            (tr("备注"), self.note, "note"),
        ):
            form.addRow(label, widget)
            self.fields[name] = widget
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.resize(520, 560)

    def value(self) -> TaskInput:
        checked = [
            self.cooperating.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.cooperating.count())
            if self.cooperating.item(i).checkState() == Qt.CheckState.Checked
        ]
        return TaskInput(
            code=self.code.text(),
            project_id=self.project.currentData(),
            title=self.title_edit.text(),
            lead_unit_id=self.lead.currentData(),
            start=date_of(self.start),
            deadline=date_of(self.deadline),
            target=self.target.toPlainText(),
            leader_in_charge=self.leader.text(),
            cooperating_unit_ids=checked,
            note=self.note.toPlainText(),
        )

    def _project_changed(self) -> None:
        """New task: follow the project with the suggested code and its lead unit."""
        project = self._projects[self.project.currentData()]
        with self.desk.session() as session:
            self.code.setText(_free_code(session, project.code))
        self.lead.setCurrentIndex(self.lead.findData(project.lead_unit_id))

    def submit(self) -> None:
        with self.desk.session() as session:
            if self.task_id is None:
                self.created_id = tasks.create_task(session, self.desk.actor, self.value())
            else:
                tasks.edit_task(session, self.desk.actor, self.task_id, self.value())


class StatusDialog(ServiceDialog):
    def __init__(
        self, parent: QWidget | None, desk: Desk, task_id: int, current: TaskStatus
    ) -> None:
        super().__init__(parent, tr("变更任务状态"))
        self.desk, self.task_id = desk, task_id
        self.status = QComboBox()
        for status in tasks.allowed_statuses(current):
            self.status.addItem(tr(status.label), status)
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(80)
        self.deadline = date_edit(desk.today)
        form = QFormLayout(self)
        form.addRow(tr("当前状态"), QLineEdit(tr(current.label), readOnly=True))
        form.addRow(tr("转为"), self.status)
        form.addRow(tr("理由"), self.reason)
        form.addRow(tr("新完成时限（延期时）"), self.deadline)
        self.fields = {"status": self.status, "reason": self.reason, "deadline": self.deadline}
        form.addRow(self.error)
        form.addRow(ok_cancel(self))

    def submit(self) -> None:
        status = TaskStatus(self.status.currentData())  # Qt returns a str enum as plain str
        new_deadline = date_of(self.deadline) if status == TaskStatus.EXTENDED else None
        with self.desk.session() as session:
            tasks.set_task_status(
                session,
                self.desk.actor,
                self.task_id,
                status,
                self.reason.toPlainText(),
                new_deadline,
            )


class MilestoneDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, desk: Desk, task_id: int) -> None:
        super().__init__(parent, tr("新增节点"))
        self.desk, self.task_id = desk, task_id
        self.name = QLineEdit()
        self.due = date_edit(desk.today)
        form = QFormLayout(self)
        form.addRow(tr("节点名称"), self.name)
        form.addRow(tr("计划日期"), self.due)
        self.fields = {"title": self.name, "due": self.due}
        form.addRow(self.error)
        form.addRow(ok_cancel(self))

    def submit(self) -> None:
        with self.desk.session() as session:
            tasks.add_milestone(
                session, self.desk.actor, self.task_id, self.name.text(), date_of(self.due)
            )


class CompleteMilestoneDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, desk: Desk, milestone_id: int, title: str) -> None:
        super().__init__(parent, tr("节点完成"))
        self.desk, self.milestone_id = desk, milestone_id
        self.done_on = date_edit(desk.today)
        form = QFormLayout(self)
        form.addRow(tr("节点"), QLineEdit(title, readOnly=True))
        form.addRow(tr("完成日期"), self.done_on)
        self.fields = {"done_on": self.done_on}
        form.addRow(self.error)
        form.addRow(ok_cancel(self))

    def submit(self) -> None:
        with self.desk.session() as session:
            tasks.complete_milestone(
                session, self.desk.actor, self.milestone_id, date_of(self.done_on)
            )
