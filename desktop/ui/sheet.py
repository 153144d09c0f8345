"""Editable tables that work like the spreadsheets clerks know (Excel, WPS, LibreOffice).

``SheetView`` is a QTableView; ``SheetBehaviour`` is the same behaviour as a mixin for a
QTableWidget. Either gives: rectangular selection; Ctrl+C / Ctrl+V of tab-separated blocks (CRLF
or LF line ends, Excel's quoted cells); Ctrl+D fill down; Delete clears; Enter moves down, Tab
right; a right-click menu with the same actions; undo / redo (Ctrl+Z / Ctrl+Y) of every change
through a QUndoStack; the count and sum of a numeric selection in the status bar.

Every change (typed, pasted, filled, cleared) is a block of ``(row, column, text)`` that is
checked cell by cell first: when one cell is refused, no cell changes, the refused cells are
marked and named. A model may implement ``SheetModel`` to say what it accepts and how to
restore a row exactly on undo; a model that does not is checked by its flags (and by the
sheet's ``cell_check``, for a QTableWidget whose model is Qt's own) and restored with
``setData`` of the old text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QToolTip,
    QWidget,
)

from desktop.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
Cell = tuple[int, int]
REFUSED_BG = QColor("#f8c9c4")
MAX_NAMED = 8  # refused cells named in the message; the rest are counted


@runtime_checkable
class SheetModel(Protocol):
    """What an editable model may tell the sheet (all optional: see the module's docstring)."""

    def check_cell(self, row: int, column: int, text: str, block: dict[Cell, str]) -> str:
        """Why ``text`` may not go into the cell ("" when accepted). ``block`` holds the
        whole change, so a cell may depend on another one pasted with it."""
        ...

    def row_state(self, row: int) -> object:
        """An opaque copy of the row, as it is now."""
        ...

    def restore_row(self, row: int, state: object) -> None:
        """Put a row back exactly as ``row_state`` returned it (undo, redo)."""
        ...


def parse_block(text: str) -> list[list[str]]:
    """Tab-separated clipboard text to rows of cells: CRLF or LF, a final line end ignored,
    cells Excel quoted (with tabs or line breaks inside) unquoted."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    if '"' not in text:
        return [line.split("\t") for line in text.split("\n")]
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')]


def block_text(rows: list[list[str]]) -> str:
    """Rows of cells as the clipboard text Excel writes (CRLF, quoted where needed)."""

    def cell(value: str) -> str:
        if any(c in value for c in '\t\n\r"'):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join("\t".join(cell(v) for v in row) + "\r\n" for row in rows)


def number_of(text: str) -> Decimal | None:
    cleaned = text.strip().rstrip("%").replace(",", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class _Edit(QUndoCommand):
    """One change of cells, kept as the rows before and after."""

    def __init__(self, sheet: SheetBehaviour, label: str, rows: dict[int, tuple[Any, Any]]) -> None:
        super().__init__(label)
        self.sheet, self.rows = sheet, rows
        self.first = True

    def redo(self) -> None:
        if self.first:  # applied already when it was pushed
            self.first = False
            return
        for row, (_before, after) in self.rows.items():
            self.sheet._restore(row, after)

    def undo(self) -> None:
        for row, (before, _after) in self.rows.items():
            self.sheet._restore(row, before)


class SheetDelegate(QStyledItemDelegate):
    """Typed text goes through the sheet's checks like a paste; refused cells are painted."""

    def __init__(self, sheet: SheetBehaviour) -> None:
        super().__init__(sheet)  # type: ignore[arg-type]
        self.sheet = sheet

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        """Always a plain line edit: every key reaches it (no validator swallowing a "."), and
        the sheet's checks decide on Enter."""
        editor = QLineEdit(parent)
        editor.setFrame(False)
        reason = self.sheet.refused.get((index.row(), index.column()))
        if reason:
            editor.setToolTip(reason)
            editor.setStyleSheet("QLineEdit { border: 2px solid #d93025; }")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if not isinstance(editor, QLineEdit):
            return
        text = editor.text()
        value = index.data(Qt.ItemDataRole.EditRole)
        if text == ("" if value is None else str(value)):
            return
        cell = (index.row(), index.column())
        if not self.sheet.apply({cell: text}, tr("输入"), quiet=True):
            self.sheet.reopen(cell, text)  # and Enter does not move on

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if (index.row(), index.column()) in self.sheet.refused:
            option.backgroundBrush = QBrush(REFUSED_BG)  # type: ignore[attr-defined]


class SheetBehaviour:
    """Mixed into a QTableView (``SheetView``) or a QTableWidget (``SheetTable``)."""

    refused: dict[Cell, str]
    undo_stack: QUndoStack
    # Why a value may not go into a cell ("" when accepted), like SheetModel.check_cell: for a
    # QTableWidget, whose model is Qt's own, the table's owner says what each column takes.
    cell_check: Callable[[int, int, str, dict[Cell, str]], str] | None

    def setup_sheet(self, undo_stack: QUndoStack | None = None) -> None:
        view: QTableView = self  # type: ignore[assignment]
        self.refused = {}
        self.cell_check = None
        self.undo_stack = undo_stack or QUndoStack(view)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setTabKeyNavigation(True)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        view.setItemDelegate(SheetDelegate(self))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        self.sheet_actions: dict[str, QAction] = {}
        for key, label, shortcut, slot in (
            ("copy", tr("复制"), QKeySequence.StandardKey.Copy, self.copy_cells),
            ("paste", tr("粘贴"), QKeySequence.StandardKey.Paste, self.paste),
            ("fill", tr("向下填充"), QKeySequence("Ctrl+D"), self.fill_down),
            ("clear", tr("清除内容"), QKeySequence.StandardKey.Delete, self.clear_cells),
            # Ctrl+Z / Ctrl+Y belong to the window's 编辑 menu (a QUndoGroup over the pages'
            # stacks): a second binding here would make the keys ambiguous and do nothing.
            ("undo", tr("撤销\tCtrl+Z"), None, self.undo_stack.undo),
            ("redo", tr("重做\tCtrl+Y"), None, self.undo_stack.redo),
        ):
            action = QAction(label, view)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            view.addAction(action)
            self.sheet_actions[key] = action

    def sheet_model_changed(self) -> None:
        """Call after setModel: the status bar follows the selection."""
        view: QTableView = self  # type: ignore[assignment]
        view.selectionModel().selectionChanged.connect(lambda *_: self._show_sum())
        view.model().modelReset.connect(self.forget)

    def forget(self) -> None:
        """The model was reloaded (or saved): nothing to undo, nothing refused."""
        self.refused.clear()
        self.undo_stack.clear()

    # --- the selection ---------------------------------------------------------------------

    def selected_cells(self) -> list[Cell]:
        view: QTableView = self  # type: ignore[assignment]
        cells = sorted({(i.row(), i.column()) for i in view.selectionModel().selectedIndexes()})
        if not cells and view.currentIndex().isValid():
            cells = [(view.currentIndex().row(), view.currentIndex().column())]
        return cells

    def _box(self) -> tuple[int, int, int, int] | None:
        cells = self.selected_cells()
        if not cells:
            return None
        rows, cols = [r for r, _c in cells], [c for _r, c in cells]
        return min(rows), min(cols), max(rows), max(cols)

    def _text(self, row: int, column: int) -> str:
        model = self._model()
        value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
        return "" if value is None else str(value)

    def _model(self) -> QAbstractItemModel:
        return self.model()  # type: ignore[attr-defined, no-any-return]

    def _show_sum(self) -> None:
        numbers = [number_of(self._text(r, c)) for r, c in self.selected_cells()]
        values = [n for n in numbers if n is not None]
        window = self.window()  # type: ignore[attr-defined]
        if len(self.selected_cells()) < 2 or not values or not isinstance(window, QMainWindow):
            return
        total = sum(values, Decimal(0))
        window.statusBar().showMessage(
            tr("选中 {cells} 格：计数 {n}，求和 {sum}，平均 {avg}").format(
                cells=len(self.selected_cells()),
                n=len(values),
                sum=f"{total.normalize():f}",
                avg=f"{(total / len(values)).quantize(Decimal('0.1')):f}",
            )
        )

    # --- clipboard, fill, clear ----------------------------------------------------------------

    def copy_cells(self) -> str:
        box = self._box()
        if box is None:
            return ""
        top, left, bottom, right = box
        rows = [[self._text(r, c) for c in range(left, right + 1)] for r in range(top, bottom + 1)]
        text = block_text(rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> bool:
        block = parse_block(QGuiApplication.clipboard().text() if text is None else text)
        box = self._box()
        if not block or box is None:
            return False
        top, left, bottom, right = box
        if len(block) == 1 and len(block[0]) == 1:  # one value fills the whole selection
            change = {cell: block[0][0] for cell in self.selected_cells()}
        else:
            change = {
                (top + i, left + j): value
                for i, line in enumerate(block)
                for j, value in enumerate(line)
            }
        return self.apply(change, tr("粘贴"))

    def fill_down(self) -> bool:
        box = self._box()
        if box is None:
            return False
        top, left, bottom, right = box
        if bottom == top:
            return False
        change = {
            (r, c): self._text(top, c)
            for c in range(left, right + 1)
            for r in range(top + 1, bottom + 1)
        }
        return self.apply(change, tr("向下填充"))

    def clear_cells(self) -> bool:
        model = self._model()
        cells = [
            (r, c)
            for r, c in self.selected_cells()
            if model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable
        ]
        return bool(cells) and self.apply(dict.fromkeys(cells, ""), tr("清除"))

    # --- one checked, undoable change ----------------------------------------------------------

    def check(self, change: dict[Cell, str]) -> dict[Cell, str]:
        """Every refused cell of the change with its reason; empty when all are accepted."""
        model = self._model()
        refused: dict[Cell, str] = {}
        for (r, c), text in sorted(change.items()):
            if not (0 <= r < model.rowCount() and 0 <= c < model.columnCount()):
                refused[(r, c)] = tr("超出表格范围")
                continue
            if text.strip() == self._text(r, c).strip():
                continue  # unchanged (a copied read-only column pasted back, an empty cell cleared)
            if not model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable:
                refused[(r, c)] = tr("该栏不能修改")
                continue
            reason = ""
            if isinstance(model, SheetModel):
                reason = model.check_cell(r, c, text, change)
            elif self.cell_check is not None:
                reason = self.cell_check(r, c, text, change)
            if reason:
                refused[(r, c)] = reason
        return refused

    def apply(self, change: dict[Cell, str], label: str, quiet: bool = False) -> bool:
        """Check the whole change, then apply all of it as one undo step, or none of it."""
        refused = self.check(change)
        self.refused = dict(refused)
        self.viewport().update()  # type: ignore[attr-defined]
        if refused:
            self._tell(refused, quiet)
            return False
        model = self._model()
        editable = {
            cell: text
            for cell, text in change.items()
            if model.flags(model.index(*cell)) & Qt.ItemFlag.ItemIsEditable
        }
        rows = sorted({r for r, _c in editable})
        before = {r: self._row_state(r) for r in rows}
        for (r, c), text in sorted(editable.items()):
            model.setData(model.index(r, c), text, Qt.ItemDataRole.EditRole)
        steps = {r: (before[r], self._row_state(r)) for r in rows}
        if any(b != a for b, a in steps.values()):
            self.undo_stack.push(_Edit(self, label, steps))
        return True

    def _row_state(self, row: int) -> object:
        model = self._model()
        if isinstance(model, SheetModel):
            return model.row_state(row)
        return tuple(
            model.data(model.index(row, c), Qt.ItemDataRole.EditRole)
            for c in range(model.columnCount())
        )

    def _restore(self, row: int, state: Any) -> None:
        model = self._model()
        self.refused.clear()
        if isinstance(model, SheetModel):
            model.restore_row(row, state)
            return
        for c, value in enumerate(state):
            index = model.index(row, c)
            if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                model.setData(index, value, Qt.ItemDataRole.EditRole)

    def _tell(self, refused: dict[Cell, str], quiet: bool) -> None:
        model = self._model()
        named = [
            tr("第 {row} 行“{column}”：{why}").format(
                row=r + 1,
                column=str(model.headerData(c, Qt.Orientation.Horizontal) or c + 1).replace(
                    "\n", ""
                ),
                why=why,
            )
            for (r, c), why in list(refused.items())[:MAX_NAMED]
        ]
        if len(refused) > MAX_NAMED:
            named.append(tr("……另有 {n} 格").format(n=len(refused) - MAX_NAMED))
        text = tr("有 {n} 格不能接受，本次没有改动任何一格：").format(n=len(refused))
        text += "\n" + "\n".join(named)
        window = self.window()  # type: ignore[attr-defined]
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(named[0], 10_000)
        if not quiet:
            QMessageBox.warning(self, tr("督办台"), text)  # type: ignore[call-overload,arg-type]  # a mixin of a QWidget

    def reopen(self, cell: Cell, text: str) -> None:
        """A typed value was refused: the editor opens again with it and says why."""
        view: QTableView = self  # type: ignore[assignment]
        index = view.model().index(*cell)
        reason = self.refused.get(cell, "")

        def again() -> None:
            view.setCurrentIndex(index)
            view.edit(index)
            editor = view.indexWidget(index) or view.focusWidget()
            if isinstance(editor, QLineEdit):
                editor.setText(text)
                editor.setToolTip(reason)
                QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), reason, editor)

        self._reopening = True
        QTimer.singleShot(0, again)

    # --- keys and the menu ---------------------------------------------------------------------

    def sheet_key(self, event: QKeyEvent) -> bool:
        """Enter outside an editor moves down (as in a spreadsheet); True when handled."""
        view: QTableView = self  # type: ignore[assignment]
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and view.state() != QAbstractItemView.State.EditingState
        ):
            self.move_down()
            return True
        return False

    def move_down(self) -> None:
        view: QTableView = self  # type: ignore[assignment]
        current = view.currentIndex()
        if current.isValid() and current.row() + 1 < view.model().rowCount():
            view.setCurrentIndex(view.model().index(current.row() + 1, current.column()))

    def sheet_close_editor(self, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if getattr(self, "_reopening", False):
            self._reopening = False
            return
        if hint in (
            QAbstractItemDelegate.EndEditHint.NoHint,
            QAbstractItemDelegate.EndEditHint.SubmitModelCache,
        ):
            self.move_down()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.sheet_key(event):
            super().keyPressEvent(event)  # type: ignore[misc]

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)  # type: ignore[misc]
        self.sheet_close_editor(hint)

    def _menu(self, pos: Any) -> None:
        view: QTableView = self  # type: ignore[assignment]
        menu = QMenu(view)
        for key in ("copy", "paste", "fill", "clear"):
            menu.addAction(self.sheet_actions[key])
        menu.addSeparator()
        undo, redo = self.sheet_actions["undo"], self.sheet_actions["redo"]
        undo.setEnabled(self.undo_stack.canUndo())
        redo.setEnabled(self.undo_stack.canRedo())
        menu.addAction(undo)
        menu.addAction(redo)
        menu.exec(view.viewport().mapToGlobal(pos))
        undo.setEnabled(True)
        redo.setEnabled(True)


class SheetView(SheetBehaviour, QTableView):
    """An editable table view over a model (see SheetModel)."""

    def __init__(self, parent: QWidget | None = None, undo_stack: QUndoStack | None = None) -> None:
        QTableView.__init__(self, parent)
        self.setup_sheet(undo_stack)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        super().setModel(model)
        if model is not None:
            self.sheet_model_changed()


class SheetTable(SheetBehaviour, QTableWidget):
    """The same behaviour for a QTableWidget (small tables filled cell by cell)."""

    def __init__(
        self,
        rows: int,
        columns: int,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        QTableWidget.__init__(self, rows, columns, parent)
        self.setup_sheet(undo_stack)
        self.sheet_model_changed()
