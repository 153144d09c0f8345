"""进度报送: one unit's reports for one period, entered from the keyboard; what is missing shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
)

from desktop.services import dashboard, progress
from desktop.services.auth import Permission
from desktop.services.errors import DomainError
from desktop.services.periods import Period
from desktop.services.progress import ReportInput, ReportOutcome
from desktop.ui import autosave as autosave_ui
from desktop.ui.autosave import Autosaver
from desktop.ui.calls import Job
from desktop.ui.desk import Desk
from desktop.ui.fmt import period_label
from desktop.ui.i18n import tr
from desktop.ui.page import Page
from desktop.ui.progress.grid_view import GridView
from desktop.ui.progress.model import FIELD_COLUMN, PERCENT, ProgressGridModel
from desktop.ui.table import RIGHT, Column, DataTable, RowTableModel
from desktop.ui.unsaved import settle, wait_for

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

PERIODS_SHOWN = 12


@dataclass(frozen=True)
class UnitReporting:
    """How far one lead unit is with the period's reports."""

    unit_id: int
    name: str
    due: int
    missing: tuple[str, ...]


class ProgressPage(Page):
    def __init__(self, desk: Desk, window: MainWindow) -> None:
        super().__init__(desk, window, tr("进度报送"))
        self.job: Job | None = None
        self.save_button = self.add_button(
            tr("保存本期进度"), self.save, Permission.EDIT_LEDGER, shortcut="Ctrl+S"
        )
        self.revert_button = self.add_button(
            tr("放弃修改"), self.reload_grid, Permission.EDIT_LEDGER
        )
        choose = QHBoxLayout()
        self.unit = QComboBox()
        self.unit.setMinimumWidth(240)
        self.period = QComboBox()
        this = Period.of(desk.today)
        for i in range(PERIODS_SHOWN):
            p = this.shift(-i)
            self.period.addItem(period_label(p), str(p))
        choose.addWidget(QLabel(tr("牵头单位")))
        choose.addWidget(self.unit)
        choose.addWidget(QLabel(tr("报送期次")))
        choose.addWidget(self.period)
        self.summary = QLabel()
        choose.addWidget(self.summary, 1)
        self.body.addLayout(choose)
        self.model = ProgressGridModel(editable=desk.can_edit)
        self.undo_stack = QUndoStack(self)
        self.grid = GridView(undo_stack=self.undo_stack)
        self.grid.setModel(self.model)
        for column, width in enumerate((56, 220, 124, 76, 110, 200, 140, 140)):
            self.grid.setColumnWidth(column, width)
        self.units = RowTableModel[UnitReporting](
            [
                Column(tr("牵头单位"), lambda u: u.name, width=170),
                Column(tr("应报"), lambda u: str(u.due), lambda u: u.due, RIGHT, width=50),
                Column(
                    tr("已报"),
                    lambda u: str(u.due - len(u.missing)),
                    lambda u: u.due - len(u.missing),
                    RIGHT,
                    width=50,
                ),
                Column(
                    tr("未报"),
                    lambda u: str(len(u.missing)),
                    lambda u: len(u.missing),
                    RIGHT,
                    width=50,
                    foreground=lambda u: Qt.GlobalColor.red if u.missing else None,
                ),
                Column(tr("未报任务"), lambda u: "、".join(u.missing) or tr("已报齐")),
            ]
        )
        self.unit_table = DataTable(self.units)
        self.unit_table.activated.connect(self._pick_unit)
        self.unit_table.doubleClicked.connect(self._pick_unit)
        box = QGroupBox(tr("各单位本期报送情况（双击切换到该单位）"))
        QVBoxLayout(box).addWidget(self.unit_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.grid)
        splitter.addWidget(box)
        splitter.setSizes([330, 270])
        self.body.addWidget(splitter, 1)
        self.model.dataChanged.connect(lambda *_: self._update_summary())
        # A copy of the unsaved lines beside the ledger, offered back after a crash.
        self.autosaver = Autosaver(self, desk, "progress", self._autosave_payload)
        self.model.dataChanged.connect(lambda *_: self.autosaver.changed())
        self._offered = False
        hint = QLabel(
            tr(
                "像表格软件一样录入：在“本期进度%”列输入 0–100 的整数，回车到下一项，Tab 到右侧各栏；"
                "可从 Excel/WPS 复制整块粘贴（Ctrl+V），Ctrl+D 向下填充，Delete 清除，"
                "Ctrl+Z 撤销，右键有同样的操作；低于上期须填写回落原因；Ctrl+S 保存。"
                "淡红色行为本期未报。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.body.addWidget(hint)
        self._filling = False
        self._loaded: tuple[object, object] = (None, self.period.currentData())
        self._loaded_names = ("", self.period.currentText())
        self.unit.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.period.currentIndexChanged.connect(lambda _i: self._choice_changed())

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the unit list (with each unit's missing count) and the grid."""
        period = self.period.currentData()
        with self.desk.session() as session:
            units: list[UnitReporting] = []
            for unit in dashboard.lead_units(session):
                grid = progress.period_grid(session, unit.id, period)
                missing = tuple(r.code for r in grid if r.report is None)
                units.append(UnitReporting(unit.id, unit.name, len(grid), missing))
        self.units.set_rows(units)
        current = self.unit.currentData()
        if current is None:  # first visit: start with the first unit that still owes reports
            current = next((u.unit_id for u in units if u.missing), None)
        self._filling = True
        self.unit.clear()
        for u in units:
            count = len(u.missing)
            label = u.name + (tr("（未报 {n}）").format(n=count) if count else tr("（已报齐）"))
            self.unit.addItem(label, u.unit_id)
        index = self.unit.findData(current)
        self.unit.setCurrentIndex(index if index >= 0 else 0)
        self._filling = False
        self.reload_grid()
        if not self._offered:
            self._offered = True
            self._offer_autosave()

    # --- crash-safe autosave (desktop/ui/autosave.py) ---------------------------------------

    def _autosave_payload(self) -> dict[str, Any] | None:
        drafts = self.model.dirty_reports()
        if not drafts:
            return None
        unit, period = self._loaded
        keep = ("task_id", "period", "percent", "progress", "problems", "next_steps", "fall_reason")
        lines = [{k: getattr(d, k) for k in keep} for d in drafts]
        return {"unit_id": unit, "period": period, "unit": self._loaded_names[0], "lines": lines}

    def _offer_autosave(self) -> None:
        left = self.autosaver.left_over()
        if not left or not left.get("lines"):
            return
        what = tr("进度 {n} 项（{unit}，{period}）").format(
            n=len(left["lines"]), unit=left.get("unit", ""), period=left.get("period", "")
        )
        if not autosave_ui.offer(self, what):
            self.autosaver.forget()
            return
        self._show_choice((left.get("unit_id"), left.get("period")))
        if self.period.currentData() != self._loaded[1]:
            self.refresh()
        else:
            self.reload_grid()
        by_task = {line.grid.task_id: row for row, line in enumerate(self.model.lines)}
        for kept in left["lines"]:
            row = by_task.get(kept.get("task_id"))
            if row is not None and kept.get("period") == self.model.period:
                self.model.restore_row(row, (ReportInput(**kept), True))
        self._update_summary()

    def _choice_changed(self) -> None:
        """Unit or period switched: settle the grid's edits first; 取消 puts the boxes back."""
        if self._filling:
            return
        shown = (self.unit.currentData(), self.period.currentData())
        if not settle(self, [self], tr("切换单位或期次")):
            self._show_choice(self._loaded)
            return
        if shown[1] != self._loaded[1]:
            self.refresh()  # the missing counts are per period
        else:
            self.reload_grid()

    def _show_choice(self, choice: tuple[object, object]) -> None:
        self._filling = True
        self.unit.setCurrentIndex(max(self.unit.findData(choice[0]), 0))
        self.period.setCurrentIndex(max(self.period.findData(choice[1]), 0))
        self._filling = False

    # --- unsaved edits (desktop/ui/unsaved.py) ----------------------------------------------

    def has_unsaved_edits(self) -> bool:
        return bool(self.model.dirty_reports())

    def unsaved_description(self) -> str:
        return tr("进度报送（{unit}，{period}）：{n} 项进度待保存").format(
            unit=self._loaded_names[0],
            period=self._loaded_names[1],
            n=len(self.model.dirty_reports()),
        )

    def save_edits(self) -> bool:
        job = self.save()
        return job is None or wait_for(job)

    def discard_edits(self) -> None:
        self.autosaver.forget()
        self.model.discard()
        self._update_summary()

    def _pick_unit(self, index: QModelIndex) -> None:
        if index.isValid():
            self.select_unit(self.units.row_at(index).unit_id)

    def select_unit(self, unit_id: int) -> None:
        self.unit.setCurrentIndex(self.unit.findData(unit_id))
        self.grid.setFocus()

    def reload_grid(self) -> None:
        unit_id, period = self.unit.currentData(), self.period.currentData()
        self._loaded = (unit_id, period)
        self._loaded_names = (self.unit.currentText(), self.period.currentText())
        if unit_id is None:
            self.model.load(period, [])
        else:
            with self.desk.session() as session:
                self.model.load(period, progress.period_grid(session, unit_id, period))
        self._update_summary()
        if self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(0, PERCENT))

    def _update_summary(self) -> None:
        total = self.model.rowCount()
        missing = self.model.missing()
        dirty = len(self.model.dirty_reports())
        text = tr("本期应报 {t} 项，已报 {d} 项").format(t=total, d=total - len(missing) - dirty)
        if missing:
            codes = "、".join(line.grid.code for line in missing)
            text += tr("，<b style='color:#d93025'>未报 {n} 项：{codes}</b>").format(
                n=len(missing), codes=codes
            )
        if dirty:
            text += tr("；<b>{n} 项待保存</b>").format(n=dirty)
        self.summary.setText(text)

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> Job | None:
        self.grid.setFocus()  # commit an editor still open
        reports = self.model.dirty_reports()
        if not reports:
            self.main.statusBar().showMessage(tr("没有需要保存的修改。"), 4000)
            return None
        desk = self.desk

        def work(_progress: object) -> list[ReportOutcome]:
            with desk.session() as session:
                return progress.record_reports(session, desk.actor, reports)

        self.job = self.main.run_task(
            tr("正在保存进度…"), work, self._saved, failed=self._save_failed
        )
        return self.job

    def _saved(self, outcomes: list[ReportOutcome]) -> None:
        self.autosaver.forget()
        self.main.statusBar().showMessage(
            tr("已保存 {n} 条进度，亮灯已重新计算。").format(n=len(outcomes)), 6000
        )

    def _save_failed(self, error: BaseException) -> None:
        """Put the cursor on the task and field the service complained about."""
        if not isinstance(error, DomainError):
            return
        for row, line in enumerate(self.model.lines):
            if line.grid.code in str(error):
                column = FIELD_COLUMN.get(error.field or "", PERCENT)
                self.grid.setCurrentIndex(self.model.index(row, column))
                break
