"""重点工程: the key projects with their lamps; double-click lists the project's tasks; a clerk
creates, edits and closes projects here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QWidget

from desktop.services import overview, tasks
from desktop.services.auth import Permission
from desktop.services.enums import LampColor
from desktop.services.overview import RollUp, TaskFilter
from desktop.services.tasks import ProjectInfo
from desktop.ui.calls import write
from desktop.ui.desk import Desk
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.lamp import LAMP_HEX, LAMP_NAME, lamp_color, lamp_icon
from desktop.ui.page import Page
from desktop.ui.projects.dialogs import ProjectDialog
from desktop.ui.reasons import say
from desktop.ui.table import CENTER, RIGHT, Column, DataTable, RowTableModel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def _count_column(label: str, color: LampColor) -> Column[RollUp]:
    """How many of the row's tasks show this lamp, in the lamp's colour."""
    return Column(
        label,
        lambda r: str(r.counts[color]),
        lambda r: r.counts[color],
        CENTER,
        width=40,
        foreground=lambda r: lamp_color(color),
    )


def rollup_columns(first: str) -> list[Column[RollUp]]:
    """Columns shared by the projects page and the dashboard's per-project/per-unit tables."""
    columns: list[Column[RollUp] | None] = [
        Column(tr("编号"), lambda r: r.code, width=50) if first == "project" else None,
        Column(
            tr("重点工程") if first == "project" else tr("牵头单位"),
            lambda r: r.name,
            width=220 if first == "project" else 140,
            tooltip=lambda r: r.name,
        ),
        Column(tr("牵头单位"), lambda r: r.lead_unit, width=130) if first == "project" else None,
        Column(tr("任务"), lambda r: str(r.tasks), lambda r: r.tasks, RIGHT, width=44),
        _count_column(tr("绿"), LampColor.GREEN),
        _count_column(tr("黄"), LampColor.YELLOW),
        _count_column(tr("红"), LampColor.RED),
        Column(
            tr("亮灯"),
            lambda r: tr(LAMP_NAME[r.lamp]),
            lambda r: r.lamp.severity,
            width=64,
            decoration=lambda r: lamp_icon(r.lamp),
            tooltip=lambda r: "\n".join(map(say, r.red_reasons)),
        ),
        Column(tr("已完成"), lambda r: str(r.done), lambda r: r.done, RIGHT, width=54),
    ]
    return [c for c in columns if c is not None]


LAMP_OF_COLUMN = {
    QT_TR_NOOP("绿"): LampColor.GREEN,
    QT_TR_NOOP("黄"): LampColor.YELLOW,
    QT_TR_NOOP("红"): LampColor.RED,
}


class ProjectsPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("重点工程"))
        edit = Permission.EDIT_LEDGER
        self.add_button(tr("新建重点工程…"), self.new_project, edit)
        self.edit_button = self.add_button(tr("编辑工程…"), self.edit_project, edit)
        self.close_button = self.add_button(tr("关闭工程…"), self.close_project, edit)
        self.infos: dict[int, ProjectInfo] = {}
        columns = rollup_columns("project")
        columns.insert(3, Column(tr("状态"), self._state, width=110))
        columns.append(
            Column(
                tr("红灯任务及原因"),
                lambda r: say("；".join(r.red_reasons)) or "—",
                tooltip=lambda r: "\n".join(map(say, r.red_reasons)),
            )
        )
        self.model = RowTableModel[RollUp](columns)
        self.table = DataTable(self.model)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.body.addWidget(self.table, 1)
        self.chart_row = QHBoxLayout()
        self.body.addLayout(self.chart_row, 1)
        self.chart: QWidget | None = None
        hint = QLabel(tr("双击一行查看该工程的任务；双击绿、黄、红列只看该颜色的任务。"))
        hint.setStyleSheet("color: #666;")
        self.body.addWidget(hint)

    def refresh(self) -> None:
        desk = self.desk

        def work() -> tuple[list[RollUp], list[ProjectInfo]]:
            with desk.session() as session:
                return overview.project_rollups(session, desk.today), tasks.list_projects(session)

        self.read(tr("正在汇总各工程…"), work, self._show)

    def _state(self, rollup: RollUp) -> str:
        info = self.infos.get(rollup.id)
        if info is not None and info.closed_on is not None:
            return tr("已关闭（{day}）").format(day=info.closed_on.isoformat())
        return tr("在建")

    def _show(self, loaded: tuple[list[RollUp], list[ProjectInfo]]) -> None:
        from desktop.ui.painted_chart import bar_chart  # QPainter, as on the 工作台

        rollups, infos = loaded
        self.infos = {p.id: p for p in infos}
        self.model.set_rows(rollups)
        if self.chart is not None:
            self.chart.setParent(None)
        self.chart = bar_chart(
            tr("各重点工程亮灯分布（任务数，点击柱形查看该工程的任务）"),
            [r.code for r in rollups],
            [
                (tr(LAMP_NAME[c]), LAMP_HEX[c], [r.counts[c] for r in rollups])
                for c in (LampColor.GREEN, LampColor.YELLOW, LampColor.RED)
            ],
            lambda i: self.main.open_task_ledger(TaskFilter(project_id=self.model.rows[i].id)),
            tooltips=[f"{r.code} {r.name}" for r in rollups],
        )
        self.chart_row.addWidget(self.chart)

    # --- 新建、编辑、关闭 ------------------------------------------------------------------

    def current(self) -> RollUp | None:
        rows = self.table.selected_rows()
        return self.model.row_at(rows[0]) if rows else None

    def select_project(self, code: str) -> None:
        for i, rollup in enumerate(self.model.rows):
            if rollup.code == code:
                self.table.selectRow(i)

    def _choose(self) -> RollUp | None:
        project = self.current()
        if project is None:
            QMessageBox.information(self, tr("重点工程"), tr("请先在表中选中一项重点工程。"))
        return project

    def new_project(self) -> None:
        dialog = ProjectDialog(self, self.desk)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self.main.data_changed()
            self.select_project(dialog.created.code)

    def edit_project(self) -> None:
        project = self._choose()
        if project is None:
            return
        if ProjectDialog(self, self.desk, project.id).exec() == QDialog.DialogCode.Accepted:
            self.main.data_changed()
            self.select_project(project.code)

    def close_project(self) -> None:
        project = self._choose()
        if project is None:
            return
        question = tr("关闭重点工程“{name}”？关闭前其全部任务须已销号。").format(name=project.name)
        if QMessageBox.question(self, tr("关闭工程"), question) != QMessageBox.StandardButton.Yes:
            return
        ok, _ = write(  # a refusal says which tasks are still open
            self,
            self.desk,
            self.main,
            lambda s: tasks.close_project(s, self.desk.actor, project.id),
        )
        if not ok:
            return
        self.main.statusBar().showMessage(tr("已关闭重点工程“{name}”。").format(name=project.name))

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        project = self.model.row_at(index)
        header = self.model.columns[index.column()].header
        self.main.open_task_ledger(
            TaskFilter(project_id=project.id, lamp=LAMP_OF_COLUMN.get(header))
        )
