"""Lines of glyphs written straight into a reportlab page's content: the operators its text
object writes for the same calls (render.py's before issue 11), without the per-call
bookkeeping. The text object measured every run again, re-looked-up its font and made a
string per operator: half of a warm circular's render (≈ 30 of 60 ms for 700 lines)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .grid import LEFT, PAGE_H, TOP, cmyk
from .kept import Kept
from .pages import TextOp
from .text import Glyph


class TextWriter:
    """Writes TextOps into one canvas (one PDF); keeps what it looked up for that PDF.

    A character's subset and code are reportlab's own: the first time a font meets a character
    in this PDF it is assigned by the font's ``splitString``, in the order the text object
    would have met it, so the subsets, their names and the bytes come out the same.
    :meth:`assign` does it for a whole document's lines at once, in that order.
    """

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas
        self._doc = canvas._doc
        self._codes: dict[str, dict[str, int]] = {}  # font -> character -> subset * 256 + code
        self._runs: dict[tuple[str, str, float], str] = {}  # (font, text, size) -> Tf … Tj
        self._heads: dict[tuple[str, int, float], str] = {}  # (font, subset, size) -> "/F1+0 … TL"
        self._lines: dict[_LineKey, tuple[list[Run], str]] = {}  # -> (its runs, BT … ET)
        self._descents: dict[str, float] = {}
        self._state: dict[tuple[float, float, tuple[float, float, float]], str] = {}

    @staticmethod
    def runs(op: TextOp) -> list[Run]:
        """The line's runs (font and weight), each as (index after its last glyph, font, bold,
        text): what :meth:`line` draws, for a caller that sets state before it (an outline)."""
        return _runs_of(op.glyphs, op.gaps)

    def assign(self, lines: Iterable[list[Run]]) -> None:
        """Codes for every character of ``lines`` (runs, in the order drawn): one splitString
        per font, each font's new characters in the order met (the circular's 173 calls, one
        per run that met a new character, cost ≈ 1 ms of a 25 ms warm render; issue 11).

        The fonts are registered with the PDF here, in the order met (as drawing them would):
        on a fresh writer the codes, the subsets' names and so every run's operators are then
        fixed by the fonts and their characters in that order, and a later PDF of the same
        characters (the same document drawn again: a preview, its issue, the next warm render)
        takes the operators made for the first one (:data:`_drawn`) instead of making them.
        """
        texts: dict[str, list[str]] = {}
        for runs in lines:
            for _end, font, _bold, text in runs:
                texts.setdefault(font, []).append(text)
        fresh = not self._codes
        met = []
        for font, parts in texts.items():
            codes = self._codes.setdefault(font, {})
            new = [ch for ch in dict.fromkeys("".join(parts)) if ch not in codes]
            if new:
                self._assign(font, codes, new)
            reportlab_font: Any = pdfmetrics.getFont(font)
            reportlab_font.getSubsetInternalName(0, self._doc)  # its /F number, as first met
            met.append((font, reportlab_font, "".join(new)))
        if fresh and met:
            self._runs, self._heads, self._lines = _drawn_for(met)

    def line(self, op: TextOp, runs: list[Run]) -> None:
        """``op`` (its :meth:`runs`) as one BT … ET: the em box of its first font has its top at
        ``op.top``.

        A line drawn before with the same runs (the same glyphs and corrections, see
        :func:`_runs_of`) at the same place, size and spacing, in a PDF of the same codes, is
        written as it was then."""
        key = (id(runs), op.x, op.top, op.size, op.char_space, op.hscale, op.color)
        found = self._lines.get(key)
        if found is not None and found[0] is runs:  # held there: no other list has its id
            self._canvas._code.append(found[1])
            return
        glyphs = op.glyphs
        size = op.size
        first = glyphs[0].font
        descent = self._descents.get(first)
        if descent is None:
            descent = self._descents[first] = pdfmetrics.getFont(first).face.descent / 1000.0
        baseline = PAGE_H - TOP - op.top - size * (1.0 + descent)
        state = self._state.get((op.char_space, op.hscale, op.color))
        if state is None:
            state = self._line_state(op)
        origin = f"1 0 0 1 {fp_str(LEFT + op.x, baseline)} Tm"
        code = ["BT", "1 0 0 1 0 0 Tm", origin, state]  # beginText()'s origin, then the line's
        add = code.append
        starts = _starts(op, runs) if len(runs) > 1 else None
        for k, (_end, font, bold, text) in enumerate(runs):
            # One run: same font and weight, no correction inside; each starts at its own x.
            add(origin if starts is None else f"1 0 0 1 {fp_str(LEFT + starts[k], baseline)} Tm")
            if bold:
                add("2 Tr")  # fill, then stroke the outline
            add(self._run(font, text, size))
            if bold:
                add("0 Tr")  # Tr outlives ET: never leak bold into the next line
        add("ET")
        drawn = self._lines[key] = (runs, " ".join(code))
        self._canvas._code.append(drawn[1])

    def _line_state(self, op: TextOp) -> str:
        """Tc, Tz and the fill colour, as the text object wrote them."""
        # Tz (like Tc) is page state that outlives BT/ET: set on every line, not just the mark.
        found = self._state[op.char_space, op.hscale, op.color] = (
            f"{fp_str(op.char_space)} Tc {fp_str(op.hscale * 100)} Tz {fp_str(cmyk(op.color))} k"
        )
        return found

    def _run(self, font: str, text: str, size: float) -> str:
        key = (font, text, size)
        found = self._runs.get(key)
        if found is not None:
            return found
        codes = self._codes.get(font)
        if codes is None:
            codes = self._codes[font] = {}
        missing = [ch for ch in text if ch not in codes]
        if missing:
            self._own()
            self._assign(font, codes, list(dict.fromkeys(missing)))
        parts = []
        current, chunk = -1, bytearray()
        for ch in text:
            value = codes[ch]
            subset = value >> 8
            if subset != current:
                if chunk:
                    parts.append(f"({escapePDF(bytes(chunk))}) Tj")
                    chunk = bytearray()
                parts.append(self._head(font, subset, size))
                current = subset
            chunk.append(value & 0xFF)
        parts.append(f"({escapePDF(bytes(chunk))}) Tj")
        found = self._runs[key] = " ".join(parts)
        return found

    def _own(self) -> None:
        """Keep this PDF's operators to itself: a character met after :meth:`assign` makes its
        codes differ from those of the PDFs it shared them with."""
        self._runs, self._heads = dict(self._runs), dict(self._heads)
        self._lines = dict(self._lines)

    def _assign(self, font: str, codes: dict[str, int], chars: list[str]) -> None:
        """Codes for ``chars`` (new to the font in this PDF, in the order met) from one
        ``splitString`` call: it assigns them in that order, as one call per character did
        (620 calls in the circular, each looking its PDF's state up through a weak
        reference), so the codes and subsets are the same."""
        reportlab_font: Any = pdfmetrics.getFont(font)
        reportlab_font.splitString("".join(chars), self._doc)
        assigned = reportlab_font.state[self._doc].assignments
        for ch in chars:
            # splitString's own reading: a no-break space as a space, no glyph as code 0
            codes[ch] = assigned.get(32 if ch == "\xa0" else ord(ch), 0)

    def _head(self, font: str, subset: int, size: float) -> str:
        key = (font, subset, size)
        head = self._heads.get(key)
        if head is None:
            # Naming a subset first registers the font with the PDF (its /F number): the text
            # object did it at the same point.
            name = pdfmetrics.getFont(font).getSubsetInternalName(subset, self._doc)
            # setFont's leading: 1.2 × the size.
            head = self._heads[key] = f"{name} {fp_str(size)} Tf {fp_str(size * 1.2)} TL"
        return head


Run = tuple[int, str, bool, str]  # (index after its last glyph, font, bold, its text)
_LineKey = tuple[int, float, float, float, float, float, tuple[float, float, float]]
_Drawn = tuple[
    dict[tuple[str, str, float], str],
    dict[tuple[str, int, float], str],
    dict[_LineKey, tuple[list[Run], str]],
]
# (font, its characters in the order met) of each font in the order met -> (the fonts, the
# run operators, subset heads and lines of every PDF that met them so): the same fonts meeting the
# same characters in the same order give the same codes and names (splitString and
# getSubsetInternalName are deterministic), so the operators are the same bytes.
_drawn: Kept[tuple[tuple[str, str], ...], tuple[tuple[Any, ...], _Drawn]] = Kept(
    8  # documents (a few hundred KB of operators at most)
)


def _drawn_for(met: list[tuple[str, Any, str]]) -> _Drawn:
    """The operators shared by every PDF whose fonts met these characters in this order."""
    key = tuple((font, chars) for font, _obj, chars in met)
    fonts = tuple(obj for _font, obj, _chars in met)
    found = _drawn.get(key)
    if found is not None and all(a is b for a, b in zip(found[0], fonts, strict=True)):
        return found[1]
    made: _Drawn = ({}, {}, {})  # a font registered anew under its name: drawn anew
    _drawn.put(key, (fonts, made))
    return made


_kept: Kept[tuple[tuple[int, ...], tuple[float, ...]], tuple[list[Glyph], list[Run]]] = Kept(
    8192  # lines: a few documents' worth
)


def _runs_of(glyphs: list[Glyph], gaps: tuple[float, ...]) -> list[Run]:
    """A line's runs: a run ends where the font or weight changes or a correction follows a
    glyph. Kept per process by the glyphs' identity (a glyph is made once per process for a
    set of fonts, text.Shaper); the entry holds the glyphs, so no id is another object's."""
    key = (tuple(map(id, glyphs)), gaps)
    found = _kept.get(key)
    if found is not None:
        return found[1]
    runs: list[Run] = []
    n, ngaps = len(glyphs), len(gaps)
    start = 0
    for i, g in enumerate(glyphs):
        if i < n - 1 and (i >= ngaps or gaps[i] == 0.0):
            nxt = glyphs[i + 1]
            if nxt.font == g.font and nxt.bold == g.bold:
                continue
        runs.append((i + 1, g.font, g.bold, "".join([r.ch for r in glyphs[start : i + 1]])))
        start = i + 1
    _kept.put(key, (glyphs[:], runs))
    return runs


def _starts(op: TextOp, runs: list[Run]) -> list[float]:
    """Each run's x, summed glyph by glyph as TextOp.positions() sums them (the same floats)."""
    cs, hscale, gaps = op.char_space, op.hscale, op.gaps
    ngaps = len(gaps)
    x = op.x
    out = [x]
    ends = {end for end, *_rest in runs[:-1]}
    for i, g in enumerate(op.glyphs):
        x += (g.width + cs + (gaps[i] if i < ngaps else 0.0)) * hscale
        if i + 1 in ends:
            out.append(x)
    return out
