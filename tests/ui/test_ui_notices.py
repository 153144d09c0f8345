"""公文 page: circular draft with live preview, edit and save, issue freezes, print exactly the pages."""

from __future__ import annotations

import io
import os
import threading
import time
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.services.notices.register import DocKind, DocStatus
from desktop.ui.notices.pdf import PdfDocument, a4_printer, paint_pages


def test_circular_edit_issue_and_print(clerk_window, qtbot, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("2026-11", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page = clerk_window.show_page("notices")
    page.new_circular()
    assert page.renderer.wait()  # the draft renders on a worker thread
    circular = [r for r in page.model.rows if r.kind == DocKind.CIRCULAR and r.period == "2026-11"]
    assert circular and page.current is not None and page.current.row.id == circular[0].id
    assert page.preview.current is not None and page.preview.current.pages > 3

    # The clerk edits the title; the preview follows after the pause; saving keeps it.
    page.form.title_edit.setText("关于2026年11月重点工程推进情况的通报（修改）")
    page.form.title_edit.textEdited.emit(page.form.title_edit.text())
    assert page.timer.isActive()
    page.update_preview()
    assert page.renderer.pending  # update_preview returned before the render finished
    assert page.renderer.wait()
    assert PdfReader(io.BytesIO(page.pdf)).metadata.title.endswith("（修改）")
    assert page.save_draft()
    assert page.current.row.title.endswith("（修改）") and page.current.version == 2

    if os.environ.get("DUBAN_SCREENSHOTS"):
        clerk_window.resize(QSize(1400, 860))
        qtbot.wait(800)  # QPdfView renders its pages in the event loop
        clerk_window.grab().save(str(Path(os.environ["DUBAN_SCREENSHOTS"]) / "notices.png"))

    page.issue()
    assert page.current.row.status == DocStatus.ISSUED and page.current.row.number
    assert page.form.title_edit.isReadOnly() and not page.save_button.isEnabled()
    assert page.correct_button.isEnabled()

    # Printing draws exactly the PDF's pages (here onto a PDF printer instead of paper).
    pdf = PdfDocument(page.pdf)
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pages(printer, pdf) == pdf.pages == page.current.pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == page.current.pages


def test_leader_sees_the_register_but_cannot_issue(leader_window) -> None:
    page = leader_window.show_page("notices")
    assert not page.issue_button.isEnabled() and not page.save_button.isEnabled()


def test_preview_renders_off_the_gui_thread_and_drops_stale_results(qtbot) -> None:
    from desktop.ui.notices.preview_worker import PreviewRenderer

    renderer = PreviewRenderer()
    shown: list[bytes] = []
    renderer.rendered.connect(shown.append)
    threads: list[threading.Thread] = []

    def slow() -> bytes:
        threads.append(threading.current_thread())
        time.sleep(0.3)
        return b"old"

    started = time.perf_counter()
    renderer.request(slow)
    renderer.request(lambda: b"middle")  # queued, then taken back by the next request
    renderer.request(lambda: b"new")
    assert time.perf_counter() - started < 0.1  # the GUI thread never waited
    assert renderer.wait()
    qtbot.waitUntil(lambda: not renderer.pending, timeout=5_000)
    assert shown == [b"new"]  # the slow first render finished but was dropped
    assert threads and threads[0] is not threading.main_thread()

    def broken() -> bytes:
        raise ValueError("half-typed")

    failures: list[object] = []
    renderer.failed.connect(failures.append)
    renderer.request(broken)
    renderer.wait()
    assert len(failures) == 1 and shown == [b"new"]
