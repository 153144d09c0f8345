"""What every verb needs: the ledger (opened on first use), the clock and the acting user."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.services.clock import SYSTEM_CLOCK, Clock, FixedClock
from desktop.services.errors import DomainError, ValidationError
from desktop.services.ledger_address import (
    LedgerError,
    default_database,
    password_in,
    server_url_path,
    server_url_setting,
)

if TYPE_CHECKING:
    from desktop.services.auth import Actor
    from desktop.services.ledger import Ledger

# The ledger's services are imported when a verb first opens it: a bare `duban` paints the
# window's sign-in before SQLAlchemy and the ORM load (issue 11).


def database_of(given: str | None) -> str | None:
    """--database as given, refusing a server address with a password in it; without
    --database, a shared-ledger address kept in the user's 0600 settings file (if any)."""
    if given is None:
        try:
            return server_url_setting()
        except ValidationError as error:
            raise SystemExit(f"错误：{error}") from error
    if "://" in given and password_in(given):
        raise SystemExit(
            "错误：--database 的地址中不能带密码：命令行参数会被本机其他用户从进程列表中看到，"
            "也会留在命令历史里。请去掉密码，改用 PostgreSQL 的密码文件（PGPASSFILE，默认 "
            "~/.pgpass，权限须为 0600），或把完整地址写入只有本人可读（0600）的 "
            f"{server_url_path()} 后不带 --database 运行。"
        )
    return given


# Exit codes: 0 done, 1 refused (the input or the ledger says no, in Chinese), 3 an internal
# error of the program (logged under the reference printed), 4 a write refused because the
# audit chain does not verify, so a script can tell them apart.
REFUSED, INTERNAL_ERROR, CHAIN_BROKEN = 1, 3, 4
log = logging.getLogger(__name__)


class ChainBroken(DomainError):
    """The ledger's audit chain did not verify when the command opened it: no writes."""


DB_PASSWORD_REFUSED = (
    "数据库服务器拒绝登录：没有提供密码，或密码不对。请把密码写进 PostgreSQL 的密码文件"
    "（PGPASSFILE，默认 ~/.pgpass，权限 0600），或在终端中运行、按提示输入"
    "（不要写在 --database 的地址里）。"
)


def _password_refused(error: BaseException) -> bool:
    from desktop.services.ledger_address import password_refused  # light: no ORM until asked

    return password_refused(error)


