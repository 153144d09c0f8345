"""The clock is injected: logic asks the session's clock, never the wall."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Clock(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)

    def today(self) -> date:
        return date.today()


@dataclass
class FixedClock:
    """A clock that says what it is told: for tests, the demo, and `--today`."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()


SYSTEM_CLOCK = SystemClock()


def clock_of(session: Session) -> Clock:
    clock = session.info.get("clock")
    return clock if clock is not None else SYSTEM_CLOCK
