"""The 版头 of the first page: 份号, 密级, 紧急程度, red issuer mark, 发文字号, red separator."""

from __future__ import annotations

from .blocks import Flow
from .fonts import FontRole
from .grid import AREA_W, MM, RED
from .model import DocumentKind, OfficialDocument, format_date
from .text import line_width

MARK_MAX_SIZE = 42.0  # 初号: the mark never grows beyond it
MARK_MIN_HSCALE = 0.75  # compress long names horizontally before shrinking them
MARK_TOP = 35 * MM  # from the type area's top (GB/T 9704 7.2.4)
MARK_TOP_WITH_SIGNER = 80 * MM  # 上行文 with 签发人
SEPARATOR_GAP = 4 * MM
SEPARATOR_WIDTH = 1.0  # pt; the standard names no thickness, offices use about 0.35 mm


def mark_text(doc: OfficialDocument) -> str:
    if doc.kind is DocumentKind.MINUTES:
        return doc.issuer_mark if doc.issuer_mark.endswith("纪要") else doc.issuer_mark + "纪要"
    return doc.issuer_mark + doc.mark_suffix


def layout_header(flow: Flow, doc: OfficialDocument) -> None:
    """Lay the 版头 and leave the cursor two blank lines below the separator."""
    comp = flow.comp
    for text, role in _top_lines(doc):
        comp.put_line(flow.glyphs([(text, role)]), 0.0, char_space=0.0)
    mark_top = MARK_TOP_WITH_SIGNER if doc.signer else MARK_TOP
    mark_bottom = _mark(flow, mark_text(doc), mark_top)
    k = comp.grid.line_at_or_after(mark_bottom) + 2
    comp.cursor = comp.grid.line_top(k)
    if doc.kind is DocumentKind.MINUTES:
        _minutes_lines(flow, doc)
    else:
        _number_line(flow, doc)
    sep = comp.cursor + SEPARATOR_GAP
    comp.rule(sep, SEPARATOR_WIDTH, RED)
    comp.cursor = comp.grid.line_top(comp.grid.line_at_or_after(sep) + 2)


def _top_lines(doc: OfficialDocument) -> list[tuple[str, FontRole]]:
    lines = []
    if doc.copy_number:
        lines.append((doc.copy_number.strip().zfill(6), FontRole.FANGSONG))
    if doc.classification:
        period = f"★{doc.classification_period}" if doc.classification_period else ""
        lines.append((doc.classification + period, FontRole.HEITI))
    if doc.urgency:
        lines.append((doc.urgency, FontRole.HEITI))
    return lines


def _mark(flow: Flow, text: str, top: float) -> float:
    """Red 小标宋 mark centred at ``top``; returns its bottom edge."""
    size = MARK_MAX_SIZE
    glyphs = flow.shaper.shape(text, FontRole.XIAOBIAOSONG, size)
    natural = line_width(glyphs, 0.0)
    hscale = 1.0
    if natural > AREA_W:
        hscale = max(MARK_MIN_HSCALE, AREA_W / natural)
        if natural * hscale > AREA_W:
            size *= AREA_W / (natural * hscale)
            glyphs = flow.shaper.shape(text, FontRole.XIAOBIAOSONG, size)
    width = line_width(glyphs, 0.0) * hscale
    op = flow.comp.text_at(glyphs, (AREA_W - width) / 2, top, size, char_space=0.0)
    op.hscale = hscale
    op.color = RED
    return top + size


def _number_line(flow: Flow, doc: OfficialDocument) -> None:
    """发文字号 centred, or left 1 char in with 签发人 right 1 char in on the same line."""
    comp, slot = flow.comp, flow.slot
    cs = comp.grid.char_space
    number = flow.glyphs([(doc.doc_number, FontRole.FANGSONG)])
    if not doc.signer:
        comp.put_line(number, (AREA_W - line_width(number, cs)) / 2)
        return
    signer = flow.glyphs([("签发人：", FontRole.FANGSONG), (doc.signer, FontRole.KAITI)])
    comp.put_line(number, slot)
    comp.cursor -= comp.grid.size  # same grid line for the signer
    comp.put_line(signer, AREA_W - slot - line_width(signer, cs))


def _minutes_lines(flow: Flow, doc: OfficialDocument) -> None:
    """（第X期） centred, then issuer left and date right, 1 char in on both sides."""
    comp, slot = flow.comp, flow.slot
    cs = comp.grid.char_space
    issue = doc.minutes_issue.strip().strip("（）()")
    if issue:
        if not issue.startswith("第"):
            issue = f"第{issue}期"
        text = flow.glyphs([(f"（{issue}）", FontRole.FANGSONG)])
        comp.put_line(text, (AREA_W - line_width(text, cs)) / 2)
    left = flow.glyphs([(doc.signature, FontRole.FANGSONG)]) if doc.signature else []
    right = flow.glyphs([(format_date(doc.date), FontRole.FANGSONG)]) if doc.date else []
    if left or right:
        if left:
            comp.put_line(left, slot)
        if right:
            if left:
                comp.cursor -= comp.grid.size
            comp.put_line(right, AREA_W - slot - line_width(right, cs))
