"""新建/编辑重点工程: one dialog for both; the code is fixed once the project exists."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from desktop.services import tasks
from desktop.services.tasks import ProjectInfo
from desktop.ui.desk import Desk
from desktop.ui.forms import ServiceDialog, ok_cancel
from desktop.ui.i18n import tr


def _free_code(projects: list[ProjectInfo]) -> str:
    """The next two-digit code, as the demo and the ledger import number projects."""
    used = {p.code for p in projects}
    n = 1
    while f"{n:02d}" in used:
        n += 1
    return f"{n:02d}"


class ProjectDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, desk: Desk, project_id: int | None = None) -> None:
        super().__init__(parent, tr("编辑重点工程") if project_id else tr("新建重点工程"))
        self.desk, self.project_id = desk, project_id
        self.created: ProjectInfo | None = None
        with desk.session() as session:
            projects = tasks.list_projects(session)
            units = tasks.list_units(session)
        current = next((p for p in projects if p.id == project_id), None)
        self.code = QLineEdit(current.code if current else _free_code(projects))
        self.code.setEnabled(current is None)  # the code is fixed once tasks are numbered under it
        self.code.setToolTip(tr("工程编号建立后不能修改") if current else "")
        self.name = QLineEdit(current.name if current else "")
        self.lead = QComboBox()
        for unit in units:
            self.lead.addItem(unit.name, unit.id)
        if current is not None:
            self.lead.setCurrentIndex(self.lead.findData(current.lead_unit_id))
        self.description = QPlainTextEdit(current.description if current else "")
        self.description.setMaximumHeight(110)
        form = QFormLayout(self)
        for label, widget, name in (
            (tr("工程编号"), self.code, "code"),
            (tr("工程名称"), self.name, "name"),
            (tr("牵头单位"), self.lead, "lead_unit_id"),
            (tr("工程简介"), self.description, "description"),
        ):
            form.addRow(label, widget)
            self.fields[name] = widget
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.setMinimumWidth(480)

    def submit(self) -> None:
        with self.desk.session() as session:
            if self.project_id is None:
                self.created = tasks.create_project(
                    session,
                    self.desk.actor,
                    self.code.text(),
                    self.name.text(),
                    self.lead.currentData(),
                    self.description.toPlainText(),
                )
            else:
                tasks.edit_project(
                    session,
                    self.desk.actor,
                    self.project_id,
                    self.name.text(),
                    self.lead.currentData(),
                    self.description.toPlainText(),
                )
