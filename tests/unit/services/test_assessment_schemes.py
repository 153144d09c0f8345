"""考核 as the published schemes run it: base 100, capped deductions and 减完为止 inside an
indicator, doubling for repeats and sensitive periods, veto modes, scoring sources, 位次 points,
the 平安办's 优秀 review, the 领导小组's decision recorded, and reopening a finalised year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import delete, select

from db.models import AssessmentManual, AuditEntry, Meeting
from desktop.services import identity
from desktop.services.assessment import decision
from desktop.services.assessment import documents as assessment_documents
from desktop.services.assessment import writes as assessment
from desktop.services.assessment.lint import lint
from desktop.services.assessment.rules import (
    BASE100_GRADES,
    VETO_CAP,
    IndicatorSpec,
    ItemSpec,
    combine_sources,
    grade_of,
    item_points,
    rank_change,
    weighted_count,
)
from desktop.services.errors import ConflictError, ValidationError

D = Decimal


def test_demo_assessment_is_base_100_with_capped_deductions_a_grade_cap_and_a_decision(
    demo_session,
) -> None:
    found = assessment.results(demo_session, 2026)
    scheme = found.scheme
    assert found.final and sum(i.weight for i in scheme.indicators) == 100
    assert [g.label for g in scheme.grades] == ["优秀", "合格", "不合格"]
    assert all(i.owner for i in scheme.indicators) and all(i.owner for i in scheme.items)
    red = next(i for i in scheme.items if i.rule == "red_lamp")
    assert red.cap == 15 and red.indicator == "progress" and red.repeat_factor == 2
    capped = [a for r in found.rows for a in r.adjustments if a.code == "red" and a.count > 15]
    assert capped and all(a.points == D(-15) for a in capped)  # capped deductions
    for r in found.rows:  # 减完为止: no indicator below 0, none above its points
        assert r.points is not None
        assert all(D(0) <= r.points[i.code] <= i.weight for i in scheme.indicators)
    # 减完为止: 市应急管理局's rectification points are gone, the deduction stops at 0.
    emergency = next(r for r in found.rows if r.unit == "市应急管理局")
    assert emergency.points["rectification"] == 0  # type: ignore[index]
    # The veto caps the grade: 市司法局 scores over 90 but may not be 优秀.
    veto = next(i for i in scheme.items if i.rule == "veto")
    assert veto.veto_mode == VETO_CAP and veto.grade_cap == "合格"
    justice = next(r for r in found.rows if r.unit == "市司法局")
    assert justice.total >= 90 and justice.proposed == "合格" and not justice.vetoed
    # Units proposed 优秀 passed the 平安办's eligibility review first.
    assert all(r.excellent_review == "eligible" for r in found.rows if r.proposed == "优秀")
    # The 领导小组 decided at a meeting of the ledger, with its minutes' 期号, recorded.
    meeting = demo_session.get(Meeting, scheme.meeting_id)
    assert meeting is not None and scheme.minutes_issue == f"第{meeting.issue_no}期"
    assert scheme.decided_on == meeting.held_on and "陈立群" in scheme.decided_by
    assert [r.grade for r in found.rows] == [r.proposed for r in found.rows]
    assert lint(scheme) == []  # the 减负 lint passes
    text = assessment_documents.assessment_data(demo_session, 2026)
    assert text.decided.startswith("经市平安建设领导小组") and "最高评为合格" in text.veto_rule


def test_reopen_needs_a_reason_and_keeps_the_results_in_the_audit(demo_session) -> None:
    clerk = identity.sign_in(demo_session, "clerk", "duban-clerk")
    before = assessment.results(demo_session, 2026)
    with pytest.raises(ValidationError, match="写明理由"):
        decision.reopen(demo_session, clerk, 2026, " ")
    decision.reopen(demo_session, clerk, 2026, "市应急管理局申请复核群众评价得分")
    scheme = assessment.get_scheme(demo_session, 2026)
    assert not scheme.final and scheme.decided_on is None and scheme.minutes_issue == ""
    entry = demo_session.scalars(
        select(AuditEntry).where(AuditEntry.action == "reopen").order_by(AuditEntry.id.desc())
    ).first()
    assert "复核" in entry.summary and "clerk" in entry.actor
    assert str(before.rows[0].total) in entry.detail
    with pytest.raises(ConflictError, match="尚未定稿"):
        decision.reopen(demo_session, clerk, 2026, "再次")
    with pytest.raises(ConflictError, match="先定稿"):
        decision.record_decision(
            demo_session, clerk, 2026, decided_on=date(2026, 11, 28), decided_by="会议",
            minutes_issue="第5期",
        )  # fmt: skip


def test_excellent_needs_the_review_and_a_barred_unit_takes_the_next_grade(demo_session) -> None:
    clerk = identity.sign_in(demo_session, "clerk", "duban-clerk")
    decision.reopen(demo_session, clerk, 2026, "补充资格审核")
    demo_session.execute(delete(AssessmentManual).where(AssessmentManual.target == "review"))
    best = assessment.results(demo_session, 2026).rows[0]
    assert best.proposed == "优秀" and best.excellent_review == ""
    with pytest.raises(ValidationError, match="须先由平安办完成优秀等次资格审核"):
        assessment.finalise(demo_session, clerk, 2026)  # no 优秀 without the review
    with pytest.raises(ValidationError, match="审核意见"):
        decision.review_excellent(demo_session, clerk, 2026, best.unit_id, False, "")
    decision.review_excellent(demo_session, clerk, 2026, best.unit_id, False, "年内发生信访积案")
    again = next(r for r in assessment.results(demo_session, 2026).rows if r.unit == best.unit)
    assert again.proposed == "合格" and again.excellent_review == "barred"


def test_decision_may_change_a_grade_only_with_a_reason(demo_session) -> None:
    clerk = identity.sign_in(demo_session, "clerk", "duban-clerk")
    scheme = assessment.get_scheme(demo_session, 2026)
    unit = assessment.results(demo_session, 2026).rows[-1].unit_id
    common: dict[str, Any] = dict(
        decided_on=scheme.decided_on, decided_by="领导小组会议", minutes_issue="第4期"
    )
    with pytest.raises(ValidationError, match="理由"):
        decision.record_decision(demo_session, clerk, 2026, **common, changes={unit: ("合格", "")})
    done = decision.record_decision(
        demo_session, clerk, 2026, **common, changes={unit: ("合格", "会议认为整改态度积极")}
    )
    row = next(r for r in done.rows if r.unit_id == unit)
    assert row.grade == "合格" and row.decision_note == "会议认为整改态度积极"


def test_the_rules_at_their_edges() -> None:
    red = ItemSpec("red", "红灯", "red_lamp", D(-1), D(15), "progress", D(2), D(2))
    assert weighted_count(red, [False, False, True]) == D(1 + 2 + 4)  # repeat ×2, sensitive ×2
    assert item_points(red, D(20)) == D(-15)  # capped
    grades = BASE100_GRADES
    assert grade_of(D(95), grades, False) == "优秀"
    assert grade_of(D(95), grades, False, cap="合格") == "合格"  # the veto caps the grade
    assert grade_of(D(50), grades, False, cap="合格") == "不合格"  # a cap never lifts
    assert grade_of(D(95), grades, False, top_barred=True) == "合格"
    assert grade_of(D(95), grades, True) == "不合格"
    assert (
        rank_change(5, 2) == (3, 0)
        and rank_change(2, 5) == (0, 3)
        and rank_change(None, 1) == (0, 0)
    )
    sources = (("群众评价", 30), ("自查自评", 10), ("部门考评", 30), ("实地考评", 30))
    scores = {"群众评价": D(90), "自查自评": D(100), "部门考评": D(80), "实地考评": D(70)}
    assert combine_sources(sources, scores, D(80)) == D("82.0")
    assert combine_sources(sources, {"群众评价": D(100)}, D(80)) == D("86.0")  # others at base


def test_scheme_editor_adds_and_removes_indicators(demo_session) -> None:
    from tests.fixtures.assessment import default_scheme

    default_scheme(demo_session)
    clerk = identity.sign_in(demo_session, "clerk", "duban-clerk")
    scheme = assessment.get_scheme(demo_session, 2026)
    kept = [replace(i, weight=i.weight) for i in scheme.indicators if i.code != "funds"]
    added = IndicatorSpec("satisfaction", "群众安全感", 15, "manual", D(80), owner="市统计局")
    fields: dict[str, Any] = dict(name=scheme.name, items=scheme.items, grades=scheme.grades)
    done = assessment.update_scheme(demo_session, clerk, 2026, indicators=[*kept, added], **fields)
    assert [i.code for i in done.indicators] == ["progress", "quality", "timely", "rectification",
                                                 "satisfaction"]  # fmt: skip
    assert done.indicators[-1].owner == "市统计局"
    computed = replace(added, source="computed")
    with pytest.raises(ValidationError, match="没有台账计算公式"):
        assessment.update_scheme(demo_session, clerk, 2026, indicators=[*kept, computed], **fields)
    assert any(
        r.scores["satisfaction"] == D(80) for r in assessment.results(demo_session, 2026).rows
    )


def test_each_unit_counts_how_often_the_desk_asked_it_for_data(demo_session) -> None:
    """减负: one progress sheet a month however many tasks, each 督办 asking a reply, each 约谈
    asking materials, each rectification report ordered; printed in the yearly 通报's annex."""
    from desktop.services.assessment.burden import requests_by_unit

    found = {r.unit: r for r in requests_by_unit(demo_session, 2026, date(2026, 11, 28))}
    emergency = found["市应急管理局"]
    assert (emergency.reports, emergency.materials, emergency.rectifications) == (10, 1, 1)
    assert emergency.total == 10 + emergency.replies + 2
    assert all(r.reports <= 11 for r in found.values())  # months, not task·months
    data = assessment_documents.assessment_data(demo_session, 2026)
    assert ("市应急管理局", *(10, emergency.replies, 1, 1, emergency.total)) in data.requests
