"""The demo's escalation story: reminders, a late reply, two interviews (one fails), two meetings.

Each step runs on its own past day (the services read the day from the session's clock), in
date order, so document numbers follow the calendar as they would in a real office.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Task
from desktop.services import meetings, supervision
from desktop.services.auth import Actor
from desktop.services.clock import FixedClock, clock_of
from desktop.services.demo.accountability import accountability_story
from desktop.services.escalation import documents as escalation_documents
from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import (
    InterviewNotice,
    InterviewRecord,
)
from desktop.services.meetings import MeetingInput, MeetingKind
from desktop.services.notices import issuing
from desktop.services.supervision import SupervisionInput, SupervisionKind, SupervisionOrigin

Step = tuple[int, int, Callable[[], None]]  # days ago, hour, action


class Story:
    def __init__(self, session: Session, actor: Actor) -> None:
        self.session, self.actor = session, actor
        self.today = clock_of(session).today()
        self.steps: list[Step] = []
        self.ids: dict[str, int] = {}
        self.issued = 0

    def on(self, days_ago: int, action: Callable[[], None], hour: int = 10) -> None:
        self.steps.append((days_ago, hour, action))

    def day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)

    def task(self, code: str) -> Task:
        task = self.session.scalar(select(Task).where(Task.code == code))
        assert task is not None, code
        return task

    def issue(self, doc_id: int) -> None:
        issuing.issue(self.session, self.actor, doc_id)
        self.issued += 1

    def run(self) -> int:
        saved = self.session.info.get("clock")
        try:
            for days_ago, hour, action in sorted(self.steps, key=lambda s: (-s[0], s[1])):
                moment = datetime.combine(self.day(days_ago), time(hour, 0))
                self.session.info["clock"] = FixedClock(moment)
                action()
        finally:
            self.session.info["clock"] = saved
        return self.issued


def build_story(session: Session, actor: Actor) -> int:
    """Add the story to a freshly built demo ledger; returns how many documents it issued."""
    story = Story(session, actor)
    _meeting(
        story,
        75,
        "lg",
        MeetingKind.LEADING_GROUP,
        "市平安建设领导小组2026年第三次全体会议",
        "市委常委会议室",
        "陈立群",
        "林振邦、周明远、何佩玲、唐启航",
        "市财政局局长（外出学习）",
        "各牵头单位分管负责同志、市平安办全体人员",
        "听取十大重点工程三季度推进情况汇报，研究滞后任务督办和资金保障问题",
        [
            ("市应急管理局牵头，10月31日前完成城镇燃气老旧管网改造计划的调整报批", "04-02", 45),
            ("市财政局会同各牵头单位，9月底前将下达资金全部拨付到项目", None, 0),
            ("市住房和城乡建设局牵头，11月15日前完成高层住宅消防设施整改排查", "05-03", 60),
        ],
    )
    story.on(
        50, lambda: _answer(story, "lg-0", 50, "调整后的改造计划已报市政府批准，正在组织招标。")
    )
    _reminder(story, 60, "01-03", "已召开专题推进会，调处中心建设进度已加快")
    _reminder(story, 60, "07-04", "")
    _late_notice(story, 55, "05-03")
    _interview(story, "09-02", 50, succeed=True)
    _interview(story, "04-01", 70, succeed=False)
    _meeting(
        story,
        20,
        "consult",
        MeetingKind.CONSULTATION,
        "电动自行车充电设施建设专题会商",
        "市平安办会议室",
        "唐启航",
        "市住房和城乡建设局、市应急管理局、市财政局、市城市管理局",
        "",
        "市平安办督查科",
        "研究电动自行车集中充电设施选址和补助资金问题",
        [
            ("市住房和城乡建设局12月20日前完成充电设施选址并报送进度", "05-02", 32),
            ("市财政局12月10日前明确充电设施建设补助资金", None, 0),
        ],
    )
    from desktop.services.demo.items import add_items  # late: it builds on Story

    add_items(story)
    return story.run()


def _meeting(
    story: Story,
    days_ago: int,
    key: str,
    kind: MeetingKind,
    title: str,
    place: str,
    chair: str,
    present: str,
    absent: str,
    attending: str,
    topics: str,
    decisions: list[tuple[str, str | None, int]],
) -> None:
    def hold() -> None:
        s, a = story.session, story.actor
        meeting = meetings.create_meeting(
            s,
            a,
            MeetingInput(
                kind, title, story.day(days_ago), place, chair, present, absent, attending, topics
            ),
        )
        for index, (content, code, due_in) in enumerate(decisions):
            unit = story.task(code).lead_unit_id if code else None
            due = story.day(days_ago - due_in) if code else None
            decision = meetings.add_decision(s, a, meeting, content, unit, due)
            if unit is not None:
                story.ids[f"{key}-{index}"] = meetings.supervise_decision(s, a, decision)
        story.ids[key] = meeting

    def minutes() -> None:
        story.issue(escalation_documents.draft_minutes(story.session, story.actor, story.ids[key]))

    story.on(days_ago, hold, hour=9)
    story.on(days_ago - 1, minutes)


def _answer(story: Story, key: str, days_ago: int, reply: str) -> None:
    """A unit answers a supervision item on time and the office closes it."""
    supervision.record_reply(story.session, story.actor, story.ids[key], story.day(days_ago), reply)
    supervision.close_item(story.session, story.actor, story.ids[key])


def _reminder(story: Story, days_ago: int, code: str, reply: str) -> None:
    key = f"remind-{code}"

    def send() -> None:
        s, a, task = story.session, story.actor, story.task(code)
        item = supervision.raise_item(
            s,
            a,
            SupervisionInput(
                SupervisionKind.REMINDER,
                task.lead_unit_id,
                f"请报告“{task.title}”滞后原因和下一步措施。",
                story.day(days_ago - 7),
                (task.id,),
                "亮黄灯：进度滞后序时进度",
                SupervisionOrigin.LAMP,
            ),
        )
        story.issue(escalation_documents.draft_for_supervision(s, a, item))
        story.ids[key] = item

    def answer() -> None:
        supervision.record_reply(
            story.session, story.actor, story.ids[key], story.day(days_ago - 5), reply
        )
        supervision.close_item(story.session, story.actor, story.ids[key])

    story.on(days_ago, send)
    if reply:
        story.on(days_ago - 5, answer)


def _late_notice(story: Story, days_ago: int, code: str) -> None:
    key = f"notice-{code}"

    def send() -> None:
        s, a, task = story.session, story.actor, story.task(code)
        item = supervision.raise_item(
            s,
            a,
            SupervisionInput(
                SupervisionKind.NOTICE,
                task.lead_unit_id,
                "请于10日内书面报告整改节点逾期原因及整改措施。",
                story.day(days_ago - 10),
                (task.id,),
                "亮红灯：节点逾期",
                SupervisionOrigin.LAMP,
            ),
        )
        story.issue(escalation_documents.draft_for_supervision(s, a, item))
        story.ids[key] = item

    def late_reply() -> None:
        supervision.record_reply(
            story.session,
            story.actor,
            story.ids[key],
            story.day(days_ago - 15),
            "已成立整改专班，计划12月底前完成剩余整改。",
        )

    story.on(days_ago, send)
    story.on(days_ago - 15, late_reply)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _interview(story: Story, code: str, start: int, succeed: bool) -> None:
    key = f"interview-{code}"
    held_ago = start - 5

    def draft_and_issue(role: str) -> None:
        story.issue(
            escalation_documents.draft_for_interview(
                story.session, story.actor, story.ids[key], role
            )
        )

    def notify() -> None:
        s, a, task = story.session, story.actor, story.task(code)
        unit = task.lead_unit
        interview = interviews.propose(
            s, a, unit.id, f"“{task.title}”任务连续亮红灯，督办后仍未明显改善。", (task.id,)
        )
        interviews.schedule(
            s,
            a,
            interview,
            InterviewNotice(
                _at(story.day(held_ago), 9, 30),
                "市委政法委三楼会议室",
                "陈立群",
                "市委常委、政法委书记",
                f"{unit.name}主要负责同志及分管负责同志",
                "任务推进情况、滞后原因分析和整改方案",
                "刘建华 0715-8201101",
            ),
        )
        story.ids[key] = interview
        draft_and_issue("notice")

    def hold() -> None:
        s, a, task = story.session, story.actor, story.task(code)
        interviews.record_held(
            s,
            a,
            story.ids[key],
            InterviewRecord(
                _at(story.day(held_ago), 9, 30),
                "市平安办 李明、王静",
                "李明",
                f"“{task.title}”进度严重滞后，节点多次逾期；组织推进不力，部门协调不畅。",
                f"{task.lead_unit.name}负责同志表示诚恳接受约谈，将举全局之力抓整改。",
                "一个月内完成整改，每半月报送一次整改进展。",
            ),
        )
        draft_and_issue("record")
        interviews.order_rectification(
            s,
            a,
            story.ids[key],
            "成立整改专班；倒排工期，明确到人；每半月报送整改进展。",
            story.day(held_ago - 30),
        )
        draft_and_issue("rectification")

    def follow_up() -> None:
        interviews.add_follow_up(
            story.session,
            story.actor,
            story.ids[key],
            story.day(start - 30),
            "整改专班已完成系统部署，药品零售企业接入率提升至82%。",
        )

    def verify() -> None:
        interviews.verify_closed(
            story.session, story.actor, story.ids[key], "经现场核查和系统抽查，整改到位。"
        )

    def fail() -> None:
        interviews.mark_failed(
            story.session, story.actor, story.ids[key], "整改期限届满，仅完成计划的四成。"
        )

    story.on(start, notify)
    story.on(held_ago, hold, hour=11)
    if succeed:
        story.on(start - 30, follow_up)
        story.on(start - 33, verify)
    else:
        story.on(held_ago - 31, fail)
        accountability_story(story, key, code, held_ago - 31)
