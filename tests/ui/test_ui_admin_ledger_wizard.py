"""导入原有台账: the first-use wizard over a small generated spreadsheet — file, sheet and header row,
the mapping (prefilled, then remembered), the preview, the import — driven offscreen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QWizard

from desktop.services import tasks
from desktop.services.overview import TaskFilter
from desktop.ui.excel import ledger_wizard
from desktop.ui.excel.ledger_wizard import LedgerImportWizard

HEADERS = ["序号", "所属工程", "重点事项", "责任单位", "配合单位", "完成时间", "备注"]
ROWS = [
    [1, "校园安全专项", "校园周边护学岗全覆盖", "市公安局", "市教育局", "2026年12月", ""],
    [2, "校园安全专项", "校园食堂食品安全检查", "市市场监管局", "", datetime(2026, 12, 20), "每季度"],
    [3, "矛盾纠纷化解", "信访积案清零", "市信访局", "市司法局、市民政局", "2026.12.31", ""],
]  # fmt: skip


def office_sheet(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "原台账"
    ws["A1"] = "2026年平安建设重点任务台账"
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    book.create_sheet("说明")["A1"] = "填表说明"
    book.save(path)
    return path


def _to_mapping(wizard: LedgerImportWizard, path: Path) -> None:
    wizard.show()  # a wizard has no current page until shown
    wizard.file_step.path.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.sheet_step
    assert wizard.sheet_step.header_row.value() == 2  # the service's guess, below the title
    assert "重点事项" in wizard.sheet_step.headers.text()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_step


def test_wizard_imports_a_small_spreadsheet_and_remembers_the_mapping(
    clerk_window, tmp_path, qtbot
) -> None:
    wizard = LedgerImportWizard(clerk_window, clerk_window.desk)
    qtbot.addWidget(wizard)
    _to_mapping(wizard, office_sheet(tmp_path / "原台账.xlsx", ROWS))
    combos = wizard.mapping_step.combos
    assert combos["lead_unit"].currentData() == "责任单位"  # usual names prefilled
    assert combos["deadline"].currentData() == "完成时间"
    assert combos["title"].currentData() == ""  # 重点事项 is this office's own word
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_step
    assert "任务名称" in wizard.mapping_step.error.text()
    combos["title"].setCurrentIndex(combos["title"].findData("重点事项"))
    wizard.next()
    assert wizard.currentPage() is wizard.options_step
    assert wizard.options_step.year.value() == 2026  # the title's year
    assert "市市场监管局 → 市市场监督管理局" in wizard.options_step.matched.text()
    wizard.next()
    step = wizard.preview_step
    assert wizard.currentPage() is step
    assert [r.change for r in step.model.rows] == ["new", "new", "new"]
    assert "校园安全专项" in step.creates.text() and "将新建单位：无" in step.creates.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.outcome is not None and wizard.outcome.tasks == 3
    with clerk_window.desk.session() as s:
        project = next(p for p in tasks.list_projects(s) if p.name == "校园安全专项")
    ledger = clerk_window.show_page("tasks")
    ledger.apply_filter(TaskFilter(project_id=project.id))
    assert {r.title for r in ledger.model.rows} == {"校园周边护学岗全覆盖", "校园食堂食品安全检查"}

    again = LedgerImportWizard(clerk_window, clerk_window.desk)  # next time: remembered
    qtbot.addWidget(again)
    _to_mapping(again, office_sheet(tmp_path / "新表.xlsx", ROWS[:1]))
    assert again.mapping_step.combos["title"].currentData() == "重点事项"
    again.next()
    again.next()
    assert [r.change for r in again.preview_step.model.rows] == ["exists"]  # imported already
    assert not again.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_wrong_row_blocks_the_import_and_writes_nothing(clerk_window, tmp_path, qtbot) -> None:
    bad = [*ROWS, [4, "校园安全专项", "无时限的任务", "市公安局", "", "", ""]]
    wizard = LedgerImportWizard(clerk_window, clerk_window.desk)
    qtbot.addWidget(wizard)
    _to_mapping(wizard, office_sheet(tmp_path / "有误.xlsx", bad))
    combos = wizard.mapping_step.combos
    combos["title"].setCurrentIndex(combos["title"].findData("重点事项"))
    wizard.next()
    wizard.next()
    assert "第6行：完成时限为空" in wizard.preview_step.problems.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with clerk_window.desk.session() as s:
        assert not any(p.name == "校园安全专项" for p in tasks.list_projects(s))


def test_not_a_spreadsheet_is_told_on_the_first_step(clerk_window, tmp_path, qtbot) -> None:
    junk = tmp_path / "台账.xlsx"
    junk.write_text("这不是表格", encoding="utf-8")
    wizard = LedgerImportWizard(clerk_window, clerk_window.desk)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_step.path.setText(str(junk))
    wizard.next()
    assert wizard.currentPage() is wizard.file_step
    assert "台账.xlsx" in wizard.file_step.error.text()


def test_reachable_from_file_menu_and_ledger_page_not_for_the_leader(
    clerk_window, leader_window, monkeypatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(ledger_wizard, "open_wizard", lambda w: opened.append(w))
    label = "导入原有台账（首次使用）…"
    clerk_item = next(a for a in clerk_window.file_menu.actions() if a.text() == label)
    leader_item = next(a for a in leader_window.file_menu.actions() if a.text() == label)
    assert clerk_item.isEnabled() and not leader_item.isEnabled()
    page = clerk_window.show_page("tasks")
    buttons = [b for b in page.findChildren(type(page.new_button)) if b.text() == "导入原有台账…"]
    assert len(buttons) == 1 and buttons[0].isEnabled()


def test_the_office_sheet_with_a_year_to_confirm_and_a_unit_to_map(
    clerk_window, tmp_path, qtbot
) -> None:
    """The sheet of issue 20 without a year in its title and with one name no rule knows."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "services"))
    from office_ledger import build

    path = build(tmp_path / "十大工程台账.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["A1"] = "平安建设重点工程任务推进台账"
    book.active["A2"] = "统计截至：11月20日"
    book.active["D10"] = "人社部门"
    book.save(path)
    wizard = LedgerImportWizard(clerk_window, clerk_window.desk)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_step.path.setText(str(path))
    wizard.next()
    assert wizard.sheet_step.header_row.value() == 4  # the lower of the two header rows
    wizard.next()
    assert wizard.mapping_step.combos["percent"].currentData() == "完成比例"
    wizard.next()
    options = wizard.options_step
    assert wizard.currentPage() is options and "请确认" in options.year_note.text()
    options.year.setValue(2026)
    options.cutoff.setDate(options.cutoff.date().fromString("2026-11-20", "yyyy-MM-dd"))
    combo = options.units["人社部门"]
    combo.setCurrentIndex(combo.findText("市人力资源和社会保障局"))
    wizard.next()
    step = wizard.preview_step
    assert wizard.currentPage() is step and not step.problems.text(), step.problems.text()
    changes = [r.change for r in wizard.preview.rows]
    assert "rejected" not in changes and changes.count("skipped") == 2
    new = changes.count("new")  # the demo already has some of these tasks
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.outcome is not None and wizard.outcome.tasks == new >= 4
    assert wizard.outcome.reports == new and wizard.outcome.units == 0
