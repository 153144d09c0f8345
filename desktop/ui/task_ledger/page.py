"""任务台账: every task in one table, filtered by project, unit, lamp, status and free text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton

from desktop.services import dashboard, tasks
from desktop.services.auth import Permission
from desktop.services.enums import LampColor, TaskStatus
from desktop.services.escalation import proposals as escalation
from desktop.services.overview import TaskFilter
from desktop.ui import confirm
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.flow import FlowLayout
from desktop.ui.i18n import tr
from desktop.ui.lamp import LAMP_NAME, lamp_icon
from desktop.ui.page import Page
from desktop.ui.table import DataTable
from desktop.ui.task_ledger.model import TaskLedgerModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


FORECAST = "forecast"  # the 亮灯 filter's extra choice: green/yellow now, red next period


class TaskLedgerPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("任务台账"))
        self.new_button = self.add_button(
            tr("新建任务…"), self.new_task, Permission.EDIT_LEDGER, shortcut="Ctrl+N"
        )
        self.remind_button = self.add_button(
            tr("催办选中任务…"), self.remind_selected, Permission.EDIT_LEDGER
        )
        self.remind_button.setToolTip(tr("对选中的每项任务向其牵头单位发出催办（先列出确认）"))
        self.model = TaskLedgerModel(desk)
        self.model.loader = self.read
        self.model.on_loaded = lambda: self._update_count()
        self._applying = False
        filters = FlowLayout()  # wraps on a narrow screen
        self.project = QComboBox()
        self.unit = QComboBox()
        self.lamp = QComboBox()
        self.status = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索编号、任务、单位、分管领导…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.project.setMinimumContentsLength(10)
        self.project.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for label, widget in (
            (tr("工程"), self.project),
            (tr("单位"), self.unit),
            (tr("亮灯"), self.lamp),
            (tr("状态"), self.status),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.search)
        clear = QPushButton(tr("清除筛选"))
        clear.clicked.connect(self.clear_filter)
        filters.addWidget(clear)
        self.count = QLabel()
        filters.addWidget(self.count)
        self.body.addLayout(filters)
        self.table = DataTable(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.body.addWidget(self.table, 1)
        hint = QLabel(tr("双击或回车打开任务；Ctrl+C 复制选中行（可直接粘贴到 Excel/WPS）。"))
        hint.setStyleSheet("color: #666;")
        self.body.addWidget(hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # wait for a pause in typing before querying
        self._timer.timeout.connect(self._filter_changed)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._fill_choices()
        self._choices_fresh = True  # just filled: the first refresh need not fill them again
        for combo in (self.project, self.unit, self.lamp, self.status):
            combo.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.remember_filters(
            {
                "project": self.project,
                "unit": self.unit,
                "lamp": self.lamp,
                "status": self.status,
                "search": self.search,
            }
        )

    def filters_restored(self) -> None:
        self.model.filter = self.current_filter()  # loaded by the first refresh

    def _fill_choices(self) -> None:
        with self.desk.session() as session:
            projects = tasks.list_projects(session)
            units = {u.id: u.name for u in dashboard.lead_units(session)}
        self.project.addItem(tr("全部"), None)
        for p in projects:
            self.project.addItem(f"{p.code} {p.name}", p.id)
        self.unit.addItem(tr("全部"), None)
        for unit_id, name in units.items():
            self.unit.addItem(name, unit_id)
        self.lamp.addItem(tr("全部"), None)
        for color in (LampColor.RED, LampColor.YELLOW, LampColor.GREEN):
            self.lamp.addItem(lamp_icon(color), tr(LAMP_NAME[color]), color)
        self.lamp.addItem(lamp_icon(LampColor.RED), tr("预警：下期可能红灯"), FORECAST)
        self.status.addItem(tr("全部"), None)
        for status in TaskStatus:
            self.status.addItem(tr(status.label), status)

    def _refill_choices(self) -> None:
        """Reload the filter lists, keeping what is chosen; no reload fires meanwhile."""
        combos = (self.project, self.unit, self.lamp, self.status)
        chosen = [c.currentData() for c in combos]
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        try:
            self._fill_choices()
            for combo, value in zip(combos, chosen, strict=True):
                combo.setCurrentIndex(max(combo.findData(value), 0))
        finally:
            for combo in combos:
                combo.blockSignals(False)

    def current_filter(self) -> TaskFilter:
        lamp = self.lamp.currentData()
        ahead = lamp == FORECAST
        if ahead:
            self._load_warnings()
        return TaskFilter(
            project_id=self.project.currentData(),
            unit_id=self.unit.currentData(),
            lamp=None if ahead else lamp,
            status=self.status.currentData(),
            text=self.search.text(),
            task_ids=tuple(self.model.warnings) if ahead else None,
        )

    def _load_warnings(self) -> None:
        """Which tasks the trend turns red next period (the 预警 column and filter)."""
        found = self.desk.forecast()
        self.model.warnings.clear()
        self.model.warnings.update({f.task_id: f.reason_text for f in found})

    def apply_filter(self, flt: TaskFilter) -> None:
        """Set the filter widgets from a filter (from the dashboard) and reload once."""
        self._applying = True
        try:
            for combo, value in (
                (self.project, flt.project_id),
                (self.unit, flt.unit_id),
                (self.lamp, flt.lamp),
                (self.status, flt.status),
            ):
                combo.setCurrentIndex(max(combo.findData(value), 0))
            self.search.setText(flt.text)
            self._timer.stop()
        finally:
            self._applying = False
        self._filter_changed()

    def clear_filter(self) -> None:
        self.apply_filter(TaskFilter())

    def _filter_changed(self) -> None:
        if self._applying:
            return
        self.model.set_filter(self.current_filter())
        self._update_count()
        self.stale = False

    def _update_count(self) -> None:
        self.count.setText(tr("共 {n} 项").format(n=self.model.total))

    def refresh(self) -> None:
        if not self._choices_fresh:
            self._refill_choices()  # a project or unit may have been added since
        self._choices_fresh = False
        if self.lamp.currentData() == FORECAST:  # the filter's tasks are the new forecast's
            self.model.filter = self.current_filter()
        elif not self.desk.is_large():  # on a large ledger only when the 预警 filter asks
            self._load_warnings()
        self.model.reload()
        self._update_count()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.main.open_task(self.model.row_at(index).id)

    def new_task(self) -> None:
        """新建任务 in the project the ledger is filtered on (if any); then open its page."""
        from desktop.ui.task.dialogs import EditTaskDialog

        dialog = EditTaskDialog(self, self.desk, None, self.project.currentData())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created_id is not None:
            self.main.data_changed()
            self.main.open_task(dialog.created_id)

    def view_title(self) -> str:
        """任务台账（工程：…；亮灯：红灯；搜索：监控）: what the sheet's rows were chosen by."""
        chosen = [
            f"{name}：{combo.currentText()}"
            for name, combo in (
                (tr("工程"), self.project),
                (tr("单位"), self.unit),
                (tr("亮灯"), self.lamp),
                (tr("状态"), self.status),
            )
            if combo.currentIndex() > 0
        ]
        if self.search.text().strip():
            chosen.append(tr("搜索：{t}").format(t=self.search.text().strip()))
        shown = tr("全部任务") if not chosen else "；".join(chosen)
        return tr("任务台账（{filter}）").format(filter=shown)

    def remind_selected(self) -> bool:
        """催办 every selected task, after one question that lists them: all, or none."""
        rows = [self.model.row_at(r) for r in self.table.selected_rows()]
        if not rows:
            self.main.statusBar().showMessage(tr("请先在台账中选中要催办的任务。"), 6000)
            return False
        question = tr("向以下 {n} 项任务的牵头单位发出催办（7 天内书面回复）？").format(n=len(rows))
        items = [f"{r.code} {r.title}（{r.lead_unit}）" for r in rows]
        if not confirm.confirm(self, tr("批量催办"), question, items):
            return False
        ids = [r.id for r in rows]
        ok, made = write(
            self, self.desk, self.main, lambda s: escalation.remind_tasks(s, self.desk.actor, ids)
        )
        if ok:
            self.main.statusBar().showMessage(
                tr("已发出 {n} 条催办。").format(n=len(made or [])), 8000
            )
        return ok

    def selected_task_ids(self) -> list[int]:
        return [self.model.row_at(r).id for r in self.table.selected_rows()]
