"""The 版头 of the first page: 份号, 密级, 紧急程度, red issuer mark, 发文字号, red separator.

Also the 督办 colour label, and the 信函格式 head (GB/T 9704-2012 §10.1): the mark without 文件
30 mm from the page top, a red double line (thick over thin) 4 mm below it and another (thin over
thick) 20 mm above the page bottom, both 170 mm long and centred on the page; 份号/密级/紧急 left
and the 发文字号 right under the upper line, 7/8 of a 3号 character below it.
"""

from __future__ import annotations

import re

from .blocks import Flow
from .fonts import FontRole
from .grid import AREA_W, LEFT, MM, PAGE_H, PAGE_W, RED, SIZE_3, SIZE_4, TOP
from .lines import line_width
from .model import DocumentKind, Grade, OfficialDocument, format_date

MARK_MAX_SIZE = 42.0  # 初号: the mark never grows beyond it
MARK_MIN_HSCALE = 0.75  # compress long names horizontally before shrinking them
MARK_TOP = 35 * MM  # from the type area's top (GB/T 9704 7.2.4)
MARK_TOP_WITH_SIGNER = 80 * MM  # 上行文 with 签发人
SEPARATOR_GAP = 4 * MM
SEPARATOR_WIDTH = 1.0  # pt; the standard names no thickness, offices use about 0.35 mm

# 信函格式. The standard fixes positions and length, not thicknesses: these are the usual
# template values (文武线: a 2 pt line and a 0.5 pt line 1 mm apart).
LETTER_MARK_TOP = 30 * MM - TOP  # 30 mm from the page top, i.e. 7 mm above the type area
LETTER_RULE_LENGTH = 170 * MM
LETTER_THICK = 2.0
LETTER_THIN = 0.5
LETTER_RULE_GAP = 1 * MM  # white between the two lines of a double line
LETTER_BOTTOM = PAGE_H - 20 * MM - TOP  # lower edge of the lower double line, from area top
LETTER_TEXT_GAP = SIZE_3 * 7 / 8  # from the double line to the first element below it

GRADE_SIZE = SIZE_4  # the colour label: 4号黑体 in a 1 pt box
GRADE_PAD_X, GRADE_PAD_Y, GRADE_BOX = 4.0, 3.0, 1.0


def mark_text(doc: OfficialDocument) -> str:
    if doc.kind is DocumentKind.MINUTES:
        return doc.issuer_mark if doc.issuer_mark.endswith("纪要") else doc.issuer_mark + "纪要"
    if doc.kind is DocumentKind.LETTER:
        return doc.issuer_mark.removesuffix("文件")  # a letter's mark never says 文件
    return doc.issuer_mark + doc.mark_suffix


def layout_header(flow: Flow, doc: OfficialDocument) -> None:
    """Lay the 版头 and leave the cursor two blank lines below the separator."""
    if doc.kind is DocumentKind.LETTER:
        _letter_header(flow, doc)
        return
    if doc.kind is DocumentKind.RECORD:
        _record_header(flow, doc)
        return
    if doc.grade is not None:
        _grade_label(flow, doc.grade, doc.grade_word, top=0.0)
    comp = flow.comp
    for text, role in _top_lines(doc):
        comp.put_line(flow.glyphs([(text, role)]), 0.0, char_space=0.0)
    mark_top = MARK_TOP_WITH_SIGNER if doc.signer else MARK_TOP
    if len(doc.joint_issuers) > 1 and doc.kind is DocumentKind.DOCUMENT:
        mark_bottom = _joint_mark(flow, doc.joint_issuers, doc.mark_suffix, mark_top)
    else:
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


def _record_header(flow: Flow, doc: OfficialDocument) -> None:
    """A record form is no 文件: its 编号 right on line 1, the (black) title from line 2."""
    comp = flow.comp
    if doc.grade is not None:
        _grade_label(flow, doc.grade, doc.grade_word, top=0.0)
    if doc.doc_number:
        number = flow.glyphs([(f"编号：{doc.doc_number}", FontRole.FANGSONG)])
        right = AREA_W - line_width(number, 0.0)
        if doc.grade is not None:
            comp.skip_lines(1)  # the colour label holds the top right corner
        comp.put_line(number, right, char_space=0.0)
    comp.skip_lines(1)


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


def signers_of(text: str) -> list[str]:
    """签发人 names as typed: separated by 、，, or spaces."""
    return [n for n in re.split(r"[、，,\s]+", text.strip()) if n]


JOINT_LEADING = 1.2  # line pitch of the stacked organ names, in their size
JOINT_GAP = 0.5  # em between the names and 文件


def _joint_mark(flow: Flow, names: list[str], suffix: str, top: float) -> float:
    """联合行文 (§7.2.4): the organs stacked, lead organ first, each spread to the longest
    name's width; 文件 to their right, centred on the stack. Returns the mark's bottom."""
    shape = flow.shaper.shape
    unit = [line_width(shape(n, FontRole.XIAOBIAOSONG, 1.0), 0.0) for n in names]
    suffix_w = line_width(shape(suffix, FontRole.XIAOBIAOSONG, 1.0), 0.0) if suffix else 0.0
    gap = JOINT_GAP if suffix else 0.0
    size = min(MARK_MAX_SIZE, AREA_W / (max(unit) + gap + suffix_w))
    width = max(unit) * size
    x0 = (AREA_W - width - (gap + suffix_w) * size) / 2
    for i, name in enumerate(names):
        glyphs = shape(name, FontRole.XIAOBIAOSONG, size)
        spread = (width - line_width(glyphs, 0.0)) / max(1, len(glyphs) - 1)
        op = flow.comp.text_at(glyphs, x0, top + i * size * JOINT_LEADING, size, char_space=spread)
        op.color = RED
    bottom = top + (len(names) - 1) * size * JOINT_LEADING + size
    if suffix:
        glyphs = shape(suffix, FontRole.XIAOBIAOSONG, size)
        middle = (top + bottom) / 2
        op = flow.comp.text_at(
            glyphs, x0 + width + gap * size, middle - size / 2, size, char_space=0.0
        )
        op.color = RED
    return bottom


