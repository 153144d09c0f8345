"""Table blocks: full-width ruled tables whose header row repeats on every page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .blocks import Flow
from .fonts import FontRole
from .grid import AREA_H, AREA_W, EPS
from .kept import Kept
from .lines import line_width
from .model import Table
from .pages import RuleOp, TextOp
from .text import Glyph, Warning

PAD_X = 3.0
PAD_Y = 3.0
LEADING = 1.3  # line height inside cells, in font sizes
RULE = 0.5
OUTER_RULE = 1.0

Cell = list[list[Glyph]]


def column_widths(table: Table, columns: int) -> list[float]:
    hints = table.widths if table.widths and len(table.widths) == columns else [1.0] * columns
    total = sum(hints)
    return [AREA_W * h / total for h in hints]


def layout_table(flow: Flow, table: Table) -> None:
    comp = flow.comp
    columns = max([1, len(table.header), *(len(r) for r in table.rows)])
    widths = column_widths(table, columns)
    size = table.font_size
    if table.caption:
        comp.keep_lines(3)  # never leave a caption alone at the bottom of a page
        flow.centred(table.caption, FontRole.HEITI, flow.size)
    # Tables start on a grid line's top so the text above keeps its spacing.
    comp.cursor = comp.grid.line_top(comp.grid.line_at_or_after(comp.cursor))
    key = (
        flow.shaper.fonts_key(),
        tuple(map(str, table.header)),
        tuple(tuple(map(str, row)) for row in table.rows),
        tuple(widths),
        tuple(table.aligns or ()),
        size,
        comp.cursor,
    )
    found = _kept.get(key)
    if found is not None:
        flow.shaper.warn_again(found.warnings)
        first, *rest = found.segments
        comp.page.ops.extend(first)
        for ops in rest:
            comp.new_page()
            comp.page.ops.extend(ops)
        comp.cursor = found.cursor
        return
    start, before = len(comp.pages) - 1, len(comp.page.ops)
    _lay_out(flow, table, widths, size, columns)
    head = flow.shaper.warnings_of(map(str, table.header), FontRole.HEITI, size)
    body = flow.shaper.warnings_of(
        (str(cell) for row in table.rows for cell in row), FontRole.FANGSONG, size
    )
    if head is None or body is None:
        return  # a glyph no longer kept (the process's glyphs started again): not kept
    pages = comp.pages[start:]
    laid = _Laid(
        (tuple(pages[0].ops[before:]), *(tuple(p.ops) for p in pages[1:])),
        comp.cursor,
        head + body,
    )
    _kept.put(key, laid)


@dataclass(frozen=True)
class _Laid:
    """A table laid out from a cursor: its ops on the page it starts on and on each page it
    adds, the cursor after it, and the fallback warnings its glyphs gave."""

    segments: tuple[tuple[TextOp | RuleOp, ...], ...]
    cursor: float
    warnings: tuple[Warning, ...]


# Tables laid out per process, by their fonts, cells, widths, alignment, size and the cursor
# they start at: what a table's layout depends on (it starts on a grid line's top, breaks by the
# area's height and repeats its header on each new page). A document laid out again after an
# edit above a table that did not move it (the preview's case) places the table's ops as
# before: the circular's tables are half of its layout (issue 11). The ops are shared, never
# changed afterwards (keep_lines moves grid lines only, never a table's).
_kept: Kept[tuple[Any, ...], _Laid] = Kept(256)


def _lay_out(flow: Flow, table: Table, widths: list[float], size: float, columns: int) -> None:
    """The table from the composer's cursor (a grid line's top): rows split into pages."""
    comp = flow.comp
    header = _row(flow, table.header, widths, size, FontRole.HEITI) if table.header else None
    rows = [_row(flow, r, widths, size, FontRole.FANGSONG) for r in table.rows]
    aligns = (table.aligns or []) + ["center"] * columns
    head_h = _height(header, size) if header else 0.0
    heights = [_height(r, size) for r in rows]
    chunks = _chunks(heights, head_h, AREA_H - comp.cursor, AREA_H)
    if rows and not chunks[0]:
        chunks.pop(0)
        comp.new_page()  # not even the header and its first rows fit here
    for n, chunk in enumerate(chunks):
        if n:
            comp.new_page()
        top = comp.cursor
        if header:
            _draw_row(flow, header, widths, size, ["center"] * columns)
        for i in chunk:
            _draw_row(flow, rows[i], widths, size, aligns)
        _frame(flow, top, widths)
    comp.cursor = min(comp.cursor + 2.0, AREA_H)


def _chunks(heights: list[float], head: float, first: float, full: float) -> list[list[int]]:
    """Row indices per page, the header repeating on each; ``first`` is the room left here.

    An empty first chunk means the table starts on the next page. A table of several rows
    never leaves one row alone on a page: not its first (the table moves on), not its last
    (the page before gives it a companion).
    """
    chunks: list[list[int]] = [[]]
    room = first - head
    for i, h in enumerate(heights):
        fresh = not chunks[-1] and (len(chunks) > 1 or first >= full - EPS)
        if h > room + EPS and not fresh:
            chunks.append([])
            room = full - head
        chunks[-1].append(i)
        room -= h
    if len(heights) > 1 and len(chunks) > 1:
        if len(chunks[0]) == 1:
            return [[], *_chunks(heights, head, full, full)]
        if len(chunks[-1]) == 1 and len(chunks[-2]) >= 3:
            chunks[-1].insert(0, chunks[-2].pop())
    return chunks


def _row(flow: Flow, cells: list[str], widths: list[float], size: float, role) -> list[Cell]:
    texts = tuple(str(cells[i]) if i < len(cells) else "" for i in range(len(widths)))
    return flow.shaper.cells(texts, role, size, tuple(w - 2 * PAD_X for w in widths))


def _height(row: list[Cell] | None, size: float) -> float:
    if not row:
        return 0.0
    return max(max((len(c) for c in row), default=1), 1) * size * LEADING + 2 * PAD_Y


def _draw_row(flow: Flow, row: list[Cell], widths: list[float], size: float, aligns) -> None:
    comp = flow.comp
    top = comp.cursor
    h = _height(row, size)
    x = 0.0
    for cell, w, align in zip(row, widths, aligns, strict=False):
        avail = w - 2 * PAD_X
        for i, line in enumerate(cell):
            natural = line_width(line, 0.0)
            lw = min(natural, avail)  # an over-full line squeezes punctuation
            if align == "left":
                lx = x + PAD_X
            elif align == "right":
                lx = x + w - PAD_X - lw
            else:
                lx = x + (w - lw) / 2
            line_top = top + PAD_Y + i * size * LEADING + (LEADING - 1) * size / 2
            # Only an over-full line is justified (squeezed): justify would leave the rest alone.
            squeeze = avail if natural > avail + 0.01 else None
            comp.text_at(
                line, lx, line_top, size, char_space=0.0, justify_to=squeeze, stretch=False
            )
        x += w
    comp.rule(top, RULE)
    comp.cursor = top + h


def _frame(flow: Flow, top: float, widths: list[float]) -> None:
    """Vertical rules and the bottom rule of the part of the table on this page."""
    comp = flow.comp
    bottom = comp.cursor
    comp.rule(bottom, RULE)
    x = 0.0
    for w in [0.0, *widths]:
        x += w
        comp.vrule(min(x, AREA_W), top, bottom, RULE)
