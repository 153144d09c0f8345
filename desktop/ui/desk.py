"""What every page works on: the open ledger, the clock and the signed-in actor."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from desktop.services.auth import Actor, Permission
from desktop.services.clock import Clock
from desktop.services.ledger import Ledger

if TYPE_CHECKING:
    from desktop.services.lamps.forecast import Forecast

LARGE_LEDGER = 2000
# Above this many tasks the 工作台 (where a sign-in lands) reads in a worker: 0.3–0.6 s of
# frozen window at 2,000 tasks when it read on the GUI thread (bench/gui_stalls.py).
SMALL_LEDGER = 200


@dataclass
class Desk:
    ledger: Ledger
    clock: Clock
    actor: Actor
    lock: Any = None  # the QLockFile this desk holds on its ledger file (None: a server)
    # Bumped by MainWindow.data_changed (every write, F5): what was read before it is stale.
    generation: int = 0
    _forecast: tuple[tuple[int, date], list[Forecast]] | None = field(default=None, repr=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.ledger.session() as session:
            yield session

    @property
    def today(self) -> date:
        return self.clock.today()

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)

    @property
    def can_edit(self) -> bool:
        return self.actor.can(Permission.EDIT_LEDGER)

    def task_count(self) -> int:
        from desktop.services.overview import task_count

        with self.session() as session:  # a count only: asking must not cost what it avoids
            return task_count(session)

    def is_large(self) -> bool:
        """Over a few thousand tasks, queries that compute every lamp take seconds (measured by
        bench/ledger_window.py), so pages run them off the GUI thread."""
        return self.task_count() > LARGE_LEDGER

    def forecast(self) -> list[Forecast]:
        """预警 for today, computed once per generation: the 工作台's list and the 任务台账's
        column and filter show the same one (a quarter of a second at 2,000 tasks)."""
        from desktop.services.lamps.forecast import forecast

        key = (self.generation, self.today)
        memo = self._forecast
        if memo is not None and memo[0] == key:
            return memo[1]
        with self.session() as session:
            found = forecast(session, key[1])
        self._forecast = (key, found)
        return found

    @property
    def location(self) -> str:
        return self.ledger.location
