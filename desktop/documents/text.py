"""Glyph shaping with per-character font fallback (lines.py breaks and justifies the lines)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import reportlab.pdfbase.ttfonts as _ttfonts
from reportlab.pdfbase import pdfmetrics

from .fonts import FontRole, FontSet, covers
from .kept import Kept
from .lines import CANNOT_START, break_lines

MISSING_SUBSTITUTE = "□"


def patch_reportlab_kinsoku() -> None:
    """reportlab's CJK wrap may start a line with ，：；？！》”: extend its list in both modules.
    Our own layout (layout_lines below) does not use it; the Paragraphs of the meeting pack and
    the transfer form do, and call this first (platypus is ~0.08 s of a cold import, issue 11)."""
    import reportlab.lib.textsplit as _textsplit
    import reportlab.platypus.paragraph as _paragraph

    extra = "".join(ch for ch in CANNOT_START if ch not in _textsplit.ALL_CANNOT_START)
    if extra:
        _textsplit.ALL_CANNOT_START += extra
        _paragraph.ALL_CANNOT_START = _textsplit.ALL_CANNOT_START


def patch_reportlab_to_unicode() -> None:
    """reportlab writes a character beyond U+FFFF into the text layer as 5 hex digits (𠮷 reads
    back as ₻): write UTF-16 (a surrogate pair) as the PDF specification asks."""
    original = _ttfonts.makeToUnicodeCMap
    if getattr(original, "utf16", False):
        return

    def make(fontname, subset):  # type: ignore[no-untyped-def]
        text = original(fontname, [v if v <= 0xFFFF else 0xFFFF for v in subset])
        for i, v in enumerate(subset):
            if v > 0xFFFF:
                pair = chr(v).encode("utf-16-be").hex().upper()
                text = text.replace(f"<{i:02X}> <FFFF>", f"<{i:02X}> <{pair}>", 1)
        return text

    make.utf16 = True  # type: ignore[attr-defined]
    _ttfonts.makeToUnicodeCMap = make


patch_reportlab_to_unicode()


@dataclass(frozen=True)
class Glyph:
    ch: str
    font: str  # reportlab font name
    width: float  # advance at the given size, without extra spacing
    bold: bool = False  # drawn with a faux-bold outline (仿宋 has no bold face)


Warning = tuple[str, FontRole, str | None]  # (character, role, the font drawing it or None)
GlyphKey = tuple[str, FontRole, float, bool]  # (character, role, size, bold)

# Glyphs made once per process for each set of fonts (Shaper key): a warm render of a document
# makes none, and break_lines_kept can keep its lines by the glyphs' identity (issue 11).
_MADE: dict[tuple[Any, ...], dict[GlyphKey, tuple[Glyph, Warning | None]]] = {}
# Table rows (Shaper.cells): their cells' lines and the warnings their glyphs give.
_rows: Kept[tuple[Any, ...], tuple[list[list[list[Glyph]]], tuple[Warning, ...]]] = Kept(
    4096  # table rows: a few documents' worth
)
_MADE_LIMIT = 65536  # glyphs per set of fonts; past it the set starts again


@dataclass
class Shaper:
    """Maps text of a role to glyphs, falling back per character; records what it did."""

    fonts: FontSet
    warnings: list[str] = field(default_factory=list)
    _seen: set[tuple[str, str]] = field(default_factory=set)
    # Font names looked up once per shaper; which font draws a character once per process.
    _names: dict[FontRole, str] = field(default_factory=dict)
    _fallbacks: dict[FontRole, tuple[str, ...]] = field(default_factory=dict)
    _glyphs: dict[GlyphKey, Glyph] = field(default_factory=dict)
    _made: dict[GlyphKey, tuple[Glyph, Warning | None]] | None = None
    _key: tuple[Any, ...] | None = None

    def fonts_key(self) -> tuple[Any, ...]:
        """Every role's font and fallback chain: what a glyph depends on besides its text."""
        if self._key is None:
            self._key = tuple((role, self.name(role), self._chain(role)) for role in FontRole)
        return self._key

    def cells(
        self, texts: tuple[str, ...], role: FontRole, size: float, widths: tuple[float, ...]
    ) -> list[list[list[Glyph]]]:
        """Each text shaped and broken to its width (a table row), kept per process for these
        fonts: a warm render neither shapes nor breaks the row again, and gets its warnings."""
        key = (self.fonts_key(), texts, role, size, widths)
        found = _rows.get(key)
        if found is None:
            made = [self.shape(t, role, size) for t in texts]
            lines = [
                break_lines(g, w, w, 0.0) if g else [] for g, w in zip(made, widths, strict=True)
            ]
            warnings = self._warnings_in(texts, role, size)
            if warnings is None:
                return lines  # the glyph table started again meanwhile: not kept
            found = _rows.put(key, (lines, warnings))
        else:
            self.warn_again(found[1])
        return [[line[:] for line in cell] for cell in found[0]]

    def warn_again(self, warnings: Iterable[Warning]) -> None:
        """The fallback warnings of glyphs taken from a process cache, as making them gave."""
        for warning in warnings:
            self._warn(*warning)

    def warnings_of(
        self, texts: Iterable[str], role: FontRole, size: float
    ) -> tuple[Warning, ...] | None:
        """What shaping ``texts`` warns of, in order (None: a glyph not made yet)."""
        return self._warnings_in(tuple(texts), role, size)

    def _warnings_in(
        self, texts: tuple[str, ...], role: FontRole, size: float
    ) -> tuple[Warning, ...] | None:
        """The fallback warnings the texts' glyphs give, in order (None: a glyph not kept)."""
        made = self._made if self._made is not None else {}
        out = []
        for text in texts:
            for ch in text:
                entry = made.get((ch, role, size, False))
                if entry is None:
                    return None
                if entry[1] is not None:
                    out.append(entry[1])
        return tuple(out)

    def name(self, role: FontRole) -> str:
        found = self._names.get(role)
        if found is None:
            found = self._names[role] = self.fonts[role].reportlab_name
        return found

    def shape(self, text: str, role: FontRole, size: float, bold: bool = False) -> list[Glyph]:
        # A document repeats a few hundred characters: each glyph is looked up (and its
        # fallback warned about) once per shaper, then shared; a Glyph is frozen.
        made = self._glyphs
        out: list[Glyph] = []
        for ch in text:
            key = (ch, role, size, bold)
            glyph = made.get(key)
            if glyph is None:
                glyph = made[key] = self._glyph(key)
            out.append(glyph)
        return out

    def _glyph(self, key: GlyphKey) -> Glyph:
        """The process's glyph for ``key`` with these fonts; its warning given to this shaper."""
        made = self._made
        if made is None:
            made = self._made = _MADE.setdefault(self.fonts_key(), {})
        entry = made.get(key)
        if entry is None:
            if len(made) >= _MADE_LIMIT:
                made.clear()
            entry = made[key] = self._make(*key)
        glyph, warning = entry
        if warning is not None:
            self._warn(*warning)
        return glyph

    def _make(
        self, ch: str, role: FontRole, size: float, bold: bool
    ) -> tuple[Glyph, Warning | None]:
        primary = self.name(role)
        if ch in "\r\n\t":
            ch = " "
        font = self._font_for(ch, role)
        warning: Warning | None = None
        if font is None:
            warning = (ch, role, None)
            font = self._font_for(MISSING_SUBSTITUTE, FontRole.SONGTI) or primary
            ch = MISSING_SUBSTITUTE
        elif font != primary:
            warning = (ch, role, font)
        return Glyph(ch, font, _width(font, ch) * size, bold), warning

    def _chain(self, role: FontRole) -> tuple[str, ...]:
        chain = self._fallbacks.get(role)
        if chain is None:
            chain = tuple(c.reportlab_name for c in self.fonts.fallbacks_for(role))
            self._fallbacks[role] = chain
        return chain

    def _font_for(self, ch: str, role: FontRole) -> str | None:
        return _font_for(self.name(role), self._chain(role), ch)

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
            choices = [*self.fonts.fallbacks_for(role), *self.fonts.fonts.values()]
            other = next((c.display_name for c in choices if c.reportlab_name == used), used)
            self.warnings.append(f"{label}字体缺字“{ch}”（{code}），该字改用 {other}")


@lru_cache(maxsize=65536)
def _font_for(primary: str, fallbacks: tuple[str, ...], ch: str) -> str | None:
    """The first font that has the character: the role's own, then the fallbacks in order."""
    if covers(primary, ch):
        return primary
    for name in fallbacks:
        if covers(name, ch):
            return name
    return None


@lru_cache(maxsize=65536)
def _width(font: str, ch: str) -> float:
    return pdfmetrics.stringWidth(ch, font, 1.0)
