"""The escalation chain as it shows on a task's timeline: supervision items, interviews, 问责."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Interview, SupervisionItem, Task
from desktop.services.timeline import TimelineEvent


def events(session: Session, task_id: int) -> list[TimelineEvent]:
    found: list[TimelineEvent] = []
    for item in session.scalars(
        select(SupervisionItem).where(SupervisionItem.tasks.any(Task.id == task_id))
    ):
        kind = f"督办·{item.kind.label}"
        found.append(
            TimelineEvent(
                item.raised_on,
                kind,
                f"对{item.unit.name}发起{item.kind.label}",
                f"{item.requirement}（回复期限 {item.reply_due:%Y-%m-%d}）",
            )
        )
        if item.reply_received_on:
            late = "（逾期）" if item.reply_received_on > item.reply_due else ""
            found.append(
                TimelineEvent(item.reply_received_on, kind, f"收到回复{late}", item.reply_text)
            )
        if item.closed_on:
            found.append(TimelineEvent(item.closed_on, kind, "办结", item.closing_note))
    for interview in session.scalars(
        select(Interview).where(Interview.tasks.any(Task.id == task_id))
    ):
        unit = interview.unit.name
        found.append(
            TimelineEvent(interview.proposed_on, "约谈", f"拟约谈{unit}", interview.reason)
        )
        if interview.scheduled_at:
            found.append(
                TimelineEvent(
                    interview.scheduled_at.date(),
                    "约谈",
                    "约谈通知",
                    f"{interview.scheduled_at:%Y年%m月%d日 %H:%M}，{interview.place}，"
                    f"约谈人{interview.interviewer}",
                )
            )
        if interview.held_at:
            found.append(
                TimelineEvent(
                    interview.held_at.date(),
                    "约谈",
                    f"约谈{unit}",
                    f"整改承诺：{interview.commitments}",
                )
            )
        if interview.rectification_due:
            found.append(
                TimelineEvent(
                    interview.held_at.date() if interview.held_at else interview.proposed_on,
                    "整改",
                    f"限期整改（{interview.rectification_due:%Y-%m-%d}前）",
                    interview.measures,
                )
            )
        for follow in interview.follow_ups:
            found.append(TimelineEvent(follow.reported_on, "整改", "整改情况报告", follow.content))
        if interview.verified_on:
            found.append(
                TimelineEvent(interview.verified_on, "整改", "整改核实销号", interview.verification)
            )
        if interview.failed_on:
            found.append(
                TimelineEvent(interview.failed_on, "整改", "逾期未完成整改", interview.verification)
            )
        for decision in interview.decisions:
            found.append(
                TimelineEvent(
                    decision.decided_on,
                    "问责",
                    f"{decision.kind.label}：{decision.persons}",
                    f"{decision.grounds} {decision.doc_number}".strip(),
                )
            )
    return found
