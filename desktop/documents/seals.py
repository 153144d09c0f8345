"""Where the seals go (GB/T 9704-2012 §7.3.5.1): 署名 and 成文日期 laid out for the seal.

One organ: its name centred over the date (右空四字); the seal presses both, with them a little
below its centre, its top within one line of the body. 联合行文: the organs' names in order,
side by side (一左一右, two a row when they fit, else one a row), each under the centre of its
own seal; the last organ's seal presses its name and the date; seals in neat rows that neither
cut nor touch each other and stay inside the type area; the first row's top within one line of
the body. The positions are kept on the page (``Page.seals``) so that a draft can show them and
a test can measure them; the seal itself is pressed on paper (or added by a signing system).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .blocks import Flow
from .grid import AREA_W, MM
from .lines import line_width
from .text import Glyph

SEAL_DIAMETER = 42 * MM  # the usual 公章 of a local organ (4.2 cm)
SEAL_GAP = 3 * MM  # at least, between two seals
PER_ROW = 2  # the standard's 联合行文 figure: 一左一右
SEAL_ABOVE_NAMES = 1 * MM  # the seal's centre above its names' top: they sit 偏下


@dataclass(frozen=True)
class Seal:
    """A seal's circle, from the type area's left and top (pt), and whose it is."""

    cx: float
    cy: float
    diameter: float
    organ: str

    @property
    def top(self) -> float:
        return self.cy - self.diameter / 2


def _columns(widths: list[float], centre: float, slot: float) -> tuple[int, float]:
    """(names a row, distance between the columns' centres) that fit the type area.

    Two a row when neighbours' names keep a character apart and both seals stay inside the
    area; otherwise one a row.
    """
    if len(widths) < 2:
        return 1, 0.0
    need = max((a + b) / 2 + slot for a, b in zip(widths, widths[1:], strict=False))
    pitch = max(SEAL_DIAMETER + SEAL_GAP, need)
    left = centre - pitch
    if left - SEAL_DIAMETER / 2 < 0 or left - max(widths) / 2 < 0:
        return 1, 0.0
    return PER_ROW, pitch


def sign_with_seals(
    flow: Flow, names: list[list[Glyph]], organs: list[str], date_g: list[Glyph], keep_after: int
) -> None:
    """Lay out the names and date for their seals and record the seals on the page."""
    comp, slot = flow.comp, flow.slot
    cs = comp.grid.char_space
    dw = line_width(date_g, cs)
    widths = [line_width(g, cs) for g in names]
    if date_g:
        centre = AREA_W - 4 * slot - dw / 2
    else:  # no date: the last name right, 4 characters in
        centre = AREA_W - 4 * slot - (widths[-1] if widths else 0.0) / 2
    per_row, pitch = _columns(widths, centre, slot)
    rows = [list(range(i, min(i + per_row, len(names)))) for i in range(0, len(names), per_row)]
    # A row's names are a seal apart from the next row's: seals never touch across rows.
    step = math.ceil((SEAL_DIAMETER + SEAL_GAP) / comp.grid.pitch)
    lines = 2 + (len(rows) - 1) * step + 1 + (1 if date_g else 0)
    comp.keep_lines(lines + keep_after, carry=2, tighten=True)
    comp.skip_lines(2)
    grid = comp.grid
    # The names sit two blank lines under the body, the seal's centre just above them: its
    # top then comes 1–4 mm under the body's last line at any pitch from 26.9 to 29.6 pt.
    drop = -SEAL_ABOVE_NAMES
    for r, row in enumerate(rows):
        if r:
            comp.skip_lines(step - 1)
        top = grid.line_top(comp.next_line())
        for j, index in enumerate(row):
            column = len(row) - 1 - j  # 0: the rightmost, over the date
            cx = centre - column * pitch
            w = widths[index]
            x = max(0.0, min(cx - w / 2, AREA_W - w))
            if j == 0:
                comp.put_line(names[index], x)
            else:
                comp.text_at(names[index], x, top, grid.size)
            cx = min(max(cx, SEAL_DIAMETER / 2), AREA_W - SEAL_DIAMETER / 2)
            comp.page.seals.append(Seal(cx, top + drop, SEAL_DIAMETER, organs[index]))
    if date_g:
        comp.put_line(date_g, centre - dw / 2)
