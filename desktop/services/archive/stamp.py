"""归档章 (DA/T 22): a red 2×3 stamp table at the top right of the first page of a COPY of an
item's PDF. The copy is an incremental update: the register's issued PDF is its unchanged first
bytes, so ``original_sha256``/``original_size`` in metadata.xml prove which file it came from."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from desktop.services.archive import codes

# reportlab is imported where a stamp is drawn: opening the desk must not pay for it.
RED_RGB = (0.8, 0.0, 0.0)
mm = 72 / 25.4  # reportlab.lib.units.mm
CELL_W, CELL_H = 17 * mm, 9 * mm
RIGHT, TOP = 12 * mm, 8 * mm  # from the page's top-right corner, in the blank top margin


class StampProblem(Exception):
    pass


@dataclass(frozen=True)
class StampFields:
    fonds: str  # 全宗号
    year: int  # 年度
    retention: str  # 保管期限 code: Y / D30 / D10
    number: int  # 件号
    pages: int  # 页数 of the item
    organisation: str = ""  # 机构(问题), optional

    def cells(self) -> list[tuple[str, str]]:
        """Two rows of three (label, value), the layout of DA/T 22's figure."""
        return [
            ("全宗号", self.fonds),
            ("年度", str(self.year)),
            ("件号", f"{self.number:04d}"),
            ("机构(问题)", self.organisation),
            ("保管期限", codes.RETENTIONS.get(self.retention, self.retention)),
            ("页数", str(self.pages)),
        ]


@dataclass(frozen=True)
class Stamped:
    data: bytes
    original_size: int
    original_sha256: str


def _font() -> str:
    # The shipped 宋体 (embedded as a subset): the stamp reads the same on any PC.
    from desktop.documents.fonts import FontRole, FontSet

    return FontSet.shipped()[FontRole.SONGTI].reportlab_name


def _stamp_page(width: float, height: float, fields: StampFields) -> bytes:
    from desktop.documents.fonts import reportlab_lock

    with reportlab_lock:  # the shared font's subset tables: one PDF drawn at a time
        return _draw_stamp(width, height, fields)


def _draw_stamp(width: float, height: float, fields: StampFields) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    font = _font()
    # The canvas's initial font goes into the page's resources even if never used: without
    # initialFontName it is a Helvetica that is not embedded (DA/T 70 可用性 found it).
    pdf = canvas.Canvas(out, pagesize=(width, height), invariant=1, initialFontName=font)
    left = width - RIGHT - 3 * CELL_W
    top = height - TOP
    pdf.setStrokeColorRGB(*RED_RGB)
    pdf.setFillColorRGB(*RED_RGB)
    pdf.setLineWidth(1.2)
    pdf.rect(left, top - 2 * CELL_H, 3 * CELL_W, 2 * CELL_H)
    pdf.setLineWidth(0.6)
    pdf.line(left, top - CELL_H, left + 3 * CELL_W, top - CELL_H)
    for col in (1, 2):
        pdf.line(left + col * CELL_W, top, left + col * CELL_W, top - 2 * CELL_H)
    for index, (label, value) in enumerate(fields.cells()):
        row, col = divmod(index, 3)
        centre = left + (col + 0.5) * CELL_W
        base = top - row * CELL_H
        pdf.setFont(font, 5)
        pdf.drawCentredString(centre, base - 2.6 * mm, label)
        size = 9.0
        while size > 5 and pdf.stringWidth(value, font, size) > CELL_W - 2 * mm:
            size -= 0.5
        pdf.setFont(font, size)
        pdf.drawCentredString(centre, base - CELL_H + 2 * mm, value)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def stamp(original: bytes, fields: StampFields) -> Stamped:
    """The original's bytes followed by an update drawing the stamp on page 1; the original is
    never changed (a reader of the copy's first ``original_size`` bytes gets it back exactly)."""
    try:
        from pypdf import PdfReader, PdfWriter

        reader = PdfReader(io.BytesIO(original))
        writer = PdfWriter(reader, incremental=True)
        first = writer.pages[0]
        box = first.mediabox
        overlay = PdfReader(
            io.BytesIO(_stamp_page(float(box.width), float(box.height), fields))
        ).pages[0]
        first.merge_translated_page(overlay, float(box.left), float(box.bottom))
        out = io.BytesIO()
        writer.write(out)
    except Exception as exc:  # pypdf raises many kinds on an odd file
        raise StampProblem(str(exc) or type(exc).__name__) from exc
    data = out.getvalue()
    if not data.startswith(original):
        raise StampProblem("盖章副本未保留原件的字节")
    return Stamped(data, len(original), hashlib.sha256(original).hexdigest())
