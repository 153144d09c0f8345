"""Plain document model of an official document (GB/T 9704-2012), free of layout and Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class DocumentKind(StrEnum):
    """Which of the standard's formats the document is printed in."""

    DOCUMENT = "document"  # 文件格式
    MINUTES = "minutes"  # 纪要格式: red "XXXX纪要", （第X期）, attendee lists, no seal
    LETTER = "letter"  # 信函格式: mark without 文件 30 mm from the top, red double lines
    RECORD = "record"  # a record form (约谈记录): no red head, no 文号, no 版记; 编号 top right


class Grade(StrEnum):
    """督办 escalation colour printed as a small label on the first page (SUPERVISION.md)."""

    BLUE = "blue"  # 催办
    YELLOW = "yellow"  # 督办通知 (printed amber: pure yellow vanishes on white paper)
    RED = "red"  # red-lamp 督办, 约谈

    @property
    def colour_name(self) -> str:
        return {"blue": "蓝", "yellow": "黄", "red": "红"}[self.value]

    @property
    def rgb(self) -> tuple[float, float, float]:
        return GRADE_RGB[self]

    def label(self, word: str = "") -> str:
        """催办（蓝） / 督办（黄） / 督办（红）, or the caller's word (约谈) with the colour."""
        word = word or ("催办" if self is Grade.BLUE else "督办")
        return f"{word}（{self.colour_name}）"


GRADE_RGB = {
    Grade.BLUE: (0x00 / 255, 0x5B / 255, 0xB3 / 255),  # #005BB3
    Grade.YELLOW: (0xF3 / 255, 0x98 / 255, 0x00 / 255),  # #F39800, amber
    Grade.RED: (0xE5 / 255, 0x00 / 255, 0x12 / 255),  # #E50012, the mark's red
}


@dataclass
class Table:
    """A table block in the body: the header row repeats on every page the table spans.

    ``widths`` are relative weights (e.g. ``[1, 4, 2]``); the table always spans the full
    type-area width. ``aligns`` per column: "left", "center" or "right" (default centred).
    """

    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    widths: list[float] | None = None
    aligns: list[str] | None = None
    font_size: float = 14.0  # 4号: the usual size of tables inside notices


Block = str | Table


@dataclass
class Attachment:
    """One 附件: printed on its own page as 附件N + centred title + its own blocks."""

    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Attendance:
    """Attendee lists of the 纪要 format: each list is printed under a 黑体 label."""

    present: list[str] = field(default_factory=list)  # 出席
    absent: list[str] = field(default_factory=list)  # 请假
    attending: list[str] = field(default_factory=list)  # 列席


@dataclass
class OfficialDocument:
    """Everything the clerk fills in; ``render_pdf`` turns it into pages.

    Body strings are plain text (no markup). A paragraph starting with 一、 （一） 1. （1）
    takes that heading level by itself. ``date`` is printed as 2026年3月5日.
    """

    title: str
    issuer_mark: str  # 发文机关标志, e.g. "江城市平安建设领导小组办公室"
    body: list[Block] = field(default_factory=list)
    recipients: str = ""  # 主送机关; the trailing ： is added when missing
    doc_number: str = ""  # 发文字号, e.g. "平安办〔2026〕12号"
    mark_suffix: str = "文件"  # appended to the mark; "" for the 信函 style or no suffix
    copy_number: str = ""  # 份号, printed as 6 digits
    classification: str = ""  # 密级, e.g. "机密"
    classification_period: str = ""  # 保密期限, e.g. "1年" -> 机密★1年
    urgency: str = ""  # 紧急程度: 特急 / 加急
    signer: str = ""  # 签发人 (reports upward only)
    attachments: list[Attachment] = field(default_factory=list)
    signature: str = ""  # 发文机关署名
    date: date | None = None  # 成文日期
    seal: bool = True  # leave room for the red seal over signature and date
    note: str = ""  # 附注, printed in （）
    # 请示 (条例 第十五条): 联系人 and 电话 go in the 附注, after any note of the clerk's own.
    contact: str = ""
    contact_phone: str = ""
    cc: str = ""  # 抄送
    printing_office: str = ""  # 印发机关
    printing_date: dt.date | None = None  # 印发日期
    kind: DocumentKind = DocumentKind.DOCUMENT
    minutes_issue: str = ""  # 纪要 only: "第3期" or "3" -> （第3期）
    attendance: Attendance = field(default_factory=Attendance)
    grade: Grade | None = None  # 督办 colour label (催办 blue, 督办 yellow, red); None: no label
    grade_word: str = ""  # the label's word when not 催办/督办, e.g. 约谈
    # 联合行文: every issuing organ, the lead one first; the mark stacks them with 文件 beside,
    # and each signs above the date. Empty: the issuer alone.
    joint_issuers: list[str] = field(default_factory=list)
    subject: str = ""  # the kind in words for the PDF's metadata (通报, 请示…); "" from the title


def note_text(doc: OfficialDocument) -> str:
    """The 附注 as printed (without its brackets): the note, then 联系人 and 电话 of a 请示."""
    parts = [doc.note.strip().strip("（）()")] if doc.note.strip() else []
    who = [f"联系人：{doc.contact.strip()}"] if doc.contact.strip() else []
    if doc.contact_phone.strip():
        who.append(f"联系电话：{doc.contact_phone.strip()}")
    if who:
        parts.append("，".join(who))
    return "；".join(parts)


def format_date(value: date) -> str:
    """2026年3月5日: Arabic numerals, year in full, no leading zeros."""
    return f"{value.year}年{value.month}月{value.day}日"
