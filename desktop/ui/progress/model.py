"""The period grid's model: one editable line per task of the unit, missing reports marked."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.services.percents import (
    OUT_OF_RANGE,
    TOO_PRECISE,
    percent_of,
    percent_text,
)
from desktop.services.progress import GridRow, ReportInput
from desktop.ui.fmt import DASH
from desktop.ui.i18n import QT_TR_NOOP, tr

Index = QModelIndex | QPersistentModelIndex
MISSING_BG = QColor("#fdecea")
EDITED_BG = QColor("#fff6d6")
WARN = QColor("#d93025")

# (header, ReportInput field or None for a computed column, editable)
COLUMNS = (
    (QT_TR_NOOP("编号"), None, False),
    (QT_TR_NOOP("任务"), None, False),
    (QT_TR_NOOP("上期进度"), None, False),
    (QT_TR_NOOP("本期进度%"), "percent", True),
    (QT_TR_NOOP("回落原因"), "fall_reason", True),
    (QT_TR_NOOP("本期进展"), "progress", True),
    (QT_TR_NOOP("存在问题"), "problems", True),
    (QT_TR_NOOP("下步计划"), "next_steps", True),
    (QT_TR_NOOP("情况"), None, False),
)
PERCENT = 3
FIELD_COLUMN = {name: i for i, (_h, name, _e) in enumerate(COLUMNS) if name}


@dataclass
class Line:
    grid: GridRow
    draft: ReportInput | None  # what the clerk typed (None: nothing typed, nothing stored)
    dirty: bool = False

    @property
    def needs_reason(self) -> bool:
        before, draft = self.grid.previous_percent, self.draft
        return (
            draft is not None
            and before is not None
            and draft.percent < before
            and not draft.fall_reason.strip()
        )


class ProgressGridModel(QAbstractTableModel):
    def __init__(self, editable: bool) -> None:
        super().__init__()
        self.editable = editable
        self.period = ""
        self.lines: list[Line] = []

    def load(self, period: str, rows: list[GridRow]) -> None:
        self.beginResetModel()
        self.period = period
        self.lines = [Line(r, r.report) for r in rows]
        self.endResetModel()

    def discard(self) -> None:
        """Forget what was typed: every line shows the ledger's report again."""
        self.beginResetModel()
        self.lines = [Line(line.grid, line.grid.report) for line in self.lines]
        self.endResetModel()

    def dirty_reports(self) -> list[ReportInput]:
        return [line.draft for line in self.lines if line.dirty and line.draft is not None]

    def missing(self) -> list[Line]:
        return [line for line in self.lines if line.grid.report is None and not line.dirty]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][0])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and COLUMNS[index.column()][2]:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _status(self, line: Line) -> str:
        if line.needs_reason:
            return tr("低于上期，须填回落原因")
        if line.dirty:
            return tr("已修改，未保存")
        return tr("已报") if line.grid.report is not None else tr("未报")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        grid, draft = line.grid, line.draft
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return grid.code
            if column == 1:
                return grid.title
            if column == 2:
                if grid.previous_percent is None:
                    return DASH
                return f"{percent_text(grid.previous_percent)}%（{grid.previous_period}）"
            if column == len(COLUMNS) - 1:
                return self._status(line)
            name = COLUMNS[column][1]
            if draft is None or name is None:
                return ""
            value = getattr(draft, name)
            return percent_text(value) if name == "percent" else str(value)  # 62.5, 60
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.dirty:
                return QBrush(EDITED_BG)
            if grid.report is None:
                return QBrush(MISSING_BG)
        warn = line.needs_reason or (grid.report is None and not line.dirty)
        if role == Qt.ItemDataRole.ForegroundRole and column == len(COLUMNS) - 1 and warn:
            return QBrush(WARN)
        if role == Qt.ItemDataRole.FontRole and line.dirty and column == PERCENT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, PERCENT):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 4, 5, 6, 7):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None

    # --- editing (desktop/ui/sheet.py's SheetModel) ------------------------------------------

    def check_cell(
        self, row: int, column: int, text: str, block: dict[tuple[int, int], str]
    ) -> str:
        """Why a typed or pasted value is refused ("" when accepted), in the clerk's words."""
        name = COLUMNS[column][1]
        if name == "percent":
            return percent_problem(text)
        line = self.lines[row]
        pasted = block.get((row, PERCENT))
        if line.draft is None and (pasted is None or percent_problem(pasted) or not pasted.strip()):
            return tr("请先填写本期进度%")
        return ""

    def row_state(self, row: int) -> object:
        line = self.lines[row]
        return (line.draft, line.dirty)

    def restore_row(self, row: int, state: object) -> None:
        line = self.lines[row]
        line.draft, line.dirty = state  # type: ignore[misc]
        self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        line = self.lines[index.row()]
        name = COLUMNS[index.column()][1]
        assert name is not None
        text = str(value).strip()
        draft = line.draft or ReportInput(line.grid.task_id, self.period, -1)
        if name == "percent":
            if percent_problem(text):
                return False
            if not text:  # cleared: back to what the ledger holds for the period
                line.draft, line.dirty = line.grid.report, False
                self._row_changed(index.row())
                return True
            new = replace(draft, percent=percent_of(text))
        else:
            if line.draft is None:
                return False  # a percent comes first: a report without one means nothing
            new = replace(draft, **{name: str(value)})  # type: ignore[arg-type]  # a text column
        if new == line.draft:
            return True
        line.draft, line.dirty = new, True
        self._row_changed(index.row())
        return True


def percent_problem(text: str) -> str:
    """ "" for a percent 0–100 with at most one decimal (62.5) or nothing, else why not in the
    clerk's words: 62.55 is refused, never rounded behind their back (percents.py)."""
    if not text.strip().rstrip("%％").strip():
        return ""
    try:
        percent_of(text)
    except ValueError as exc:
        if str(exc) == OUT_OF_RANGE:
            return tr("进度应在 0 到 100 之间（收到“{t}”）").format(t=text)
        if str(exc) == TOO_PRECISE:
            return tr("进度最多一位小数，如 62.5（收到“{t}”）").format(t=text)
        return tr("进度应为 0 到 100 的数，可带一位小数（收到“{t}”）").format(t=text)
    return ""
