"""Official-document layout (GB/T 9704-2012) on reportlab: a plain model in, PDF bytes out.

Usage by the notice renderers (circular, 督办通知, 约谈通知书, 纪要 …)::

    from desktop.documents import OfficialDocument, Table, Attachment, render_pdf, FontSet

    doc = OfficialDocument(
        issuer_mark="江城市平安建设领导小组办公室",  # + mark_suffix "文件" (set "" for none)
        doc_number="平安办〔2026〕12号",
        title="关于……的通知",
        recipients="各成员单位",                      # the ： is added
        body=["plain paragraph", "一、heading", Table(header=[...], rows=[[...]])],
        signature="江城市平安建设领导小组办公室",
        date=date(2026, 3, 5), seal=True,
        cc="市委政法委", printing_office="……办公室", printing_date=date(2026, 3, 5),
    )
    fonts = FontSet.resolve(settings_paths)  # {"fangsong": "D:/fonts/仿宋_GB2312.ttf", ...}
    result = render_pdf(doc, fonts, line_pitch_pt=None)  # None: ≈29.6 pt; 28.0 is common
    result.pdf, result.page_count
    result.font_notes      # show to the clerk: which font stood in for which
    result.glyph_warnings  # characters printed from a fallback font (or as □)

Body strings are plain text, never markup: & < > print as typed. Lines starting with 一、
（一） 1. （1） become headings by themselves. ``kind=DocumentKind.MINUTES`` prints the 纪要
format (red “XXXX纪要”, （第X期）, attendee lists from ``attendance``, no seal or signature);
``kind=DocumentKind.LETTER`` the 信函格式 (mark without 文件, red double lines, no number on page
1). ``grade=Grade.BLUE/YELLOW/RED`` adds the 督办 colour label top right of the first page.
Nothing here imports Qt.
"""

from typing import TYPE_CHECKING, Any

from .deferred import defer_pil_image
from .model import (
    Attachment,
    Attendance,
    Block,
    DocumentKind,
    Grade,
    OfficialDocument,
    Table,
    format_date,
)

if TYPE_CHECKING:
    from .fonts import FontChoice, FontRole, FontSet
    from .render import RenderResult, render_pdf

defer_pil_image()  # before reportlab: its lib.utils imports PIL.Image, read only for bitmaps

# reportlab (fonts, render) is imported on first use: the model alone is what most callers need.
_LAZY = {
    "FontChoice": "fonts",
    "FontRole": "fonts",
    "FontSet": "fonts",
    "RenderResult": "render",
    "render_pdf": "render",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import fonts, render

        return getattr(fonts if _LAZY[name] == "fonts" else render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Attachment",
    "Attendance",
    "Block",
    "DocumentKind",
    "FontChoice",
    "FontRole",
    "FontSet",
    "Grade",
    "OfficialDocument",
    "RenderResult",
    "Table",
    "format_date",
    "render_pdf",
]
