"""Lines of glyphs: unbreakable units (禁则), a paragraph broken to a width, a line justified on
the grid (标点挤压, spread between characters). text.py shapes the glyphs."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from .kept import Kept

if TYPE_CHECKING:
    from .text import Glyph

# Characters that must not begin a line (closing punctuation) or end one (opening brackets).
CANNOT_START = (
    "，。、；：？！）》〉」』】〕〗”’…—‥·～％‰℃"
    ",.;:?!)]}%"
    "ー々〆ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
CANNOT_END = "（《〈「『【〔〖“‘([{"
ASCII_WORD = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.-/_+#@:%'")
# Units and counters that must stay on the line of the number before them.
NUMBER_UNITS = set("%％‰℃天个项万亿元年月日时分秒号期次件户人名家所座台套辆米吨倍位条批周岁页份")
# Full-width punctuation whose blank half may be squeezed out (标点挤压) before a line is
# spread: closing marks have the blank on the right, opening marks on the left.
SQUEEZE_CLOSE = set("，。、；：？！）》〉」』】〕〗”’")
SQUEEZE_OPEN = set("（《〈「『【〔〖“‘")
SQUEEZE = 0.5  # of a full-width mark's advance
MIN_ADVANCE = 0.05  # of a glyph's width: what a squeeze leaves between it and the next one
MAX_SPREAD = 0.15  # em: the most extra spacing a justified line may put between characters


def units(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Group glyphs into unbreakable units.

    Kept together: ASCII words, punctuation with its neighbours (禁则), a number with its unit
    (``189 天``, ``35%``, ``第3期``), and a space with the unit before it, so that a break at a
    space drops the space instead of starting the next line with it.
    """
    out: list[list[Glyph]] = []
    for g in glyphs:
        if out:
            unit = out[-1]
            prev = unit[-1].ch
            if (
                g.ch == " "
                or g.ch in CANNOT_START
                or prev in CANNOT_END
                or (g.ch in ASCII_WORD and prev in ASCII_WORD)
                or (g.ch in "—…" and prev == g.ch)  # a dash or ellipsis pair is one sign
                or (g.ch in NUMBER_UNITS and _ends_in_number(unit))
                or (g.ch.isdigit() and prev == "第")
            ):
                unit.append(g)
                continue
        out.append([g])
    return out


def _ends_in_number(unit: list[Glyph]) -> bool:
    """True if the unit ends in a digit, or in a digit and one space (``189 天``)."""
    chars = [g.ch for g in unit[-2:]]
    if chars and chars[-1] == " ":
        chars = chars[:-1]
    return bool(chars) and chars[-1].isdigit()


_WIDTH = attrgetter("width")  # the same sum as a generator's, in C: break_lines calls it often


def line_width(glyphs: list[Glyph], char_space: float) -> float:
    """Width from the first glyph's left to the last glyph's right edge."""
    if not glyphs:
        return 0.0
    return sum(map(_WIDTH, glyphs)) + char_space * (len(glyphs) - 1)


def advance(glyphs: list[Glyph], char_space: float) -> float:
    """Width the glyphs take on the grid: each one with its spacing (28 slots fill 156 mm)."""
    return sum(map(_WIDTH, glyphs)) + char_space * len(glyphs)


def squeezable(glyphs: list[Glyph]) -> list[float]:
    """How much each glyph's side may give up (pt); an opening mark's blank is before it.

    A closing mark that ends the line keeps its box: the line still ends on the area's edge.
    """
    out = [0.0] * len(glyphs)
    for i, g in enumerate(glyphs):
        if g.ch in SQUEEZE_CLOSE and i < len(glyphs) - 1:
            out[i] = g.width * SQUEEZE
        elif g.ch in SQUEEZE_OPEN and i > 0:
            out[i - 1] += g.width * SQUEEZE  # taken from the gap before the mark
    # 、“ or ）（: both halves from one gap would put the opening mark's box where the closing
    # one's is, and text extraction that reads by position (pdfplumber, search) swaps them.
    return [min(room, glyphs[i].width * (1 - MIN_ADVANCE)) for i, room in enumerate(out)]


