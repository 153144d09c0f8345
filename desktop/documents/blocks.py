"""Body blocks on the grid: paragraphs with heading levels, 附件说明, signature, 附注, attendees."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fonts import FontRole
from .grid import AREA_W, CHARS_PER_LINE, RED, SIZE_2
from .lines import break_lines_kept, line_width
from .model import Attachment, Attendance, format_date
from .pages import Composer, centred_x
from .text import Glyph, Shaper
from .titles import split_title

NUM = "一二三四五六七八九十百零"
HEADINGS = [
    (1, re.compile(rf"^[{NUM}]+、"), FontRole.HEITI),
    (2, re.compile(rf"^[（(][{NUM}]+[）)]"), FontRole.KAITI),
    (3, re.compile(r"^\d+[.．](?!\d)"), FontRole.FANGSONG),
    (4, re.compile(r"^[（(]\d+[）)]"), FontRole.FANGSONG),
]


def heading_level(text: str) -> int:
    """0 for plain body text, else 1–4 for 一、 （一） 1. （1）."""
    for level, pattern, _role in HEADINGS:
        if pattern.match(text):
            return level
    return 0


def paragraph_runs(text: str) -> list[tuple[str, FontRole]]:
    """Split a paragraph into font runs: a 一、/（一） heading sentence keeps its own font."""
    text = text.strip()
    for _level, pattern, role in HEADINGS:
        if pattern.match(text):
            if role is FontRole.FANGSONG:
                break
            # Only the heading sentence (up to the first 。) is 黑体/楷体; the rest is body.
            end = text.find("。")
            if 0 <= end < len(text) - 1:
                return [(text[: end + 1], role), (text[end + 1 :], FontRole.FANGSONG)]
            return [(text, role)]
    return [(text, FontRole.FANGSONG)]


def is_heading_alone(text: str) -> bool:
    """A heading paragraph with no body text after it (三、整改时限): one line, one sentence."""
    text = text.strip()
    if not heading_level(text) or len(text) > CHARS_PER_LINE:
        return False
    end = text.find("。")
    return end < 0 or end == len(text) - 1


def bold_heading(text: str) -> tuple[str, str] | None:
    """(bold part, rest) of a 1. heading, or None for a numbered item that is no heading.

    The heading sentence up to the first 。 is bold when more text follows it; a paragraph that
    is only "1.xxx" is bold when it fits on one line (a long one is a list item, left plain).
    """
    text = text.strip()
    if heading_level(text) != 3:
        return None
    end = text.find("。")
    if 0 <= end < len(text) - 1:
        return text[: end + 1], text[end + 1 :]
    if len(text) <= CHARS_PER_LINE:
        return text, ""
    return None


@dataclass
class Flow:
    """The composer plus the shaper: what every block needs."""

    comp: Composer
    shaper: Shaper
    bold_level3: bool = True  # "1." headings in faux-bold 仿宋
    title_words: tuple[str, ...] = ()  # the office's unit and project names: never cut
    decisions_plain: bool = False  # 纪要: numbered decisions in 仿宋, not 黑体/楷体

    @property
    def size(self) -> float:
        return self.comp.grid.size

    @property
    def slot(self) -> float:
        return self.comp.grid.slot

    def glyphs(self, runs: list[tuple[str, FontRole]], size: float | None = None) -> list[Glyph]:
        out: list[Glyph] = []
        for text, role in runs:
            out += self.shaper.shape(text, role, size or self.size)
        return out

    def flow(
        self, glyphs: list[Glyph], first_x: float, rest_x: float, right: float = 0.0, keep: int = 0
    ):
        """Wrap and lay glyphs on grid lines; all lines but the last are justified.

        ``keep`` more lines must fit below on the same page (a heading keeps with its text).
        """
        cs = self.comp.grid.char_space
        lines = break_lines_kept(glyphs, AREA_W - right - first_x, AREA_W - right - rest_x, cs)
        if keep:
            self.comp.keep_lines(len(lines) + keep)
        for i, line in enumerate(lines):
            x = first_x if i == 0 else rest_x
            last = i == len(lines) - 1
            # The last line is not spread, but squeezes punctuation if the break needed it.
            self.comp.put_line(line, x, justify_to=AREA_W - right - x, stretch=not last)

    def paragraph(self, text: str, keep: int = 0) -> None:
        """A body paragraph; ``keep`` lines of what follows must fit on its page.

        In a 纪要 (``decisions_plain``) a numbered paragraph that is more than a heading, or ends
        with 。 however short, is a decision: 仿宋, with only its lead sentence bold (§10.3 and
        the office's practice).
        """
        split = bold_heading(text) if self.bold_level3 else None
        # A one-line decision is still a decision: only a heading without its 。 (一、议定事项)
        # stays a heading, so items one and two of the same list print in the same face.
        decision = not is_heading_alone(text) or text.strip().endswith("。")
        if self.decisions_plain and heading_level(text) in (1, 2) and decision:
            end = text.find("。")
            head, rest = (
                (text[: end + 1], text[end + 1 :]) if 0 <= end < len(text) - 1 else ("", text)
            )
            glyphs = (
                self.shaper.shape(head, FontRole.FANGSONG, self.size, bold=True) if head else []
            )
            glyphs += self.glyphs([(rest, FontRole.FANGSONG)])
            self.flow(glyphs, 2 * self.slot, 0.0, keep=keep)
            return
        if split is not None:
            head, rest = split
            glyphs = self.shaper.shape(head, FontRole.FANGSONG, self.size, bold=True)
            glyphs += self.glyphs([(rest, FontRole.FANGSONG)]) if rest else []
        else:
            glyphs = self.glyphs(paragraph_runs(text))
        self.flow(glyphs, 2 * self.slot, 0.0, keep=keep)

    def centred(self, text: str, role: FontRole, size: float, color=None) -> None:
        glyphs = self.shaper.shape(text, role, size)
        cs = self.comp.grid.char_space if size == self.size else 0.0
        x = centred_x(glyphs, cs)
        self.comp.put_line(
            glyphs, x, size=size, char_space=cs, **({"color": color} if color else {})
        )

    def title(self, text: str, color=None) -> None:
        """2号小标宋, centred, split by meaning and measured width (梯形/菱形)."""

        def width(ch: str) -> float:
            return self.shaper.shape(ch, FontRole.XIAOBIAOSONG, SIZE_2)[0].width

        for line in split_title(text, AREA_W, width, self.title_words):
            self.centred(line, FontRole.XIAOBIAOSONG, SIZE_2, color)

    def attachment_note(self, attachments: list[Attachment]) -> None:
        """附件：1. name — wrapped lines align with the name; no full stop."""
        self.comp.skip_lines(1)
        label = self.glyphs([("附件：", FontRole.FANGSONG)])
        cs = self.comp.grid.char_space
        label_w = line_width(label, cs) + cs
        for i, att in enumerate(attachments):
            name = att.title.rstrip("。.")
            number = f"{i + 1}. " if len(attachments) > 1 else ""
            num = self.glyphs([(number, FontRole.FANGSONG)])
            num_w = line_width(num, cs) + cs if num else 0.0
            body = self.glyphs([(name, FontRole.FANGSONG)])
            x0 = 2 * self.slot + (0.0 if i == 0 else label_w)
            self.flow((label if i == 0 else []) + num + body, x0, 2 * self.slot + label_w + num_w)

    def signature(self, names: list[str], when, keep_after: int = 0) -> None:
        """署名 and 成文日期 without a seal (§7.3.5.2): the name right 2 characters in, the date
        under it; with a seal, :func:`seals.sign_with_seals` lays them out.

        Several ``names`` (联合行文) stand one a line above the date, the lead organ first.
        ``keep_after`` lines (the 附注) must fit below the date on the same page.
        """
        cs = self.comp.grid.char_space
        date_g = self.glyphs([(format_date(when), FontRole.FANGSONG)]) if when else []
        shaped = [self.glyphs([(n, FontRole.FANGSONG)]) for n in names if n]
        dw = line_width(date_g, cs)
        nw = max((line_width(g, cs) for g in shaped), default=0.0)
        extra = max(0, len(shaped) - 1)
        self.comp.keep_lines(3 + extra + keep_after, carry=2, tighten=True)
        self.comp.skip_lines(1)
        name_right = 2 * self.slot
        if date_g and dw > nw - 2 * self.slot:
            # A date longer than the name goes 2 chars in; the name moves left to match.
            date_x = AREA_W - 2 * self.slot - dw
            name_x = date_x - 2 * self.slot
        else:
            name_x = AREA_W - name_right - nw
            date_x = name_x + 2 * self.slot
        for name_g in shaped:
            self.comp.put_line(name_g, name_x)
        if date_g:
            self.comp.put_line(date_g, date_x)

    def note(self, text: str) -> None:
        text = text.strip()
        if not text.startswith(("（", "(")):
            text = f"（{text}）"
        self.flow(self.glyphs([(text, FontRole.FANGSONG)]), 2 * self.slot, 0.0)

    def attendance(self, att: Attendance) -> None:
        """出席/请假/列席: 黑体 label 2 chars in, names after the colon, wrapped under them."""
        cs = self.comp.grid.char_space
        first = True
        for label, names in (("出席", att.present), ("请假", att.absent), ("列席", att.attending)):
            if not names:
                continue
            if first:
                self.comp.skip_lines(1)
                first = False
            head = self.glyphs([(f"{label}：", FontRole.HEITI)])
            rest_x = 2 * self.slot + line_width(head, cs) + cs
            body = self.glyphs([("、".join(names), FontRole.FANGSONG)])
            self.flow(head + body, 2 * self.slot, rest_x)

    def red_title(self, text: str, size: float) -> None:
        self.centred(text, FontRole.XIAOBIAOSONG, size, RED)
