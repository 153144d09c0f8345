"""The first three stages: 约谈通知 (notice), 约谈记录 (record), 限期整改 (rectification ordered)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtWidgets import QLineEdit
from sqlalchemy.orm import Session

from desktop.services.interviews import corrections as interview_corrections
from desktop.services.interviews import lifecycle as interviews
from desktop.services.interviews.lifecycle import InterviewInfo, InterviewNotice, InterviewRecord
from desktop.services.interviews.lifecycle import InterviewStatus as S
from desktop.ui.forms import date_edit, date_of
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.interviews.stage import (
    CURRENT,
    DONE,
    LATER,
    Stage,
    datetime_edit,
    datetime_of,
    set_datetime,
    set_text,
    text_edit,
    text_of,
)

AFTER_NOTICE = {S.HELD, S.RECTIFYING, S.CLOSED, S.FAILED, S.ESCALATED, S.WAIVED}
AFTER_HELD = {S.RECTIFYING, S.CLOSED, S.FAILED, S.ESCALATED, S.WAIVED}


class NoticeStage(Stage):
    title_text = QT_TR_NOOP("一、约谈通知")
    action_label = QT_TR_NOOP("发约谈通知")
    doc_role = "notice"
    doc_label = QT_TR_NOOP("生成约谈通知书")
    correct_tip = QT_TR_NOOP("通知发出后、登记约谈记录前，可改期或更正地点、约谈人等。")

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.field("scheduled_at", QT_TR_NOOP("约谈时间"), datetime_edit())
        self.field("place", QT_TR_NOOP("地点"), QLineEdit())
        self.field("interviewer", QT_TR_NOOP("约谈人"), QLineEdit())
        self.field("interviewer_title", QT_TR_NOOP("约谈人职务"), QLineEdit())
        self.field("summoned", QT_TR_NOOP("被约谈人"), QLineEdit())
        self.field("to_bring", QT_TR_NOOP("需携带材料"), QLineEdit())
        self.field("contact", QT_TR_NOOP("联系人及电话"), QLineEdit())
        self.finish()

    def state_of(self, info: InterviewInfo) -> str:
        return CURRENT if info.status == S.PROPOSED else DONE

    def why_not_correct(self, info: InterviewInfo) -> str:
        if info.status == S.PROPOSED:
            return tr("约谈通知尚未发出：直接填写后点“发约谈通知”。")
        if info.status != S.NOTIFIED:
            return tr("已登记约谈记录，约谈通知不能再改。")
        return ""

    def fill(self, info: InterviewInfo, state: str) -> None:
        n = info.notice
        if n is None:
            when = datetime.combine(self.desk.today + timedelta(days=3), time(9, 30))
            n = InterviewNotice(when, "", "", "", tr("{u}主要负责人").format(u=info.unit))
        set_datetime(self.fields["scheduled_at"], n.scheduled_at)  # type: ignore[arg-type]
        for key in ("place", "interviewer", "interviewer_title", "summoned", "to_bring", "contact"):
            set_text(self.fields[key], getattr(n, key))

    def can_draft(self, info: InterviewInfo) -> bool:
        return info.notice is not None

    def notice(self) -> InterviewNotice:
        f = self.fields
        return InterviewNotice(
            datetime_of(f["scheduled_at"]),  # type: ignore[arg-type]
            place=text_of(f["place"]),
            interviewer=text_of(f["interviewer"]),
            interviewer_title=text_of(f["interviewer_title"]),
            summoned=text_of(f["summoned"]),
            to_bring=text_of(f["to_bring"]),
            contact=text_of(f["contact"]),
        )

    def act(self) -> None:
        if self.info is None:
            return
        notice, iid = self.notice(), self.info.id
        self.write(lambda s: interviews.schedule(s, self.desk.actor, iid, notice))

    def correction(self, session: Session, interview_id: int) -> str:
        return interview_corrections.correct_notice(
            session, self.desk.actor, interview_id, self.notice()
        )


class RecordStage(Stage):
    title_text = QT_TR_NOOP("二、约谈记录")
    action_label = QT_TR_NOOP("登记约谈记录")
    doc_role = "record"
    doc_label = QT_TR_NOOP("生成约谈记录")
    correct_tip = QT_TR_NOOP("下达限期整改前，可更正约谈记录。")

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.field("held_at", QT_TR_NOOP("约谈时间"), datetime_edit())
        self.field("attendees", QT_TR_NOOP("参加人员"), QLineEdit())
        self.field("recorder", QT_TR_NOOP("记录人"), QLineEdit())
        self.field("problems", QT_TR_NOOP("存在问题"), text_edit())
        self.field("statements", QT_TR_NOOP("表态发言"), text_edit())
        self.field("commitments", QT_TR_NOOP("整改承诺"), text_edit())
        self.finish()

    def state_of(self, info: InterviewInfo) -> str:
        if info.status == S.NOTIFIED:
            return CURRENT
        return DONE if info.status in AFTER_NOTICE else LATER

    def fill(self, info: InterviewInfo, state: str) -> None:
        r = info.record
        if r is None:
            when = info.notice.scheduled_at if info.notice else self.desk.clock.now()
            r = InterviewRecord(min(when, self.desk.clock.now()), "", "", info.reason, "", "")
        set_datetime(self.fields["held_at"], r.held_at)  # type: ignore[arg-type]
        for key in ("attendees", "recorder", "problems", "statements", "commitments"):
            set_text(self.fields[key], getattr(r, key))

    def can_draft(self, info: InterviewInfo) -> bool:
        return info.record is not None

    def why_not_correct(self, info: InterviewInfo) -> str:
        if info.status in (S.PROPOSED, S.NOTIFIED):
            return tr("尚未登记约谈记录。")
        if info.status != S.HELD:
            return tr("已下达限期整改，约谈记录不能再改。")
        return ""

    def record(self) -> InterviewRecord:
        f = self.fields
        return InterviewRecord(
            datetime_of(f["held_at"]),  # type: ignore[arg-type]
            attendees=text_of(f["attendees"]),
            recorder=text_of(f["recorder"]),
            problems=text_of(f["problems"]),
            statements=text_of(f["statements"]),
            commitments=text_of(f["commitments"]),
        )

    def act(self) -> None:
        if self.info is None:
            return
        record, iid = self.record(), self.info.id
        self.write(lambda s: interviews.record_held(s, self.desk.actor, iid, record))

    def correction(self, session: Session, interview_id: int) -> str:
        return interview_corrections.correct_record(
            session, self.desk.actor, interview_id, self.record()
        )


class RectificationStage(Stage):
    title_text = QT_TR_NOOP("三、限期整改")
    action_label = QT_TR_NOOP("下达限期整改")
    doc_role = "rectification"
    doc_label = QT_TR_NOOP("生成限期整改通知书")
    correct_tip = QT_TR_NOOP("单位报送整改情况前，可更正整改要求和期限（期限已过的不能再改期限）。")

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.field("measures", QT_TR_NOOP("整改要求"), text_edit(64))
        self.field("due", QT_TR_NOOP("整改期限"), date_edit())
        self.finish()

    def state_of(self, info: InterviewInfo) -> str:
        if info.status == S.HELD:
            return CURRENT
        return DONE if info.status in AFTER_HELD else LATER

    def fill(self, info: InterviewInfo, state: str) -> None:
        measures = info.measures or (info.record.commitments if info.record else "")
        set_text(self.fields["measures"], measures)
        due = info.rectification_due or self.desk.today + timedelta(days=30)
        self.fields["due"].setDate(due)  # type: ignore[attr-defined]

    def can_draft(self, info: InterviewInfo) -> bool:
        return info.rectification_due is not None

    def why_not_correct(self, info: InterviewInfo) -> str:
        if info.status in (S.PROPOSED, S.NOTIFIED, S.HELD):
            return tr("尚未下达限期整改。")
        if info.status != S.RECTIFYING:
            return tr("整改已{s}，整改要求不能再改。").format(s=tr(info.status.label))
        if info.follow_ups:
            return tr("单位已报送整改情况，整改要求和期限不能再改。")
        return ""

    def correction(self, session: Session, interview_id: int) -> str:
        measures = text_of(self.fields["measures"])
        due = date_of(self.fields["due"])  # type: ignore[arg-type]
        return interview_corrections.correct_rectification(
            session, self.desk.actor, interview_id, measures, due
        )

    def act(self) -> None:
        if self.info is None:
            return
        measures = text_of(self.fields["measures"])
        due = date_of(self.fields["due"])  # type: ignore[arg-type]
        iid = self.info.id
        self.write(lambda s: interviews.order_rectification(s, self.desk.actor, iid, measures, due))