def break_lines(
    glyphs: list[Glyph], first_width: float, rest_width: float, char_space: float
) -> list[list[Glyph]]:
    """Greedy fill of units; a closing mark never starts a line, an opening one never ends it.

    A unit that overflows by no more than the line's punctuation can give up still goes on the
    line (标点挤压 comes before spreading the line). Spaces at either end of a line are dropped.
    """
    whole = _trimmed(glyphs)
    if char_space >= 0.0 and advance(whole, char_space) <= first_width + 0.01:
        # Every part of it fits as well (widths are never negative): the fill below would put
        # it all on one line. Most table cells are such (issue 11).
        return [whole]
    lines: list[list[Glyph]] = []
    line = _Line(char_space)
    width = first_width

    def squeezes(candidate: list[Glyph]) -> bool:
        """The line would be short without the unit: may squeezing pull it in instead?"""
        if advance(_trimmed(line.glyphs), char_space) >= width - 0.01:
            return False  # the line is full as it is: nothing to avoid
        trimmed = _trimmed(candidate)
        over = advance(trimmed, char_space) - width
        em = max(g.width for g in trimmed)  # pull in at most one character's worth
        return over <= min(em, sum(squeezable(trimmed))) + 0.01

    for unit in units(glyphs):
        fits = line.fits_with(unit, width)
        if not line.glyphs and not fits:
            # A single unit longer than the line (a long number or URL): cut it by glyph.
            current: list[Glyph] = []
            for g in unit:
                if current and advance([*current, g], char_space) > width + 0.01:
                    lines.append(current)
                    current, width = [], rest_width
                current.append(g)
            line = _Line(char_space)
            line.add(current)
            continue
        if fits or squeezes(line.glyphs + unit):
            line.add(unit)
            continue
        lines.append(line.glyphs)
        line, width = _Line(char_space), rest_width
        line.add(unit)
    if line.glyphs or not lines:
        lines.append(line.glyphs)
    return [_trimmed(line) for line in lines]


class _Line:
    """A line being filled and the running sum of its widths from its first non-space glyph:
    whether it still fits with one more unit is then known in the unit's time, not the line's
    (break_lines asked it of every unit: most of a warm circular's layout, issue 11)."""

    __slots__ = ("glyphs", "lead", "end", "sums", "char_space")

    def __init__(self, char_space: float) -> None:
        self.glyphs: list[Glyph] = []
        self.lead = 0  # leading spaces (all of the glyphs while there is no other)
        self.end = 0  # after the last non-space glyph (== lead while there is none)
        self.sums: list[float] = [0]  # sums[i]: glyphs[lead : lead + i]'s widths, left to right
        self.char_space = char_space

    def _with(self, unit: list[Glyph]) -> tuple[int, int, list[float]]:
        """(lead, end, sums added) of the line with ``unit`` after it."""
        at = len(self.glyphs)
        lead, end = self.lead, self.end
        added: list[float] = []
        if end > lead:
            total = self.sums[-1]
        else:  # only spaces so far: the trimmed line starts in the unit
            total = 0
            for g in unit:
                if g.ch != " ":
                    break
                at += 1
            lead = end = at
            unit = unit[at - len(self.glyphs) :]
        for g in unit:
            total = total + g.width  # the order sum() adds them in, so the same float
            added.append(total)
            at += 1
            if g.ch != " ":
                end = at
        return lead, end, added

    def fits_with(self, unit: list[Glyph], width: float) -> bool:
        """advance(_trimmed(glyphs + unit)) <= width + 0.01, from the running sum."""
        lead, end, added = self._with(unit)
        n = end - lead
        sums = self.sums if lead == self.lead else [0]
        taken = (sums[n] if n < len(sums) else added[n - len(sums)]) + self.char_space * n
        limit = width + 0.01
        if abs(taken - limit) < 1e-9:  # a tie: decide it as sum() adds (compensated in 3.12)
            taken = advance(_trimmed(self.glyphs + unit), self.char_space)
        return taken <= limit

    def add(self, unit: list[Glyph]) -> None:
        lead, end, added = self._with(unit)
        if lead != self.lead:
            self.sums = [0]
        self.sums += added
        self.lead, self.end = lead, end
        self.glyphs += unit


