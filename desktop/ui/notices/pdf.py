"""Show, print and save a notice's PDF: the printer gets exactly the PDF's pages, nothing re-laid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from desktop.services.notices import register as notices
from desktop.ui.errors import show_error
from desktop.ui.i18n import QT_TR_NOOP, tr

PRINT_DPI = 300  # a 300 dpi A4 page is 35 MB as an image; the printer's 1200 dpi would be 560 MB


class PdfDocument:
    """A QPdfDocument over bytes held in memory (the buffer must outlive the document)."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        self.data = data
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(parent)  # type: ignore[arg-type]  # None is allowed
        self.document.load(self.buffer)

    @property
    def pages(self) -> int:
        return self.document.pageCount()


class PdfPreview(QWidget):
    """The live preview: whole pages, one under another, zoomed to the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.current: PdfDocument | None = None

    def show_pdf(self, data: bytes) -> int:
        old = self.current
        self.current = PdfDocument(data, self)
        self.view.setDocument(self.current.document)
        if old is not None:
            old.document.close()
        return self.current.pages


def paint_pages(printer: QPrinter, pdf: PdfDocument, first: int = 1, last: int = 0) -> int:
    """Draw pages ``first``..``last`` (1-based, 0 = to the end) of the PDF onto the printer."""
    last = pdf.pages if last <= 0 else min(last, pdf.pages)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("打印机无法开始打印。"))
    printed = 0
    try:
        for index in range(first - 1, last):
            if printed:
                printer.newPage()
            target = painter.viewport()
            image = pdf.document.render(index, QSize(target.width(), target.height()))
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setFullPage(True)  # the PDF already holds the margins of GB/T 9704
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)  # notices are printed on both sides
    return printer


def print_pdf(parent: QWidget, data: bytes, title: str) -> int:
    """打印 through the system dialog; returns the pages sent (0 when cancelled)."""
    pdf = PdfDocument(data, parent)
    printer = a4_printer()
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("打印公文"))
    dialog.setMinMax(1, pdf.pages)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    first, last = printer.fromPage(), printer.toPage()
    try:
        return paint_pages(printer, pdf, first or 1, last)
    except OSError as exc:
        show_error(parent, exc)
        return 0


def save_pdf_as(parent: QWidget, data: bytes, suggested: str) -> str:
    """另存为 PDF; returns the path written, or "" when the clerk cancelled."""
    return save_document_as(parent, data, suggested, "pdf")


FILTERS = {
    "pdf": QT_TR_NOOP("PDF 文件 (*.pdf)"),
    "ofd": QT_TR_NOOP("OFD 版式文件 (*.ofd)"),
}


def save_document_as(parent: QWidget, data: bytes, suggested: str, fmt: str) -> str:
    """另存为 PDF or OFD; returns the path written, or "" when the clerk cancelled."""
    title = tr("另存为 PDF") if fmt == "pdf" else tr("另存为 OFD")
    suggested = str(Path(suggested).with_suffix(f".{fmt}"))
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, tr(FILTERS[fmt]))
    if not path:
        return ""
    if not path.lower().endswith(f".{fmt}"):
        path += f".{fmt}"
    try:
        notices.save_document(data, Path(path), fmt)
    except Exception as exc:  # shown to the clerk; nothing half-written (temp + rename)
        show_error(parent, exc)
        return ""
    return path
