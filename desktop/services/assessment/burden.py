"""减负: how many times, per unit and year, the desk asked the unit for data or a written reply.

The 2024 rules (《整治形式主义为基层减负若干规定》) want a unit asked once for the same material
(同类材料最多报一次). The desk counts what it asked: the months it sent a progress template (one
sheet a month, however many tasks), the 督办/催办 that wanted a written reply (and again each
补办 after a 退办, and each weekly or monthly report a 督办事项's 报送频次 asks for), the 约谈
notices that asked for materials, and the rectification reports it ordered. The yearly 考核结果通报
prints the count beside the results.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models import Interview, ReportFrequency, SupervisionItem, Unit
from desktop.services.assessment.facts import gather


@dataclass(frozen=True)
class UnitRequests:
    unit_id: int
    unit: str
    reports: int  # months asked for the progress report
    replies: int  # 督办/催办 asking for a written reply, 补办, an item's periodic reports
    materials: int  # 约谈 notices asking for materials
    rectifications: int  # rectification reports ordered

    @property
    def total(self) -> int:
        return self.reports + self.replies + self.materials + self.rectifications


def item_asks(item: SupervisionItem, first: date, day: date) -> int:
    """What one 督办事项 asked of its 主办单位 between ``first`` and ``day``: the written reply
    (when raised in the span), each 补办 after a 退办, and each weekly or monthly report its
    报送频次 asks for while it stays open (按阶段 and 办结时 reports are the reply itself)."""
    asks = int(first <= item.raised_on <= day)
    asks += sum(first <= r.returned_on <= day for r in item.returns)
    step = {ReportFrequency.WEEKLY: 7, ReportFrequency.MONTHLY: 30}.get(item.report_every)
    if step:
        end = min(item.closed_on or day, day)
        asks += sum(
            first <= item.raised_on + timedelta(days=n) <= end
            for n in range(step, (end - item.raised_on).days + 1, step)
        )
    return asks


def requests_by_unit(session: Session, year: int, day: date) -> list[UnitRequests]:
    """Every unit the desk asked for anything in the year up to ``day``, most asked first."""
    first = date(year, 1, 1)
    months = {u: len(f.report_months) for u, f in gather(session, year, day).items()}
    replies: dict[int, int] = defaultdict(int)
    for item in session.scalars(
        select(SupervisionItem)
        .where(SupervisionItem.raised_on <= day)
        .options(selectinload(SupervisionItem.returns))
    ):
        replies[item.unit_id] += item_asks(item, first, day)
    materials: dict[int, int] = defaultdict(int)
    orders: dict[int, int] = defaultdict(int)
    for interview in session.scalars(select(Interview).where(Interview.proposed_on <= day)):
        if interview.scheduled_at and first <= interview.scheduled_at.date() <= day:
            materials[interview.unit_id] += bool(interview.to_bring.strip())
        if interview.held_at and interview.rectification_due and first <= interview.held_at.date():
            orders[interview.unit_id] += interview.held_at.date() <= day
    ids = set(months) | set(replies) | set(materials) | set(orders)
    names = {
        unit_id: name
        for unit_id, name in session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(ids)))
    }
    found = [
        UnitRequests(
            u, names[u], months.get(u, 0), replies[u], materials[u], orders[u]
        )  # fmt: skip
        for u in ids
    ]
    return sorted(found, key=lambda r: (-r.total, r.unit))
