"""What every page works on: the open ledger, the clock and the signed-in actor."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.services.auth import Actor, Permission
from desktop.services.clock import Clock
from desktop.services.ledger import Ledger

LARGE_LEDGER = 2000


@dataclass
class Desk:
    ledger: Ledger
    clock: Clock
    actor: Actor
    lock: Any = None  # the QLockFile this desk holds on its ledger file (None: a server)

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

    def is_large(self) -> bool:
        """Over a few thousand tasks, queries that compute every lamp take seconds (measured by
        bench/ledger_window.py), so pages run them off the GUI thread."""
        from desktop.services.overview import task_count

        with self.session() as session:  # a count only: asking must not cost what it avoids
            return task_count(session) > LARGE_LEDGER

    @property
    def location(self) -> str:
        return self.ledger.location
