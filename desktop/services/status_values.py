"""The plain values `duban status` prints (lamp roll-ups per project and lead unit, red tasks,
督办事项 reminders), light to import: the services fill them through the ORM (overview,
supervision.reminders), quick_status straight from SQLite."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from db.enums import LampColor

if TYPE_CHECKING:
    from desktop.services.overview import TaskRow


def worst(colors: list[LampColor]) -> LampColor:
    return max(colors, key=lambda c: c.severity, default=LampColor.GREEN)


@dataclass
class RollUp:
    """Lamp counts for a project or a lead unit; its lamp is the worst of its tasks."""

    id: int
    code: str
    name: str
    lead_unit: str
    counts: dict[LampColor, int] = field(default_factory=lambda: {c: 0 for c in LampColor})
    tasks: int = 0
    done: int = 0
    red_reasons: list[str] = field(default_factory=list)
    # Sums for the dashboard's charts: mean progress and money per project or unit.
    schedule_sum: float = 0.0
    reported_sum: float = 0.0
    budget: Decimal = Decimal(0)
    arrived: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)

    @property
    def lamp(self) -> LampColor:
        return worst([c for c, n in self.counts.items() if n])

    @property
    def mean_schedule(self) -> float:
        return self.schedule_sum / self.tasks if self.tasks else 0.0

    @property
    def mean_reported(self) -> float:
        """Mean reported progress, a task with no report counting as 0."""
        return self.reported_sum / self.tasks if self.tasks else 0.0

    def add(self, row: TaskRow) -> None:
        self.tasks += 1
        self.done += row.lamp.done
        self.counts[row.lamp.color] += 1
        self.schedule_sum += row.lamp.schedule_pct
        self.reported_sum += float(row.reported_pct or 0)
        self.budget += row.funds.budget
        self.arrived += row.funds.arrived
        self.spent += row.funds.spent
        if row.lamp.color == LampColor.RED:
            self.red_reasons.append(f"{row.code} {row.title}：{row.lamp.reason_text}")


@dataclass(frozen=True)
class RedTask:
    """A red task as status lists it, with its reasons joined."""

    code: str
    title: str
    lead_unit: str
    reason_text: str


@dataclass
class LampOverview:
    """What `duban status` prints: task count, roll-ups per project and lead unit, red tasks."""

    total: int
    projects: list[RollUp]
    units: list[RollUp]
    reds: list[RedTask]


@dataclass(frozen=True)
class DueReminder:
    """A 督办事项 whose reply falls due within the reminder days."""

    item_id: int
    unit: str
    leader: str  # 分管领导; "" when none is named
    due: date
    days_left: int
    requirement: str

    @property
    def text(self) -> str:
        when = "今天到期" if self.days_left == 0 else f"还有 {self.days_left} 天到期"
        return f"督办事项 #{self.item_id}（{self.unit}）{when}（{self.due:%Y-%m-%d}）"


@dataclass(frozen=True)
class PendingApproval:
    """A 延期 request that passed its check and waits for a leader."""

    extension_id: int
    item_id: int
    unit: str
    old_due: date
    new_due: date
    reason: str
