"""Table views over plain rows: one column spec list, a QAbstractTableModel, copy as TSV."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop.ui.i18n import tr

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | str | None = None  # str: a service sort key (SQL or service)
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[R], str] | None = None
    decoration: Callable[[R], Any] | None = None
    foreground: Callable[[R], Any] | None = None
    width: int = 0


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows are plain dataclasses; sorting happens on the model's own list (PITFALLS: no proxy)."""

    def __init__(self, columns: Sequence[Column[R]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None  # the header the clerk clicked

    def set_rows(self, rows: list[R]) -> None:
        """New rows, in the order the clerk chose (a reload keeps the sort on screen)."""
        self.beginResetModel()
        self.rows = list(rows)
        if self.sorted_by is not None:
            self._sort_rows(*self.sorted_by)
        self.endResetModel()

    def row_at(self, index: Index | int) -> R:
        return self.rows[index if isinstance(index, int) else index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.columns[section].header)  # module-level tables hold QT_TR_NOOP text
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration:
            return column.decoration(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(row)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            self.sorted_by = None
            return  # no sort chosen: keep the service's order
        self.sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        key = self.columns[column].sort_key
        getter = key if callable(key) else self.columns[column].text
        self.rows.sort(key=getter, reverse=order == Qt.SortOrder.DescendingOrder)

    def tsv(self, rows: Sequence[int], header: bool = False) -> str:
        """Tab-separated text that pastes cell by cell into Excel or WPS."""

        def clean(text: str) -> str:
            return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")

        lines = ["\t".join(clean(c.header) for c in self.columns)] if header else []
        for r in rows:
            lines.append("\t".join(clean(c.text(self.rows[r])) for c in self.columns))
        return "\n".join(lines) + "\n"


class DataTable(QTableView):
    """A read-only table with row selection, sort on header click and Ctrl+C as TSV."""

    def __init__(self, model: RowTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        # Keep the service's order until the clerk clicks a header.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.copy_action = QAction(tr("复制选中行"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(lambda: self.copy_selection(header=False))
        self.addAction(self.copy_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.apply_widths()

    def select_quietly(self, row_id: object) -> None:
        """Select the row whose ``id`` is ``row_id`` without telling the page (取消 after a
        question put the selection back on the record still being edited)."""
        model = self.model()
        for i, row in enumerate(getattr(model, "rows", ())):
            if getattr(row, "id", None) == row_id:
                selection = self.selectionModel()
                selection.blockSignals(True)
                self.selectRow(i)
                selection.blockSignals(False)
                return

    def apply_widths(self) -> None:
        model = self.model()
        assert isinstance(model, RowTableModel)
        for i, column in enumerate(model.columns):
            if column.width:
                self.setColumnWidth(i, column.width)

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedRows()})

    def copy_selection(self, header: bool = False) -> str:
        model = self.model()
        assert isinstance(model, RowTableModel)
        text = model.tsv(self.selected_rows(), header=header)
        QGuiApplication.clipboard().setText(text)
        return text

    def _menu(self, pos: Any) -> None:
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.addAction(tr("复制选中行（含表头）"), lambda: self.copy_selection(header=True))
        menu.addAction(tr("全选"), self.selectAll)
        menu.exec(self.viewport().mapToGlobal(pos))
