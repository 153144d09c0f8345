"""导出 and 打印 of the table on screen: exactly its rows, their order and its visible columns in
their on-screen order, with the page's filter in the title; printing goes through a preview
(landscape, the header repeated on every page, page numbers)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QTableView

from desktop.services.auth import Permission
from desktop.services.excel.view_export import TableView, export_view
from desktop.ui.actions import ActionSpec
from desktop.ui.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.page import Page

VIEW_PAGES = ("tasks", "projects", "funds", "supervision", "interviews", "assessment")


def table_view(view: QTableView, title: str) -> TableView:
    """What ``view`` shows: every row (a lazily fetched model is fetched to the end), in its
    order, and the columns not hidden, in the order the clerk dragged them to."""
    model = view.model()
    while model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        if model.rowCount() == before:
            break
    header = view.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not header.isSectionHidden(c)]
    role = Qt.ItemDataRole.DisplayRole
    headers = tuple(  # a header wrapped on screen (考核's "质量\n（20）") is one line on paper
        " ".join(str(model.headerData(c, Qt.Orientation.Horizontal, role) or "").split("\n"))
        for c in columns
    )
    rows = tuple(
        tuple(_text(model.data(model.index(r, c), role)) for c in columns)
        for r in range(model.rowCount())
        if not view.isRowHidden(r)
    )
    return TableView(title, headers, rows, tuple(header.sectionSize(c) for c in columns))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def current_view(window: MainWindow) -> tuple[Page, TableView] | None:
    page = window.pages.get(window.current_key)
    table = page.view_table() if page is not None else None
    if page is None or table is None:
        window.statusBar().showMessage(tr("本页没有可导出或打印的表格。"), 6000)
        return None
    return page, table_view(table, page.view_title())


def export_current(window: MainWindow) -> Path | None:
    found = current_view(window)
    if found is None:
        return None
    _page, view = found
    default = view.title.split("（")[0] + ".xlsx"
    target, _ = QFileDialog.getSaveFileName(
        window, tr("导出当前表格"), default, tr("Excel 工作簿 (*.xlsx)")
    )
    if not target:
        return None
    path = Path(target if target.endswith(".xlsx") else target + ".xlsx")
    window.run_task(
        tr("正在导出…"),
        lambda _p: export_view(view, path),
        lambda written: window.statusBar().showMessage(
            tr("已导出 {n} 行：{path}").format(n=len(view.rows), path=written), 8000
        ),
        refresh=False,
    )
    return path


def view_html(view: TableView) -> str:
    """The view as an HTML table: <thead> repeats on every printed page."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in view.headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in view.rows
    )
    return (
        f"<h3 align='center'>{html.escape(view.title)}</h3>"
        "<table border='1' cellspacing='0' cellpadding='3' width='100%' style='font-size:9pt'>"
        f"<thead><tr style='background:#eeeeee'>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"<p style='font-size:8pt'>{html.escape(tr('共 {n} 行').format(n=len(view.rows)))}</p>"
    )


def print_document(view: TableView) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(view_html(view))
    return document


def landscape_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def print_current(window: MainWindow) -> QPrintPreviewDialog | None:
    """Ctrl+P: the table on screen in a print preview. QTextDocument.print draws page numbers
    when the document has no page size of its own, and repeats the <thead> on every page."""
    found = current_view(window)
    if found is None:
        return None
    _page, view = found
    document = print_document(view)
    document.setPageSize(QSizeF())  # paginate on the printer's page: numbers at the foot
    printer = landscape_printer()
    preview = QPrintPreviewDialog(printer, window)
    preview.setWindowTitle(tr("打印预览 — {t}").format(t=view.title))
    preview.paintRequested.connect(document.print_)
    window._print_preview = preview  # type: ignore[attr-defined]  # tests look at it
    preview.open()
    return preview


VIEW_ACTIONS = [
    ActionSpec(QT_TR_NOOP("导出当前表格"), export_current, Permission.READ),
    ActionSpec(QT_TR_NOOP("打印…"), print_current, Permission.READ, "Ctrl+P"),
]
