"""版记 (抄送, 印发机关 and 印发日期) at the foot of an even last page, and page numbers."""

from __future__ import annotations

import math

from reportlab.pdfbase import pdfmetrics

from .blocks import Flow
from .fonts import FontRole, ink_extent
from .grid import AREA_H, AREA_W, EPS, MM, SIZE_4
from .lines import break_lines, line_width
from .model import DocumentKind, OfficialDocument, format_date
from .text import Glyph

OUTER = 0.35 * MM  # first and last rule of the 版记
INNER = 0.25 * MM  # rules between its items
PAGE_NUMBER_GAP = 7 * MM


Piece = tuple[float, list[Glyph]]  # x from the area's left, glyphs
Row = list[Piece]


def _items(flow: Flow, doc: OfficialDocument) -> list[list[Row]]:
    """Each item of the block (抄送, 印发) as rows of pieces, 4号, 1 char in on both sides."""
    char = SIZE_4
    shape = flow.shaper.shape
    items: list[list[Row]] = []
    if doc.cc:
        cc = doc.cc.strip().rstrip("，,;；。") + "。"
        label = shape("抄送：", FontRole.FANGSONG, SIZE_4)
        body = shape(cc, FontRole.FANGSONG, SIZE_4)
        indent = char + line_width(label, 0.0)
        # Wrapped lines align with the first unit after 抄送：.
        lines = break_lines(label + body, AREA_W - 2 * char, AREA_W - char - indent, 0.0)
        items.append([[(char if i == 0 else indent, ln)] for i, ln in enumerate(lines)])
    letter = doc.kind is DocumentKind.LETTER  # 信函: no 印发机关 and 印发日期 (§10.1)
    if (doc.printing_office or doc.printing_date) and not letter:
        row: Row = []
        if doc.printing_office:
            row.append((char, shape(doc.printing_office, FontRole.FANGSONG, SIZE_4)))
        if doc.printing_date:
            when = shape(format_date(doc.printing_date) + "印发", FontRole.FANGSONG, SIZE_4)
            row.append((AREA_W - char - line_width(when, 0.0), when))
        items.append([row])
    return items


def layout_end_block(flow: Flow, doc: OfficialDocument) -> None:
    """Put the 版记 on the bottom of the type area of an even last page."""
    items = _items(flow, doc)
    if not items:
        return
    comp = flow.comp
    pitch = comp.grid.pitch
    height = sum(len(item) for item in items) * pitch
    fits = comp.cursor + height <= AREA_H + EPS  # no blank line is required above it
    if len(comp.pages) % 2 == 1:
        comp.new_page()  # the 版记 page itself: numbered, as no blank page precedes it
    elif not fits:
        comp.note_shortfall(math.ceil((comp.cursor + height - AREA_H) / pitch))
        comp.new_page()
        comp.page.numbered = False  # the blank page
        comp.new_page()
        comp.page.numbered = False  # a 版记 page after a blank page carries no number either
    y = AREA_H - height
    ruled = doc.kind is not DocumentKind.LETTER  # 信函: the 版记 has no separator lines
    if ruled:
        comp.rule(y, OUTER)
    for n, item in enumerate(items):
        for row in item:
            for x, glyphs in row:
                top = y + (pitch - SIZE_4) / 2
                # An over-full 抄送 line squeezes its punctuation to end 1 char in.
                right = AREA_W - SIZE_4 - x
                comp.text_at(
                    glyphs, x, top, SIZE_4, char_space=0.0, justify_to=right, stretch=False
                )
            y += pitch
        if ruled:
            comp.rule(y, OUTER if n == len(items) - 1 else INNER)
    comp.cursor = AREA_H


def page_number(flow: Flow, number: int) -> tuple[float, float, list[Glyph]]:
    """(x, top, glyphs) of the page number of page ``number`` (1-based).

    ``top`` is the em box's top (what TextOp means); it is chosen so that the 一字线's ink
    starts 7 mm below the type area (§7.5), whatever the 宋体 font's dash height.
    """
    glyphs = flow.shaper.shape(f"— {number} —", FontRole.SONGTI, SIZE_4)
    width = line_width(glyphs, 0.0)
    x = AREA_W - SIZE_4 - width if number % 2 == 1 else SIZE_4
    font = glyphs[0].font
    _bottom, ink_top = ink_extent(font, glyphs[0].ch)
    descent = pdfmetrics.getFont(font).face.descent / 1000.0  # negative, as render.py uses it
    baseline = AREA_H + PAGE_NUMBER_GAP + ink_top * SIZE_4
    return x, baseline - SIZE_4 * (1.0 + descent), glyphs