_kept: Kept[tuple[tuple[int, ...], float, float, float], tuple[list[Glyph], list[list[Glyph]]]] = (
    Kept(4096)
)  # paragraphs and cells: a few documents' worth


def break_lines_kept(
    glyphs: list[Glyph], first_width: float, rest_width: float, char_space: float
) -> list[list[Glyph]]:
    """break_lines, kept per process for the same glyph objects (Shaper makes each glyph once
    per process): a warm render of the same text breaks it once. The entry holds the glyphs,
    so the ids in its key cannot be another object's while it is kept."""
    key = (tuple(map(id, glyphs)), first_width, rest_width, char_space)
    found = _kept.get(key)
    if found is None:
        found = _kept.put(
            key, (glyphs[:], break_lines(glyphs, first_width, rest_width, char_space))
        )
    return [line[:] for line in found[1]]  # the caller's own lists (a TextOp keeps one)


def _trimmed(line: list[Glyph]) -> list[Glyph]:
    start, end = 0, len(line)
    while start < end and line[start].ch == " ":
        start += 1
    while end > start and line[end - 1].ch == " ":
        end -= 1
    return line[start:end]


def _squeeze_on_the_grid(room: list[float], over: float) -> tuple[float, ...]:
    """Corrections that take ``over`` from the punctuation, a whole blank half a mark, so that
    as few characters as possible leave the grid's slots: one half from the mark nearest the
    line's end (only what follows it moves), two halves from the two marks closest together
    (what follows both is back on a slot), more from the marks nearest the end."""
    marks = [i for i, r in enumerate(room) if r > 0.0]
    gaps = [0.0] * len(room)
    chosen = marks[::-1]
    if len(marks) >= 2 and max(room[i] for i in marks) < over <= 2 * min(room[i] for i in marks):
        _, first = min((marks[k + 1] - marks[k], k) for k in range(len(marks) - 1))
        chosen = [marks[first + 1], marks[first]]
    for i in chosen:
        if over <= 0.0:
            break
        take = min(room[i], over)
        gaps[i] = -take
        over -= take
    return tuple(gaps)


def justify(
    glyphs: list[Glyph], width: float, char_space: float, size: float, *, stretch: bool = True
) -> tuple[float, tuple[float, ...]]:
    """(uniform spacing, per-glyph corrections) that set a line to ``width``.

    An over-full line squeezes its punctuation (keeping most characters on the grid); a short one
    (``stretch``) spreads the gaps
    between characters by at most MAX_SPREAD em, never inside an ASCII word or number (so the
    text layer reads ``91420100`` as typed), and stays short if that is not enough.
    Correction ``i`` is added to the advance after glyph ``i``.
    """
    n = len(glyphs)
    if n < 2:
        return char_space, ()
    slack = width - line_width(glyphs, char_space)
    if slack < -0.01:
        return char_space, _squeeze_on_the_grid(squeezable(glyphs), -slack)
    if not stretch or slack <= 0.01:
        return char_space, ()
    rigid = [glyphs[i].ch in ASCII_WORD and glyphs[i + 1].ch in ASCII_WORD for i in range(n - 1)]
    open_gaps = rigid.count(False)
    if not open_gaps:
        return char_space, ()
    extra = min(slack / open_gaps, MAX_SPREAD * size)
    if not any(rigid):
        return char_space + extra, ()
    return char_space + extra, tuple(-extra if r else 0.0 for r in rigid) + (0.0,)
