"""Each 问责 step's paper, composed from its record and kept in the register as a draft."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from db.models import Accountability, DocKind
from desktop.documents.compose_accountability import CaseData, StepPaper, compose_step
from desktop.services import audit, settings
from desktop.services.accountability.steps import DECISION, NOTIFY, SPEC, label_of
from desktop.services.auth import Actor, Permission
from desktop.services.circular import letterhead
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing
from desktop.services.notices import register as notices

KIND_OF = {DECISION: DocKind.ACCOUNTABILITY, "appeal_outcome": DocKind.ACCOUNTABILITY}
KIND_OF["waive"] = DocKind.ACCOUNTABILITY
KIND_OF[NOTIFY] = DocKind.ACCOUNTABILITY_LETTER


def case_data(session: Session, case: Accountability) -> CaseData:
    rules = settings.accountability_rules(session)
    interview = case.interview
    papers = {}
    for step in case.steps:
        values = json.loads(step.detail)
        spec = SPEC[step.step]
        lines = tuple((f.label, label_of(f, values.get(f.key, ""))) for f in spec.fields)
        papers[step.step] = StepPaper(step.step, spec.label, step.done_on, lines)
    return CaseData(
        unit=case.unit.name,
        persons=case.persons,
        grounds=case.grounds,
        tasks=tuple(f"{t.code} {t.title}" for t in interview.tasks),
        interview_day=interview.held_at.date() if interview.held_at else None,
        rectification_due=interview.rectification_due,
        steps=papers,
        appeal_days=rules.appeal_days,
        execution_days=rules.execution_days,
    )


@audit.writes(Permission.ISSUE_DOCUMENTS)
def draft_step(session: Session, actor: Actor, case_id: int, code: str) -> int:
    """The paper of one recorded step (审批表, 决定书, 通报函 …) as a draft, linked to the step."""
    case = get_or_missing(session, Accountability, case_id, "问责")
    step = next((s for s in case.steps if s.step == code), None)
    if step is None:
        raise ValidationError(f"尚未登记“{SPEC[code].label}”，不能生成{SPEC[code].sheet}。")
    model = compose_step(
        case_data(session, case),
        code,
        letterhead(settings.office(session)),
        clock_of(session).today(),
    )
    tasks = case.interview.tasks
    doc_id = notices.create_draft(
        session,
        actor,
        KIND_OF.get(code, DocKind.ACCOUNTABILITY_RECORD),
        model,
        task_id=tasks[0].id if tasks else None,
        unit_id=case.unit_id,
        task_ids=[t.id for t in tasks],
        confirm_fallbacks=None,
    )
    step.document_id = doc_id
    if code == DECISION:
        case.document_id = doc_id
    audit.record(
        session,
        actor,
        "link",
        "accountability",
        case.id,
        f"{case.unit.name}问责“{SPEC[code].label}”关联公文 {doc_id}",
    )
    return doc_id
