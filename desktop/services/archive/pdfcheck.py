"""Does a PDF open, how many pages has it, is it encrypted, are its fonts embedded? (pypdf.)"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader


class PdfProblem(Exception):
    pass


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    encrypted: bool = False
    unembedded: tuple[str, ...] = ()  # fonts drawn from the reader's PC, not from the file


def _whole(data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise PdfProblem("不是 PDF 文件（缺少 %PDF 文件头）")
    if b"%%EOF" not in data[-2048:] or b"startxref" not in data[-4096:]:
        raise PdfProblem("PDF 文件不完整（缺少文件尾）")


def pdf_pages(data: bytes) -> int:
    """Page count, or :class:`PdfProblem` when the file is not a whole, readable PDF."""
    _whole(data)
    try:
        return len(PdfReader(io.BytesIO(data), strict=False).pages)
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise PdfProblem(f"PDF 无法打开：{exc}") from exc


def pdf_facts(data: bytes) -> PdfFacts:
    """Pages, encryption and every font that is not embedded (on pages, forms, annotations)."""
    _whole(data)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return PdfFacts(0, encrypted=True)
        missing: set[str] = set()
        seen: set[int] = set()
        for page in reader.pages:
            _fonts_of(page.get("/Resources"), missing, seen, 0)
            for annot in _resolve(page.get("/Annots")) or []:
                appearance = _resolve(_resolve(annot).get("/AP"))
                if appearance is not None and "/N" in appearance:
                    normal = _resolve(appearance["/N"])
                    _fonts_of(normal.get("/Resources"), missing, seen, 1)
        return PdfFacts(len(reader.pages), False, tuple(sorted(missing)))
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise PdfProblem(f"PDF 无法打开：{exc}") from exc


def _resolve(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _fonts_of(resources: Any, missing: set[str], seen: set[int], depth: int) -> None:
    resources = _resolve(resources)
    if resources is None or depth > 6 or id(resources) in seen:
        return
    seen.add(id(resources))
    for font in (_resolve(resources.get("/Font")) or {}).values():
        font = _resolve(font)
        if font.get("/Subtype") == "/Type3":  # glyphs drawn by the file itself
            continue
        described = font
        if font.get("/Subtype") == "/Type0":
            described = _resolve(_resolve(font["/DescendantFonts"])[0])
        descriptor = _resolve(described.get("/FontDescriptor"))
        if descriptor is None or not any(k in descriptor for k in _FONT_FILES):
            missing.add(str(font.get("/BaseFont", "?")).lstrip("/"))
    for xobject in (_resolve(resources.get("/XObject")) or {}).values():
        xobject = _resolve(xobject)
        if xobject.get("/Subtype") == "/Form":
            _fonts_of(xobject.get("/Resources"), missing, seen, depth + 1)
