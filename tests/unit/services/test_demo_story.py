"""The demo ledger shows the issue's "Done when" (issue 18): a 领导批示 registered with its default
deadline, extended with a 领导's approval, sent back once, closed and scored; a task red by its
lag that recovered to yellow, on its timeline; a 问责 with every due-process step; a base-100
考核 with capped deductions, a grade-capping veto and a recorded 领导小组 decision, lint-clean."""

from __future__ import annotations

from datetime import timedelta

from db.enums import LampColor
from desktop.services import settings, supervision, tasks, timeline
from desktop.services.accountability import views as accountability
from desktop.services.accountability.steps import MAIN
from desktop.services.assessment import views
from desktop.services.assessment.lint import lint
from desktop.services.assessment.rules import VETO_CAP
from desktop.services.supervision import SupervisionOrigin, extensions

TODAY_YEAR = 2026


def test_the_instruction_item_is_registered_extended_sent_back_closed_and_scored(
    demo_session, clock
) -> None:
    s, today = demo_session, clock.today()
    (item,) = [
        i for i in supervision.list_items(s, today) if i.origin == SupervisionOrigin.INSTRUCTION
    ]
    rules = settings.item_rules(s)
    assert item.received_on is not None
    assert item.first_due == item.received_on + timedelta(days=rules.instruction_days)
    assert item.extended and item.reply_due > item.first_due
    (asked,) = extensions.extensions_of(s, item.id)
    assert asked.state == "已批准" and asked.decided_by.startswith("张书记")
    assert item.returns == 1 and item.state == "已办结" and item.reply_stamped
    row = next(r for r in views.results(s, TODAY_YEAR).rows if r.unit == item.unit)
    cut = next(a for a in row.adjustments if a.code == "item_returned")
    assert (cut.count, cut.points, cut.indicator) == (1, -0.5, "rectification")


def test_a_red_task_recovered_to_yellow_and_its_timeline_says_so(demo_session, clock) -> None:
    task_id = tasks.find_task_id(demo_session, "10-03")
    detail = timeline.task_detail(demo_session, task_id, clock.today())
    assert detail.row.lamp.color == LampColor.YELLOW
    assert detail.row.lamp.reasons[0].startswith("差距已补齐，由红转黄")
    (event,) = [e for e in detail.timeline if e.kind == "亮灯"]
    assert event.title == "由红转黄：差距已补齐" and "亮红灯" in event.detail


def test_the_accountability_and_the_assessment_as_the_rules_ask(demo_session, clock) -> None:
    cases = accountability.list_cases(demo_session, clock.today())
    full = [c for c in cases if {st.code for st in c.steps} >= set(MAIN)]
    assert full and full[0].closed
    scheme = views.get_scheme(demo_session, TODAY_YEAR)
    assert scheme.final and scheme.decided_on is not None and scheme.minutes_issue
    assert any(i.cap > 0 and i.points < 0 for i in scheme.items)  # capped deductions
    assert any(i.rule == "veto" and i.veto_mode == VETO_CAP and i.grade_cap for i in scheme.items)
    assert sum(i.weight for i in scheme.indicators) == 100
    assert lint(scheme) == []
