"""Does a PDF open, and how many pages has it? (pypdf, a dependency.)"""

from __future__ import annotations

import io

from pypdf import PdfReader


class PdfProblem(Exception):
    pass


def pdf_pages(data: bytes) -> int:
    """Page count, or :class:`PdfProblem` when the file is not a whole, readable PDF."""
    if not data.startswith(b"%PDF-"):
        raise PdfProblem("不是 PDF 文件（缺少 %PDF 文件头）")
    if b"%%EOF" not in data[-2048:] or b"startxref" not in data[-4096:]:
        raise PdfProblem("PDF 文件不完整（缺少文件尾）")
    try:
        return len(PdfReader(io.BytesIO(data), strict=False).pages)
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise PdfProblem(f"PDF 无法打开：{exc}") from exc
