"""Does a PDF open, and how many pages has it? pypdf when installed, else a structural check."""

from __future__ import annotations

import io
import re


class PdfProblem(Exception):
    pass


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(data: bytes) -> int:
    """Page count, or :class:`PdfProblem`; 0 means "opens, count unknown" (structural check on a
    PDF whose pages sit in compressed object streams)."""
    if not data.startswith(b"%PDF-"):
        raise PdfProblem("不是 PDF 文件（缺少 %PDF 文件头）")
    if b"%%EOF" not in data[-2048:] or b"startxref" not in data[-4096:]:
        raise PdfProblem("PDF 文件不完整（缺少文件尾）")
    try:
        from pypdf import PdfReader  # optional: a stronger check where it is installed
    except ImportError:
        return len(_PAGE.findall(data))
    try:
        return len(PdfReader(io.BytesIO(data), strict=False).pages)
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise PdfProblem(f"PDF 无法打开：{exc}") from exc
