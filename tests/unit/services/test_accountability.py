"""问责 with due process: every step recorded in order, dated, printed, on the task's timeline;
the shortcuts the 问责条例 forbids are refused; the execution lamp and the 申诉 window."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pypdf
import pytest

from desktop.services import settings, timeline
from desktop.services.accountability import documents as accountability_documents
from desktop.services.accountability import views
from desktop.services.accountability import writes as accountability
from desktop.services.enums import LampColor
from desktop.services.errors import ValidationError
from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import InterviewNotice, InterviewRecord, InterviewStatus
from desktop.services.notices import issuing
from desktop.services.notices import register as notices
from desktop.services.tasks import find_task_id

START = {
    "approver": "陈立群",
    "approver_title": "市委常委、政法委书记",
    "opinion": "同意启动问责程序。",
    "persons": "市住房和城乡建设局分管负责同志 钱立",
    "grounds": "约谈整改逾期未完成。",
}
STEPS = [
    ("investigate", {"members": "王静、刘建华", "leader": "王静", "remit": ""}),
    ("findings", {"finding": "refused", "facts": "约谈后未采取任何整改措施。", "responsibility": ""}),
    ("statement", {"person": "钱立", "content": "承认未按要求整改。", "response": ""}),
    ("decision", {
        "form": "admonition",
        "decided_by": "市委",
        "persons": "市住房和城乡建设局分管负责同志 钱立",
        "basis": "《中国共产党问责条例》第七条、第八条",
        "doc_number": "",
    }),
    ("notify", {"department": "市委组织部", "content": ""}),
    ("appeal", {"appellant": "钱立", "content": "认为客观困难未被考虑。"}),
    ("appeal_outcome", {"outcome": "upheld", "reviewed_by": "市委", "content": "原决定适当。"}),
    ("execute", {"content": "已当面诫勉谈话，材料已归档。"}),
]  # fmt: skip


def _advance(clock, days: int) -> date:
    clock.moment = clock.moment + timedelta(days=days)
    return clock.moment.date()


def _failed_interview(session, clerk, clock) -> tuple[int, int]:
    """05-03's lead unit interviewed, rectification ordered and found not done."""
    task_id = find_task_id(session, "05-03")
    today = clock.moment.date()
    from db.models import Task

    unit_id = session.get(Task, task_id).lead_unit_id
    iid = interviews.propose(session, clerk, unit_id, "连续亮红灯", (task_id,))
    when = datetime(today.year, today.month, today.day, 15, 0) + timedelta(days=1)
    interviews.schedule(
        session, clerk, iid, InterviewNotice(when, "三楼会议室", "陈立群", "书记", "局长")
    )
    held = _advance(clock, 2)
    at = datetime(held.year, held.month, held.day, 9, 0)
    record = InterviewRecord(at, "李明", "李明", "滞后", "接受约谈", "一个月内整改")
    interviews.record_held(session, clerk, iid, record)
    interviews.order_rectification(session, clerk, iid, "倒排工期", held + timedelta(days=20))
    _advance(clock, 21)
    interviews.mark_failed(session, clerk, iid, "未整改")
    return iid, task_id


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_accountability_runs_every_due_process_step_recorded_and_printed(
    demo_session, clerk, clock
) -> None:
    session = demo_session
    iid, task_id = _failed_interview(session, clerk, clock)
    case_id = accountability.start(session, clerk, iid, clock.moment.date(), START)
    for code, values in STEPS:
        accountability.record_step(session, clerk, case_id, code, _advance(clock, 1), values)
    case = views.get_case(session, case_id, clock.moment.date())
    assert [s.code for s in case.steps] == ["start"] + [c for c, _ in STEPS]
    assert case.closed and case.next_steps == ()
    assert case.lamp == LampColor.GREEN and case.kind.value == "admonition"  # type: ignore[union-attr]
    assert interviews.get_interview(session, iid, clock.moment.date()).status == (
        InterviewStatus.ESCALATED
    )
    # Every step prints through the layout engine: records, the 决定书, the 通报函, the 复查决定.
    expected = {
        "start": "启动问责审批表",
        "investigate": "王静、刘建华",
        "findings": "不执行",
        "statement": "陈述申辩记录",
        "decision": "诫勉",
        "notify": "市委组织部",
        "appeal": "申诉登记表",
        "appeal_outcome": "维持原决定",
        "execute": "执行情况",
    }
    for code, needle in expected.items():
        doc_id = accountability_documents.draft_step(session, clerk, case_id, code)
        text = _text(notices.pdf_of(session, doc_id))
        assert needle in text, (code, text[:200])
        if code == "appeal_outcome":  # the 主送 names the appellant; the body does not again
            assert text.replace(" ", "").count("钱立：") == 1, text[:300]
    decision_doc = views.get_case(session, case_id, clock.moment.date()).document_id
    assert decision_doc is not None
    issued = issuing.issue(session, clerk, decision_doc)
    assert "〔" in issued.number
    decision_text = _text(notices.pdf_of(session, decision_doc))
    assert "日内向市委提出书面申诉" in decision_text and "30日内执行完毕" in decision_text
    # Each step, dated, on the task's timeline in order.
    events = [e for e in reversed(timeline.timeline(session, task_id)) if e.kind == "问责"]
    assert len(events) == 1 + len(STEPS)
    assert [e.day for e in events] == sorted(e.day for e in events)
    assert events[0].title.endswith("启动问责") and "陈立群" in events[0].title


