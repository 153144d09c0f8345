"""What every composed notice shares: who issues it, how numbers and shares are written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.services.percents import percent_text

from .model import DocumentKind, OfficialDocument

ORDINALS = "一二三四五六七八九十"
TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class Letterhead:
    """The issuing office as the settings describe it; the composers never read the ledger."""

    issuer_name: str  # 江城市平安建设领导小组办公室: mark, signature, 印发机关
    issuer_short: str = ""  # 市平安办: used inside sentences
    city: str = ""
    mark_suffix: str = "文件"
    cc: str = ""


# A space the screen puts between Chinese and a number (略滞后 2 个百分点, the lamp's reasons):
# print sets them close (略滞后2个百分点); spaces between Latin words and numbers stay.
_SCREEN_SPACE = re.compile(
    r"(?<=[\u3400-\u9fff\uff08-\uff1f])[ \u00a0]+(?=[0-9])|(?<=[0-9%])[ \u00a0]+(?=[\u3400-\u9fff])"
)


def printed(text: str) -> str:
    """Text written for the screen, as a notice prints it (no space between 汉字 and digits)."""
    return _SCREEN_SPACE.sub("", text)


def ordinal(n: int) -> str:
    """1 -> 一 … 10 -> 十, 11 -> 十一, 20 -> 二十 (headings and 一是…二是…)."""
    if n <= 10:
        return ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else ORDINALS[tens - 1]
    return head + "十" + (ORDINALS[ones - 1] if ones else "")


def share(part: int, whole: int) -> str:
    """占 37.8%: one decimal, as the office writes shares."""
    if whole == 0:
        return "0%"
    return f"{Decimal(part * 100) / Decimal(whole):.1f}%"


def pct(value: float | None) -> str:
    """A computed share (序时进度 45%): whole points."""
    return "—" if value is None else f"{value:.0f}%"


def reported(value: Decimal | float | None) -> str:
    """A reported percent as the unit typed it: 62.5%, and 60% (never 60.0%)."""
    return "—" if value is None else f"{percent_text(value)}%"


def wan(amount: Decimal) -> str:
    """Yuan to 万元 with two decimals, no thousands separator inside Chinese sentences."""
    return f"{(amount / TEN_THOUSAND).quantize(Decimal('0.01'))}"


def rate(part: Decimal, whole: Decimal) -> str:
    if not whole:
        return "—"
    return f"{(part * 100 / whole).quantize(Decimal('0.1'))}%"


def join_names(names: list[str], limit: int = 0) -> str:
    """市公安局、市司法局和市民政局 (at most ``limit`` names then 等N个单位)."""
    if not names:
        return ""
    if limit and len(names) > limit:
        return "、".join(names[:limit]) + f"等{len(names)}个单位"
    if len(names) == 1:
        return names[0]
    return "、".join(names[:-1]) + "和" + names[-1]


def numbered_items(items: list[str]) -> str:
    """一是…；二是…。 in one paragraph, each item ending without its own full stop."""
    parts = [f"{ordinal(i)}是{text.rstrip('。；;')}" for i, text in enumerate(items, start=1)]
    return "；".join(parts) + "。"


def frame(
    head: Letterhead,
    title: str,
    recipients: str,
    body: list,
    issued: date,
    *,
    attachments: list | None = None,
    cc: str | None = None,
) -> OfficialDocument:
    """The parts every notice of the office carries; the caller fills the body."""
    return OfficialDocument(
        title=title,
        issuer_mark=head.issuer_name,
        mark_suffix=head.mark_suffix,
        body=body,
        recipients=recipients,
        attachments=attachments or [],
        signature=head.issuer_name,
        date=issued,
        cc=head.cc if cc is None else cc,
        printing_office=head.issuer_name,
        printing_date=issued,
    )


def as_record(model: OfficialDocument, title: str) -> OfficialDocument:
    """A form filled in and signed, like the 约谈记录, or a register: no red head, no 文号, no
    seal, no 版记."""
    model.kind = DocumentKind.RECORD
    model.seal = False
    model.signature, model.date = "", None
    model.printing_office, model.printing_date = "", None
    model.subject = title
    return model
