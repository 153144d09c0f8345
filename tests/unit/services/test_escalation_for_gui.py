"""Service reads and writes the 督办/约谈 pages need: one task's proposal, follow-up with evidence."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.services import attachments
from desktop.services.errors import ValidationError
from desktop.services.escalation import proposals as escalation
from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import InterviewNotice, InterviewRecord

TODAY = date(2026, 11, 28)


def test_proposal_of_one_task_matches_the_full_list(demo_session) -> None:
    every = {p.task_id: p for p in escalation.proposals(demo_session, TODAY)}
    some = next(iter(every.values()))
    assert escalation.proposals(demo_session, TODAY, task_id=some.task_id) == [some]
    green = [t for t in range(1, 38) if t not in every][0]
    assert escalation.proposals(demo_session, TODAY, task_id=green) == []


def _rectifying(session, clerk) -> int:
    proposal = escalation.proposals(session, TODAY, task_id=19)[0]  # 05-03: interview
    assert proposal.step == escalation.INTERVIEW
    iid = escalation.confirm(session, clerk, proposal)
    at = datetime(2026, 11, 28, 9, 0)
    interviews.schedule(session, clerk, iid, InterviewNotice(at, "会议室", "陈", "书记", "局长"))
    interviews.record_held(session, clerk, iid, InterviewRecord(at, "李", "李", "滞后", "", "改"))
    interviews.order_rectification(session, clerk, iid, "限期整改", date(2026, 12, 31))
    return iid


def test_follow_up_with_evidence_is_all_or_nothing(demo_session, clerk) -> None:
    iid = _rectifying(demo_session, clerk)
    with pytest.raises(ValidationError):  # an empty file: neither the report nor any file is kept
        escalation.report_follow_up(
            demo_session, clerk, iid, TODAY, "已完成", (("a.pdf", b"%PDF"), ("b.jpg", b""))
        )
    assert interviews.get_interview(demo_session, iid, TODAY).follow_ups == ()
    rid = escalation.report_follow_up(
        demo_session, clerk, iid, TODAY, "已完成", (("a.pdf", b"%PDF-1.4"), ("b.jpg", b"jpg"))
    )
    files = attachments.list_attachments(demo_session, "rectification_report", rid)
    assert [f.filename for f in files] == ["a.pdf", "b.jpg"]
    assert attachments.content_of(demo_session, files[1].id) == b"jpg"