class CliContext:
    # A plain class, not a dataclass: its generated methods cost a cold `duban status` about
    # 4 ms (issue 11), and nothing compares or prints a context.
    def __init__(
        self, database: str | None, clock: Clock, username: str | None, today_given: bool = False
    ) -> None:
        self.database, self.clock, self.username = database, clock, username
        self.today_given = today_given
        self._ledger: Ledger | None = None
        self._actor: Actor | None = None
        self.chain_problem = ""  # what the check on open found (empty: the chain verified)
        # False for a verb that verifies the whole chain itself (duban audit): the check on open
        # would walk it once more first (a million entries: 13 s of its 26).
        self.check_chain_on_open = True
        self._signed_in_for = ""
        self._due = ""  # the signed-in user's password must change first
        self._writing = False  # a write asked to sign in (sign_in)
        self._password: str | None = None
        self.banner: list[str] | None = None  # the window logs the start-up banner itself

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        clock: Clock = SYSTEM_CLOCK
        if args.today:
            try:
                day = date.fromisoformat(args.today)
            except ValueError as exc:
                raise SystemExit(f"错误：--today 应为 YYYY-MM-DD，收到“{args.today}”") from exc
            clock = FixedClock(datetime(day.year, day.month, day.day, 9, 0))
        return cls(database_of(args.database), clock, args.user, today_given=bool(args.today))

    @property
    def opened(self) -> bool:
        return self._ledger is not None

    @property
    def ledger(self) -> Ledger:
        if self._ledger is None:
            from desktop.services.ledger import open_ledger

            self._ledger = self._open_asking_db_password(open_ledger)
            if self.today_given:
                self._refuse_today(self._ledger)
            if self.check_chain_on_open:
                self._check_chain(self._ledger)
            if self.username and self._actor is None and not (self._writing and self.chain_problem):
                # --user is checked whatever the verb: a reading verb given a wrong password
                # (or a locked name) is refused too, not run as the local operator instead.
                # A write on a broken chain is refused before anyone signs in (sign_in).
                self.sign_in(password_change=True, despite_broken_chain=True)
        return self._ledger

    def _open_asking_db_password(self, open_ledger: Callable[..., Ledger]) -> Ledger:
        """A server that wants a password the address does not carry (nor PGPASSFILE): asked
        at the terminal and handed to libpq as PGPASSWORD for this process only — never put on
        the command line or into the address. Without a terminal: say where to put it."""
        try:
            return open_ledger(self.database, self.clock)
        except LedgerError as exc:
            if not _password_refused(exc):
                raise
            if os.environ.get("PGPASSWORD") or not sys.stdin.isatty():
                raise LedgerError(DB_PASSWORD_REFUSED) from exc
        import getpass  # only when asked: not on the path of a command that prompts for nothing

        os.environ["PGPASSWORD"] = getpass.getpass("数据库的登录密码（不会显示）：")
        try:
            return open_ledger(self.database, self.clock)
        except LedgerError as exc:
            if _password_refused(exc):
                raise LedgerError(DB_PASSWORD_REFUSED) from exc
            raise

    def _check_chain(self, ledger: Ledger) -> None:
        """Verify the audit chain from where this desk last verified it (cheap on every open);
        a break is recorded once, warned about here, and refuses every write (sign_in)."""
        from desktop.services import audit_verify

        try:
            with ledger.session() as session:
                check = audit_verify.check_and_record(session, incremental=True)
        except Exception:  # noqa: BLE001 - an unreadable log is a break too, never a crash
            log.exception("audit chain check on open failed")
            self.chain_problem = "操作日志无法校验，日志可能被改动过。"
        else:
            self.chain_problem = "" if check.ok else check.message
        if self.chain_problem:
            print(f"警告：{self.chain_problem}（详情：duban audit）", file=sys.stderr)

    def _refuse_today(self, ledger: Ledger) -> None:
        from desktop.services import first_run

        with ledger.session() as session:
            real = first_run.holds_real_records(session)
        if real:
            ledger.dispose()
            self._ledger = None
            raise ValidationError(
                "--today 只用于演示台账和测试：该台账含有正式记录，操作日志的时间、公文的文号和"
                "日期一律取自系统时钟。请去掉 --today 再运行。"
            )

    def reopen(self) -> Ledger:
        self.close()
        return self.ledger

    @property
    def actor(self) -> Actor:
        """Who a writing command acts as: the user of --user, signed in (password from
        DUBAN_PASSWORD or a prompt) under the same lockout and audit as the window."""
        return self.sign_in()

    def sign_in(
        self,
        password_change: bool = False,
        ledger: Ledger | None = None,
        despite_broken_chain: bool = False,
    ) -> Actor:
        """``password_change``: the verb is the change itself, so a password that is due (reset
        by an admin, or too old) does not stop it. A ledger whose audit chain did not verify
        takes no writes, except a restore (``despite_broken_chain``), which replaces it."""
        if ledger is None and not despite_broken_chain:
            self._writing = True
        if ledger is None and not despite_broken_chain and self.ledger and self.chain_problem:
            raise ChainBroken(
                f"操作日志校验未通过，本命令不写入台账：{self.chain_problem}"
                "请由审计管理员核查（duban audit），必要时由系统管理员从备份恢复。"
            )
        username = self.username
        if self._actor is None:
            if not username:
                raise ValidationError(
                    "这是写操作，需要登录：请用 --user 用户名 指定账号"
                    "（密码取自环境变量 DUBAN_PASSWORD，或按提示输入）。"
                )
            target = ledger or self.ledger  # opening self.ledger signs in already (above)
        if self._actor is None and username:
            from desktop.services import identity

            with target.session() as session:
                actor = identity.sign_in(session, username, self.password())
                due = identity.password_change_due(session, actor)
            self._actor, self._due = actor, due or ""
            self._signed_in_for = "" if ledger else "ledger"
        assert self._actor is not None  # signed in above, or raised
        if self._due and not password_change:
            raise ValidationError(f"{self._due}请先运行：duban --user {self.username} user passwd")
        return self._actor

    def password(self) -> str:
        """The --user's password: DUBAN_PASSWORD, or asked once at the terminal."""
        if self._password is None:
            import getpass

            self._password = os.environ.get("DUBAN_PASSWORD") or getpass.getpass(
                f"用户 {self.username} 的密码："
            )
        return self._password

    def local_file(self) -> Path | None:
        """The SQLite file of a ledger given as a path (or the default one) that no session of
        this command has opened yet; None for a server, a sqlite:// address, or once opened."""
        if self.opened:
            return None
        given = self.database
        if given is not None and "://" in given:
            return None  # a server, or a sqlite:// address: the services open it
        return Path(given).expanduser().resolve() if given else default_database()

    @property
    def reader(self) -> Actor:
        """Who a read-only command runs as: the signed-in user with --user, else whoever is at
        this PC's shell (may read, changes nothing)."""
        if self.username:
            return self.sign_in()
        from desktop.services import auth

        return auth.operator_actor(self.operator_label())

    @staticmethod
    def operator_label() -> str:
        operator = os.environ.get("USER") or os.environ.get("USERNAME") or "本机"
        return f"命令行（{operator}）"

    def sign_in_to_write(self) -> None:
        """Sign in before the command opens its own session (the password may be prompted)."""
        self.sign_in()

    def close(self) -> None:
        if self._ledger is not None:
            if self._actor is not None and self._signed_in_for:
                from desktop.services import identity

                with self._ledger.session() as session:
                    identity.sign_out(session, self._actor, "命令行操作结束")
                self._actor = None
            self._ledger.dispose()
            self._ledger = None
