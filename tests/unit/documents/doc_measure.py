"""PDF measuring helpers for the official-document layout tests (pdfplumber, millimetres)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber

from desktop.documents import FontSet, OfficialDocument, render_pdf
from desktop.documents.samples import body, paragraph, sample_document

MM = 72 / 25.4
AREA_TOP = 37.0  # mm from the page top
AREA_LEFT = 28.0
AREA_RIGHT = 28.0 + 156.0
AREA_BOTTOM = 37.0 + 225.0
SLOT = 156.0 / 28  # mm, one 3号 character on the grid


@dataclass
class Line:
    top: float  # mm from the page top
    x0: float  # mm
    x1: float
    size: float
    text: str
    fonts: list[str]
    chars: list[dict]


@dataclass
class Measured:
    """A rendered PDF read back with pdfplumber: lines of text per page, in millimetres."""

    pdf: bytes
    pages: list[list[Line]]
    rules: list[list[dict]]  # pdfplumber line objects per page
    result: object

    def body_lines(self, page: int) -> list[Line]:
        """3号 text lines of a page (no page number, no 版记, no tables)."""
        return [ln for ln in self.pages[page] if abs(ln.size - 16) < 0.1]


def measure(pdf: bytes, result=None) -> Measured:
    pages, rules = [], []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            # Group by baseline: runs of fonts with other descents share the line's baseline.
            rows: dict[tuple[float, float], list[dict]] = {}
            for c in page.chars:
                rows.setdefault((-round(c["matrix"][5], 1), round(c["size"], 1)), []).append(c)
            lines = []
            for (_base, size), chars in sorted(rows.items()):
                chars.sort(key=lambda c: c["x0"])
                lines.append(
                    Line(
                        top=chars[0]["top"] / MM,
                        x0=chars[0]["x0"] / MM,
                        x1=chars[-1]["x1"] / MM,
                        size=size,
                        text="".join(c["text"] for c in chars),
                        fonts=[c["fontname"] for c in chars],
                        chars=chars,
                    )
                )
            pages.append(lines)
            rules.append(list(page.lines))
    return Measured(pdf, pages, rules, result)


def render_measured(doc: OfficialDocument, **kwargs) -> Measured:
    result = render_pdf(doc, FontSet.shipped(), **kwargs)
    return measure(result.pdf, result)


def document_of_pages(target: int, **overrides) -> OfficialDocument:
    """The shortest sample document (without 版记) that fills exactly ``target`` pages."""
    overrides.setdefault("cc", "")
    overrides.setdefault("printing_office", "")
    overrides.setdefault("printing_date", None)
    fonts = FontSet.shipped()
    bodies = [[paragraph(0, k)] for k in (1, 2)] + [body(n) for n in range(1, 80)]
    for blocks in bodies:
        doc = sample_document(1, **{"body": blocks, **overrides})
        pages = render_pdf(doc, fonts).page_count
        if pages == target:
            return doc
        if pages > target:
            break
    raise AssertionError(f"no sample document of exactly {target} pages")


@dataclass
class Raster:
    """One page rendered by pdftoppm at ``dpi`` in grey (PGM), for measuring ink."""

    width: int
    height: int
    data: bytes
    dpi: int

    def px(self, mm: float) -> int:
        return round(mm / 25.4 * self.dpi)

    def ink_box(
        self, x0: float, top: float, x1: float, bottom: float, level: int = 128
    ) -> tuple[float, float, float, float] | None:
        """(x0, top, x1, bottom) in mm of the pixels darker than ``level`` inside a box (mm)."""
        found = None
        c0, c1 = max(0, self.px(x0)), min(self.width, self.px(x1))
        for row in range(max(0, self.px(top)), min(self.height, self.px(bottom))):
            line = self.data[row * self.width + c0 : row * self.width + c1]
            dark = [i for i, v in enumerate(line) if v < level]
            if not dark:
                continue
            box = (c0 + dark[0], row, c0 + dark[-1] + 1, row + 1)
            if found is None:
                found = box
            else:
                found = (min(found[0], box[0]), found[1], max(found[2], box[2]), box[3])
        if found is None:
            return None
        return tuple(v * 25.4 / self.dpi for v in found)  # type: ignore[return-value]


def render_page(pdf: bytes, page: int, dpi: int = 300) -> Raster:
    """Page ``page`` (0-based) of ``pdf`` as pdftoppm draws it in grey at ``dpi``."""
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "doc.pdf")
        src.write_bytes(pdf)
        n = str(page + 1)
        cmd = ["pdftoppm", "-gray", "-r", str(dpi), "-f", n, "-l", n, str(src), f"{tmp}/p"]
        subprocess.run(cmd, check=True, capture_output=True)
        raw = next(Path(tmp).glob("p*.pgm")).read_bytes()
    # PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    fields = raw.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    return Raster(width, height, fields[4][-width * height :], dpi)


def page_number_dash(m: Measured, page: int) -> tuple[float, float, float, float] | None:
    """Ink box (mm) of the first 一字线 of the page number on ``page`` (0-based), or None."""
    number = next((ln for ln in m.pages[page] if ln.text.replace(" ", "") == f"—{page + 1}—"), None)
    if number is None:
        return None
    dash = number.chars[0]
    raster = render_page(m.pdf, page)
    return raster.ink_box(dash["x0"] / MM, AREA_BOTTOM + 1, dash["x1"] / MM, AREA_BOTTOM + 20)
