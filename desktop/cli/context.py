"""What every verb needs: the ledger (opened on first use), the clock and the acting user."""

from __future__ import annotations

import argparse
import getpass
import os
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.services import auth, identity
from desktop.services.auth import Actor
from desktop.services.clock import SYSTEM_CLOCK, Clock, FixedClock
from desktop.services.errors import ValidationError
from desktop.services.ledger import Ledger, open_ledger

# Exit codes: 0 done, 1 refused (the input or the ledger says no, in Chinese), 3 an internal
# error of the program (logged under the reference printed), so a script can tell them apart.
REFUSED, INTERNAL_ERROR = 1, 3


@dataclass
class CliContext:
    database: str | None
    clock: Clock
    username: str | None
    _ledger: Ledger | None = field(default=None, repr=False)
    _actor: Actor | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        clock: Clock = SYSTEM_CLOCK
        if args.today:
            try:
                day = date.fromisoformat(args.today)
            except ValueError as exc:
                raise SystemExit(f"错误：--today 应为 YYYY-MM-DD，收到“{args.today}”") from exc
            clock = FixedClock(datetime(day.year, day.month, day.day, 9, 0))
        return cls(args.database, clock, args.user)

    @property
    def ledger(self) -> Ledger:
        if self._ledger is None:
            self._ledger = open_ledger(self.database, self.clock)
        return self._ledger

    def reopen(self) -> Ledger:
        self.close()
        return self.ledger

    @property
    def actor(self) -> Actor:
        """Who the command acts as: a signed-in user with --user, else the local operator."""
        if self._actor is None:
            if self.username:
                password = os.environ.get("DUBAN_PASSWORD") or getpass.getpass(
                    f"用户 {self.username} 的密码："
                )
                with self.ledger.session() as session:
                    self._actor = identity.sign_in(session, self.username, password)
            else:
                self._actor = auth.system_actor(self.operator_label())
        return self._actor

    @staticmethod
    def operator_label() -> str:
        operator = os.environ.get("USER") or os.environ.get("USERNAME") or "本机"
        return f"命令行（{operator}）"

    def require_user_for_server(self) -> None:
        if self.database and "://" in self.database and not self.username:
            raise ValidationError("共享台账（数据库服务器）上的写操作需要用 --user 指定用户。")

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.dispose()
            self._ledger = None
