"""The demo's 问责: after the failed rectification, every due-process step on its own day,
each printed, with a 申诉 that the reviewing body turns down."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.services.accountability import documents as accountability_documents
from desktop.services.accountability import writes as accountability
from desktop.services.clock import clock_of

if TYPE_CHECKING:
    from desktop.services.demo.story import Story

# (days after the rectification was found failed, step, fields); the decision 9 days after.
STEPS: tuple[tuple[int, str, dict[str, str]], ...] = (
    (2, "investigate", {
        "members": "王静、刘建华、市纪委监委第三监督检查室 孙立新",
        "leader": "王静",
        "remit": "核查约谈整改未按期完成的原因及相关人员履职情况",
    }),
    (6, "findings", {
        "finding": "weak",
        "facts": "约谈后未成立整改专班，整改方案未细化到人，整改期限届满仅完成计划的四成。",
        "responsibility": "分管负责同志对整改组织推进负直接领导责任。",
    }),
    (7, "statement", {
        "person": "赵建国",
        "content": "承认组织推进不力；提出系统接入受供应商交付延误影响，请求从轻。",
        "response": "供应商延误属实但不足以免责，已在认定中考虑。",
    }),
    (9, "decision", {
        "form": "criticism",
        "decided_by": "市平安建设领导小组",
        "persons": "市应急管理局分管负责同志赵建国",
        "basis": "《中国共产党问责条例》第七条、第八条",
        "doc_number": "",
    }),
    (10, "notify", {"department": "市委组织部", "content": ""}),
    (14, "appeal", {"appellant": "赵建国", "content": "认为供应商延误的客观因素未被充分考虑。"}),
    (22, "appeal_outcome", {
        "outcome": "upheld",
        "reviewed_by": "市平安建设领导小组",
        "content": "原决定认定事实清楚，程序合规，问责方式适当。",
    }),
    (24, "execute", {"content": "已在全市平安建设工作会议上通报，材料已送市委组织部归档。"}),
)  # fmt: skip
ISSUED = {"start", "decision", "notify", "appeal_outcome"}  # the rest stay drafts to print


def accountability_story(story: Story, key: str, code: str, failed_ago: int) -> None:
    case_key = f"accountability-{code}"

    def paper(step: str) -> None:
        doc_id = accountability_documents.draft_step(
            story.session, story.actor, story.ids[case_key], step
        )
        if step in ISSUED:
            story.issue(doc_id)

    def start() -> None:
        s, a, task = story.session, story.actor, story.task(code)
        story.ids[case_key] = accountability.start(
            s,
            a,
            story.ids[key],
            clock_of(story.session).today(),
            {
                "approver": "陈立群",
                "approver_title": "市委常委、政法委书记、市平安建设领导小组组长",
                "opinion": "同意启动问责程序，由市平安办会同市纪委监委组成调查组。",
                "persons": f"{task.lead_unit.name}分管负责同志赵建国",
                "grounds": "任务超过完成时限仍未完成，整改方案所列措施大部分未落实。",
            },
        )
        paper("start")

    def step(code_: str, values: dict[str, str]) -> None:
        accountability.record_step(
            story.session,
            story.actor,
            story.ids[case_key],
            code_,
            clock_of(story.session).today(),
            values,
        )
        paper(code_)

    story.on(failed_ago - 1, start)

    def later(code_: str, values: dict[str, str]) -> Callable[[], None]:
        return lambda: step(code_, values)

    for after, code_, values in STEPS:
        story.on(failed_ago - 1 - after, later(code_, values))
