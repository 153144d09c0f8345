"""Meetings (领导小组会议, 会商): who attended, what was decided, and decisions turned into supervision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Meeting, MeetingDecision, MeetingKind, SupervisionItem, Unit
from desktop.services import audit, corrections, supervision
from desktop.services.auth import Actor, Permission
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing
from desktop.services.supervision import SupervisionInput, SupervisionKind, SupervisionOrigin

__all__ = ["MeetingKind"]


@dataclass(frozen=True)
class MeetingInput:
    kind: MeetingKind
    title: str
    held_on: date
    place: str
    chair: str
    present: str
    absent: str = ""
    attending: str = ""
    topics: str = ""


@dataclass(frozen=True)
class DecisionInfo:
    id: int
    seq: int
    content: str
    unit_id: int | None
    unit: str
    due: date | None
    supervision_id: int | None
    supervision_state: str


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    kind: MeetingKind
    title: str
    issue_no: int
    held_on: date
    place: str
    chair: str
    present: str
    absent: str
    attending: str
    topics: str
    minutes_document_id: int | None
    decisions: tuple[DecisionInfo, ...]


LABELS = {
    "title": "会议名称",
    "held_on": "日期",
    "place": "地点",
    "chair": "主持人",
    "present": "出席",
    "absent": "请假",
    "attending": "列席",
    "topics": "议题",
    "content": "议定事项",
    "unit": "责任单位",
    "due": "完成时限",
}


def _check(data: MeetingInput) -> None:
    if not data.title.strip():
        raise ValidationError("请填写会议名称。", field="title")
    if not data.chair.strip():
        raise ValidationError("请填写会议主持人。", field="chair")
    if not data.present.strip():
        raise ValidationError("请填写出席人员。", field="present")


@audit.writes(Permission.EDIT_LEDGER)
def create_meeting(session: Session, actor: Actor, data: MeetingInput) -> int:
    _check(data)
    year_start, year_end = date(data.held_on.year, 1, 1), date(data.held_on.year, 12, 31)
    issue_no = 1 + (
        session.scalar(
            select(func.count())
            .select_from(Meeting)
            .where(Meeting.kind == data.kind, Meeting.held_on.between(year_start, year_end))
        )
        or 0
    )
    meeting = Meeting(
        issue_no=issue_no,
        **{k: (v.strip() if isinstance(v, str) else v) for k, v in vars(data).items()},
    )
    session.add(meeting)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "meeting",
        meeting.id,
        f"登记{data.kind.label}“{meeting.title}”（第{issue_no}期）",
    )
    return meeting.id


@audit.writes(Permission.EDIT_LEDGER)
def add_decision(
    session: Session,
    actor: Actor,
    meeting_id: int,
    content: str,
    unit_id: int | None = None,
    due: date | None = None,
) -> int:
    meeting = get_or_missing(session, Meeting, meeting_id, "会议")
    if not content.strip():
        raise ValidationError("请填写议定事项内容。", field="content")
    if unit_id is not None:
        get_or_missing(session, Unit, unit_id, "单位")
    decision = MeetingDecision(
        meeting=meeting,
        seq=len(meeting.decisions) + 1,
        content=content.strip(),
        unit_id=unit_id,
        due=due,
    )
    session.add(decision)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "meeting_decision",
        decision.id,
        f"“{meeting.title}”议定事项{decision.seq}：{content.strip()[:40]}",
    )
    return decision.id


@audit.writes(Permission.EDIT_LEDGER)
def supervise_decision(session: Session, actor: Actor, decision_id: int) -> int:
    """Turn a decision with a unit and a deadline into a supervision item (督办事项)."""
    decision = get_or_missing(session, MeetingDecision, decision_id, "议定事项")
    if decision.unit_id is None or decision.due is None:
        raise ValidationError("议定事项须明确责任单位和完成时限，才能转为督办事项。")
    if _supervision_of(session, decision) is not None:
        raise ValidationError("该议定事项已转为督办事项。")
    return supervision.raise_item(
        session,
        actor,
        SupervisionInput(
            kind=SupervisionKind.NOTICE,
            unit_id=decision.unit_id,
            requirement=decision.content,
            reply_due=decision.due,
            origin=SupervisionOrigin.MEETING,
            decision_id=decision.id,
            reason=f"{decision.meeting.title}议定事项{decision.seq}",
        ),
    )


@audit.writes(Permission.EDIT_LEDGER)
def link_minutes(session: Session, actor: Actor, meeting_id: int, document_id: int) -> None:
    meeting = get_or_missing(session, Meeting, meeting_id, "会议")
    meeting.minutes_document_id = document_id
    audit.record(
        session,
        actor,
        "link",
        "meeting",
        meeting.id,
        f"“{meeting.title}”关联会议纪要 {document_id}",
    )


# --- corrections (see corrections.py for what happens to minutes already composed) ----------


@audit.writes(Permission.EDIT_LEDGER)
def edit_meeting(session: Session, actor: Actor, meeting_id: int, data: MeetingInput) -> str:
    """Correct date, place, chair, attendance, topics or title. Returns a note on the minutes."""
    meeting = get_or_missing(session, Meeting, meeting_id, "会议")
    if data.kind != meeting.kind:
        raise ValidationError("会议类别决定期号，登记后不能修改。", field="kind")
    if data.held_on.year != meeting.held_on.year:
        raise ValidationError(
            f"期号按年度编排（{meeting.held_on.year}年第{meeting.issue_no}期），"
            "日期不能改到其他年份；如确属登记错误，请重新登记该会议。",
            field="held_on",
        )
    _check(data)
    after = {k: (v.strip() if isinstance(v, str) else v) for k, v in vars(data).items()}
    del after["kind"]
    changed = corrections.diff({k: getattr(meeting, k) for k in after}, after)
    for key, value in after.items():
        setattr(meeting, key, value)
    audit.record(
        session,
        actor,
        "update",
        "meeting",
        meeting.id,
        f"修改会议“{meeting.title}”：{corrections.names(changed, LABELS)}",
        changed,
    )
    return corrections.document_note(session, meeting.minutes_document_id)


def _supervision_of(session: Session, decision: MeetingDecision) -> int | None:
    return session.scalar(
        select(SupervisionItem.id).where(SupervisionItem.decision_id == decision.id)
    )


@audit.writes(Permission.EDIT_LEDGER)
def edit_decision(
    session: Session,
    actor: Actor,
    decision_id: int,
    content: str,
    unit_id: int | None = None,
    due: date | None = None,
) -> str:
    """Correct a decision; once supervised only its wording may change (the item has the rest)."""
    decision = get_or_missing(session, MeetingDecision, decision_id, "议定事项")
    if not content.strip():
        raise ValidationError("请填写议定事项内容。", field="content")
    unit = get_or_missing(session, Unit, unit_id, "单位") if unit_id is not None else None
    item_id = _supervision_of(session, decision)
    if item_id is not None and (unit_id != decision.unit_id or due != decision.due):
        raise ValidationError(
            f"该议定事项已转为督办事项 #{item_id}，责任单位和完成时限不能再改；"
            "如需调整期限，请在“督办”页修改该督办事项。",
            field="unit",
        )
    before = {
        "content": decision.content,
        "unit": decision.unit.name if decision.unit else "",
        "due": decision.due,
    }
    changed = corrections.diff(
        before, {"content": content.strip(), "unit": unit.name if unit else "", "due": due}
    )
    decision.content, decision.unit_id, decision.due = content.strip(), unit_id, due
    meeting = decision.meeting
    audit.record(
        session,
        actor,
        "update",
        "meeting_decision",
        decision.id,
        f"修改“{meeting.title}”议定事项{decision.seq}：{corrections.names(changed, LABELS)}",
        changed,
    )
    return corrections.document_note(session, meeting.minutes_document_id)


@audit.writes(Permission.EDIT_LEDGER)
def delete_decision(session: Session, actor: Actor, decision_id: int) -> str:
    """Remove a decision entered by mistake; the ones after it move up (议定事项 stay 1, 2, 3…)."""
    decision = get_or_missing(session, MeetingDecision, decision_id, "议定事项")
    item_id = _supervision_of(session, decision)
    if item_id is not None:
        raise ValidationError(f"该议定事项已转为督办事项 #{item_id}，不能删除。")
    meeting = decision.meeting
    gone = {
        "seq": decision.seq,
        "content": decision.content,
        "unit": decision.unit.name if decision.unit else "",
        "due": decision.due.isoformat() if decision.due else None,
    }
    meeting.decisions.remove(decision)  # delete-orphan
    renumbered: dict[str, dict[str, object]] = {}
    for seq, other in enumerate(meeting.decisions, start=1):
        if other.seq != seq:
            renumbered[str(other.id)] = {"前": other.seq, "后": seq}
            other.seq = seq
    session.flush()
    audit.record(
        session,
        actor,
        "delete",
        "meeting_decision",
        decision_id,
        f"删除“{meeting.title}”议定事项{gone['seq']}：{str(gone['content'])[:40]}",
        {"decision": {"前": gone, "后": None}, "seq": renumbered},
    )
    return corrections.document_note(session, meeting.minutes_document_id)


def get_meeting(session: Session, meeting_id: int, today: date) -> MeetingInfo:
    meeting = get_or_missing(session, Meeting, meeting_id, "会议")
    items = {
        i.decision_id: i
        for i in session.scalars(
            select(SupervisionItem).where(
                SupervisionItem.decision_id.in_([d.id for d in meeting.decisions])
            )
        )
    }
    decisions = tuple(
        DecisionInfo(
            d.id,
            d.seq,
            d.content,
            d.unit_id,
            d.unit.name if d.unit else "",
            d.due,
            items[d.id].id if d.id in items else None,
            supervision.state_of(items[d.id], today) if d.id in items else "",
        )
        for d in meeting.decisions
    )
    return MeetingInfo(
        meeting.id,
        meeting.kind,
        meeting.title,
        meeting.issue_no,
        meeting.held_on,
        meeting.place,
        meeting.chair,
        meeting.present,
        meeting.absent,
        meeting.attending,
        meeting.topics,
        meeting.minutes_document_id,
        decisions,
    )


def list_meetings(session: Session, today: date) -> list[MeetingInfo]:
    ids = session.scalars(select(Meeting.id).order_by(Meeting.held_on.desc(), Meeting.id.desc()))
    return [get_meeting(session, i, today) for i in ids]
