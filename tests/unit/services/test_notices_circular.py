"""The circular composed from the demo ledger, 督办通知 / 催办单 drafts, and the task timeline."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from db.enums import LampColor
from desktop.documents.compose_circular import counts, good_units, lagging_units
from desktop.documents.model import Table
from desktop.services import circular, funds, overview, timeline
from desktop.services.auth import system_actor
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.notices import drafts as notice_drafts
from desktop.services.notices import issuing
from desktop.services.notices import register as notices
from desktop.services.notices.register import DocKind
from desktop.services.tasks import find_task_id

TODAY = date(2026, 11, 28)


def test_circular_figures_agree_with_the_desk(demo_session) -> None:
    data = circular.circular_data(demo_session, "2026-11")
    rows = overview.task_rows(demo_session, TODAY)
    lamps = Counter(r.lamp.color for r in rows)
    c = counts(data.tasks)
    assert len(data.tasks) == 37 and data.projects == 10 and data.as_of == TODAY
    assert (c["green"], c["yellow"], c["red"]) == (
        lamps[LampColor.GREEN],
        lamps[LampColor.YELLOW],
        lamps[LampColor.RED],
    )
    assert c["done"] == sum(r.lamp.done for r in rows) == 4
    assert c["done"] + c["ahead"] + c["on"] + c["behind"] == 37
    # Every task with a lag of 10 points or more, or past its deadline, counts as behind.
    behind = {
        r.code
        for r in rows
        if not r.lamp.done
        and (r.lamp.schedule_pct - float(r.reported_pct or 0) >= 10 or r.deadline < TODAY)
    }
    assert {t.code for t in data.tasks if t.category == "behind"} == behind
    # Ranking: ten lead units, best mean gap first, each with last period's rank.
    assert [u.rank for u in data.units] == list(range(1, 11))
    gaps = [u.gap for u in data.units]
    assert gaps == sorted(gaps, reverse=True)
    assert all(u.previous_rank is not None for u in data.units)
    assert sum(u.tasks for u in data.units) == 37 and sum(u.red for u in data.units) == c["red"]
    # Funds: as of today every entry counts, so the totals equal the ledger's.
    ledger = funds.totals_by_task(demo_session)
    assert sum((f.budget for f in data.funds), Decimal(0)) == sum(
        (t.budget for t in ledger.values()), Decimal(0)
    )
    assert sum((f.spent for f in data.funds), Decimal(0)) == sum(
        (t.spent for t in ledger.values()), Decimal(0)
    )


def test_circular_draft_says_it_in_words_and_annexes_four_tables(demo_session) -> None:
    actor = system_actor("测试")
    doc_id = circular.draft_circular(demo_session, actor, "2026-11")
    info = notices.get_document(demo_session, doc_id)
    text = "\n".join(b for b in info.model.body if isinstance(b, str))
    data = circular.circular_data(demo_session, "2026-11")
    c = counts(data.tasks)
    assert "2026年11月" in info.row.title and info.row.period == "2026-11"
    assert f"已完成{c['done']}项" in text and f"红灯{c['red']}项" in text
    assert "一、总体情况" in text and "二、存在的主要问题" in text and "三、下一步工作要求" in text
    assert "一是" in text and "二是" in text and "三是" in text
    assert lagging_units(data) and good_units(data)
    for unit in lagging_units(data) + good_units(data):
        assert unit.name in text
    assert all(isinstance(a.blocks[0], Table) for a in info.model.attachments)
    assert len(info.model.attachments) == 4
    task_table = info.model.attachments[0].blocks[0]
    assert len(task_table.rows) == 37
    # The same period again keeps the clerk's draft; recompose rewrites it.
    assert circular.draft_circular(demo_session, actor, "2026-11") == doc_id
    assert circular.draft_circular(demo_session, actor, "2026-11", recompose=True) == doc_id
    assert notices.get_document(demo_session, doc_id).version == 2
    issuing.issue(demo_session, actor, doc_id)
    with pytest.raises(ConflictError, match="已印发"):
        circular.draft_circular(demo_session, actor, "2026-11")


def test_an_earlier_period_uses_only_what_was_known_then(demo_session) -> None:
    now = circular.circular_data(demo_session, "2026-11")
    then = circular.circular_data(demo_session, "2026-09")
    assert then.as_of == date(2026, 9, 30)
    assert len(then.tasks) <= len(now.tasks)
    before = {t.code: t.reported_pct for t in then.tasks}
    after = {t.code: t.reported_pct for t in now.tasks}
    assert any(before[c] != after[c] for c in before)
    with pytest.raises(ValidationError):
        circular.circular_data(demo_session, "2027-01")


def test_supervision_notice_for_a_red_task_and_reminder_for_a_unit(demo_session) -> None:
    actor = system_actor("测试")
    doc_id = notice_drafts.draft_supervision(
        demo_session, actor, DocKind.SUPERVISION, task_code="04-02"
    )
    info = notices.get_document(demo_session, doc_id)
    text = "".join(b for b in info.model.body if isinstance(b, str))
    assert "城镇燃气安全专项整治" in info.row.title and info.model.recipients == "市应急管理局"
    assert info.model.urgency == "加急" and "2026年12月8日前" in text and "一是" in text
    remind = notice_drafts.draft_supervision(demo_session, actor, DocKind.REMINDER, unit="住建局")
    body = notices.get_document(demo_session, remind).model.body
    text = "".join(p for p in body if isinstance(p, str))
    assert "05-02" in text and "05-03" in text and "05-01" not in text
    with pytest.raises(ValidationError):
        notice_drafts.draft_supervision(demo_session, actor, DocKind.REMINDER)

    # Issued, the notice shows on the task's timeline.
    issued = issuing.issue(demo_session, actor, doc_id)
    task_id = find_task_id(demo_session, "04-02")
    events = timeline.timeline(demo_session, task_id)
    assert any(e.kind == "公文" and issued.number in e.title for e in events)


def test_a_plain_notice_from_the_clerks_paragraphs(demo_session) -> None:
    doc_id = notice_drafts.draft_notice(
        demo_session,
        system_actor("测试"),
        "关于报送2026年度工作总结的通知",
        "各牵头单位",
        ["请于12月20日前报送。", "", "一、总结内容。包括主要成效。"],
    )
    model = notices.get_document(demo_session, doc_id).model
    assert model.body == ["请于12月20日前报送。", "一、总结内容。包括主要成效。"]
    assert model.signature == "江城市平安建设领导小组办公室"
