"""移交与接收登记表 as a PDF to print and sign: A4 portrait, one ruled table in the shipped 宋体
and 黑体 (embedded subsets, the same on any PC), the long digests wrapped inside their cells."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from desktop.documents.fonts import FontRole, FontSet, reportlab_lock


@dataclass(frozen=True)
class TransferForm:
    title: str
    # (label, value, label, value): before ``sides``, a value with the last two empty spans the
    # row; from ``sides`` on (checks, signatures, date), the value spans two columns for the
    # 移交单位 and the fourth cell is the 接收单位's.
    rows: tuple[tuple[str, str, str, str], ...]
    footer: str = ""
    sides: int | None = None


def render(form: TransferForm, fonts: FontSet | None = None) -> bytes:
    fonts = fonts or FontSet.shipped()
    with reportlab_lock:  # the shared fonts' subset tables: one PDF drawn at a time
        return _render(form, fonts)


def _render(form: TransferForm, fonts: FontSet) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from desktop.documents.text import patch_reportlab_kinsoku

    patch_reportlab_kinsoku()  # its Paragraphs wrap CJK by reportlab's rules
    song = fonts[FontRole.SONGTI].reportlab_name
    hei = fonts[FontRole.HEITI].reportlab_name
    cell = ParagraphStyle("cell", fontName=song, fontSize=10.5, leading=15, wordWrap="CJK")
    label = ParagraphStyle("label", parent=cell, fontName=hei)
    title = ParagraphStyle("title", fontName=hei, fontSize=18, leading=26, alignment=1)
    note = ParagraphStyle("note", parent=cell, fontSize=9, leading=13)
    data = []
    spans = []
    for r, (a, b, c, d) in enumerate(form.rows):
        data.append(
            [
                Paragraph(escape(a), label),
                Paragraph(escape(b), cell),
                Paragraph(escape(c), label),
                Paragraph(escape(d), cell),
            ]
        )
        two_sided = r >= form.sides if form.sides is not None else not (b and not d) and not c
        if two_sided:  # 移交单位's cell (two columns) beside 接收单位's: checks and signatures
            spans.append(("SPAN", (1, r), (2, r)))
        elif not c and not d:  # a value across the row
            spans.append(("SPAN", (1, r), (3, r)))
    width = A4[0] - 40 * mm
    # Room to sign by hand, and for a seal.
    heights = [
        22 * mm if a.endswith("（印章）") else 13 * mm if a.endswith("（签名）") else None
        for a, _b, _c, _d in form.rows
    ]
    table = Table(
        data,
        colWidths=[0.22 * width, 0.32 * width, 0.18 * width, 0.28 * width],
        rowHeights=heights,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), song),  # else the table declares a Helvetica
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                *spans,
            ]
        )
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=form.title,
        invariant=1,
        initialFontName=song,
    )
    story = [Paragraph(escape(form.title), title), Spacer(1, 8 * mm), table]
    if form.footer:
        story += [Spacer(1, 4 * mm), Paragraph(escape(form.footer), note)]
    doc.build(story)
    return out.getvalue()
