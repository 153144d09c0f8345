"""登记督办事项: one matter, one item, with its source, 收文时间, 主办 and 协办 units, 拟办意见,
reporting frequency and a deadline — the source's default unless the clerk sets one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop.services import settings, supervision, tasks
from desktop.services.supervision import (
    ReportFrequency,
    SupervisionInput,
    SupervisionKind,
    SupervisionOrigin,
    Urgency,
)
from desktop.services.supervision.deadlines import default_days
from desktop.ui.desk import Desk
from desktop.ui.forms import date_edit, date_of
from desktop.ui.i18n import tr
from desktop.ui.supervision.raise_dialog import RaiseItemDialog

# 亮灯 and 会议议定 items come from the chain and from meetings.
SOURCES = [
    o for o in SupervisionOrigin if o not in (SupervisionOrigin.LAMP, SupervisionOrigin.MEETING)
]


def combo_of(members: list) -> QComboBox:  # type: ignore[type-arg]
    combo = QComboBox()
    for member in members:
        combo.addItem(tr(member.label), member.value)
    return combo


class RegisterItemDialog(RaiseItemDialog):
    """The 发起督办 form with the register's columns on top; kind is 督办通知 by default."""

    def __init__(self, parent: QWidget | None, desk: Desk) -> None:
        super().__init__(parent, desk)
        self.setWindowTitle(tr("登记督办事项"))
        self.source = combo_of(SOURCES)
        self.source.setCurrentIndex(SOURCES.index(SupervisionOrigin.INSTRUCTION))
        self.source_ref = QLineEdit()
        self.source_ref.setPlaceholderText(tr("来文文号，或批示领导及批示内容"))
        self.received = date_edit(desk.today)
        self.urgency = combo_of(list(Urgency))
        self.co_units = QListWidget()
        self.co_units.setMaximumHeight(90)
        self.handling = QLineEdit()
        self.handling.setPlaceholderText(tr("例如：建议由主办单位牵头，协办单位配合，按期报送。"))
        self.report_every = combo_of(list(ReportFrequency))
        self.leader = QLineEdit()
        self.leader.setPlaceholderText(tr("不填则取关联任务的分管领导"))
        self.use_default = QCheckBox(tr("按来源的默认期限"))
        self.use_default.setChecked(True)
        self.kind.setCurrentIndex(self.kind.findData(SupervisionKind.NOTICE))
        form = self.form
        for row, (label, widget) in enumerate(
            (
                (tr("任务来源"), self.source),
                (tr("来文 / 批示"), self.source_ref),
                (tr("收文时间"), self.received),
                (tr("缓急"), self.urgency),
            )
        ):
            form.insertRow(row, label, widget)
        form.setRowVisible(self.kind, False)
        self._relabel(self.unit, tr("主办单位"))
        self._relabel(self.due, tr("办理期限"))
        form.insertRow(self._row_of(self.tasks), tr("协办单位"), self.co_units)
        at = self._row_of(self.reason)
        form.setRowVisible(self.reason, False)
        form.insertRow(at, tr("拟办意见"), self.handling)
        at = self._row_of(self.due)
        form.insertRow(at, "", self.use_default)
        form.insertRow(at + 2, tr("报送频次"), self.report_every)
        form.insertRow(at + 3, tr("分管领导"), self.leader)
        self.fields.update({"co_units": self.co_units, "received_on": self.received})
        for signal in (
            self.source.currentIndexChanged,
            self.urgency.currentIndexChanged,
            self.received.dateChanged,
            self.use_default.toggled,
        ):
            signal.connect(lambda *_: self._show_default())
        self.unit.currentIndexChanged.connect(lambda _i: self._load_co_units())
        self._load_co_units()
        self._show_default()
        self.fit(560, 700)

    def _row_of(self, widget: QWidget) -> int:
        position: tuple[int, object] = self.form.getWidgetPosition(widget)  # type: ignore[assignment]
        return int(position[0])

    def _relabel(self, widget: QWidget, text: str) -> None:
        label = self.form.labelForField(widget)
        if isinstance(label, QLabel):
            label.setText(text)

    def _origin(self) -> SupervisionOrigin:
        return SupervisionOrigin(str(self.source.currentData()))

    def _urgency(self) -> Urgency:
        return Urgency(str(self.urgency.currentData()))

    def _show_default(self) -> None:
        instruction = self._origin() == SupervisionOrigin.INSTRUCTION
        self.urgency.setEnabled(instruction)
        with self.desk.session() as session:
            rules = settings.item_rules(session)
        days = default_days(rules, self._origin(), self._urgency())
        self.use_default.setText(tr("按来源的默认期限（收文后 {n} 天）").format(n=days))
        self.due.setEnabled(not self.use_default.isChecked())
        if self.use_default.isChecked():
            self.due.setDate(self.received.date().addDays(days))

    def _load_co_units(self) -> None:
        self.co_units.clear()
        with self.desk.session() as session:
            units = tasks.list_units(session)
        for unit in units:
            if unit.id == self.unit.currentData():
                continue
            item = QListWidgetItem(unit.name)
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.co_units.addItem(item)

    def co_unit_ids(self) -> tuple[int, ...]:
        return tuple(
            self.co_units.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.co_units.count())
            if self.co_units.item(i).checkState() == Qt.CheckState.Checked
        )

    def submit(self) -> None:
        data = SupervisionInput(
            kind=SupervisionKind(self.kind.currentData()),
            unit_id=self.unit.currentData(),
            requirement=self.requirement.toPlainText(),
            reply_due=None if self.use_default.isChecked() else date_of(self.due),
            task_ids=self.task_ids(),
            origin=self._origin(),
            co_unit_ids=self.co_unit_ids(),
            source_ref=self.source_ref.text(),
            received_on=date_of(self.received),
            handling=self.handling.text(),
            urgency=self._urgency(),
            report_every=ReportFrequency(str(self.report_every.currentData())),
            leader=self.leader.text(),
        )
        with self.desk.session() as session:
            self.item_id = supervision.raise_item(session, self.desk.actor, data)
