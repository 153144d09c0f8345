"""督办事项登记簿: items from every source with default deadlines, 延期 with a leader's approval,
退办 and 补办, 催办 kept apart, and reminders before the deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from db.enums import TaskStatus
from desktop.services import settings, supervision, tasks, timeline
from desktop.services.assessment import views, writes
from desktop.services.assessment.rules import ItemSpec
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.notices import register as notices
from desktop.services.overview import TaskFilter, task_rows
from desktop.services.supervision import (
    ReportFrequency,
    SupervisionInput,
    SupervisionKind,
    SupervisionOrigin,
    Urgency,
    documents,
    extensions,
    reminders,
    returns,
)

TODAY = date(2026, 11, 28)
WHAT = (documents.ASSIGNMENT, documents.RETURN, documents.EXTENSION)


def _advance(clock, days: int) -> date:
    clock.moment = clock.moment + timedelta(days=days)
    return clock.moment.date()


def _instruction(unit_id: int, task_id: int, **extra) -> SupervisionInput:
    return SupervisionInput(
        kind=SupervisionKind.NOTICE,
        unit_id=unit_id,
        requirement="按批示要求排查视频监控盲区，报送补点方案。",
        reply_due=None,
        task_ids=(task_id,),
        origin=SupervisionOrigin.INSTRUCTION,
        source_ref="王市长批示：请市公安局牵头，尽快补齐盲区。",
        received_on=TODAY - timedelta(days=1),
        handling="建议由市公安局主办，市财政局协办，15日内报送。",
        report_every=ReportFrequency.WEEKLY,
        **extra,
    )


def _units(session, clerk, task_id) -> tuple[int, int]:
    finance = tasks.create_unit(session, clerk, "市财政局", "财政局")
    units = {u.name: u.id for u in tasks.list_units(session)}
    return units["市公安局"], finance.id


def test_instruction_from_register_to_close(session, clerk, leader, task_id, clock) -> None:
    """The issue's sentence: a 领导批示 registered with its default deadline, extended with a
    leader's approval, sent back once, closed and scored — every step on the task's timeline,
    and its documents drafted."""
    police, finance = _units(session, clerk, task_id)
    item_id = supervision.raise_item(
        session, clerk, _instruction(police, task_id, co_unit_ids=(finance,), leader="李副市长")
    )
    item = supervision.get_item(session, item_id, TODAY)
    # 一般件: 15 days from the 收文时间 (yesterday), the default of ItemRules.
    assert item.reply_due == TODAY + timedelta(days=14) == item.first_due
    assert item.co_units == ("市财政局",) and item.unit == "市公安局"
    assert item.origin == SupervisionOrigin.INSTRUCTION and item.leader == "李副市长"

    # 延期: asked before the deadline, checked by the clerk, approved by a leader.
    asked_on = _advance(clock, 10)
    new_due = item.reply_due + timedelta(days=10)
    ext = extensions.request_extension(session, clerk, item_id, new_due, "需财政局核定经费")
    with pytest.raises(ValidationError, match="尚未经科员核查"):
        extensions.decide_extension(session, leader, ext, True)
    extensions.check_extension(session, clerk, ext, True, "情况属实")
    with pytest.raises(PermissionDenied):
        extensions.decide_extension(session, clerk, ext, True)
    assert [p.extension_id for p in reminders.pending_approvals(session)] == [ext]
    extensions.decide_extension(session, leader, ext, True, "同意")
    item = supervision.get_item(session, item_id, asked_on)
    assert item.reply_due == new_due and item.first_due == TODAY + timedelta(days=14)
    assert item.extended and not item.extension_pending
    # Past the first deadline, before the approved one: not overdue.
    later = _advance(clock, 8)
    assert supervision.get_item(session, item_id, later).state == "待回复"

    # A reply without the seal is sent back once, then answered again, signed and stamped.
    supervision.record_reply(session, clerk, item_id, later, "已排查。", signer="张局长")
    returns.return_reply(session, clerk, item_id, "未附补点方案，未加盖公章")
    item = supervision.get_item(session, item_id, later)
    assert item.state == "退回补办" and item.returns == 1
    assert item.reply_due == new_due  # 5 days (ItemRules.resubmit_days) would shorten it
    resubmitted = _advance(clock, 3)
    supervision.record_reply(
        session, clerk, item_id, resubmitted, "补点方案附后。", signer="张局长", stamped=True
    )
    supervision.close_item(session, clerk, item_id, "补点方案经审核合格")
    item = supervision.get_item(session, item_id, resubmitted)
    assert item.state == "已办结" and item.reply_stamped and item.reply_signer == "张局长"

    # Its documents: the 交办通知 (linked), the 退办通知 and the 延期复函, each with its dates.
    drafts = {w: documents.draft_for_item(session, clerk, item_id, w) for w in WHAT}
    assert supervision.get_item(session, item_id, resubmitted).document_id == drafts["assignment"]
    body = {w: "".join(map(str, notices.get_document(session, d).model.body))
            for w, d in drafts.items()}  # fmt: skip
    assert "市财政局协办" in body["assignment"] and "每周报送" in body["assignment"]
    assert "未附补点方案" in body["return"]
    assert "由2026年12月12日延至2026年12月22日" in body["extension"]
    assert notices.pdf_of(session, drafts["return"]).startswith(b"%PDF")
    # Scored: the year's 考核 counts the 退办 against the 主办单位 (a scheme item may deduct).
    scheme = writes.create_scheme(session, clerk, 2026)
    returned = ItemSpec("returned", "督办事项退办扣分", "item_returned", Decimal(-1))
    writes.update_scheme(session, clerk, 2026, name=scheme.name, indicators=scheme.indicators,
                         items=(*scheme.items, returned), grades=scheme.grades)  # fmt: skip
    (police_row,) = [r for r in views.results(session, 2026).rows if r.unit == "市公安局"]
    cut = next(a for a in police_row.adjustments if a.code == "returned")
    assert (cut.count, cut.points) == (1, -1)
    titles = [e.title for e in timeline.timeline(session, task_id)]
    for expected in ("申请延期", "延期核查通过", "批准延期", "退办", "收到回复", "办结"):
        assert any(t.startswith(expected) for t in titles), (expected, titles)
    detail = next(
        e.detail for e in timeline.timeline(session, task_id) if e.title.startswith("退办")
    )
    assert "未附补点方案" in detail and "已排查" in detail and "未盖章" in detail


def test_default_deadline_by_source(session, clerk, task_id) -> None:
    police, _ = _units(session, clerk, task_id)
    for origin, urgency, days in (
        (SupervisionOrigin.HIGHER_DOC, Urgency.ORDINARY, 30),
        (SupervisionOrigin.MINUTES, Urgency.ORDINARY, 20),
        (SupervisionOrigin.INSTRUCTION, Urgency.URGENT, 5),
        (SupervisionOrigin.INSTRUCTION, Urgency.HARD, 30),
        (SupervisionOrigin.PROPOSAL, Urgency.ORDINARY, 90),
    ):
        data = replace(
            _instruction(police, task_id), origin=origin, urgency=urgency, received_on=None
        )
        item = supervision.get_item(session, supervision.raise_item(session, clerk, data), TODAY)
        assert item.reply_due == TODAY + timedelta(days=days), origin


def test_default_deadlines_are_settings(session, clerk, admin, task_id) -> None:
    police, _ = _units(session, clerk, task_id)
    settings.save_item_rules(session, admin, settings.ItemRules(instruction_days=10))
    item_id = supervision.raise_item(
        session, clerk, replace(_instruction(police, task_id), received_on=None)
    )
    assert supervision.get_item(session, item_id, TODAY).reply_due == TODAY + timedelta(days=10)
    with pytest.raises(ValidationError, match="1 至 5 天"):
        settings.save_item_rules(session, admin, settings.ItemRules(instruction_urgent_days=7))


def test_a_default_already_past_asks_for_a_date(session, clerk, task_id) -> None:
    police, _ = _units(session, clerk, task_id)
    old = replace(_instruction(police, task_id), received_on=TODAY - timedelta(days=40))
    with pytest.raises(ValidationError, match="默认期限应为 2026-11-03"):
        supervision.raise_item(session, clerk, old)


def test_extension_must_come_before_the_deadline_and_refusal_keeps_it(
    session, clerk, leader, task_id, clock
) -> None:
    police, _ = _units(session, clerk, task_id)
    item_id = supervision.raise_item(session, clerk, _instruction(police, task_id))
    due = supervision.get_item(session, item_id, TODAY).reply_due
    ext = extensions.request_extension(session, clerk, item_id, due + timedelta(days=5), "人手不足")
    with pytest.raises(ValidationError, match="尚未办完"):
        extensions.request_extension(session, clerk, item_id, due + timedelta(days=9), "再延")
    extensions.check_extension(session, clerk, ext, True, "属实")
    with pytest.raises(ValidationError, match="写明理由"):
        extensions.decide_extension(session, leader, ext, False)
    extensions.decide_extension(session, leader, ext, False, "理由不充分，按期办结")
    assert supervision.get_item(session, item_id, TODAY).reply_due == due
    late = _advance(clock, (due - TODAY).days + 1)
    with pytest.raises(ValidationError, match="前提出"):
        extensions.request_extension(session, clerk, item_id, due + timedelta(days=9), "再延")
    assert supervision.get_item(session, item_id, late).state == "逾期未回复"


def test_urge_interval_and_reminders(session, clerk, admin, task_id, clock) -> None:
    police, _ = _units(session, clerk, task_id)
    data = replace(_instruction(police, task_id), reply_due=TODAY + timedelta(days=10))
    item_id = supervision.raise_item(session, clerk, data)
    returns.urge_item(session, clerk, item_id, "电话催办")
    _advance(clock, 6)
    with pytest.raises(ValidationError, match="距今 6 天，未满两次催办的最短间隔 7 天"):
        returns.urge_item(session, clerk, item_id)
    assert reminders.due_reminders(session, clock.today()) == []  # 4 days left: not yet
    today = _advance(clock, 1)
    returns.urge_item(session, clerk, item_id)
    (due,) = reminders.due_reminders(session, today)
    assert (due.item_id, due.days_left, due.unit) == (item_id, 3, "市公安局")
    assert "还有 3 天到期" in due.text
    settings.save_item_rules(session, admin, settings.ItemRules(remind_before_days=0))
    assert reminders.due_reminders(session, today) == []
    # The chain's own 催办 of a task keep the same interval.
    remind = SupervisionInput(SupervisionKind.REMINDER, police, "请报告进度。", None, (task_id,))
    supervision.raise_item(session, clerk, remind)
    with pytest.raises(ValidationError, match="任务 02-01 已于 2026-12-05 催办，距今 0 天"):
        supervision.raise_item(session, clerk, remind)


def test_reply_cannot_be_returned_before_it_comes_or_recorded_twice(
    session, clerk, task_id
) -> None:
    police, _ = _units(session, clerk, task_id)
    data = replace(_instruction(police, task_id), reply_due=TODAY + timedelta(days=2))
    item_id = supervision.raise_item(session, clerk, data)
    with pytest.raises(ValidationError, match="没有可退回"):
        returns.return_reply(session, clerk, item_id, "不合格")
    supervision.record_reply(session, clerk, item_id, TODAY, "已办。")
    with pytest.raises(ValidationError, match="已登记回复"):
        supervision.record_reply(session, clerk, item_id, TODAY, "再办。")
    with pytest.raises(ValidationError, match="退办理由"):
        returns.return_reply(session, clerk, item_id, " ")
    returns.return_reply(session, clerk, item_id, "未答复经费来源")
    item = supervision.get_item(session, item_id, TODAY)
    assert item.reply_due == TODAY + timedelta(days=5) and item.first_due == data.reply_due
    assert item.reply_received_on is None and item.state == "退回补办"
    with pytest.raises(ValidationError, match="主办单位不必"):
        supervision.raise_item(session, clerk, _instruction(police, task_id, co_unit_ids=(police,)))


def test_approved_extension_moves_the_task_deadline_and_lamp(
    session, clerk, leader, task_id, clock
) -> None:
    """The task's 完成时限 follows the approved date when it fell before it; a later one stands.
    Both dates stay on the record: the task's timeline, the item's 延期 and the 延期复函."""
    police, _ = _units(session, clerk, task_id)
    project = tasks.list_projects(session)[0].id
    near = tasks.create_task(session, clerk, tasks.TaskInput(
        code="02-02", project_id=project, title="雪亮工程联网", lead_unit_id=police,
        start=date(2026, 1, 1), deadline=TODAY + timedelta(days=2)))  # fmt: skip
    later = tasks.create_task(session, clerk, tasks.TaskInput(
        code="02-03", project_id=project, title="人脸识别点位", lead_unit_id=police,
        start=date(2026, 1, 1), deadline=date(2027, 6, 30)))  # fmt: skip
    (row,) = task_rows(session, TODAY, TaskFilter(task_ids=(near,)))
    assert "距完成时限仅剩 2 天" in row.lamp.reasons
    data = replace(_instruction(police, task_id), task_ids=(task_id, near, later))
    item_id = supervision.raise_item(session, clerk, data)
    new_due = date(2027, 1, 10)
    ext = extensions.request_extension(session, clerk, item_id, new_due, "需财政局核定经费")
    extensions.check_extension(session, clerk, ext, True, "情况属实")
    extensions.decide_extension(session, leader, ext, True, "同意")

    rows = {
        r.code: r for r in task_rows(session, TODAY, TaskFilter(task_ids=(task_id, near, later)))
    }
    assert rows["02-01"].deadline == rows["02-02"].deadline == new_due
    assert rows["02-03"].deadline == date(2027, 6, 30)  # already later: unchanged
    assert rows["02-02"].status == TaskStatus.EXTENDED
    assert not any(r.startswith("距完成时限") for r in rows["02-02"].lamp.reasons)
    (asked,) = extensions.extensions_of(session, item_id)
    assert asked.task_moves == (
        ("02-01", date(2026, 12, 31), new_due),
        ("02-02", TODAY + timedelta(days=2), new_due),
    )
    events = [e for e in timeline.timeline(session, near) if e.kind == "延期"]
    assert [e.title for e in events] == [
        "任务 02-02 完成时限由 2026-11-30 延至 2027-01-10："
        f"督办事项 #{item_id}（领导批示）延期经{leader.label}批准"
    ]
    assert not [e for e in timeline.timeline(session, later) if e.kind == "延期"]
    letter = documents.draft_for_item(session, clerk, item_id, documents.EXTENSION)
    body = "".join(map(str, notices.get_document(session, letter).model.body))
    assert "02-02号任务完成时限相应由2026年11月30日调整为2027年1月10日" in body


def test_the_register_exports_as_a_formula_safe_table_and_prints(
    session, clerk, task_id, tmp_path
) -> None:
    """督查事项登记簿 as XLSX through the ledger export's writer (formula-looking text stays text)
    set up to print, and as a PDF through the layout engine."""
    import openpyxl

    from desktop.services.excel.export import export_register
    from desktop.services.sheet_guard import risky

    police, finance = _units(session, clerk, task_id)
    hostile = '=HYPERLINK("http://x","点此")'
    data = replace(_instruction(police, task_id, co_unit_ids=(finance,)), requirement=hostile)
    item_id = supervision.raise_item(session, clerk, data)
    path = tmp_path / "登记簿.xlsx"
    assert export_register(session, path) == 1
    sheet = openpyxl.load_workbook(path)["督查事项登记簿"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["编号", "类别", "任务来源", "来文文号/批示", "收文时间", "主办单位",
                          "协办单位", "督办事项"]  # fmt: skip
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert row["编号"].value == item_id and row["任务来源"].value == "领导批示"
    assert row["协办单位"].value == "市财政局" and row[
        "原定期限"
    ].value.date() == TODAY + timedelta(days=14)
    cell = row["督办事项"]
    assert cell.value == hostile and cell.data_type == "s" and cell.quotePrefix and risky(hostile)
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"
    pdf = documents.register_pdf(session)
    assert pdf.startswith(b"%PDF")


def test_the_desk_counts_each_ask_of_an_item_resubmissions_and_periodic_reports(
    session, clerk, task_id, clock
) -> None:
    """减负: an item asks its reply once, again for each 补办 after a 退办, and once a week while
    open when it reports weekly; the yearly count (printed in the 考核结果通报) says so."""
    from db.models import SupervisionItem
    from desktop.services.assessment.burden import item_asks, requests_by_unit

    police, _ = _units(session, clerk, task_id)
    data = replace(_instruction(police, task_id), reply_due=TODAY + timedelta(days=20))
    item_id = supervision.raise_item(session, clerk, data)  # 每周报告
    day = _advance(clock, 15)
    supervision.record_reply(session, clerk, item_id, day, "已排查。")
    returns.return_reply(session, clerk, item_id, "未附补点方案")
    item = session.get(SupervisionItem, item_id)
    assert item_asks(item, date(2026, 1, 1), day) == 1 + 1 + 2  # reply, 补办, two weeks
    (row,) = [r for r in requests_by_unit(session, 2026, day) if r.unit == "市公安局"]
    assert row.replies == 4
