"""考核: scheme validation, scores computed from the demo ledger, veto, ties, 定稿, roles, audit."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import text

from desktop.services import audit, identity
from desktop.services.assessment import writes as assessment
from desktop.services.assessment.rules import (
    DEFAULT_INDICATORS,
    DEFAULT_ITEMS,
    GradeSpec,
    funds_score,
    progress_score,
    ranks,
)
from desktop.services.errors import ConflictError, PermissionDenied, ValidationError
from tests.fixtures.assessment import default_scheme

D = Decimal


@pytest.fixture
def demo_session(demo_session):
    """The demo with its 2026 考核 put back to the default draft (tests/fixtures/assessment)."""
    default_scheme(demo_session)
    return demo_session


@pytest.fixture
def clerk_demo(demo_session):
    return identity.sign_in(demo_session, "clerk", "duban-clerk")


def _row(results, unit: str):
    return next(r for r in results.rows if r.unit == unit)


def _update(session, actor, **changes):
    current = assessment.get_scheme(session, 2026)
    fields = {
        "name": current.name,
        "indicators": current.indicators,
        "items": current.items,
        "grades": current.grades,
    }
    fields.update(changes)
    return assessment.update_scheme(session, actor, 2026, **fields)


def test_demo_has_a_draft_2026_scheme_with_the_default_indicators(demo_session) -> None:
    scheme = assessment.get_scheme(demo_session, 2026)
    assert scheme.status == "draft"
    assert [i.name for i in scheme.indicators] == ["进度", "质量", "资金", "报送及时", "整改"]
    assert sum(i.weight for i in scheme.indicators) == 100
    assert [g.label for g in scheme.grades] == ["优秀", "良好", "一般", "较差"]


def test_weights_must_sum_to_100_and_thresholds_descend(demo_session, clerk_demo) -> None:
    heavy = (replace(DEFAULT_INDICATORS[0], weight=41), *DEFAULT_INDICATORS[1:])
    with pytest.raises(ValidationError, match="之和应为 100，现为 101"):
        _update(demo_session, clerk_demo, indicators=heavy)
    flat = (GradeSpec("优秀", D(80)), GradeSpec("良好", D(80)), GradeSpec("较差", D(0)))
    with pytest.raises(ValidationError, match="从高到低"):
        _update(demo_session, clerk_demo, grades=flat)
    moved = (replace(DEFAULT_INDICATORS[0], weight=30), replace(DEFAULT_INDICATORS[1], weight=30))
    scheme = _update(demo_session, clerk_demo, indicators=moved + DEFAULT_INDICATORS[2:])
    assert [i.weight for i in scheme.indicators] == [30, 30, 15, 15, 10]


def test_computed_scores_match_hand_checked_figures(demo_session) -> None:
    """Two units checked by hand against the demo ledger on 2026-11-28.

    市司法局: progress 97.6, quality 88 (entered), funds 71.7, timely 100, rectification 100:
    (40×97.6 + 20×88 + 15×71.7 + 15×100 + 10×100) / 100 = 92.395 → 92.4; one yellow-lamp month
    −1 → 91.4 优秀. 市应急管理局: (40×72.8 + 20×70 + 15×81.1 + 15×100 + 10×0) / 100 = 70.3;
    4 yellow −4, 11 red months −22 capped at −20, a failed rectification −3, one 问责 −5:
    70.3 − 32 = 38.3 较差."""
    results = assessment.results(demo_session, 2026)
    justice = _row(results, "市司法局")
    assert justice.scores == {
        "progress": D("97.6"),
        "quality": D("88.0"),
        "funds": D("71.7"),
        "timely": D("100.0"),
        "rectification": D("100.0"),
    }
    assert (justice.weighted, justice.adjustment, justice.total) == (D("92.4"), -1, D("91.4"))
    assert justice.grade == "优秀" and justice.sources["quality"] == "manual"
    emergency = _row(results, "市应急管理局")
    assert emergency.scores["rectification"] == 0 and emergency.scores["quality"] == 70
    points = {a.code: (a.count, a.points) for a in emergency.adjustments}
    assert points["red"] == (11, D(-20)) and points["yellow"] == (4, D(-4))
    assert points["failed"] == (1, D(-3)) and points["accountable"] == (1, D(-5))
    assert (emergency.weighted, emergency.total, emergency.grade) == (D("70.3"), D("38.3"), "较差")
    assert emergency.rank == len(results.rows)
    # A unit with no quality score entered takes the base score 80.
    assert _row(results, "市民政局").sources["quality"] == "base"


def test_formulas_at_their_edges() -> None:
    assert progress_score([]) == 100 and progress_score([5.0, -50.0]) == D("50.0")
    assert funds_score(D(0), D(0), D(0)) == 100
    assert funds_score(D(100), D(50), D(50)) == D("75.0")  # 50% arrived, all of it spent


def test_veto_puts_the_unit_last_with_the_lowest_grade(demo_session, clerk_demo) -> None:
    unit = _row(assessment.results(demo_session, 2026), "市司法局").unit_id
    with pytest.raises(ValidationError, match="事由"):
        assessment.set_manual_count(demo_session, clerk_demo, 2026, unit, "veto", 1)
    assessment.set_manual_count(demo_session, clerk_demo, 2026, unit, "veto", 1, "发生重大安全事故")
    results = assessment.results(demo_session, 2026)
    vetoed = _row(results, "市司法局")
    assert vetoed.vetoed and vetoed.grade == "较差" and vetoed.total == D("91.4")
    assert results.rows[-1].unit == "市司法局" and vetoed.rank == len(results.rows)


def test_equal_totals_share_a_rank_and_the_next_skips() -> None:
    entries = [(D("90"), False), (D("85.04"), False), (D("85.0"), False), (D("99"), True)]
    assert ranks(entries) == [1, 2, 2, 4]


def test_ties_on_the_demo_when_every_indicator_is_manual(demo_session, clerk_demo) -> None:
    manual = tuple(replace(i, source="manual", base_score=D(75)) for i in DEFAULT_INDICATORS)
    quiet = tuple(i for i in DEFAULT_ITEMS if i.rule in ("manual", "veto"))
    _update(demo_session, clerk_demo, indicators=manual, items=quiet)
    results = assessment.results(demo_session, 2026)
    # Three units rise above 75 (quality 92 and 88, a commendation), one falls below (70);
    # the six others tie at 75 and share rank 4, so the next is 10th.
    tied = [r for r in results.rows if r.total == D(75)]
    assert len(tied) == 6 and {r.rank for r in tied} == {4}
    assert [r.rank for r in results.rows] == [1, 2, 3, 4, 4, 4, 4, 4, 4, 10]


def test_finalise_freezes_scores_and_results(demo_session, clerk_demo) -> None:
    frozen = assessment.finalise(demo_session, clerk_demo, 2026)
    assert frozen.final and assessment.get_scheme(demo_session, 2026).final
    before = [(r.unit, r.total, r.rank, r.grade) for r in frozen.rows]
    unit = frozen.rows[0].unit_id
    with pytest.raises(ConflictError, match="已定稿"):
        assessment.set_manual_score(demo_session, clerk_demo, 2026, unit, "quality", "60")
    with pytest.raises(ConflictError, match="已定稿"):
        _update(demo_session, clerk_demo, name="改名")
    # The ledger moves on (every report gone behind the program's back); results do not.
    demo_session.execute(text("DELETE FROM progress_report"))
    demo_session.commit()
    again = assessment.results(demo_session, 2026)
    assert [(r.unit, r.total, r.rank, r.grade) for r in again.rows] == before


def test_leader_may_read_but_not_write(demo_session) -> None:
    leader = identity.sign_in(demo_session, "leader", "duban-leader")
    assert assessment.results(demo_session, 2026).rows
    unit = assessment.results(demo_session, 2026).rows[0].unit_id
    with pytest.raises(PermissionDenied):
        assessment.set_manual_score(demo_session, leader, 2026, unit, "quality", "90")
    with pytest.raises(PermissionDenied):
        assessment.finalise(demo_session, leader, 2026)
    with pytest.raises(PermissionDenied):
        assessment.create_scheme(demo_session, leader, 2027)


def test_every_write_leaves_an_audit_entry(demo_session, clerk_demo) -> None:
    scheme_id = assessment.get_scheme(demo_session, 2026).id
    unit = assessment.results(demo_session, 2026).rows[0].unit_id
    assessment.set_manual_score(demo_session, clerk_demo, 2026, unit, "quality", "95", "抽查优秀")
    assessment.set_manual_score(demo_session, clerk_demo, 2026, unit, "quality", None)
    assessment.publish_scheme(demo_session, clerk_demo, 2026)
    assessment.finalise(demo_session, clerk_demo, 2026)
    entries = audit.recent(demo_session, 10, entity="assessment_scheme", entity_id=scheme_id)
    actions = [e.action for e in entries[:4]]
    assert actions == ["finalise", "publish", "score", "score"]
    assert "清除" in entries[2].summary and "录入 95" in entries[3].summary
    assert all(e.actor.startswith("李明") for e in entries[:4])
    assert audit.verify_chain(demo_session).ok


def test_bad_input_is_refused_in_chinese(demo_session, clerk_demo) -> None:
    unit = assessment.results(demo_session, 2026).rows[0].unit_id
    with pytest.raises(ValidationError, match="0–100"):
        assessment.set_manual_score(demo_session, clerk_demo, 2026, unit, "quality", "120")
    with pytest.raises(ValidationError, match="不是人工评分"):
        assessment.set_manual_score(demo_session, clerk_demo, 2026, unit, "progress", "90")
    with pytest.raises(ValidationError, match="不是有效的分数"):
        assessment.set_manual_score(demo_session, clerk_demo, 2026, unit, "quality", "九十")
    with pytest.raises(ConflictError, match="已经存在"):
        assessment.create_scheme(demo_session, clerk_demo, 2026)


def test_scores_saved_together_all_or_none_and_extra_decimals_refused(
    demo_session, clerk_demo
) -> None:
    """The results grid's 保存评分: several cells in one transaction; one bad cell keeps none;
    85.55 is refused, never rounded."""
    from desktop.services.assessment.writes import ManualEntry

    def quality() -> dict[str, Decimal]:
        return {r.unit: r.scores["quality"] for r in assessment.results(demo_session, 2026).rows}

    def save(first: str, second: str) -> int:
        units = {r.unit: r.unit_id for r in assessment.results(demo_session, 2026).rows}
        entries = [
            ManualEntry(units["市民政局"], "indicator", "quality", first),
            ManualEntry(units["市公安局"], "indicator", "quality", second),
        ]
        return assessment.set_manual_entries(demo_session, clerk_demo, 2026, entries)

    before = quality()
    with pytest.raises(ValidationError, match="最多一位小数"):
        save("90", "85.55")
    assert quality() == before  # nothing half-saved
    assert save("90", "85.5") == 2
    assert (quality()["市民政局"], quality()["市公安局"]) == (90, Decimal("85.5"))
