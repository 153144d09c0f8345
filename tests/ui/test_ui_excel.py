"""Excel in the GUI: 文件 menu and page buttons, the preview table, import and export off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.services.excel.import_reports import preview_import
from desktop.services.excel.templates import write_templates
from desktop.ui.excel import actions
from desktop.ui.excel.preview_dialog import APPLY, ImportPreviewDialog


def _stick(window, tmp_path: Path, wrong: bool = False) -> Path:
    folder = tmp_path / "stick"
    with window.desk.session() as session:
        write_templates(session, "2026-11", folder)
    path = folder / "市公安局_2026-11.xlsx"
    book = openpyxl.load_workbook(path)
    book["进度报送"]["D5"] = 130 if wrong else 100
    book.save(path)
    return folder


def test_menu_and_buttons_are_there(clerk_window) -> None:
    labels = [a.text() for a in clerk_window.file_menu.actions()]
    assert "导入报送表（整个文件夹）…" in labels and "导出台账为 Excel…" in labels


def test_preview_table_sorts_and_shows_refusals(clerk_window, qtbot, tmp_path) -> None:
    folder = _stick(clerk_window, tmp_path, wrong=True)
    with clerk_window.desk.session() as session:
        preview = preview_import(session, [folder])
    dialog = ImportPreviewDialog(preview, clerk_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.apply_button.isEnabled() and dialog.drop_button.isVisible()
    assert dialog.model.row_at(0).change == "rejected"
    assert "D5：完成百分比应为0到100的数，最多一位小数" in dialog.problems.toPlainText()
    dialog.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    codes = [dialog.model.row_at(i).code for i in range(dialog.model.rowCount())]
    assert codes == sorted(codes)
    dialog.grab().save(str(tmp_path / "preview.png"))


def test_folder_import_applies_after_preview(
    clerk_window, qtbot, tmp_path, monkeypatch, messages
) -> None:
    folder = _stick(clerk_window, tmp_path)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: APPLY)
    actions.import_folder(clerk_window)
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert "已导入 10 个文件" in messages[-1] and "更新 1 条" in messages[-1]


def test_export_from_menu(clerk_window, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    actions.export_ledger(clerk_window)
    qtbot.waitUntil(target.exists, timeout=20_000)
    qtbot.waitUntil(lambda: "已导出台账" in clerk_window.statusBar().currentMessage(), timeout=5000)
