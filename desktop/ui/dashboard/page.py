"""工作台: lamps and statuses at a glance, progress and funds charts, red items, what falls due.

Every number, bar and row opens the filtered ledger or the task it stands for."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import dashboard, funds
from desktop.services.dashboard import DashboardSummary, DueItem
from desktop.services.enums import LampColor, TaskStatus
from desktop.services.lamps.forecast import Forecast
from desktop.services.overview import RollUp, TaskFilter, TaskRow
from desktop.ui.actions import bound
from desktop.ui.dashboard.reminders import ItemReminders, Line, reminder_lines
from desktop.ui.dashboard.tiles import NumberTile, link_button
from desktop.ui.desk import SMALL_LEDGER, Desk
from desktop.ui.fmt import day
from desktop.ui.i18n import tr
from desktop.ui.lamp import LAMP_HEX, LAMP_NAME
from desktop.ui.page import Page
from desktop.ui.projects.page import LAMP_OF_COLUMN, rollup_columns
from desktop.ui.reasons import say
from desktop.ui.table import CENTER, Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

DAYS_AHEAD = 14


class DashboardPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("工作台"))
        self.add_button(tr("生成会议材料…"), self.make_pack)
        self.loading_label = QLabel(tr("正在汇总台账…"))
        self.loading_label.setObjectName("loading")
        self.loading_label.setStyleSheet("color: #666;")
        self.loading_label.hide()
        self.actions_bar.addWidget(self.loading_label)
        self._pending = 0  # reads started by the last refresh and not shown yet
        self._refreshes = 0
        self.summary: DashboardSummary | None = None
        tiles = QHBoxLayout()
        self.tiles: dict[LampColor | None, NumberTile] = {}
        for color in (LampColor.RED, LampColor.YELLOW, LampColor.GREEN):
            self.tiles[color] = NumberTile(
                tr("{lamp}任务").format(lamp=tr(LAMP_NAME[color])),
                LAMP_HEX[color],
                bound(self.main.open_task_ledger, TaskFilter(lamp=color)),
            )
        self.tiles[None] = NumberTile(
            tr("全部任务"), "#3b7dd8", lambda: self.main.open_task_ledger()
        )
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        self.status_box = QGroupBox(tr("按状态"))
        self.status_layout = QGridLayout(self.status_box)
        self.status_layout.setContentsMargins(6, 2, 6, 2)
        tiles.addWidget(self.status_box, 3)
        self.body.addLayout(tiles)

        self.charts = QHBoxLayout()
        self.chart_widgets: list[QWidget] = []
        self.body.addLayout(self.charts, 5)

        bottom = QHBoxLayout()
        self.red = RowTableModel[TaskRow](
            [
                Column(tr("编号"), lambda r: r.code, width=52),
                Column(tr("任务"), lambda r: r.title, width=170, tooltip=lambda r: r.title),
                Column(
                    tr("红灯原因"),
                    lambda r: say(r.lamp.reason_text),
                    tooltip=lambda r: say(r.lamp.reason_text),
                ),
            ]
        )
        self.red_box, self.red_table = self._table_box(bottom, self.red, self._open_red)
        self.due = RowTableModel[DueItem](
            [
                Column(tr("日期"), lambda d: day(d.due), align=CENTER, width=86),
                Column(tr("编号"), lambda d: d.code, width=52),
                Column(
                    tr("事项"),
                    lambda d: say(tr(d.what)),
                    width=120,
                    tooltip=lambda d: say(tr(d.what)),
                ),
                Column(
                    tr("任务"), lambda d: d.title, tooltip=lambda d: f"{d.title}（{d.lead_unit}）"
                ),
            ]
        )
        self.due_box, self.due_table = self._table_box(bottom, self.due, self._open_due)
        tabs = QTabWidget()
        self.units = RowTableModel[RollUp](rollup_columns("unit"))
        self.projects = RowTableModel[RollUp](rollup_columns("project"))
        for label, model, key in (
            (tr("按牵头单位"), self.units, "unit"),
            (tr("按重点工程"), self.projects, "project"),
        ):
            table = DataTable(model)
            table.doubleClicked.connect(lambda i, m=model, k=key: self._open_rollup(m, k, i))
            tabs.addTab(table, label)
        self.forecast = RowTableModel[Forecast](
            [
                Column(tr("编号"), lambda f: f.code, width=52),
                Column(tr("任务"), lambda f: f.title, width=150, tooltip=lambda f: f.title),
                Column(tr("预警理由"), lambda f: f.reason_text, tooltip=lambda f: f.reason_text),
            ]
        )
        self.forecast_table = DataTable(self.forecast)
        self.forecast_table.setObjectName("forecast")
        self.forecast_table.doubleClicked.connect(self._open_forecast)
        self.forecast_table.activated.connect(self._open_forecast)
        self.tabs = tabs
        tabs.addTab(self.forecast_table, tr("下期可能亮红灯"))
        self.item_reminders = ItemReminders(self.main)
        tabs.addTab(self.item_reminders, tr("督办事项提醒"))
        tabs.setToolTip(tr("双击一行查看其任务；双击绿、黄、红列只看该颜色的任务"))
        bottom.addWidget(tabs, 4)
        self.body.addLayout(bottom, 6)

    def _table_box(
        self, row: QHBoxLayout, model: RowTableModel, slot
    ) -> tuple[QGroupBox, DataTable]:  # type: ignore[no-untyped-def]
        box = QGroupBox()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        table = DataTable(model)
        table.doubleClicked.connect(slot)
        table.activated.connect(slot)
        layout.addWidget(table)
        row.addWidget(box, 5 if model is getattr(self, "red", None) else 4)
        return box, table

    @property
    def loading(self) -> bool:
        """True from a refresh until both its reads (summary, forecast) have been shown."""
        return self._pending > 0

    def refresh(self) -> None:
        """Read the summary and the forecast: off the GUI thread above SMALL_LEDGER tasks (the
        page a sign-in lands on must not freeze the window it paints), the page saying so."""
        desk = self.desk

        def work() -> tuple[DashboardSummary, list[Line]]:
            with desk.session() as session:
                found = dashboard.summary(session, desk.today, DAYS_AHEAD)
                return found, reminder_lines(session, desk.today)

        self._pending = 2
        self._refreshes += 1
        refresh = self._refreshes
        self._show_loading()

        def forecast() -> None:
            # After the summary, not beside it: a second worker gains nothing under the GIL and
            # takes turns the GUI thread needs (0.7 s stalls at 100,000 tasks with both).
            if refresh == self._refreshes:
                self.read(
                    tr("正在推算下期亮灯…"),
                    desk.forecast,
                    lambda f: self._read_done(refresh, lambda: self._show_forecast(f)),
                    failed=lambda _e: self._read_done(refresh, lambda: None),
                    off_thread_above=SMALL_LEDGER,
                )

        def shown(found: tuple[DashboardSummary, list[Line]]) -> None:
            self._read_done(refresh, lambda: self._show(*found))
            forecast()

        def failed(_error: BaseException) -> None:
            self._read_done(refresh, lambda: None)
            forecast()

        self.read(tr("正在汇总台账…"), work, shown, failed=failed, off_thread_above=SMALL_LEDGER)

    def _read_done(self, refresh: int, show: Callable[[], None]) -> None:
        if refresh != self._refreshes:
            return  # an F5 came meanwhile: its own reads show the newer figures
        try:
            show()
        finally:
            self._pending -= 1
            self.loading_label.setVisible(self.loading)

    def _show_loading(self) -> None:
        """Until the figures arrive: the tiles without numbers and a note in the title bar."""
        for tile in self.tiles.values():
            tile.set_loading()
        self.loading_label.show()

    def make_pack(self) -> None:
        from desktop.ui.dashboard.pack_dialog import MeetingPackDialog

        MeetingPackDialog(self.main).exec()

    def _show_forecast(self, found: list[Forecast]) -> None:
        self.forecast.set_rows(found)
        index = self.tabs.indexOf(self.forecast_table)
        self.tabs.setTabText(index, tr("下期可能亮红灯（{n}）").format(n=len(found)))
        self.tabs.setTabToolTip(index, tr("按各任务近期报送趋势推算，双击打开任务"))

    def _open_forecast(self, index: QModelIndex) -> None:
        if index.isValid():
            self.main.open_task(self.forecast.row_at(index).task_id)

    def _show(self, s: DashboardSummary, reminders: list[Line]) -> None:
        self.summary = s
        self.item_reminders.show_lines(reminders)
        index = self.tabs.indexOf(self.item_reminders)
        self.tabs.setTabText(index, tr("督办事项提醒（{n}）").format(n=self.item_reminders.count))
        for color, tile in self.tiles.items():
            tile.set_value(s.total if color is None else s.by_lamp.get(color, 0))
        self._fill_statuses(s)
        self.red.set_rows(s.red_rows)
        self.red_box.setTitle(tr("红灯任务及原因（{n} 项，双击打开）").format(n=len(s.red_rows)))
        self.due.set_rows(s.due_soon)
        self.due_box.setTitle(tr("{d} 天内到期（{n} 项）").format(d=DAYS_AHEAD, n=len(s.due_soon)))
        self.units.set_rows(s.units)
        self.projects.set_rows(s.projects)
        self._fill_charts(s)

    def _fill_statuses(self, s: DashboardSummary) -> None:
        while self.status_layout.count():
            item = self.status_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        present = [st for st in TaskStatus if s.by_status.get(st)]
        for i, status in enumerate(present):
            button = link_button(
                f"{tr(status.label)} {s.by_status[status]}",
                bound(self.main.open_task_ledger, TaskFilter(status=status)),
            )
            self.status_layout.addWidget(button, i // 4, i % 4)
        if not present:
            self.status_layout.addWidget(QLabel(tr("台账中还没有任务")), 0, 0)

    def _fill_charts(self, s: DashboardSummary) -> None:
        from desktop.ui.painted_chart import bar_chart  # QPainter: no QtCharts at start

        for widget in self.chart_widgets:
            widget.setParent(None)
        projects = s.projects
        reported = [p.mean_reported for p in projects]
        schedule = [p.mean_schedule for p in projects]
        ten_k = funds.TEN_THOUSAND
        money = {
            kind: [float(getattr(p, kind) / ten_k) for p in projects]
            for kind in ("budget", "arrived", "spent")
        }
        names = [f"{p.code} {p.name}" for p in projects]
        codes = [p.code for p in projects]
        open_project = self._open_project
        progress = bar_chart(
            tr("各重点工程：报送进度与序时进度（%）"),
            codes,
            [(tr("报送进度"), "#3b7dd8", reported), (tr("序时进度"), "#c0c6cc", schedule)],
            open_project,
            maximum=100,
            tooltips=names,
        )
        money_chart = bar_chart(
            tr("各重点工程：资金计划、到位与支出（万元）"),
            codes,
            [
                (tr("计划"), "#c0c6cc", money["budget"]),
                (tr("到位"), "#3b7dd8", money["arrived"]),
                (tr("支出"), "#2e9d4a", money["spent"]),
            ],
            open_project,
            tooltips=names,
        )
        self.chart_widgets = [progress, money_chart]
        for chart in self.chart_widgets:
            chart.setToolTip(tr("点击柱形查看该工程的任务"))
            self.charts.addWidget(chart, 1)

    # --- clicks open lists and tasks -------------------------------------------------------

    def _open_project(self, index: int) -> None:
        if self.summary is not None and 0 <= index < len(self.summary.projects):
            self.main.open_task_ledger(TaskFilter(project_id=self.summary.projects[index].id))

    def _open_red(self, index: QModelIndex) -> None:
        if index.isValid():
            self.main.open_task(self.red.row_at(index).id)

    def _open_due(self, index: QModelIndex) -> None:
        if index.isValid():
            self.main.open_task(self.due.row_at(index).task_id)

    def _open_rollup(self, model: RowTableModel[RollUp], key: str, index: QModelIndex) -> None:
        if not index.isValid():
            return
        rollup = model.row_at(index)
        lamp = LAMP_OF_COLUMN.get(model.columns[index.column()].header)
        if key == "unit":
            self.main.open_task_ledger(TaskFilter(unit_id=rollup.id, lamp=lamp))
        else:
            self.main.open_task_ledger(TaskFilter(project_id=rollup.id, lamp=lamp))
