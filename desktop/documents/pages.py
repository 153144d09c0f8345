"""Pages as lists of drawing operations, and the composer that fills them line by line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .grid import AREA_H, AREA_W, BLACK, EPS, Grid
from .lines import justify, line_width
from .text import Glyph

if TYPE_CHECKING:
    from .seals import Seal


@dataclass
class TextOp:
    """One line of glyphs; ``x`` and ``top`` are from the type area's left and top edges.

    Every glyph advances by its width plus ``char_space`` plus its entry in ``gaps`` (empty:
    none), all times ``hscale``: ``positions()`` gives each glyph's x, so a writer of another
    format (OFD) needs nothing but this op.
    """

    x: float
    top: float
    size: float
    glyphs: list[Glyph]
    char_space: float = 0.0
    color: tuple[float, float, float] = BLACK
    hscale: float = 1.0  # horizontal compression (the issuer mark)
    gaps: tuple[float, ...] = ()  # per-glyph corrections: punctuation squeezed, words kept tight

    def positions(self) -> list[float]:
        """x of each glyph's left edge, from the type area's left."""
        xs, x = [], self.x
        for i, g in enumerate(self.glyphs):
            xs.append(x)
            gap = self.gaps[i] if i < len(self.gaps) else 0.0
            x += (g.width + self.char_space + gap) * self.hscale
        return xs


@dataclass
class RuleOp:
    """A straight rule from (x0, y0) to (x1, y1), from the area's left and top; pt."""

    x0: float
    y0: float
    x1: float
    y1: float
    thickness: float
    color: tuple[float, float, float] = BLACK


@dataclass
class Page:
    ops: list[TextOp | RuleOp] = field(default_factory=list)
    numbered: bool = True  # blank pages before the 版记 page carry no number
    seals: list[Seal] = field(default_factory=list)  # where the seals are pressed (seals.py)


