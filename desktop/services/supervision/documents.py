"""Drafts of a 督办事项's own documents (交办通知, 退办通知, 延期复函) in the 公文 register."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import DocKind, SupervisionItem
from desktop.documents.compose_item import (
    ItemData,
    compose_assignment,
    compose_extension_reply,
    compose_register,
    compose_return,
)
from desktop.documents.model import OfficialDocument
from desktop.services import audit, settings
from desktop.services.auth import Actor, Permission
from desktop.services.circular import letterhead
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing
from desktop.services.supervision.extensions import task_moves

ASSIGNMENT, RETURN, EXTENSION = "assignment", "return", "extension"


def _data(session: Session, item: SupervisionItem) -> ItemData:
    return ItemData(
        unit=item.unit.name,
        co_units=tuple(u.name for u in item.co_units),
        source=item.origin.label,
        source_ref=item.source_ref,
        received=item.received_on or item.raised_on,
        requirement=item.requirement,
        due=item.reply_due,
        reporting=item.report_every.label,
        issued=clock_of(session).today(),
    )


def _compose(
    session: Session, item: SupervisionItem, what: str
) -> tuple[DocKind, OfficialDocument]:
    data, head = _data(session, item), letterhead(settings.office(session))
    if what == ASSIGNMENT:
        return DocKind.SUPERVISION, compose_assignment(data, head)
    if what == RETURN:
        if not item.returns:
            raise ValidationError("该事项没有退办记录，无需退办通知。")
        back = item.returns[-1]
        model = compose_return(data, head, back.reply_received_on, back.reason, back.resubmit_due)
        return DocKind.NOTICE, model
    decided = [e for e in item.extensions if e.decided_on is not None]
    if what != EXTENSION or not decided:
        raise ValidationError("该事项没有已审批的延期申请，无需延期复函。")
    e = decided[-1]
    model = compose_extension_reply(
        data, head, e.requested_on, e.old_due, e.new_due, bool(e.approved), e.decision_note,
        task_moves(session, e),
    )  # fmt: skip
    return DocKind.NOTICE, model


@audit.writes(Permission.ISSUE_DOCUMENTS)
def draft_for_item(session: Session, actor: Actor, item_id: int, what: str) -> int:
    """A draft of the item's 交办通知 (linked to it), 退办通知 or 延期复函; on the timeline of
    the tasks it concerns, through the register."""
    from desktop.services import supervision
    from desktop.services.notices import register as notices

    item = get_or_missing(session, SupervisionItem, item_id, "督办事项")
    kind, model = _compose(session, item, what)
    task_ids = [t.id for t in item.tasks]
    doc_id = notices.create_draft(
        session, actor, kind, model,
        task_id=task_ids[0] if task_ids else None, unit_id=item.unit_id, task_ids=task_ids, confirm_fallbacks=None,
    )  # fmt: skip
    if what == ASSIGNMENT and item.document_id is None:
        supervision.link_document(session, actor, item.id, doc_id)
    return doc_id


def _register_line(row: tuple[object, ...]) -> list[str]:
    (number, _kind, origin, ref, received, unit, co_units, requirement, handling, urgency,
     reporting, _leader, _tasks, _raised, first_due, due, extended, returns, replied, signer,
     stamped, closed, state) = row  # fmt: skip
    deadline = f"{due:%Y-%m-%d}"
    if first_due != due:
        deadline += f"（原定 {first_due:%Y-%m-%d}）"
    done = [str(state)]
    if extended:
        done.append(str(extended))
    if returns:
        done.append(f"退办 {returns} 次")
    if replied:
        signed = f"，{signer}签发" if signer else ""
        done.append(f"{replied:%Y-%m-%d} 回复{signed}" + ("，已盖章" if stamped == "是" else ""))
    if closed:
        done.append(f"{closed:%Y-%m-%d} 办结")
    source = f"{origin}{'：' + str(ref) if ref else ''}"
    if origin == "领导批示":
        source += f"（{urgency}）"
    source += f"；{received:%Y-%m-%d} 收文"
    lead = f"{unit}（协办：{co_units}）" if co_units else str(unit)
    matter = str(requirement) + (f"拟办：{handling}" if handling else "") + f"（{reporting}）"
    return [str(number), source, lead, matter, deadline, "；".join(done)]


def register_pdf(session: Session) -> bytes:
    """The 督查事项登记簿 printed through the layout engine (a record form, A4)."""
    from desktop.services import record_sheets
    from desktop.services.notices.render import render_options, render_with

    sheet = record_sheets.register_sheet(session)
    states = [row[-1] for row in sheet.rows]
    summary = (
        f"共登记督办事项 {len(states)} 件：已办结 {states.count('已办结')} 件，"
        f"在办 {len(states) - states.count('已办结')} 件（其中逾期未回复 "
        f"{states.count('逾期未回复')} 件），经批准延期 {sum(r[16] == '已延期' for r in sheet.rows)} 件，"
        f"退办 {sum(int(str(r[17])) for r in sheet.rows)} 次。"
    )
    today = clock_of(session).today()
    model = compose_register(
        letterhead(settings.office(session)),
        [_register_line(r) for r in sheet.rows],
        summary,
        today,
    )
    return render_with(model, render_options(session)).pdf
