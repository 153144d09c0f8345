"""Page geometry of GB/T 9704-2012: A4, type area 156 × 225 mm, 22 lines × 28 characters."""

from __future__ import annotations

from dataclasses import dataclass

MM = 72.0 / 25.4

PAGE_W = 210 * MM
PAGE_H = 297 * MM
TOP = 37 * MM  # 天头
LEFT = 28 * MM  # 订口
AREA_W = 156 * MM
AREA_H = 225 * MM

RED = (0xE5 / 255, 0x00 / 255, 0x12 / 255)  # #E50012, Y80 M80 on screen
BLACK = (0.0, 0.0, 0.0)
# What the PDF says: print colours in CMYK (OFFICIAL-DOCUMENTS.md: the red prints as M80 Y80,
# text in pure K); the RGB above is what the page model and a screen use.
PRINT_CMYK = {RED: (0.0, 0.8, 0.8, 0.0), BLACK: (0.0, 0.0, 0.0, 1.0)}


def cmyk(rgb: tuple[float, float, float]) -> tuple[float, float, float, float]:
    """The print colour of a page-model colour (naive conversion for the 督办 label colours)."""
    if rgb in PRINT_CMYK:
        return PRINT_CMYK[rgb]
    k = 1.0 - max(rgb)
    if k >= 1.0:
        return (0.0, 0.0, 0.0, 1.0)
    c, m, y = ((1.0 - v - k) / (1.0 - k) for v in rgb)
    return (round(c, 4), round(m, 4), round(y, 4), round(k, 4))


# Chinese font sizes in points.
SIZE_2 = 22.0  # 二号: titles
SIZE_3 = 16.0  # 三号: body
SIZE_4 = 14.0  # 四号: 版记, page numbers

CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
EPS = 0.01
MIN_PITCH = 26.9  # pt: the tightest a page may be set to keep its signature (24 lines)


def default_line_pitch(size: float = SIZE_3) -> float:
    """≈29.6 pt: the first line's top on the area's top, the 22nd line's bottom on its bottom."""
    return (AREA_H - size) / (LINES_PER_PAGE - 1)


@dataclass(frozen=True)
class Grid:
    """The body grid: line pitch (a setting) and the character slot of 3号 text."""

    pitch: float
    size: float = SIZE_3
    max_lines: int = LINES_PER_PAGE  # more only on a page tightened to keep a signature

    @property
    def slot(self) -> float:
        """Advance of one full-width character: 28 of them exactly fill 156 mm."""
        return AREA_W / CHARS_PER_LINE

    @property
    def char_space(self) -> float:
        """Extra spacing (negative) that puts 16 pt characters on the 5.57 mm slots."""
        return self.slot - self.size

    @property
    def lines(self) -> int:
        """22, or fewer when a large pitch leaves no room (a 28 pt pitch could fit 23)."""
        return min(self.max_lines, int((AREA_H - self.size + EPS) // self.pitch) + 1)

    def tightened(self, extra: int) -> Grid:
        """This grid with ``extra`` more lines squeezed into the type area of one page."""
        lines = self.lines + extra
        return Grid((AREA_H - self.size) / (lines - 1), self.size, lines)

    def line_top(self, index: int) -> float:
        """Distance of a grid line's top from the type area's top."""
        return index * self.pitch

    def line_at_or_after(self, offset: float) -> int:
        """First grid line whose top is at or below ``offset`` (from the area's top)."""
        k = int(offset // self.pitch)
        if k * self.pitch < offset - EPS:
            k += 1
        return k
