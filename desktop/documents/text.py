"""Glyph shaping with per-character font fallback, and CJK line breaking with 禁则 rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import reportlab.lib.textsplit as _textsplit
import reportlab.platypus.paragraph as _paragraph
from reportlab.pdfbase import pdfmetrics

from .fonts import FontRole, FontSet, covers

# Characters that must not begin a line (closing punctuation) or end one (opening brackets).
CANNOT_START = (
    "，。、；：？！）》〉」』】〕〗”’…—‥·～％‰℃"
    ",.;:?!)]}%"
    "ー々〆ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
CANNOT_END = "（《〈「『【〔〖“‘([{"
ASCII_WORD = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.-/_+#@:%'")
MISSING_SUBSTITUTE = "□"


def patch_reportlab_kinsoku() -> None:
    """reportlab's CJK wrap may start a line with ，：；？！》”: extend its list in both modules."""
    extra = "".join(ch for ch in CANNOT_START if ch not in _textsplit.ALL_CANNOT_START)
    if extra:
        _textsplit.ALL_CANNOT_START += extra
        _paragraph.ALL_CANNOT_START = _textsplit.ALL_CANNOT_START


patch_reportlab_kinsoku()


@dataclass(frozen=True)
class Glyph:
    ch: str
    font: str  # reportlab font name
    width: float  # advance at the given size, without extra spacing
    bold: bool = False  # drawn with a faux-bold outline (仿宋 has no bold face)


@dataclass
class Shaper:
    """Maps text of a role to glyphs, falling back per character; records what it did."""

    fonts: FontSet
    warnings: list[str] = field(default_factory=list)
    _seen: set[tuple[str, str]] = field(default_factory=set)

    def name(self, role: FontRole) -> str:
        return self.fonts[role].reportlab_name

    def shape(self, text: str, role: FontRole, size: float, bold: bool = False) -> list[Glyph]:
        primary = self.fonts[role]
        out: list[Glyph] = []
        for ch in text:
            if ch in "\r\n\t":
                ch = " "
            font = self._font_for(ch, role)
            if font is None:
                self._warn(ch, role, None)
                font = self._font_for(MISSING_SUBSTITUTE, FontRole.SONGTI) or primary.reportlab_name
                ch = MISSING_SUBSTITUTE
            elif font != primary.reportlab_name:
                self._warn(ch, role, font)
            out.append(Glyph(ch, font, _width(font, ch) * size, bold))
        return out

    def _font_for(self, ch: str, role: FontRole) -> str | None:
        primary = self.fonts[role].reportlab_name
        if covers(primary, ch):
            return primary
        for choice in self.fonts.fallbacks:
            if covers(choice.reportlab_name, ch):
                return choice.reportlab_name
        return None

    def _warn(self, ch: str, role: FontRole, used: str | None) -> None:
        key = (ch, role.value)
        if key in self._seen:
            return
        self._seen.add(key)
        from .fonts import ROLE_LABEL  # local: keeps the import list of this module short

        label = ROLE_LABEL[role][0]
        code = f"U+{ord(ch):04X}"
        if used is None:
            self.warnings.append(
                f"字符“{ch}”（{code}）在所有可用字体中都没有，已印作“{MISSING_SUBSTITUTE}”，请核对"
            )
        else:
            other = next(
                (c.display_name for c in self.fonts.fallbacks if c.reportlab_name == used), used
            )
            self.warnings.append(f"{label}字体缺字“{ch}”（{code}），该字改用 {other}")


@lru_cache(maxsize=65536)
def _width(font: str, ch: str) -> float:
    return pdfmetrics.stringWidth(ch, font, 1.0)


def units(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Group glyphs into unbreakable units: ASCII words, and punctuation kept with neighbours."""
    out: list[list[Glyph]] = []
    for g in glyphs:
        if out:
            prev = out[-1][-1].ch
            if (
                g.ch in CANNOT_START
                or prev in CANNOT_END
                or (g.ch in ASCII_WORD and prev in ASCII_WORD)
                or (g.ch in "—…" and prev == g.ch)  # a dash or ellipsis pair is one sign
            ):
                out[-1].append(g)
                continue
        out.append([g])
    return out


def line_width(glyphs: list[Glyph], char_space: float) -> float:
    """Width from the first glyph's left to the last glyph's right edge."""
    if not glyphs:
        return 0.0
    return sum(g.width for g in glyphs) + char_space * (len(glyphs) - 1)


def advance(glyphs: list[Glyph], char_space: float) -> float:
    """Width the glyphs take on the grid: each one with its spacing (28 slots fill 156 mm)."""
    return sum(g.width for g in glyphs) + char_space * len(glyphs)


def break_lines(
    glyphs: list[Glyph], first_width: float, rest_width: float, char_space: float
) -> list[list[Glyph]]:
    """Greedy fill of units; a closing mark never starts a line, an opening one never ends it."""
    lines: list[list[Glyph]] = []
    current: list[Glyph] = []
    width = first_width
    for unit in units(glyphs):
        candidate = current + unit
        if advance(candidate, char_space) <= width + 0.01 or not current:
            if advance(candidate, char_space) > width + 0.01:
                # A single unit longer than the line (a long number or URL): cut it by glyph.
                current = []
                for g in unit:
                    if current and advance([*current, g], char_space) > width + 0.01:
                        lines.append(current)
                        current, width = [], rest_width
                    current.append(g)
                continue
            current = candidate
            continue
        lines.append(current)
        current, width = list(unit), rest_width
    if current or not lines:
        lines.append(current)
    return lines


def justify_space(glyphs: list[Glyph], width: float) -> float:
    """Character spacing that makes the line end exactly at ``width``."""
    if len(glyphs) < 2:
        return 0.0
    return (width - sum(g.width for g in glyphs)) / (len(glyphs) - 1)
