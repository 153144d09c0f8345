"""减负: how many times, per unit and year, the desk asked the unit for data or a written reply.

The 2024 rules (《整治形式主义为基层减负若干规定》) want a unit asked once for the same material
(同类材料最多报一次). The desk counts what it asked: the months it sent a progress template (one
sheet a month, however many tasks), the 督办/催办 that wanted a written reply, the 约谈 notices
that asked for materials, and the rectification reports it ordered. The yearly 考核结果通报
prints the count beside the results.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Interview, SupervisionItem, Unit
from desktop.services.assessment.facts import gather


@dataclass(frozen=True)
class UnitRequests:
    unit_id: int
    unit: str
    reports: int  # months asked for the progress report
    replies: int  # 督办/催办 asking for a written reply
    materials: int  # 约谈 notices asking for materials
    rectifications: int  # rectification reports ordered

    @property
    def total(self) -> int:
        return self.reports + self.replies + self.materials + self.rectifications


def requests_by_unit(session: Session, year: int, day: date) -> list[UnitRequests]:
    """Every unit the desk asked for anything in the year up to ``day``, most asked first."""
    first = date(year, 1, 1)
    months = {u: len(f.report_months) for u, f in gather(session, year, day).items()}
    replies: dict[int, int] = defaultdict(int)
    for (unit_id,) in session.execute(
        select(SupervisionItem.unit_id).where(SupervisionItem.raised_on.between(first, day))
    ):
        replies[unit_id] += 1
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