def test_due_process_refuses_the_shortcuts(demo_session, clerk, clock) -> None:
    session = demo_session
    iid, _ = _failed_interview(session, clerk, clock)
    today = clock.moment.date()
    with pytest.raises(ValidationError, match="批准人"):
        accountability.start(session, clerk, iid, today, {**START, "approver": ""})
    with pytest.raises(ValidationError, match="不能晚于今天"):
        accountability.start(session, clerk, iid, today + timedelta(days=1), START)
    case_id = accountability.start(session, clerk, iid, today, START)
    with pytest.raises(ValidationError, match="已有进行中的问责"):
        accountability.start(session, clerk, iid, today, START)
    one = {"members": "王静", "leader": "王静", "remit": ""}
    with pytest.raises(ValidationError, match="至少 2 名具名人员"):
        accountability.record_step(session, clerk, case_id, "investigate", today, one)
    statement = dict(STEPS[2][1])
    with pytest.raises(ValidationError, match="请先登记“调查认定”"):
        accountability.record_step(session, clerk, case_id, "statement", today, statement)
    with pytest.raises(ValidationError, match="不能早于启动问责"):
        accountability.record_step(
            session, clerk, case_id, "investigate", today - timedelta(days=1), STEPS[0][1]
        )
    for code, values in STEPS[:3]:
        accountability.record_step(session, clerk, case_id, code, today, values)
    with pytest.raises(ValidationError, match="不能重复登记"):
        accountability.record_step(session, clerk, case_id, "statement", today, statement)
    other = {**STEPS[3][1], "form": "other"}
    with pytest.raises(ValidationError, match="第八条"):
        accountability.record_step(session, clerk, case_id, "decision", today, other)
    accountability.record_step(session, clerk, case_id, "decision", today, STEPS[3][1])
    # The 申诉 window is a setting (30 days by default): a day past it is refused.
    rules = settings.AccountabilityRules(appeal_days=10)
    settings.save_accountability_rules(session, _admin(session), rules)
    late = _advance(clock, 11)
    with pytest.raises(ValidationError, match="申诉期已过.*申诉期限 10 天"):
        accountability.record_step(session, clerk, case_id, "appeal", late, STEPS[5][1])


def _admin(session):
    from desktop.services import identity

    return identity.sign_in(session, "admin", "duban-admin")


def test_execution_lamp_yellow_then_red_after_the_month(demo_session, clerk, clock) -> None:
    session = demo_session
    iid, _ = _failed_interview(session, clerk, clock)
    today = clock.moment.date()
    case_id = accountability.start(session, clerk, iid, today, START)
    for code, values in STEPS[:5]:
        accountability.record_step(session, clerk, case_id, code, today, values)
    assert views.get_case(session, case_id, today).lamp == LampColor.GREEN
    assert views.get_case(session, case_id, today + timedelta(days=25)).lamp == LampColor.YELLOW
    late = views.get_case(session, case_id, today + timedelta(days=31))
    assert late.lamp == LampColor.RED and "执行逾期 1 天" in late.lamp_reason
    assert not late.closed and late.next_steps == ("execute",)  # the 申诉 window has closed


