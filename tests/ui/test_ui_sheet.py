"""The progress grid as a spreadsheet: paste blocks from Excel/WPS, fill down, clear, undo/redo,
refused cells named with nothing half-applied, 62.5 kept as typed and 62.55 or 101 refused in
the editor (never a stuck editor)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from desktop.services.progress import reports_of_task
from desktop.ui.progress.model import FIELD_COLUMN, PERCENT
from desktop.ui.sheet import block_text, parse_block

PROGRESS = FIELD_COLUMN["progress"]


def test_clipboard_blocks_from_excel_wps_and_libreoffice() -> None:
    assert parse_block("60\t推进中\r\n70\t完成\r\n") == [["60", "推进中"], ["70", "完成"]]
    assert parse_block("60\t推进中\n70\t完成") == [["60", "推进中"], ["70", "完成"]]
    assert parse_block('80\t"两行\n说明"\r\n') == [["80", "两行\n说明"]]
    assert parse_block(block_text([["a\tb", 'say "x"']])) == [["a\tb", 'say "x"']]
    assert parse_block("") == []


def _page(window):  # type: ignore[no-untyped-def]
    page = window.show_page("reports")
    unit = next(u for u in page.units.rows if u.name == "市委政法委")
    page.select_unit(unit.unit_id)
    assert page.model.rowCount() >= 3
    return page


def _select(grid, top: int, left: int, bottom: int, right: int) -> None:  # type: ignore[no-untyped-def]
    model = grid.model()
    grid.setCurrentIndex(model.index(top, left))
    box = QItemSelection(model.index(top, left), model.index(bottom, right))
    grid.selectionModel().select(box, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_paste_refuses_the_whole_block_and_names_the_bad_cells(clerk_window, messages) -> None:
    page = _page(clerk_window)
    grid, model = page.grid, page.model
    before = [line.draft for line in model.lines]
    _select(grid, 0, PERCENT, 0, PERCENT)
    QGuiApplication.clipboard().setText("95\t\t本月完成主体\r\n62.55\t\t\r\nabc\t\t\r\n")
    assert not grid.paste()
    assert [line.draft for line in model.lines] == before  # nothing half-applied
    assert set(grid.refused) == {(1, PERCENT), (2, PERCENT)}
    assert "第 2 行“本期进度%”" in messages[-1] and "最多一位小数" in messages[-1]
    assert "第 3 行" in messages[-1] and "abc" in messages[-1]
    assert grid.itemDelegate().sheet is grid  # refused cells are painted by the delegate

    QGuiApplication.clipboard().setText("95\t\t本月完成主体\n62.5\t\t\n97%\t\t\n")
    assert grid.paste()
    assert [model.lines[r].draft.percent for r in range(3)] == [95, Decimal("62.5"), 97]
    assert [model.index(r, PERCENT).data() for r in range(3)] == ["95", "62.5", "97"]
    assert model.lines[0].draft.progress == "本月完成主体"
    assert not grid.refused


def test_fill_down_clear_and_undo_redo_from_the_edit_menu(clerk_window, qtbot) -> None:
    page = _page(clerk_window)
    grid, model = page.grid, page.model
    stored = [line.draft for line in model.lines[:3]]
    assert model.setData(model.index(0, PERCENT), "88")  # typed before (not through the sheet)
    _select(grid, 0, PERCENT, 2, PERCENT)
    assert grid.fill_down()
    assert [model.lines[r].draft.percent for r in range(3)] == [88, 88, 88]
    _select(grid, 1, PERCENT, 2, PERCENT)
    assert grid.clear_cells()
    assert [model.lines[r].draft for r in (1, 2)] == stored[1:]  # back to the ledger's
    undo = next(a for a in clerk_window.findChildren(type(grid.sheet_actions["undo"]))
                if a.shortcut().toString() == "Ctrl+Z")  # fmt: skip
    assert undo.isEnabled()
    undo.trigger()
    assert [model.lines[r].draft.percent for r in range(3)] == [88, 88, 88]
    undo.trigger()
    assert [model.lines[r].draft for r in (1, 2)] == stored[1:]
    page.undo_stack.redo()
    assert model.lines[2].draft.percent == 88 and model.lines[2].dirty
    copied = (_select(grid, 0, PERCENT, 2, PERCENT), grid.copy_cells())[1]
    assert copied == "88\r\n88\r\n88\r\n"


def _type(grid, qtbot, row: int, text: str):  # type: ignore[no-untyped-def]
    """Type into the percent cell of ``row`` as a clerk does (first key opens the editor)."""
    grid.setCurrentIndex(grid.model().index(row, PERCENT))
    grid.setFocus()
    qtbot.keyClick(grid, text[0])
    editor = next(e for e in grid.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, text[1:])
    assert editor.text() == text  # the "." reached the editor (it used to be swallowed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


def test_a_decimal_percent_is_kept_as_typed_and_saved(clerk_window, qtbot) -> None:
    page = _page(clerk_window)
    grid, model = page.grid, page.model
    _type(grid, qtbot, 0, "62.5")
    qtbot.waitUntil(lambda: grid.currentIndex().row() == 1)  # Enter accepted it and moved down
    assert not any(e.isVisible() for e in grid.findChildren(QLineEdit))
    assert model.lines[0].draft.percent == Decimal("62.5") and model.lines[0].dirty
    assert model.index(0, PERCENT).data() == "62.5"
    task_id = model.lines[0].grid.task_id
    assert page.save_edits()
    qtbot.waitUntil(lambda: not model.dirty_reports(), timeout=10_000)
    with page.desk.session() as session:
        stored = [r for r in reports_of_task(session, task_id) if r.period == model.period]
    assert stored[0].percent == Decimal("62.5")
    qtbot.waitUntil(lambda: model.index(0, PERCENT).data() == "62.5", timeout=10_000)


def test_too_many_decimals_or_over_100_are_refused_in_the_editor_never_stuck(
    clerk_window, qtbot
) -> None:
    page = _page(clerk_window)
    grid, model = page.grid, page.model
    before = model.lines[0].draft
    for typed, why in (("62.55", "最多一位小数"), ("101", "0 到 100")):
        _type(grid, qtbot, 0, typed)
        qtbot.waitUntil(lambda why=why: any(e.isVisible() and why in e.toolTip()
                                            for e in grid.findChildren(QLineEdit)), timeout=2000)  # fmt: skip
        editor = next(e for e in grid.findChildren(QLineEdit) if e.isVisible() and e.toolTip())
        assert editor.text() == typed and grid.currentIndex().row() == 0
        assert model.lines[0].draft == before
        editor.setText("62.5")  # corrected in the same editor: Enter now takes it
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not any(e.isVisible() for e in grid.findChildren(QLineEdit)))
        assert model.lines[0].draft.percent == Decimal("62.5")
        grid.undo_stack.undo()
        assert model.lines[0].draft == before


def test_status_bar_counts_and_sums_the_selection(clerk_window) -> None:
    page = _page(clerk_window)
    grid = page.grid
    QGuiApplication.clipboard().setText("10\r\n20\r\n30\r\n")
    _select(grid, 0, PERCENT, 0, PERCENT)
    assert grid.paste()
    _select(grid, 0, PERCENT, 2, PERCENT)
    assert "计数 3，求和 60" in clerk_window.statusBar().currentMessage()


def test_scheme_editor_tables_are_sheets_sharing_the_page_undo(clerk_window) -> None:
    from desktop.ui.sheet import SheetTable

    page = clerk_window.show_page("assessment")
    grades = page.editor.grades
    assert isinstance(grades, SheetTable) and grades.undo_stack is page.undo_stack
    editable = grades.rowCount() and grades.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable
    if not editable:
        return  # the demo's scheme is published: nothing to paste into
    old = grades.item(0, 1).text()
    _select(grades, 0, 1, 0, 1)
    assert grades.paste("91\r\n")
    assert grades.item(0, 1).text() == "91" and page.has_unsaved_edits()
    page.undo_stack.undo()
    assert grades.item(0, 1).text() == old
