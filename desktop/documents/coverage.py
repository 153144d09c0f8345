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
    field: str = ""  # the clerk's field that holds it (title, body, cc …); "" for none
    index: int = 0  # which block of the body, attachment or 联合发文机关

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


Text = tuple[str, str, int, int, str, FontRole]  # place, field, index, offset, text, role
# (place, the clerk's field or "" for the settings', model attribute, role) of one-line texts.
HEAD_FIELDS = (
    ("发文字号", "", "doc_number", FontRole.FANGSONG),
    ("密级", "classification", "classification", FontRole.HEITI),
    ("保密期限", "classification_period", "classification_period", FontRole.HEITI),
    ("紧急程度", "urgency", "urgency", FontRole.HEITI),
    ("签发人", "signer", "signer", FontRole.KAITI),
    ("标题", "title", "title", FontRole.XIAOBIAOSONG),
    ("主送机关", "recipients", "recipients", FontRole.FANGSONG),
)
END_FIELDS = (
    ("署名", "", "signature", FontRole.FANGSONG),
    ("附注", "note", "note", FontRole.FANGSONG),
    ("联系人", "contact", "contact", FontRole.FANGSONG),
    ("联系电话", "contact_phone", "contact_phone", FontRole.FANGSONG),
    ("抄送", "cc", "cc", FontRole.FANGSONG),
    ("印发机关", "", "printing_office", FontRole.FANGSONG),
)


def _texts(doc: OfficialDocument) -> Iterator[Text]:
    """(place, field, index, offset, text, role) of everything the layout prints.

    ``field`` and ``index`` say which of the clerk's fields holds the text (``body`` 3: the
    fourth block of the body), ``offset`` where the text starts in it, so that an editor can
    put its cursor on a character; "" for what the office's settings print (mark, 署名 …).
    """
    yield "发文机关标志", "", 0, 0, doc.issuer_mark, FontRole.XIAOBIAOSONG
    for i, organ in enumerate(doc.joint_issuers[1:]):
        yield f"联合发文机关{i + 1}", "joint", i, 0, organ, FontRole.XIAOBIAOSONG
    for place, field_name, attr, role in HEAD_FIELDS:
        yield place, field_name, 0, 0, getattr(doc, attr), role
    yield from _blocks("正文", "body", 0, doc.body)
    for n, att in enumerate(doc.attachments, start=1):
        yield f"附件{n}标题", "attachment", n - 1, 0, att.title, FontRole.XIAOBIAOSONG
        yield from _blocks(f"附件{n}", "", n - 1, att.blocks)
    for place, field_name, attr, role in END_FIELDS:
        yield place, field_name, 0, 0, getattr(doc, attr), role
    for label, names in (
        ("出席", doc.attendance.present),
        ("请假", doc.attendance.absent),
        ("列席", doc.attendance.attending),
    ):
        for i, name in enumerate(names, start=1):
            yield f"{label}第{i}人", "", 0, 0, name, FontRole.FANGSONG


def _blocks(where: str, field_name: str, index: int, blocks: list) -> Iterator[Text]:
    """A body's blocks; in the body (``field_name`` "body") the index is the block's."""
    for n, block in enumerate(blocks, start=1):
        at = n - 1 if field_name else index
        if isinstance(block, Table):
            yield f"{where}表格标题", "", at, 0, block.caption, FontRole.HEITI
            for c, cell in enumerate(block.header, start=1):
                yield f"{where}表头第{c}列", "", at, 0, str(cell), FontRole.HEITI
            for r, row in enumerate(block.rows, start=1):
                for c, cell in enumerate(row, start=1):
                    yield f"{where}表格第{r}行第{c}列", "", at, 0, str(cell), FontRole.FANGSONG
            continue
        text = block.strip()
        offset = len(block) - len(block.lstrip())
        for part, role in paragraph_runs(text):
            yield f"{where}第{n}段", field_name, at, offset, part, role
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
        for place, field_name, index, base, text, role in _texts(doc):
            for i, ch in enumerate(text):
                if ch.isspace():
                    continue
                font = _font_for(names[role], chains[role], ch)
                if font == names[role]:
                    continue
                label = labels.get(font) if font else None
                issue = GlyphIssue(place, base + i, ch, role, label, field_name, index)
                (report.missing if font is None else report.fallback).append(issue)
    return report
