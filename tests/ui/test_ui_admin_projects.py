"""重点工程 created, edited and closed from its page; 新建任务 from the ledger — driven offscreen."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.services import tasks
from desktop.services.overview import TaskFilter
from desktop.ui.projects.dialogs import ProjectDialog
from desktop.ui.task.dialogs import EditTaskDialog


def _run_with(monkeypatch, dialog_class, fill) -> list[QDialog]:  # type: ignore[no-untyped-def]
    opened: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        opened.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return opened


def test_a_project_edit_shows_in_the_ledger(clerk_window, monkeypatch) -> None:
    page = clerk_window.show_page("projects")
    page.select_project("01")
    old = page.current().name
    opened = _run_with(monkeypatch, ProjectDialog, lambda d: d.name.setText(""))
    page.edit_button.click()
    assert "不能为空" in opened[0].error.text()  # refused beside the field, nothing saved
    assert page.current().name == old
    _run_with(monkeypatch, ProjectDialog, lambda d: d.name.setText("智慧平安小区（二期）"))
    page.edit_button.click()
    assert page.current().name == "智慧平安小区（二期）"
    ledger = clerk_window.show_page("tasks")
    ledger.apply_filter(TaskFilter(project_id=page.current().id))
    assert ledger.model.total > 0
    assert {r.project for r in ledger.model.rows} == {"智慧平安小区（二期）"}


def test_new_project_then_new_task_from_the_ledger_then_close(
    clerk_window, monkeypatch, messages
) -> None:
    page = clerk_window.show_page("projects")
    before = len(page.model.rows)

    def new_project(dialog: ProjectDialog) -> None:
        dialog.name.setText("校园安全专项整治")
        dialog.description.setPlainText("中小学、幼儿园周边治安整治")

    _run_with(monkeypatch, ProjectDialog, new_project)
    page.new_project()
    assert len(page.model.rows) == before + 1
    project = page.current()
    assert (project.code, project.name) == ("11", "校园安全专项整治")

    ledger = clerk_window.show_page("tasks")
    ledger.apply_filter(TaskFilter(project_id=project.id))
    opened = _run_with(monkeypatch, EditTaskDialog, lambda d: None)
    ledger.new_button.click()  # no title yet: the dialog says so and stays
    assert "任务名称不能为空" in opened[0].error.text()
    assert opened[0].code.text() == "11-01" and opened[0].windowTitle() == "新建任务"
    _run_with(monkeypatch, EditTaskDialog, lambda d: d.title_edit.setText("校园周边护学岗全覆盖"))
    ledger.new_button.click()
    assert clerk_window.current_key == "task"
    assert clerk_window.pages["task"].detail.row.code == "11-01"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page = clerk_window.show_page("projects")
    page.select_project("11")
    page.close_button.click()
    assert "还有 1 项任务未销号（11-01）" in messages[-1]
    with clerk_window.desk.session() as s:
        assert next(p for p in tasks.list_projects(s) if p.code == "11").closed_on is None


def test_an_empty_project_closes_and_says_so(clerk_window, monkeypatch) -> None:
    _run_with(monkeypatch, ProjectDialog, lambda d: d.name.setText("临时专项"))
    page = clerk_window.show_page("projects")
    page.new_project()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.close_button.click()
    page.select_project("11")
    state = page.model.index(page.table.selected_rows()[0], 3).data()
    assert state.startswith("已关闭")


def test_leader_sees_project_and_task_buttons_disabled(leader_window) -> None:
    page = leader_window.show_page("projects")
    assert not page.edit_button.isEnabled() and not page.close_button.isEnabled()
    assert not leader_window.show_page("tasks").new_button.isEnabled()
