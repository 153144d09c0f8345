"""归档章 (DA/T 22): a red 2×3 stamp table at the top right of the first page of a COPY of an
item's PDF. The copy is an incremental update: the register's issued PDF is its unchanged first
bytes, so ``original_sha256``/``original_size`` in metadata.xml prove which file it came from."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.services.archive import codes

if TYPE_CHECKING:
    from pypdf.generic import DictionaryObject

# reportlab is imported where a stamp is drawn: opening the desk must not pay for it.
RED_CMYK = (0.0, 1.0, 1.0, 0.2)  # the 归档章's red (was RGB 0.8, 0, 0)
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
    # CMYK like the document under it: an issued PDF is PDF/A-2b with a CMYK output intent,
    # which allows no DeviceRGB, so an RGB stamp would take that away from the archived copy.
    pdf.setStrokeColorCMYK(*RED_CMYK)
    pdf.setFillColorCMYK(*RED_CMYK)
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
        data = _appended(original, fields)
    except Exception as exc:  # pypdf raises many kinds on an odd file
        raise StampProblem(str(exc) or type(exc).__name__) from exc
    if not data.startswith(original):
        raise StampProblem("盖章副本未保留原件的字节")
    return Stamped(data, len(original), hashlib.sha256(original).hexdigest())


def _appended(original: bytes, fields: StampFields) -> bytes:
    """The update written by hand (issue 11: pypdf's incremental writer re-read every object of
    the file and re-parsed page 1's content, most of an archive export's time): the stamp is a
    form XObject (its fonts in its own resources, so no name can clash with the page's) drawn
    after page 1's content, which is wrapped in q/Q; only page 1 and the new objects are
    written, then an xref section whose /Prev is the original's. A file without a classic xref
    table, or with page 1's content inline, goes through pypdf's incremental writer as before."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, IndirectObject, NameObject

    tail = original.rfind(b"startxref")
    previous = int(original[tail + 9 :].split()[0]) if tail >= 0 else -1
    if previous < 0 or original[previous : previous + 4] != b"xref":
        return _pypdf_update(original, fields)
    reader = PdfReader(io.BytesIO(original))
    page = reader.pages[0]
    where = page.indirect_reference
    contents = page.get("/Contents")
    if where is None or not isinstance(contents, (IndirectObject, ArrayObject)):
        return _pypdf_update(original, fields)
    box = page.mediabox
    overlay = PdfReader(io.BytesIO(_stamp_page(float(box.width), float(box.height), fields)))
    if isinstance(contents, IndirectObject) and isinstance(contents.get_object(), ArrayObject):
        contents = contents.get_object()  # an array kept as an object of its own
    update = _Update(int(str(reader.trailer["/Size"])))
    form = update.stream(overlay.pages[0].get_contents().get_data())  # type: ignore[union-attr]
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    width, height = float(box.width), float(box.height)
    form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in (0, 0, width, height))
    form[NameObject("/Matrix")] = ArrayObject(
        FloatObject(v) for v in (1, 0, 0, 1, float(box.left), float(box.bottom))
    )
    form[NameObject("/Resources")] = update.copy(overlay.pages[0]["/Resources"].get_object())
    resources = DictionaryObject(page.get("/Resources", DictionaryObject()).get_object())
    xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    name = "/DubanArchiveStamp"
    while name in xobjects:
        name += "X"
    xobjects[NameObject(name)] = update.add(form)
    resources[NameObject("/XObject")] = xobjects
    parts = list(contents) if isinstance(contents, ArrayObject) else [contents]
    opening = update.add(update.stream(b"q\n"))
    closing = update.add(update.stream(f"\nQ\n{name} Do\n".encode("ascii")))
    first = DictionaryObject(page)
    first[NameObject("/Contents")] = ArrayObject([opening, *parts, closing])
    first[NameObject("/Resources")] = resources
    update.bodies[(where.idnum, where.generation)] = first
    return original + update.written(len(original), reader.trailer, previous)


class _Update:
    """The objects of an incremental update, numbered from the original's /Size on; objects
    copied from the drawn stamp's PDF are renumbered as they are met."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.bodies: dict[tuple[int, int], object] = {}
        self.renumbered: dict[int, int] = {}

    def add(self, obj: object):  # type: ignore[no-untyped-def]
        from pypdf.generic import IndirectObject

        number = self.size
        self.size += 1
        self.bodies[(number, 0)] = obj
        return IndirectObject(number, 0, None)  # type: ignore[arg-type]

    @staticmethod
    def stream(data: bytes):  # type: ignore[no-untyped-def]
        from pypdf.generic import StreamObject

        made = StreamObject()
        made._data = data  # written as they are (the /Filter, if any, copied with the dict)
        return made

    def copy(self, obj: object) -> object:
        """``obj`` with every object it refers to added to the update, renumbered."""
        from pypdf.generic import (
            ArrayObject,
            DictionaryObject,
            IndirectObject,
            NameObject,
            StreamObject,
        )

        if isinstance(obj, IndirectObject):
            if obj.idnum not in self.renumbered:
                ref = self.add(None)
                self.renumbered[obj.idnum] = ref.idnum
                self.bodies[(ref.idnum, 0)] = self.copy(obj.get_object())
            return IndirectObject(self.renumbered[obj.idnum], 0, None)  # type: ignore[arg-type]
        if isinstance(obj, StreamObject):
            made = self.stream(obj._data)
            for key, value in obj.items():
                made[NameObject(key)] = self.copy(value)
            return made
        if isinstance(obj, DictionaryObject):
            return DictionaryObject({NameObject(k): self.copy(v) for k, v in obj.items()})
        if isinstance(obj, ArrayObject):
            return ArrayObject(self.copy(v) for v in obj)
        return obj

    def written(self, start: int, trailer: DictionaryObject, previous: int) -> bytes:
        """The objects, the xref section (a subsection per object: few) and the trailer."""
        from pypdf.generic import DictionaryObject, NameObject, NumberObject

        out = io.BytesIO()
        out.write(b"\n")
        offsets = []
        for (number, generation), body in sorted(self.bodies.items()):
            offsets.append((number, generation, start + out.tell()))
            out.write(f"{number} {generation} obj\n".encode("ascii"))
            body.write_to_stream(out)  # type: ignore[attr-defined]
            out.write(b"\nendobj\n")
        xref = start + out.tell()
        out.write(b"xref\n")
        for number, generation, offset in offsets:
            out.write(f"{number} 1\n{offset:010d} {generation:05d} n\r\n".encode("ascii"))
        new = DictionaryObject(
            {NameObject(k): v for k, v in trailer.items() if k in ("/Root", "/Info", "/ID")}
        )
        new[NameObject("/Size")] = NumberObject(self.size)
        new[NameObject("/Prev")] = NumberObject(previous)
        out.write(b"trailer\n")
        new.write_to_stream(out)
        out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode("ascii"))
        return out.getvalue()


def _pypdf_update(original: bytes, fields: StampFields) -> bytes:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(original))
    writer = PdfWriter(reader, incremental=True)
    first = writer.pages[0]
    box = first.mediabox
    overlay = PdfReader(io.BytesIO(_stamp_page(float(box.width), float(box.height), fields))).pages[
        0
    ]
    first.merge_translated_page(overlay, float(box.left), float(box.bottom))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
