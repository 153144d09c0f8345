"""发起督办 by hand: kind, unit, the unit's tasks it concerns, what is required, reply due."""

from __future__ import annotations

from datetime import timedelta

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

from desktop.services import supervision
from desktop.services.overview import TaskFilter, task_rows
from desktop.services.supervision import SupervisionInput, SupervisionKind
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, date_edit, date_of, ok_cancel
from desktop.ui.i18n import tr
from desktop.ui.supervision.shared import select_data, unit_combo


class RaiseItemDialog(ServiceDialog):
    def __init__(
        self,
        parent: QWidget | None,
        desk: Desk,
        unit_id: int | None = None,
        task_id: int | None = None,
    ) -> None:
        super().__init__(parent, tr("发起督办"))
        self.desk = desk
        self.item_id: int | None = None
        self.kind = QComboBox()
        for kind in SupervisionKind:
            self.kind.addItem(tr(kind.label), kind)
        self.unit = unit_combo(desk)
        if unit_id is not None:
            select_data(self.unit, unit_id)
        self.tasks = QListWidget()
        self.tasks.setMaximumHeight(120)
        self.requirement = QPlainTextEdit()
        self.requirement.setMaximumHeight(80)
        self.requirement.setPlaceholderText(tr("例如：请于期限前书面报告滞后原因及整改措施。"))
        self.reason = QLineEdit()
        self.due = date_edit(desk.today + timedelta(days=10))
        form = QFormLayout(self)
        form.addRow(tr("类别"), self.kind)
        form.addRow(tr("责任单位"), self.unit)
        form.addRow(tr("关联任务"), self.tasks)
        form.addRow(tr("督办要求"), self.requirement)
        form.addRow(tr("事由"), self.reason)
        form.addRow(tr("回复期限"), self.due)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.fields = {
            "requirement": self.requirement,
            "reply_due": self.due,
            "reason": self.reason,
        }
        self.unit.currentIndexChanged.connect(lambda _i: self._load_tasks(task_id))
        self._load_tasks(task_id)
        self.resize(520, 460)

    def _load_tasks(self, checked: int | None) -> None:
        self.tasks.clear()
        with self.desk.session() as session:
            rows = task_rows(session, self.desk.today, TaskFilter(unit_id=self.unit.currentData()))
        for row in rows:
            item = QListWidgetItem(f"{row.code} {row.title}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.id == checked else Qt.CheckState.Unchecked
            )
            self.tasks.addItem(item)

    def task_ids(self) -> tuple[int, ...]:
        return tuple(
            self.tasks.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.tasks.count())
            if self.tasks.item(i).checkState() == Qt.CheckState.Checked
        )

    def submit(self) -> None:
        data = SupervisionInput(
            kind=SupervisionKind(self.kind.currentData()),  # Qt returns a plain str
            unit_id=self.unit.currentData(),
            requirement=self.requirement.toPlainText(),
            reply_due=date_of(self.due),
            task_ids=self.task_ids(),
            reason=self.reason.text(),
        )
        with self.desk.session() as session:
            self.item_id = supervision.raise_item(session, self.desk.actor, data)
