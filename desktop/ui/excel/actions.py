"""The Excel actions of the 文件 menu and of the 进度报送 and 任务台账 pages, run off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from desktop.services.auth import Permission
from desktop.services.excel import export, import_reports, templates
from desktop.services.periods import Period
from desktop.ui.actions import ActionSpec
from desktop.ui.calls import Progress
from desktop.ui.excel.preview_dialog import APPLY, DROP_REFUSED, ImportPreviewDialog
from desktop.ui.fmt import period_label
from desktop.ui.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

XLSX_FILTER = QT_TR_NOOP("Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)")


def _page_period(window: MainWindow) -> str | None:
    page = window.pages.get("reports")
    combo = getattr(page, "period", None)
    return combo.currentData() if combo is not None and window.current_key == "reports" else None


def import_files(window: MainWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(window, tr("选择报回的报送表"), "", tr(XLSX_FILTER))
    if paths:
        preview_then_apply(window, [Path(p) for p in paths])


def import_folder(window: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(window, tr("选择存放报送表的文件夹（如U盘）"))
    if folder:
        preview_then_apply(window, [Path(folder)])


def preview_then_apply(window: MainWindow, paths: list[Path]) -> None:
    expect = _page_period(window)

    def work(progress: Progress) -> import_reports.ImportPreview:
        with window.desk.session() as session:
            return import_reports.preview_import(session, paths, expect, progress=progress)

    window.run_task(tr("正在读取报送表…"), work, lambda p: _show_preview(window, p), refresh=False)


def _show_preview(window: MainWindow, preview: import_reports.ImportPreview) -> None:
    dialog = ImportPreviewDialog(preview, window)
    answer = dialog.exec()
    if answer == DROP_REFUSED:
        kept = [Path(f.key) for f in preview.files if not f.refused]
        preview_then_apply(window, kept)
    elif answer == APPLY:
        if not window.settle_unsaved(tr("导入报送表")):  # the import reloads every page
            return

        def work(_progress: Progress) -> import_reports.ImportResult:
            with window.desk.session() as session:
                return import_reports.apply_import(session, window.desk.actor, preview)

        window.run_task(
            tr("正在导入…"),
            work,
            lambda result: (
                None if QMessageBox.information(window, tr("导入完成"), result.message) else None
            ),
        )


def export_ledger(window: MainWindow) -> None:
    default = f"督办台账_{window.desk.today.isoformat()}.xlsx"
    target, _ = QFileDialog.getSaveFileName(window, tr("导出台账"), default, tr(XLSX_FILTER))
    if not target:
        return
    path = Path(target if target.lower().endswith(".xlsx") else f"{target}.xlsx")

    def work(progress: Progress) -> export.ExportSummary:
        with window.desk.session() as session:
            return export.export_ledger(session, path, progress)

    def done(summary: export.ExportSummary) -> None:
        window.statusBar().showMessage(
            tr("已导出台账：{path}（任务 {n} 项）").format(path=summary.path, n=summary.tasks), 8000
        )

    window.run_task(tr("正在导出台账…"), work, done, refresh=False)


def make_templates(window: MainWindow) -> None:
    today: date = window.desk.today
    periods = [str(Period.of(today).shift(-i)) for i in range(0, 6)]
    period, ok = QInputDialog.getItem(
        window, tr("生成报送模板"), tr("报送期次："), periods, 0, False
    )
    if not ok:
        return
    folder = QFileDialog.getExistingDirectory(window, tr("模板保存到哪个文件夹"))
    if not folder:
        return

    def work(progress: Progress) -> list[templates.TemplateFile]:
        with window.desk.session() as session:
            return templates.write_templates(session, period, Path(folder), progress=progress)

    def done(files: list[templates.TemplateFile]) -> None:
        QMessageBox.information(
            window,
            tr("生成报送模板"),
            tr("已为 {n} 个单位生成{label}报送模板，保存在：\n{folder}").format(
                n=len(files), label=period_label(period), folder=folder
            ),
        )

    window.run_task(tr("正在生成报送模板…"), work, done, refresh=False)


EDIT = Permission.EDIT_LEDGER
FILE_ACTIONS = [
    ActionSpec(QT_TR_NOOP("生成报送模板…"), make_templates, EDIT),
    ActionSpec(QT_TR_NOOP("导入报送表（选择文件）…"), import_files, EDIT, "Ctrl+I"),
    ActionSpec(QT_TR_NOOP("导入报送表（整个文件夹）…"), import_folder, EDIT),
    ActionSpec(QT_TR_NOOP("导出台账为 Excel…"), export_ledger, Permission.READ, "Ctrl+E"),
]
REPORTS_ACTIONS = [
    ActionSpec(QT_TR_NOOP("生成模板"), make_templates, EDIT),
    ActionSpec(QT_TR_NOOP("导入"), import_folder, EDIT),
    ActionSpec(QT_TR_NOOP("导出"), export_ledger, Permission.READ),
]
TASKS_ACTIONS = [  # 导出 here is the table on screen (desktop/ui/view_export.py)
    ActionSpec(QT_TR_NOOP("导入"), import_files, EDIT),
]
