"""减负 lint: 考核 indicators and items that the 2024 rules against formalism forbid to score.

《整治形式主义为基层减负若干规定》(2024) bars appraisals that count 领导批示, articles in the
media, meetings held, documents issued, or 留痕 (photos, notes, files kept to show work was done)
instead of results. The lint reads the scheme's names and rules and warns; it changes nothing
(the office decides), and the demo scheme passes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.services.assessment.views import SchemeInfo

# (what is forbidden, the words that betray it, what the rules say instead)
RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("以领导批示计分", re.compile(r"批示"), "不得把领导批示作为考核加分或评价依据"),
    (
        "以媒体报道计分",
        re.compile(r"媒体|报道|上稿|刊发|信息采用|宣传稿"),
        "不得把媒体报道、信息刊发数量作为考核依据",
    ),
    ("以开会多少计分", re.compile(r"召开.*会议|会议次数|开会"), "不得以会议多少衡量工作"),
    ("以发文多少计分", re.compile(r"发文|文件数量|印发.*文件"), "不得以发文多少衡量工作"),
    (
        "以留痕计分",
        re.compile(r"照片|留痕|佐证材料|台账资料|工作笔记|记录本|影像资料"),
        "不得把照片、笔记、台账资料等留痕作为考核依据，重实绩实效",
    ),
)


@dataclass(frozen=True)
class Warning:
    where: str  # 指标 or 加减分项
    code: str
    name: str
    problem: str
    rule: str

    @property
    def text(self) -> str:
        return f"{self.where}“{self.code} {self.name}”疑似{self.problem}：{self.rule}。"


def lint(scheme: SchemeInfo) -> list[Warning]:
    """Every indicator or item whose name or rule reads as one of the forbidden measures."""
    found = []
    subjects = [("指标", i.code, i.name, i.name) for i in scheme.indicators]
    subjects += [("加减分项", i.code, i.name, f"{i.name} {i.rule}") for i in scheme.items]
    for where, code, name, text in subjects:
        for problem, words, rule in RULES:
            if words.search(text):
                found.append(Warning(where, code, name, problem, rule))
    return found
