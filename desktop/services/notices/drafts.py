"""Drafts of 督办通知 / 催办单 for a task or a lead unit, and of a plain 通知, from the ledger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.enums import LampColor
from db.models import DocKind, Milestone, Unit
from desktop.documents.compose_supervision import (
    REMINDER,
    SUPERVISION,
    SupervisedTask,
    SupervisionData,
    compose_notice,
    compose_supervision,
)
from desktop.documents.model import Attachment, Block, OfficialDocument
from desktop.services import settings
from desktop.services.auth import Actor
from desktop.services.circular import letterhead
from desktop.services.clock import clock_of
from desktop.services.errors import NotFound, ValidationError
from desktop.services.notices import register as notices
from desktop.services.notices.kinds import shaped_for
from desktop.services.overview import TaskFilter, TaskRow, task_rows
from desktop.services.tasks import find_task_id

REPLY_DAYS = {SUPERVISION: 10, REMINDER: 5}  # working practice; the clerk may change the date


def find_unit_id(session: Session, name: str) -> int:
    unit_id = session.scalar(
        select(Unit.id).where(or_(Unit.name == name.strip(), Unit.short_name == name.strip()))
    )
    if unit_id is None:
        raise NotFound(f"找不到名为“{name}”的单位。")
    return unit_id


def as_letter(office: settings.OfficeSettings, kind: DocKind) -> bool:
    """Whether a 督办 document goes out in the 信函格式 by default."""
    return kind == DocKind.REMINDER and office.reminder_letter


def supervised_task(session: Session, row: TaskRow) -> SupervisedTask:
    today = clock_of(session).today()
    late = session.execute(
        select(Milestone.title, Milestone.due).where(
            Milestone.task_id == row.id, Milestone.done_on.is_(None), Milestone.due < today
        )
    ).all()
    return SupervisedTask(
        code=row.code,
        title=row.title,
        schedule_pct=row.lamp.schedule_pct,
        reported_pct=row.reported_pct,
        lamp=row.lamp.color.value,
        reasons=row.lamp.reasons,
        deadline=row.deadline,
        overdue_milestones=tuple((t, d) for t, d in late),
    )


def draft_supervision(
    session: Session,
    actor: Actor,
    kind: DocKind,
    *,
    task_code: str | None = None,
    unit: str | None = None,
    reply_days: int | None = None,
    letter: bool | None = None,
) -> int:
    """A 督办通知 or 催办单 about one task, or about a unit's yellow and red tasks.

    ``letter`` prints it in the 信函格式; None follows the settings (催办单 as letters).
    """
    if kind not in (DocKind.SUPERVISION, DocKind.REMINDER):
        raise ValidationError("只能为督办通知或催办单生成督办草稿。", field="kind")
    if (task_code is None) == (unit is None):
        raise ValidationError("请指定一项任务或一个牵头单位（二者选一）。", field="task")
    today = clock_of(session).today()
    if task_code is not None:
        task_id = find_task_id(session, task_code)
        rows = task_rows(session, today, TaskFilter(task_ids=(task_id,)))
        unit_id = rows[0].lead_unit_id
    else:
        task_id = None
        unit_id = find_unit_id(session, unit or "")
        rows = [
            r
            for r in task_rows(session, today, TaskFilter(unit_id=unit_id))
            if r.lamp.color != LampColor.GREEN
        ]
        if not rows:
            raise ValidationError(f"“{unit}”牵头的任务目前都亮绿灯，无需督办。", field="unit")
    if rows[0].lamp.done and task_id is not None:
        raise ValidationError(f"任务 {rows[0].code} 已完成，无需督办。", field="task")
    days = reply_days if reply_days is not None else REPLY_DAYS[kind.value]
    if not 1 <= days <= 90:
        raise ValidationError("回复期限应在 1 至 90 天之间。", field="reply_days")
    data = SupervisionData(
        kind=kind.value,
        unit=rows[0].lead_unit,
        tasks=[supervised_task(session, r) for r in rows],
        as_of=today,
        reply_by=today + timedelta(days=days),
        issued=today,
        letter=as_letter(settings.office(session), kind) if letter is None else letter,
    )
    model = compose_supervision(data, letterhead(settings.office(session)))
    return notices.create_draft(
        session,
        actor,
        kind,
        model,
        task_id=task_id,
        unit_id=unit_id,
        task_ids=[r.id for r in rows],
        confirm_fallbacks=None,
    )


# What the clerk may write with his own text: the composed kinds come from the ledger.
WRITTEN_KINDS = (DocKind.NOTICE, DocKind.REQUEST, DocKind.REPORT, DocKind.LETTER)


def draft_notice(
    session: Session,
    actor: Actor,
    title: str,
    recipients: str,
    paragraphs: list[str],
    kind: DocKind = DocKind.NOTICE,
    *,
    confirm_fallbacks: bool = False,
) -> int:
    """A 通知, 请示, 报告 or 函 with the clerk's own text (kinds.py: what each must carry).

    Characters a fallback font draws (or none can) refuse the draft unless the clerk has
    confirmed them (``confirm_fallbacks``; glyphs.FontsToConfirm lists them)."""
    model = notice_model(session, title, recipients, paragraphs, kind)
    return notices.create_draft(session, actor, kind, model, confirm_fallbacks=confirm_fallbacks)


def notice_model(
    session: Session, title: str, recipients: str, paragraphs: list[str], kind: DocKind
) -> OfficialDocument:
    """What :func:`draft_notice` saves, not saved (the CLI checks its characters first)."""
    if kind not in WRITTEN_KINDS:
        raise ValidationError(f"不能以自拟正文新建{kind.label}。", field="kind")
    if not [p for p in paragraphs if p.strip()]:
        raise ValidationError(f"{kind.label}正文不能为空。", field="body")
    today = clock_of(session).today()
    head = letterhead(settings.office(session))
    model = compose_notice(head, title.strip(), recipients.strip(), paragraphs, today)
    return shaped_for(kind, model)


def with_elements(
    model: OfficialDocument,
    *,
    copy_number: str | None = None,
    classification: str | None = None,
    classification_period: str | None = None,
    urgency: str | None = None,
    signers: list[str] | None = None,
    attachments: Sequence[tuple[str, Sequence[Block]]] | None = None,
    joint: list[str] | None = None,
    contact: str | None = None,
    contact_phone: str | None = None,
    check: bool = True,
) -> OfficialDocument:
    """A draft's model with the 版头 elements and attachments the clerk set; None keeps one.

    ``signers`` (签发人, for a 请示 or 报告 going upward) put the mark 80 mm down; ``contact`` and
    ``contact_phone`` (a 请示's 联系人 and 电话) print in the 附注; ``attachments``
    are (title, blocks), each printed on its own page after the body. ``check=False`` (the live
    preview of a form being typed) takes the values as they are; saving checks them.
    """
    changes: dict[str, object] = {}
    if copy_number is not None:
        changes["copy_number"] = copy_number.strip()
    if classification is not None:
        changes["classification"] = classification.strip()
    if classification_period is not None:
        changes["classification_period"] = classification_period.strip()
    if urgency is not None:
        changes["urgency"] = urgency.strip()
    if signers is not None:
        changes["signer"] = "、".join(n.strip() for n in signers if n.strip())
    if attachments is not None:
        changes["attachments"] = [
            Attachment(title.strip(), [b.strip() if isinstance(b, str) else b for b in blocks if b])
            for title, blocks in attachments
            if title.strip()
        ]
    if contact is not None:
        changes["contact"] = contact.strip()
    if contact_phone is not None:
        changes["contact_phone"] = contact_phone.strip()
    if joint is not None:
        # 联合行文: the office leads; the organs it issues with follow in the order given.
        others = [n.strip() for n in joint if n.strip() and n.strip() != model.issuer_mark]
        changes["joint_issuers"] = [model.issuer_mark, *others] if others else []
    result = replace(model, **changes)  # type: ignore[arg-type]
    if check:
        notices.check_elements(result)
    return result


def with_text(
    model: OfficialDocument,
    *,
    title: str | None = None,
    recipients: str | None = None,
    paragraphs: list[str] | None = None,
    cc: str | None = None,
    note: str | None = None,
) -> OfficialDocument:
    """A draft's model with the clerk's new text; None leaves a field as it was.

    New paragraphs replace the text paragraphs; the draft's tables stay, after them.
    """
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = title.strip()
    if recipients is not None:
        changes["recipients"] = recipients.strip()
    if cc is not None:
        changes["cc"] = cc.strip()
    if note is not None:
        changes["note"] = note.strip()
    if paragraphs is not None:
        text = [p.strip() for p in paragraphs if p.strip()]
        if not text:
            raise ValidationError("公文正文不能为空。", field="body")
        changes["body"] = text + [b for b in model.body if not isinstance(b, str)]
    return replace(model, **changes)  # type: ignore[arg-type]
