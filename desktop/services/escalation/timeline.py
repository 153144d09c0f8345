"""The escalation chain as it shows on a task's timeline: supervision items, interviews, 问责."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Accountability,
    AuditEntry,
    Interview,
    SupervisionItem,
    SupervisionOrigin,
    Task,
)
from desktop.services.timeline import TimelineEvent, Writes

_PLAIN_ORIGINS = (SupervisionOrigin.LAMP, SupervisionOrigin.MANUAL)
_ITEM_WRITES: tuple[str, ...] = ("create", "reply", "close", "return", "urge")
_ITEM_WRITES += ("extension_request", "extension_check", "extension_decision")
_INTERVIEW_WRITES = ("create", "notify", "hold", "rectify", "follow_up", "verify", "fail")


def _signed(signer: str, stamped: bool) -> str:
    if not signer and not stamped:
        return ""
    return f"（{signer + '签发' if signer else '未署签发人'}，{'已盖章' if stamped else '未盖章'}）"


def _procedure(item: SupervisionItem, kind: str, writes: Writes) -> list[TimelineEvent]:
    """延期 asked, checked and decided; replies sent back; 催办 of the item."""
    found = []
    for e in item.extensions:
        dates = f"{e.old_due:%Y-%m-%d} 延至 {e.new_due:%Y-%m-%d}"
        found.append(
            TimelineEvent(
                e.requested_on,
                kind,
                f"申请延期（{dates}）",
                e.reason,
                writes.take(item.id, "extension_request"),
            )
        )
        if e.checked_on:
            verdict = "延期核查通过" if e.check_passed else "延期核查未通过"
            note = f"{e.check_note}（{e.checked_by}）"
            seq = writes.take(item.id, "extension_check")
            found.append(TimelineEvent(e.checked_on, kind, verdict, note, seq))
        if e.decided_on:
            verdict = f"批准延期（{dates}）" if e.approved else "不予延期"
            note = f"{e.decision_note}（{e.decided_by}）"
            seq = writes.take(item.id, "extension_decision")
            found.append(TimelineEvent(e.decided_on, kind, verdict, note, seq))
    for r in item.returns:
        found.append(
            TimelineEvent(
                r.returned_on,
                kind,
                f"退办（限 {r.resubmit_due:%Y-%m-%d} 前补办）",
                f"理由：{r.reason}；退回的回复（{r.reply_received_on:%Y-%m-%d}）：{r.reply_text}"
                + _signed(r.reply_signer, r.reply_stamped),
                writes.take(item.id, "return"),
            )
        )
    for u in item.urges:
        found.append(TimelineEvent(u.urged_on, kind, "催办", u.note, writes.take(item.id, "urge")))
    return found


def events(session: Session, task_id: int) -> list[TimelineEvent]:
    found: list[TimelineEvent] = []
    items = session.scalars(
        select(SupervisionItem).where(SupervisionItem.tasks.any(Task.id == task_id))
    ).all()
    writes = Writes(session, "supervision", (i.id for i in items), _ITEM_WRITES)
    for item in items:
        kind = f"督办·{item.kind.label}"
        first_due = item.first_due or item.reply_due
        source = f"（来源：{item.origin.label}{item.source_ref and '，' + item.source_ref}）"
        found.append(
            TimelineEvent(
                item.raised_on,
                kind,
                f"对{item.unit.name}发起{item.kind.label}",
                f"{item.requirement}（回复期限 {first_due:%Y-%m-%d}）"
                + (source if item.origin not in _PLAIN_ORIGINS else ""),
                writes.last(item.id, "create"),
            )
        )
        found.extend(_procedure(item, kind, writes))
        if item.reply_received_on:
            late = "（逾期）" if item.reply_received_on > item.reply_due else ""
            found.append(
                TimelineEvent(
                    item.reply_received_on,
                    kind,
                    f"收到回复{late}",
                    item.reply_text + _signed(item.reply_signer, item.reply_stamped),
                    writes.last(item.id, "reply"),
                )
            )
        if item.closed_on:
            seq = writes.last(item.id, "close")
            found.append(TimelineEvent(item.closed_on, kind, "办结", item.closing_note, seq))
    found += _interviews(session, task_id)
    return found


def _interviews(session: Session, task_id: int) -> list[TimelineEvent]:
    found: list[TimelineEvent] = []
    interviews = session.scalars(
        select(Interview).where(Interview.tasks.any(Task.id == task_id))
    ).all()
    writes = Writes(session, "interview", (i.id for i in interviews), _INTERVIEW_WRITES)
    for interview in interviews:
        unit, at = interview.unit.name, interview.id
        found.append(
            TimelineEvent(
                interview.proposed_on,
                "约谈",
                f"拟约谈{unit}",
                interview.reason,
                writes.last(at, "create"),
            )
        )
        if interview.scheduled_at:
            found.append(
                TimelineEvent(
                    interview.scheduled_at.date(),
                    "约谈",
                    "约谈通知",
                    f"{interview.scheduled_at:%Y年%m月%d日 %H:%M}，{interview.place}，"
                    f"约谈人{interview.interviewer}",
                    writes.last(at, "notify"),
                )
            )
        if interview.held_at:
            found.append(
                TimelineEvent(
                    interview.held_at.date(),
                    "约谈",
                    f"已约谈{unit}",
                    f"整改承诺：{interview.commitments}",
                    writes.last(at, "hold"),
                )
            )
        if interview.rectification_due:
            found.append(
                TimelineEvent(
                    interview.held_at.date() if interview.held_at else interview.proposed_on,
                    "整改",
                    f"限期整改（{interview.rectification_due:%Y-%m-%d}前）",
                    interview.measures,
                    writes.last(at, "rectify"),
                )
            )
        for follow in interview.follow_ups:
            seq = writes.take(at, "follow_up")
            found.append(
                TimelineEvent(follow.reported_on, "整改", "整改情况报告", follow.content, seq)
            )
        if interview.verified_on:
            seq = writes.last(at, "verify")
            note = interview.verification
            found.append(TimelineEvent(interview.verified_on, "整改", "整改核实销号", note, seq))
        if interview.failed_on:
            seq = writes.last(at, "fail")
            note = interview.verification
            found.append(TimelineEvent(interview.failed_on, "整改", "逾期未完成整改", note, seq))
        for decision in interview.decisions:
            found += _accountability(session, decision)
            found += _accountability_corrections(session, decision.id)
    return found


def _accountability_corrections(session: Session, case_id: int) -> list[TimelineEvent]:
    """A recorded step corrected: what changed and why (the step itself shows as corrected)."""
    return [
        TimelineEvent(
            e.at.date(),
            "问责",
            e.summary.split("：", 1)[-1],
            f"理由：{json.loads(e.detail).get('reason', '')}（{e.actor}）",
            e.id,
        )  # fmt: skip
        for e in session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "accountability",
                AuditEntry.entity_id == str(case_id),
                AuditEntry.action == "correct",
            )
        )
    ]


def _accountability(session: Session, case: Accountability) -> list[TimelineEvent]:
    """Every dated step of a 问责; one recorded before the steps were kept shows its decision."""
    if not case.steps and case.kind is not None and case.decided_on is not None:
        detail = f"{case.grounds} {case.doc_number}".strip()
        return [
            TimelineEvent(case.decided_on, "问责", f"{case.kind.label}：{case.persons}", detail)
        ]
    writes = Writes(session, "accountability", [case.id], {s.step for s in case.steps})
    return [
        TimelineEvent(s.done_on, "问责", s.summary, _detail(s.detail), writes.take(case.id, s.step))
        for s in case.steps
    ]


def _detail(detail: str) -> str:
    values = json.loads(detail)
    keys = ("opinion", "grounds", "remit", "facts", "content", "basis", "doc_number")
    return "；".join(values[k] for k in keys if values.get(k))