class Composer:
    """Fills pages top to bottom; body lines sit on the grid, other blocks at a free cursor."""

    def __init__(self, grid: Grid, page_grids: dict[int, Grid] | None = None) -> None:
        self.base_grid = grid
        # Pages whose lines were tightened (§7.3.5.1: 调整行距) so a signature or the 版记
        # fits instead of starting a page of its own; index -> grid.
        self.page_grids = dict(page_grids or {})
        self.shortfall: tuple[int, int] | None = None  # (page, lines) a keep_lines missed
        self.pages: list[Page] = [Page()]
        self.cursor = 0.0  # distance below the area's top of the first free point
        self._grid_ops: list[tuple[int, int, TextOp]] = []  # (page, line, op) of grid lines
        self._held: set[int] = set()  # ids of lines that must not end a page (主送机关, title)

    @property
    def grid(self) -> Grid:
        """The grid of the page being filled."""
        return self.page_grids.get(len(self.pages) - 1, self.base_grid)

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page())
        self.cursor = 0.0

    def next_line(self) -> int:
        """Grid line that the next line of text goes on, breaking the page when full."""
        k = self.grid.line_at_or_after(self.cursor)
        if k >= self.grid.lines:
            self.new_page()
            k = 0
        return k

    def lines_left(self) -> int:
        return max(0, self.grid.lines - self.grid.line_at_or_after(self.cursor))

    def skip_lines(self, n: int) -> None:
        """Leave ``n`` empty grid lines (never carried over to the top of a new page)."""
        for _ in range(n):
            k = self.grid.line_at_or_after(self.cursor)
            if k >= self.grid.lines or self.cursor == 0.0 and not self.page.ops:
                return
            self.cursor = self.grid.line_top(k) + self.grid.size

    def put_line(
        self,
        glyphs: list[Glyph],
        x: float,
        *,
        size: float | None = None,
        justify_to: float | None = None,
        char_space: float | None = None,
        color: tuple[float, float, float] = BLACK,
        stretch: bool = True,
    ) -> TextOp:
        """Lay one line on the next grid line; larger text is centred on the 3号 line box."""
        k = self.next_line()
        size = size or self.grid.size
        top = self.grid.line_top(k) - (size - self.grid.size) / 2
        op = self.text_at(
            glyphs, x, top, size, justify_to=justify_to, char_space=char_space, stretch=stretch
        )
        op.color = color
        self.cursor = self.grid.line_top(k) + self.grid.size
        self._grid_ops.append((len(self.pages) - 1, k, op))
        return op

    def hold_last(self) -> None:
        """The last grid line laid (the 主送机关, a title line) keeps with the line after it."""
        if self._grid_ops:
            self._held.add(id(self._grid_ops[-1][2]))

    def text_at(
        self,
        glyphs: list[Glyph],
        x: float,
        top: float,
        size: float,
        *,
        justify_to: float | None = None,
        char_space: float | None = None,
        stretch: bool = True,
    ) -> TextOp:
        """A line at (x, top); ``justify_to`` sets it to that width (``stretch``: may spread)."""
        gaps: tuple[float, ...] = ()
        if char_space is not None:
            cs = char_space
        else:
            cs = self.grid.char_space if size == self.grid.size else 0.0
        if justify_to is not None:
            cs, gaps = justify(glyphs, justify_to, cs, size, stretch=stretch)
        op = TextOp(x, top, size, glyphs, cs, gaps=gaps)
        self.page.ops.append(op)
        return op

    def rule(self, y: float, thickness: float, color=BLACK, x0: float = 0.0, x1: float = AREA_W):
        """A horizontal rule across the type area (or from x0 to x1)."""
        self.page.ops.append(RuleOp(x0, y, x1, y, thickness, color))

    def vrule(self, x: float, y0: float, y1: float, thickness: float, color=BLACK) -> None:
        self.page.ops.append(RuleOp(x, y0, x, y1, thickness, color))

    def note_shortfall(self, lines: int) -> None:
        """This page missed ``lines`` grid lines for what must stay on it (the first counts)."""
        if self.shortfall is None:
            self.shortfall = (len(self.pages) - 1, lines)

    def fits(self, height: float) -> bool:
        return self.cursor + height <= AREA_H + EPS

    def keep_lines(self, n: int, carry: int = 0, *, tighten: bool = False) -> None:
        """Start a new page unless ``n`` more grid lines fit on this one.

        ``carry`` last text lines move along, so that (say) a signature never stands alone
        on a page: the standard wants body text above it. ``tighten``: record how many lines
        were missing, so the renderer can lay the document out again with this page's lines
        closer together (``shortfall``).
        """
        if self.lines_left() >= n:
            return
        page = len(self.pages) - 1
        if tighten:
            self.note_shortfall(n - self.lines_left())
        old_grid = self.grid
        moving = [(k, op) for p, k, op in self._grid_ops[-carry:] if p == page] if carry else []
        last = self.grid.line_at_or_after(self.cursor) - 1
        lines = {k for k, _ in moving}
        # Carry only a run of lines that ends right at the cursor (not a table above it).
        if not moving or max(lines) != last or len(lines) != last - min(lines) + 1:
            moving = []
        if moving and min(lines) == 0:
            moving = []  # the page would be left empty
        held = {k for p, k, op in self._grid_ops if p == page and id(op) in self._held}
        while len(moving) > 1 and min(lines) - 1 in held:
            # Carrying the whole run would strand the 主送机关 (or title) above it: carry less.
            moving = [(k, op) for k, op in moving if k != min(lines)]
            lines = {k for k, _ in moving}
        for _k, op in moving:
            self.page.ops.remove(op)
        self.new_page()
        base = min(lines) if moving else 0
        for k, op in moving:
            op.top += self.grid.line_top(k - base) - old_grid.line_top(k)
            self.page.ops.append(op)
            self._grid_ops.append((len(self.pages) - 1, k - base, op))
        if moving:
            self.cursor = self.grid.line_top(max(lines) - base) + self.grid.size


def centred_x(glyphs: list[Glyph], char_space: float, width: float = AREA_W) -> float:
    return (width - line_width(glyphs, char_space)) / 2
