"""The next step of the chain for every red or yellow task: remind → notice → interview."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ProposalDismissal, Task
from desktop.services import attachments, audit, supervision
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.enums import QT_TR_NOOP, LampColor
from desktop.services.errors import ValidationError
from desktop.services.interviews import lifecycle as interviews
from desktop.services.lookup import get_or_missing
from desktop.services.overview import TaskFilter, TaskRow, task_rows
from desktop.services.periods import Period
from desktop.services.supervision import SupervisionInput, SupervisionKind, SupervisionOrigin

REMIND, NOTICE, INTERVIEW = "remind", "notice", "interview"
STEP_LABEL = {
    REMIND: QT_TR_NOOP("催办"),
    NOTICE: QT_TR_NOOP("督办通知"),
    INTERVIEW: QT_TR_NOOP("约谈"),
}
STEP_RANK = {SupervisionKind.REMINDER: 1, SupervisionKind.NOTICE: 2, SupervisionKind.SITE_CHECK: 2}
REMINDER_GRACE_DAYS = 14  # a reminder gets two weeks before the notice follows
REPLY_DAYS = {REMIND: 7, NOTICE: 10}


@dataclass(frozen=True)
class Proposal:
    task_id: int
    code: str
    title: str
    unit_id: int
    unit: str
    lamp: LampColor
    step: str
    reason: str

    @property
    def step_label(self) -> str:
        return STEP_LABEL[self.step]


def _next_step(
    row: TaskRow, items: list[supervision.SupervisionRow], today: date
) -> tuple[str, str] | None:
    recent = [i for i in items if i.raised_on >= today - timedelta(days=120)]
    failed = [i for i in recent if i.kind == SupervisionKind.NOTICE and i.overdue]
    if failed:
        return INTERVIEW, f"督办通知逾期未回复（回复期限 {failed[0].reply_due:%Y-%m-%d}）"
    rank = max((STEP_RANK[i.kind] for i in recent), default=0)
    lamp = row.lamp.reason_text
    if row.lamp.color == LampColor.RED:
        if rank < 2:
            return NOTICE, f"亮红灯：{lamp}"
        # A notice is out: wait for its reply (or its deadline) before proposing an interview.
        answered = [i for i in recent if STEP_RANK[i.kind] >= 2 and i.reply_received_on]
        if answered and not [
            i for i in recent if STEP_RANK[i.kind] >= 2 and i.state in ("待回复", "退回补办")
        ]:
            return INTERVIEW, f"督办通知已回复仍亮红灯：{lamp}"
        return None
    if rank == 0:
        return REMIND, f"亮黄灯：{lamp}"
    last_reminder = max(
        (i.raised_on for i in recent if i.kind == SupervisionKind.REMINDER), default=None
    )
    if rank == 1 and last_reminder and today - last_reminder > timedelta(days=REMINDER_GRACE_DAYS):
        return NOTICE, f"催办 {(today - last_reminder).days} 天后仍亮黄灯：{lamp}"
    return None


def proposals(session: Session, today: date, task_id: int | None = None) -> list[Proposal]:
    """What the desk proposes today, worst first; dismissed ones stay hidden for the month.
    With ``task_id``: only that task's proposal (the task page's 督办… button)."""
    period = str(Period.of(today))
    dismissed = {
        (d.task_id, d.step)
        for d in session.scalars(
            select(ProposalDismissal).where(ProposalDismissal.period == period)
        )
    }
    busy = {
        t for i in interviews.list_interviews(session, today, open_only=True) for t in i.task_ids
    }
    result = []
    # Only red and yellow tasks can need a step: the lamp cache picks them out in SQL.
    rows = [
        row
        for lamp in (LampColor.RED, LampColor.YELLOW)
        for row in task_rows(
            session,
            today,
            TaskFilter(lamp=lamp, task_ids=None if task_id is None else (task_id,)),
        )
        if not row.lamp.done and row.id not in busy
    ]
    items_of: dict[int, list[supervision.SupervisionRow]] = defaultdict(list)
    if task_id is not None:
        items_of[task_id] = supervision.list_items(session, today, task_id=task_id)
    elif rows:  # every item once (newest first, as list_items orders), not one query per task
        for item in supervision.list_items(session, today):
            for tid in item.task_ids:
                items_of[tid].append(item)
    for row in rows:
        step = _next_step(row, items_of[row.id], today)
        if step is None or (row.id, step[0]) in dismissed:
            continue
        result.append(
            Proposal(
                row.id,
                row.code,
                row.title,
                row.lead_unit_id,
                row.lead_unit,
                row.lamp.color,
                step[0],
                step[1],
            )
        )
    order = {INTERVIEW: 0, NOTICE: 1, REMIND: 2}
    return sorted(result, key=lambda p: (order[p.step], p.code))


@audit.writes(Permission.EDIT_LEDGER)
def confirm(session: Session, actor: Actor, proposal: Proposal, requirement: str = "") -> int:
    """Carry out a proposal: a supervision item, or an interview proposed. Returns its id."""
    today = clock_of(session).today()
    if proposal.step == INTERVIEW:
        return interviews.propose(
            session, actor, proposal.unit_id, proposal.reason, (proposal.task_id,)
        )
    kind = SupervisionKind.REMINDER if proposal.step == REMIND else SupervisionKind.NOTICE
    text = requirement.strip() or (
        f"请于{(today + timedelta(days=REPLY_DAYS[proposal.step])):%Y年%m月%d日}前书面报告"
        f"任务“{proposal.title}”滞后原因及整改措施。"
    )
    return supervision.raise_item(
        session,
        actor,
        SupervisionInput(
            kind=kind,
            unit_id=proposal.unit_id,
            requirement=text,
            task_ids=(proposal.task_id,),
            reply_due=today + timedelta(days=REPLY_DAYS[proposal.step]),
            reason=proposal.reason,
            origin=SupervisionOrigin.LAMP,
        ),
    )


@audit.writes(Permission.EDIT_LEDGER)
def dismiss(session: Session, actor: Actor, proposal: Proposal, reason: str) -> None:
    if not reason.strip():
        raise ValidationError("不采纳建议需要写明理由。", field="reason")
    task = get_or_missing(session, Task, proposal.task_id, "任务")
    now = clock_of(session).now()
    session.add(
        ProposalDismissal(
            task_id=task.id,
            step=proposal.step,
            period=str(Period.of(now.date())),
            reason=reason.strip(),
            dismissed_at=now,
            dismissed_by=actor.label,
        )
    )
    audit.record(
        session,
        actor,
        "dismiss",
        "proposal",
        task.id,
        f"不采纳对任务 {task.code} 的{proposal.step_label}建议：{reason.strip()}",
    )


@audit.writes(Permission.EDIT_LEDGER)
def confirm_all(session: Session, actor: Actor, chosen: list[Proposal]) -> list[int]:
    """Adopt several proposals in one transaction: all are carried out, or none."""
    if not chosen:
        raise ValidationError("没有选中的建议。")
    return [confirm(session, actor, p) for p in chosen]


@audit.writes(Permission.EDIT_LEDGER)
def remind_tasks(session: Session, actor: Actor, task_ids: list[int]) -> list[int]:
    """催办 every chosen task (the ledger's selection), each to its lead unit: all, or none."""
    if not task_ids:
        raise ValidationError("没有选中的任务。")
    today = clock_of(session).today()
    made = []
    for row in task_rows(session, today, TaskFilter(task_ids=tuple(task_ids))):
        lamp = row.lamp.reason_text or row.lamp.color.label
        reminder = Proposal(
            row.id, row.code, row.title, row.lead_unit_id, row.lead_unit, row.lamp.color,
            REMIND, f"台账批量催办（{lamp}）",
        )  # fmt: skip
        made.append(confirm(session, actor, reminder))
    return made


@audit.writes(Permission.EDIT_LEDGER)
def dismiss_all(session: Session, actor: Actor, chosen: list[Proposal], reason: str) -> None:
    """Dismiss several proposals with one reason: all, or none."""
    if not chosen:
        raise ValidationError("没有选中的建议。")
    for p in chosen:
        dismiss(session, actor, p, reason)


@audit.writes(Permission.EDIT_LEDGER)
def report_follow_up(
    session: Session,
    actor: Actor,
    interview_id: int,
    reported_on: date,
    content: str,
    evidence: tuple[tuple[str, bytes], ...] = (),
) -> int:
    """A rectification follow-up with its evidence files (name, bytes): all saved, or none."""
    report_id = interviews.add_follow_up(session, actor, interview_id, reported_on, content)
    for name, data in evidence:
        attachments.attach(session, actor, "rectification_report", report_id, name, data)
    return report_id
