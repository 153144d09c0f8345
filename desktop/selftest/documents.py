"""Self-test checks of 公文排版: the circular laid out as PDF and OFD, the PDF read back by QtPdf."""

from __future__ import annotations

from typing import Any

from desktop.selftest.shared import DEMO_PERIOD, NotYet, Run, optional


def check_circular(run: Run) -> str:
    documents = optional("desktop.documents")
    fonts = documents.FontSet.shipped()  # the bundled fonts, whatever the PC has installed
    doc, what = _circular_document(run)
    result = documents.render_pdf(doc, fonts)
    if result.glyph_warnings:
        raise RuntimeError("字形缺失：" + "；".join(result.glyph_warnings[:3]))
    run.document = doc
    run.pdf = run.folder / "自检通报.pdf"
    run.pdf.write_bytes(result.pdf)
    run.pdf_pages = result.page_count
    return f"{what}，{result.page_count} 页，{len(result.pdf) // 1024} KB，字形齐全"


def _circular_document(run: Run) -> tuple[Any, str]:
    """The demo ledger's circular when the circular service exists, else the layout sample."""
    try:
        circular = optional("desktop.services.circular")
    except NotYet:
        circular = None
    if circular is not None and run.ledger is not None:
        from desktop.documents.compose_circular import compose_circular
        from desktop.services import settings

        with run.ledger.session() as session:
            data = circular.circular_data(session, DEMO_PERIOD)
            head = circular.letterhead(settings.office(session))
        return compose_circular(data, head), f"演示台账 {DEMO_PERIOD} 工作进展通报"
    samples = optional("desktop.documents.samples")
    return samples.sample_document(paragraphs=8), "排版样张"


def check_ofd(run: Run) -> str:
    """The same circular as OFD: fontTools subsets the shipped fonts, then it is read back."""
    if run.document is None:
        raise RuntimeError("公文未生成（见“公文排版”）")
    from desktop.documents import FontSet
    from desktop.documents.ofd import check_ofd as read_back
    from desktop.documents.ofd import render_ofd

    result = render_ofd(run.document, FontSet.shipped(), archival=True)
    if result.glyph_warnings:
        raise RuntimeError("字形缺失：" + "；".join(result.glyph_warnings[:3]))
    pages = read_back(result.ofd, archival=True)
    if pages != result.page_count:
        raise RuntimeError(f"OFD 读回 {pages} 页，排版为 {result.page_count} 页")
    return f"OFD-A {pages} 页，{len(result.ofd) // 1024} KB，字体子集嵌入并读回"


def check_qtpdf(run: Run) -> str:
    if run.pdf is None:
        optional("desktop.documents")  # not built yet: nothing to open, skip
        raise RuntimeError("公文未生成（见上一项）")
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    run.qt()
    document = QPdfDocument()
    error = document.load(str(run.pdf))
    if error != QPdfDocument.Error.None_:
        raise RuntimeError(f"QtPdf 无法打开：{error}")
    pages = document.pageCount()
    if pages != run.pdf_pages:
        raise RuntimeError(f"QtPdf 读出 {pages} 页，排版为 {run.pdf_pages} 页")
    image = document.render(0, QSize(298, 421))
    if image.isNull():
        raise RuntimeError("QtPdf 无法渲染第 1 页")
    inked = sum(
        1 for x in range(0, 298, 7) for y in range(0, 421, 7) if image.pixel(x, y) != 0xFFFFFFFF
    )
    document.close()
    if inked == 0:
        raise RuntimeError("第 1 页渲染为空白")
    return f"QPdfDocument 打开 {pages} 页并渲染第 1 页"