def test_demo_runs_a_whole_accountability_with_each_step_printed(demo_session, clock) -> None:
    (case,) = views.list_cases(demo_session, clock.moment.date())
    assert case.closed and case.lamp == LampColor.GREEN
    assert len(case.steps) == 9 and all(s.document_id for s in case.steps)
    assert case.step("appeal_outcome").values["outcome"] == "upheld"  # type: ignore[union-attr]


def test_a_recorded_step_is_corrected_with_its_reason_never_deleted(
    demo_session, clerk, clock
) -> None:
    """A mistyped finding corrected: the step shows the new value, the audit entry and the task's
    timeline keep the old one with the reason; the order of dates still holds."""
    s = demo_session
    iid, task_id = _failed_interview(s, clerk, clock)
    case_id = accountability.start(s, clerk, iid, clock.today(), START)
    accountability.record_step(s, clerk, case_id, *STEPS[0][:1], clock.today(), STEPS[0][1])
    found_on = _advance(clock, 2)
    accountability.record_step(s, clerk, case_id, "findings", found_on, STEPS[1][1])
    _advance(clock, 2)
    fixed = {**STEPS[1][1], "finding": "weak"}
    with pytest.raises(ValidationError, match="写明理由"):
        accountability.correct_step(s, clerk, case_id, "findings", clock.today(), fixed, " ")
    with pytest.raises(ValidationError, match="不能早于成立调查组"):
        accountability.correct_step(s, clerk, case_id, "findings", found_on - timedelta(days=3),
                                    fixed, "日期笔误")  # fmt: skip
    with pytest.raises(ValidationError, match="不能晚于其后的调查认定"):
        accountability.correct_step(s, clerk, case_id, "investigate", found_on + timedelta(1),
                                    STEPS[0][1], "日期笔误")  # fmt: skip
    accountability.correct_step(s, clerk, case_id, "findings", found_on, fixed, "认定情形录错")
    case = views.get_case(s, case_id, clock.today())
    assert case.step("findings").values["finding"] == "weak"
    assert "执行不力" in case.step("findings").summary and len(case.steps) == 3
    (event,) = [e for e in timeline.timeline(s, task_id) if e.title.startswith("更正")]
    assert "认定情形" in event.title and event.detail.startswith("理由：认定情形录错")
    with pytest.raises(ValidationError, match="无需更正"):
        accountability.correct_step(s, clerk, case_id, "findings", found_on, fixed, "再改")


def test_a_case_ends_without_a_form_not_pursued_or_exempted(demo_session, clerk, clock) -> None:
    """After the findings and the person heard, the deciding body may end it with 免予问责: no
    form, no execution lamp, nothing to appeal; it prints its 决定; 考核 does not count it."""
    s = demo_session
    iid, task_id = _failed_interview(s, clerk, clock)
    case_id = accountability.start(s, clerk, iid, clock.today(), START)
    for code, values in STEPS[:3]:
        accountability.record_step(s, clerk, case_id, code, clock.today(), values)
    assert views.get_case(s, case_id, clock.today()).next_steps == ("decision", "waive")
    waive = {"ending": "exempted", "decided_by": "市委", "doc_number": "",
             "basis": "问责对象主动采取补救措施，有效挽回损失"}  # fmt: skip
    accountability.record_step(s, clerk, case_id, "waive", clock.today(), waive)
    case = views.get_case(s, case_id, clock.today())
    assert case.closed and case.ending == "免予问责" and case.kind is None and case.lamp is None
    assert case.next_steps == ()
    assert interviews.get_interview(s, iid, clock.today()).status == InterviewStatus.WAIVED
    with pytest.raises(ValidationError, match="当前应登记"):
        accountability.record_step(s, clerk, case_id, "decision", clock.today(), STEPS[3][1])
    doc = accountability_documents.draft_step(s, clerk, case_id, "waive")
    text = _text(notices.pdf_of(s, doc))
    assert "免予问责的决定" in text and "主动采取补救措施" in text
    titles = [e.title for e in timeline.timeline(s, task_id)]
    assert any("免予问责" in t for t in titles)
