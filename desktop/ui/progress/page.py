"""进度报送: one unit's reports for one period, entered from the keyboard; what is missing shows."""

from __future__ import annotations

from collections.abc import Callable
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

from desktop.services import progress, reporting
from desktop.services.auth import Permission
from desktop.services.errors import DomainError
from desktop.services.percents import percent_of, percent_text
from desktop.services.periods import Period
from desktop.services.progress import GridRow, ReportInput, ReportOutcome
from desktop.services.reporting import MISSING_NAMED, UnitReporting
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
class _Loaded:
    """What one load read from the ledger (in a worker thread on a large ledger)."""

    period: str
    unit_id: int | None
    units: list[UnitReporting] | None  # None: the unit list was not reread
    grid: list[GridRow]


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
        self.summary.setWordWrap(True)  # on two lines in a narrow window, not past its edge
        choose.addWidget(self.summary, 1)
        self.body.addLayout(choose)
        self.model = ProgressGridModel(editable=desk.can_edit)
        self.undo_stack = QUndoStack(self)
        self.grid = GridView(undo_stack=self.undo_stack)
        self.grid.setModel(self.model)
        self.grid.setObjectName("grid")  # its column widths are remembered per user
        for column, width in enumerate((56, 220, 124, 76, 110, 200, 140, 140)):
            self.grid.setColumnWidth(column, width)
        self.units = RowTableModel[UnitReporting](
            [
                Column(tr("牵头单位"), lambda u: u.name, width=170),
                Column(tr("应报"), lambda u: str(u.due), lambda u: u.due, RIGHT, width=50),
                Column(
                    tr("已报"), lambda u: str(u.reported), lambda u: u.reported, RIGHT, width=50
                ),
                Column(
                    tr("未报"),
                    lambda u: str(u.missing),
                    lambda u: u.missing,
                    RIGHT,
                    width=50,
                    foreground=lambda u: Qt.GlobalColor.red if u.missing else None,
                ),
                Column(tr("未报任务"), _missing_text, tooltip=_missing_text),
            ]
        )
        self.unit_table = DataTable(self.units)
        self.unit_table.setObjectName("units")
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
                "像表格软件一样录入：在“本期进度%”列输入 0–100 的数（可带一位小数，如 62.5），"
                "回车到下一项，Tab 到右侧各栏；"
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
        self._load(self.unit.currentData(), self.period.currentData(), units=True)

    def reload_grid(self) -> None:
        """The grid of the unit and period chosen, from the ledger (放弃修改)."""
        self._load(self.unit.currentData(), self.period.currentData(), units=False)

    def _load(
        self,
        unit_id: object,
        period: str,
        units: bool,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Read the unit list and a grid; on a large ledger in a worker (a progress dialog shows,
        the window repaints) with the boxes and the grid locked until the rows arrive."""
        desk = self.desk

        def work() -> _Loaded:
            with desk.session() as session:
                found = reporting.unit_reporting(session, period) if units else None
                chosen = unit_id if isinstance(unit_id, int) else None
                if found is not None and chosen not in {u.unit_id for u in found}:
                    # First visit: start with the first unit that still owes reports.
                    owing = [u.unit_id for u in found if u.missing] or [u.unit_id for u in found]
                    chosen = owing[0] if owing else None
                grid = [] if chosen is None else progress.period_grid(session, chosen, period)
            return _Loaded(period, chosen, found, grid)

        def apply(loaded: _Loaded) -> None:
            self._set_loading(False)
            self._show(loaded)
            if then is not None:
                then()

        if self.desk.is_large():  # read in a worker (Page.read): lock until the rows arrive
            self._set_loading(True)
        self.read(tr("正在读取进度…"), work, apply, failed=lambda _e: self._set_loading(False))

    def _set_loading(self, loading: bool) -> None:
        """While rows are read nothing can be typed into the grid or switched above it; the
        keyboard focus comes back to where it was."""
        widgets = (self.unit, self.period, self.grid)
        if loading:
            self._focus = next((w for w in widgets if w.hasFocus()), None)
        for widget in widgets:
            widget.setEnabled(not loading)
        focus, self._focus = getattr(self, "_focus", None), None
        if not loading and focus is not None:
            focus.setFocus()

    def _show(self, loaded: _Loaded) -> None:
        if loaded.units is not None:
            self.units.set_rows(loaded.units)
            self._filling = True
            self.unit.clear()
            for u in loaded.units:
                label = u.name + (
                    tr("（未报 {n}）").format(n=u.missing) if u.missing else tr("（已报齐）")
                )
                self.unit.addItem(label, u.unit_id)
            self._filling = False
        self._show_choice((loaded.unit_id, loaded.period))
        self._loaded = (loaded.unit_id, loaded.period)
        self._loaded_names = (self.unit.currentText(), self.period.currentText())
        self.model.load(loaded.period, loaded.grid)
        self._update_summary()
        if self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(0, PERCENT))
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
        for line in lines:
            line["percent"] = percent_text(line["percent"])  # JSON: "62.5", read back exactly
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
        period = str(left.get("period", ""))
        units = period != self._loaded[1]  # the missing counts are per period
        self._load(left.get("unit_id"), period, units, then=lambda: self._restore(left["lines"]))

    def _restore(self, lines: list[dict[str, Any]]) -> None:
        by_task = {line.grid.task_id: row for row, line in enumerate(self.model.lines)}
        for kept in lines:
            row = by_task.get(kept["task_id"])
            if row is not None and kept.get("period") == self.model.period:
                draft = ReportInput(**{**kept, "percent": percent_of(kept["percent"])})
                self.model.restore_row(row, (draft, True))
        self._update_summary()

    def _choice_changed(self) -> None:
        """Unit or period switched: settle the grid's edits first; 取消 puts the boxes back."""
        if self._filling:
            return
        shown = (self.unit.currentData(), self.period.currentData())
        if not settle(self, [self], tr("切换单位或期次")):
            self._show_choice(self._loaded)
            return
        self._load(*shown, units=shown[1] != self._loaded[1])  # the missing counts are per period

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

    def keep_for_later(self) -> bool:
        """Signed out at the idle lock: the copy is written now, offered at the next sign-in."""
        self.autosaver.write_now()
        return True

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

    def _update_summary(self) -> None:
        total = self.model.rowCount()
        missing = self.model.missing()
        dirty = len(self.model.dirty_reports())
        text = tr("本期应报 {t} 项，已报 {d} 项").format(t=total, d=total - len(missing) - dirty)
        if missing:
            codes = "、".join(line.grid.code for line in missing[:MISSING_NAMED])
            if len(missing) > MISSING_NAMED:
                codes += tr("等")
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


def _missing_text(u: UnitReporting) -> str:
    if not u.missing:
        return tr("已报齐")
    codes = "、".join(u.missing_codes)
    return (
        codes + tr("等 {n} 项").format(n=u.missing) if u.missing > len(u.missing_codes) else codes
    )
