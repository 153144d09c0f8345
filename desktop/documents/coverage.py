"""Every character of a document checked against the fonts that will draw it, with its place.

Before a draft is saved and before issue: characters a fallback font draws are listed for the
clerk to confirm; characters no font can draw (they would print as □) block 印发.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .blocks import paragraph_runs
from .fonts import FontRole, FontSet, reportlab_lock
from .model import OfficialDocument, Table
from .text import _font_for


@dataclass(frozen=True)
class GlyphIssue:
    place: str  # 标题, 正文第3段, 附件1 表格第2行第3列 …
    offset: int  # character index within that text, 0-based
    ch: str
    role: FontRole
    font: str | None  # the font that draws it instead of the role's own; None: none can

    def describe(self) -> str:
        where = f"{self.place}第{self.offset + 1}字"
        code = f"U+{ord(self.ch):04X}"
        if self.font is None:
            return f"“{self.ch}”（{code}，{where}）"
        return f"“{self.ch}”（{code}，{where}，由 {self.font} 代印）"


@dataclass
class CoverageReport:
    fallback: list[GlyphIssue] = field(default_factory=list)  # drawn, by another font
    missing: list[GlyphIssue] = field(default_factory=list)  # no font has them: would be □

    @property
    def ok(self) -> bool:
        return not self.fallback and not self.missing

    def fallback_chars(self) -> str:
        return "".join(dict.fromkeys(i.ch for i in self.fallback))

    def missing_message(self) -> str:
        listed = "、".join(i.describe() for i in self.missing[:20])
        more = f"等 {len(self.missing)} 处" if len(self.missing) > 20 else ""
        return (
            f"以下字符没有任何可用字体能够印出（会印成“□”），不能印发：{listed}{more}。"
            "请改用规范字，或在 设置 → 字体 中指定含这些字的字体文件（如 SimSun-ExtB）。"
        )

    def fallback_message(self) -> str:
        listed = "、".join(i.describe() for i in self.fallback[:20])
        more = f"等 {len(self.fallback)} 处" if len(self.fallback) > 20 else ""
        return f"以下字符本机公文字体缺字，将由相近字体代印，请核对：{listed}{more}。"


def _texts(doc: OfficialDocument) -> Iterator[tuple[str, str, FontRole]]:
    """(place, text, role) of everything the layout prints."""
    yield "发文机关标志", doc.issuer_mark, FontRole.XIAOBIAOSONG
    yield "发文字号", doc.doc_number, FontRole.FANGSONG
    yield "密级", doc.classification + doc.classification_period, FontRole.HEITI
    yield "紧急程度", doc.urgency, FontRole.HEITI
    yield "签发人", doc.signer, FontRole.KAITI
    yield "标题", doc.title, FontRole.XIAOBIAOSONG
    yield "主送机关", doc.recipients, FontRole.FANGSONG
    yield from _blocks("正文", doc.body)
    for n, att in enumerate(doc.attachments, start=1):
        yield f"附件{n}标题", att.title, FontRole.XIAOBIAOSONG
        yield from _blocks(f"附件{n}", att.blocks)
    yield "署名", doc.signature, FontRole.FANGSONG
    yield "附注", doc.note, FontRole.FANGSONG
    yield "联系人", doc.contact + doc.contact_phone, FontRole.FANGSONG
    yield "抄送", doc.cc, FontRole.FANGSONG
    yield "印发机关", doc.printing_office, FontRole.FANGSONG
    for label, names in (
        ("出席", doc.attendance.present),
        ("请假", doc.attendance.absent),
        ("列席", doc.attendance.attending),
    ):
        for i, name in enumerate(names, start=1):
            yield f"{label}第{i}人", name, FontRole.FANGSONG


def _blocks(where: str, blocks: list) -> Iterator[tuple[str, str, FontRole]]:
    for n, block in enumerate(blocks, start=1):
        if isinstance(block, Table):
            yield f"{where}表格标题", block.caption, FontRole.HEITI
            for c, cell in enumerate(block.header, start=1):
                yield f"{where}表头第{c}列", str(cell), FontRole.HEITI
            for r, row in enumerate(block.rows, start=1):
                for c, cell in enumerate(row, start=1):
                    yield f"{where}表格第{r}行第{c}列", str(cell), FontRole.FANGSONG
            continue
        text = block.strip()
        offset = len(block) - len(block.lstrip())
        for part, role in paragraph_runs(text):
            yield f"{where}第{n}段@{offset}", part, role
            offset += len(part)


def check_coverage(doc: OfficialDocument, fonts: FontSet) -> CoverageReport:
    """Which characters of ``doc`` a fallback font draws, and which none can."""
    report = CoverageReport()
    with reportlab_lock:
        names = {role: fonts[role].reportlab_name for role in FontRole}
        chains = {
            role: tuple(c.reportlab_name for c in fonts.fallbacks_for(role)) for role in FontRole
        }
        labels = {c.reportlab_name: c.display_name for c in fonts.fallbacks}
        labels |= {c.reportlab_name: c.display_name for c in (*fonts.extras, *fonts.fonts.values())}
        for place, text, role in _texts(doc):
            base = 0
            if "@" in place:
                place, start = place.split("@")
                base = int(start)
            for i, ch in enumerate(text):
                if ch.isspace():
                    continue
                font = _font_for(names[role], chains[role], ch)
                if font == names[role]:
                    continue
                issue = GlyphIssue(place, base + i, ch, role, labels.get(font) if font else None)
                (report.missing if font is None else report.fallback).append(issue)
    return report