def _number_line(flow: Flow, doc: OfficialDocument) -> None:
    """发文字号 centred; with 签发人 (上行文): the names right, one character in, two a line,
    a wrapped line aligned with the first name, and the 文号 left, one character in, on the
    line of the last names (§7.2.6)."""
    comp, slot = flow.comp, flow.slot
    cs = comp.grid.char_space
    number = flow.glyphs([(doc.doc_number, FontRole.FANGSONG)])
    names = signers_of(doc.signer)
    if not names:
        comp.put_line(number, (AREA_W - line_width(number, cs)) / 2)
        return
    label = flow.glyphs([("签发人：", FontRole.FANGSONG)])
    rows = [names[i : i + 2] for i in range(0, len(names), 2)]
    shaped = [flow.glyphs([("　".join(row), FontRole.KAITI)]) for row in rows]
    widest = max(line_width(g, cs) for g in shaped)
    names_x = AREA_W - slot - widest
    label_x = names_x - line_width(label, cs) - cs
    for i, glyphs in enumerate(shaped):
        if i == 0:
            comp.put_line(label + glyphs, label_x)
        else:
            comp.put_line(glyphs, names_x)
    comp.cursor -= comp.grid.size  # the 文号 goes on the line of the last names
    comp.put_line(number, slot)


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


def _grade_label(flow: Flow, grade: Grade, word: str, top: float) -> None:
    """The 督办 colour label, boxed, flush with the type area's right edge at ``top``.

    Drawn off the grid and in 4号, so it moves nothing: line 1 keeps its 份号/密级 on the left,
    and the mark (35 mm down) is far below it.
    """
    comp, colour = flow.comp, grade.rgb
    glyphs = flow.shaper.shape(grade.label(word), FontRole.HEITI, GRADE_SIZE)
    width = line_width(glyphs, 0.0) + 2 * GRADE_PAD_X
    height = GRADE_SIZE + 2 * GRADE_PAD_Y
    x0, x1, y0, y1 = AREA_W - width, AREA_W, top, top + height
    op = comp.text_at(glyphs, x0 + GRADE_PAD_X, y0 + GRADE_PAD_Y, GRADE_SIZE, char_space=0.0)
    op.color = colour
    half = GRADE_BOX / 2  # the box's outer edge on the area's right edge and top
    comp.rule(y0 + half, GRADE_BOX, colour, x0, x1)
    comp.rule(y1 - half, GRADE_BOX, colour, x0, x1)
    comp.vrule(x0 + half, y0, y1, GRADE_BOX, colour)
    comp.vrule(x1 - half, y0, y1, GRADE_BOX, colour)


def double_rule(flow: Flow, top: float, thick_first: bool) -> float:
    """A red double line 170 mm long, centred on the page, from ``top``; returns its bottom."""
    x0 = (PAGE_W - LETTER_RULE_LENGTH) / 2 - LEFT
    x1 = x0 + LETTER_RULE_LENGTH
    widths = (LETTER_THICK, LETTER_THIN) if thick_first else (LETTER_THIN, LETTER_THICK)
    y = top
    for i, w in enumerate(widths):
        flow.comp.rule(y + w / 2, w, RED, x0, x1)
        y += w + (LETTER_RULE_GAP if i == 0 else 0.0)
    return y


def _letter_header(flow: Flow, doc: OfficialDocument) -> None:
    comp, cs = flow.comp, flow.comp.grid.char_space
    comp.page.numbered = False  # 信函: no page number on the first page
    if doc.grade is not None:
        height = GRADE_SIZE + 2 * GRADE_PAD_Y
        _grade_label(flow, doc.grade, doc.grade_word, top=LETTER_MARK_TOP - 3 * MM - height)
    mark_bottom = _mark(flow, mark_text(doc), LETTER_MARK_TOP)
    below = double_rule(flow, mark_bottom + SEPARATOR_GAP, thick_first=True)
    lower = LETTER_BOTTOM - (LETTER_THICK + LETTER_RULE_GAP + LETTER_THIN)
    double_rule(flow, lower, thick_first=False)
    y = below + LETTER_TEXT_GAP
    last = y
    for text, role in _top_lines(doc):
        comp.text_at(flow.glyphs([(text, role)]), 0.0, y, comp.grid.size, char_space=0.0)
        last, y = y + comp.grid.size, y + comp.grid.pitch
    if doc.doc_number:
        first_row = below + LETTER_TEXT_GAP
        number = flow.glyphs([(doc.doc_number, FontRole.FANGSONG)])
        comp.text_at(number, AREA_W - line_width(number, cs), first_row, comp.grid.size)
        last = max(last, first_row + comp.grid.size)
    # The title: two blank lines below the last element (the grid line after them).
    comp.cursor = comp.grid.line_top(comp.grid.line_at_or_after(last) + 2)
