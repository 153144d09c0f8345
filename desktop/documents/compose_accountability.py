"""The papers of a 问责, one per step: record forms, the 问责决定书, the letter to the 组织部门
and the 申诉复查决定, from plain data (labels already resolved, no ledger objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .compose_common import Letterhead, as_record, frame
from .model import DocumentKind, OfficialDocument, Table, format_date


@dataclass(frozen=True)
class StepPaper:
    """One recorded step as paper speaks of it: its label, day and (label, value) lines."""

    code: str
    label: str
    on: date
    lines: tuple[tuple[str, str], ...]

    def value(self, label: str) -> str:
        return next((v for k, v in self.lines if k == label), "")


@dataclass(frozen=True)
class CaseData:
    unit: str
    persons: str
    grounds: str
    tasks: tuple[str, ...]
    interview_day: date | None
    rectification_due: date | None
    steps: dict[str, StepPaper] = field(default_factory=dict)
    appeal_days: int = 30
    execution_days: int = 30


def _record(
    head: Letterhead, title: str, rows: list[list[str]], body: list, issued: date
) -> OfficialDocument:
    facts = Table(header=["项目", "内容"], rows=rows, widths=[1, 4], aligns=["center", "left"])
    return as_record(frame(head, title, "", [facts, *body], issued, cc=""), title)


def _rows(data: CaseData, paper: StepPaper) -> list[list[str]]:
    rows = [["问责对象", data.persons], ["所在单位", data.unit]]
    rows += [[k, v or "—"] for k, v in paper.lines if k != "问责对象"]
    rows.append([f"{paper.label}日期", format_date(paper.on)])
    return rows


SIGNATURES = {
    "start": ["批准人（签字）：", "经办人（签字）："],
    "investigate": ["调查组组长（签字）：", "调查组成员（签字）："],
    "findings": ["调查组组长（签字）：", "调查组成员（签字）："],
    "statement": ["陈述申辩人（签字）：", "记录人（签字）："],
    "execute": ["执行情况核实人（签字）："],
    "appeal": ["申诉人（签字）：", "登记人（签字）："],
}
TITLES = {
    "start": "启动问责审批表",
    "investigate": "问责调查组组成情况",
    "findings": "问责调查认定意见",
    "statement": "陈述申辩记录",
    "execute": "问责决定执行情况",
    "appeal": "申诉登记表",
}


def compose_step(data: CaseData, code: str, head: Letterhead, issued: date) -> OfficialDocument:
    paper = data.steps[code]
    if code == "decision":
        return _decision(data, paper, head, issued)
    if code == "notify":
        return _notification(data, paper, head, issued)
    if code == "appeal_outcome":
        return _review(data, paper, head, issued)
    if code == "waive":
        return _waiver(data, paper, head, issued)
    body: list = []
    if code == "start":
        tasks = "；".join(data.tasks) or "—"
        body = ["一、问责线索来源", _source(data) + f"涉及任务：{tasks}。"]
    body += SIGNATURES[code]
    return _record(head, f"{data.persons}{TITLES[code]}", _rows(data, paper), body, issued)


def _source(data: CaseData) -> str:
    held = f"{format_date(data.interview_day)}约谈后，" if data.interview_day else ""
    due = f"（整改期限{format_date(data.rectification_due)}）" if data.rectification_due else ""
    return f"{data.unit}{held}逾期未完成整改{due}。"


def _decision(data: CaseData, paper: StepPaper, head: Letterhead, issued: date) -> OfficialDocument:
    findings = data.steps.get("findings")
    statement = data.steps.get("statement")
    form, body_name = paper.value("问责方式"), paper.value("决定机关")
    persons = paper.value("问责对象") or data.persons
    body = [
        "一、问责事实",
        _source(data) + data.grounds,
    ]
    if findings is not None:
        body.append(f"经调查组调查，认定{findings.value('认定情形')}：{findings.value('认定事实')}")
    if statement is not None:
        reply = statement.value("调查组对申辩的意见")
        body += [
            "二、陈述申辩情况",
            f"{format_date(statement.on)}，{statement.value('陈述申辩人')}进行了陈述申辩："
            f"{statement.value('陈述申辩意见')}" + (f"经研究，{reply}" if reply else ""),
        ]
    number = paper.value("决定机关文号")
    body += [
        "三、问责决定",
        f"依据{paper.value('事实和依据')}，经{body_name}研究决定，对{persons}予以{form}。"
        + (f"（{body_name}{number}）" if number else ""),
        "四、执行与申诉",
        f"本决定自作出之日起执行，请于{data.execution_days}日内执行完毕并书面报告执行情况。"
        f"问责对象对本决定不服的，可以自收到本决定书之日起{data.appeal_days}日内向{body_name}"
        f"提出书面申诉。申诉期间，不停止本决定的执行。",
    ]
    return frame(head, f"关于对{persons}予以{form}的问责决定书", persons, body, issued)


def _waiver(data: CaseData, paper: StepPaper, head: Letterhead, issued: date) -> OfficialDocument:
    """不予问责 / 免予问责: the facts, what the 调查组 found, the person heard, and the ending."""
    findings = data.steps.get("findings")
    statement = data.steps.get("statement")
    ending, body_name = paper.value("处理结果"), paper.value("决定机关")
    body = ["一、问责事实", _source(data) + data.grounds]
    if findings is not None:
        body.append(f"经调查组调查，认定{findings.value('认定情形')}：{findings.value('认定事实')}")
    if statement is not None:
        body += [
            "二、陈述申辩情况",
            f"{format_date(statement.on)}，{statement.value('陈述申辩人')}进行了陈述申辩："
            f"{statement.value('陈述申辩意见')}",
        ]
    number = paper.value("决定机关文号")
    body += [
        "三、处理决定",
        f"依据{paper.value('事实和依据')}，经{body_name}研究决定，对{data.persons}{ending}。"
        + (f"（{body_name}{number}）" if number else ""),
    ]
    return frame(head, f"关于对{data.persons}{ending}的决定", data.persons, body, issued)


def _notification(
    data: CaseData, paper: StepPaper, head: Letterhead, issued: date
) -> OfficialDocument:
    decision = data.steps["decision"]
    department = paper.value("组织部门")
    extra = paper.value("通报内容")
    body = [
        f"{format_date(decision.on)}，{decision.value('决定机关')}决定对"
        f"{decision.value('问责对象') or data.persons}予以{decision.value('问责方式')}。"
        f"问责事由：{_source(data)}{data.grounds}",
        "根据《中国共产党问责条例》第二十二条，现将问责决定通报你部，"
        "请将问责决定材料归入问责对象个人档案。",
    ]
    if extra:
        body.append(extra)
    model = frame(head, f"关于{data.persons}问责情况的通报", department, body, issued, cc="")
    model.kind = DocumentKind.LETTER
    return model


def _review(data: CaseData, paper: StepPaper, head: Letterhead, issued: date) -> OfficialDocument:
    appeal = data.steps["appeal"]
    decision = data.steps["decision"]
    appellant = appeal.value("申诉人")
    body = [  # the 主送 line already names the appellant (frame below): not again in the body
        f"你于{format_date(appeal.on)}对{format_date(decision.on)}{decision.value('决定机关')}"
        f"作出的{decision.value('问责方式')}决定提出申诉，理由：{appeal.value('申诉理由')}",
        f"经{paper.value('复查机关')}复查：{paper.value('复查意见')}",
        f"复查决定：{paper.value('处理结果')}。",
    ]
    return frame(head, f"关于{appellant}申诉的复查决定", appellant, body, issued)
