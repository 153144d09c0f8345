"""发起督办 by hand: kind, unit, the unit's tasks it concerns, what is required, reply due.

The same form corrects an open item: then kind, unit and tasks stay as raised."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.services import supervision
from desktop.services.overview import TaskFilter, task_rows
from desktop.services.supervision import ItemEdit, SupervisionInput, SupervisionKind, SupervisionRow
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, date_edit, date_of, ok_cancel, qdate
from desktop.ui.i18n import tr
from desktop.ui.supervision.shared import select_data, unit_combo


def hint(text: str) -> QLabel:
    """A grey line on top of a correction form saying what stays as it was (text translated)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6368;")
    return label


class RaiseItemDialog(ServiceDialog):
    def __init__(
        self,
        parent: QWidget | None,
        desk: Desk,
        unit_id: int | None = None,
        task_id: int | None = None,
        item: SupervisionRow | None = None,
    ) -> None:
        super().__init__(parent, tr("修改督办事项") if item else tr("发起督办"))
        self.desk, self.editing = desk, item
        self.item_id: int | None = item.id if item else None
        self.note = ""  # after a correction: what it means for the item's document
        if item is not None:
            unit_id = item.unit_id
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
        # The form scrolls: the 登记 form (register_dialog) is taller than a 1024×768 screen at 150 %.
        body = QWidget()
        form = self.form = QFormLayout(body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error)
        outer.addWidget(ok_cancel(self))
        form.addRow(tr("类别"), self.kind)
        form.addRow(tr("责任单位"), self.unit)
        form.addRow(tr("关联任务"), self.tasks)
        form.addRow(tr("督办要求"), self.requirement)
        form.addRow(tr("事由"), self.reason)
        form.addRow(tr("回复期限"), self.due)
        self.fields = {
            "requirement": self.requirement,
            "reply_due": self.due,
            "reason": self.reason,
        }
        checked: set[int | None] = set(item.task_ids) if item else {task_id}
        self.unit.currentIndexChanged.connect(lambda _i: self._load_tasks(checked))
        self._load_tasks(checked)
        if item is not None:
            self._fill(item)
        self.fit(520, 460)

    def fit(self, width: int, height: int) -> None:
        """The wished size, or the screen's available size where that is smaller."""
        room = self.screen().availableGeometry()
        self.resize(min(width, room.width() - 40), min(height, room.height() - 60))

    def _fill(self, item: SupervisionRow) -> None:
        select_data(self.kind, item.kind)
        self.requirement.setPlainText(item.requirement)
        self.reason.setText(item.reason)
        self.due.setDate(qdate(item.reply_due))
        why = tr("类别、责任单位和关联任务是发起督办的依据，不能修改；如有误，请办结后重新发起。")
        for widget in (self.kind, self.unit, self.tasks):
            widget.setEnabled(False)
            widget.setToolTip(why)
        self.form.insertRow(0, hint(why))

    def _load_tasks(self, checked: set[int | None]) -> None:
        self.tasks.clear()
        with self.desk.session() as session:
            rows = task_rows(session, self.desk.today, TaskFilter(unit_id=self.unit.currentData()))
        for row in rows:
            item = QListWidgetItem(f"{row.code} {row.title}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.id in checked else Qt.CheckState.Unchecked
            )
            self.tasks.addItem(item)

    def task_ids(self) -> tuple[int, ...]:
        return tuple(
            self.tasks.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.tasks.count())
            if self.tasks.item(i).checkState() == Qt.CheckState.Checked
        )

    def submit(self) -> None:
        if self.editing is not None:
            edit = ItemEdit(self.requirement.toPlainText(), self.reason.text(), date_of(self.due))
            with self.desk.session() as session:
                self.note = supervision.edit_item(session, self.desk.actor, self.editing.id, edit)
            return
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
