"""Open a ledger: build the engine (SQLite pragmas or a PostgreSQL URL) and migrate it to head."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from db import migrate, repair
from db.errors import LedgerError
from db.incidents import log_incident
from db.private import create_private, private_dir, tighten

log = logging.getLogger(__name__)


@dataclass
class Ledger:
    """An open ledger: its engine, a session factory and where it lives."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    path: Path | None  # the SQLite file, None for a server database
    revision: str | None
    backup_before_upgrade: Path | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self.session_factory()
        try:
            yield session
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    @property
    def location(self) -> str:
        """Where the ledger lives, fit to show: the file, or the server URL without password."""
        return str(self.path) if self.path is not None else _display(self.url)


def to_url(database: str | Path) -> str:
    """A plain path becomes a SQLite URL; anything with '://' is taken as a URL."""
    text = str(database)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Pragmas are per connection (PITFALLS.md), so they are set on every connect.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_ledger_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def _make_private(path: Path) -> None:
    """The ledger and its WAL files are the user's only (0600; SQLite gives -wal/-shm the main
    file's mode); an existing ledger is tightened when opened."""
    try:
        if not path.exists():
            create_private(path)
    except OSError as exc:
        raise LedgerError(f"无法创建台账文件：{path}（{exc.strerror}）") from exc
    for suffix in ("", "-wal", "-shm"):
        tighten(Path(f"{path}{suffix}"))


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite file with the online backup API (never a file copy: WAL).
    The copy is 0600, in a 0700 folder when the folder is made here."""
    if not target.parent.exists():
        private_dir(target.parent)
    partial = target.with_name(target.name + ".part")
    create_private(partial)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def open_ledger(database: str | Path, *, migrate_to_head: bool = True) -> Ledger:
    """Open (and create) a ledger, migrating it to this program's schema.

    An existing SQLite ledger is backed up before any upgrade; a ledger made by a newer
    program is refused rather than guessed at.
    """
    url = to_url(database)
    path = sqlite_path(url)
    if path is not None:
        try:
            if not path.parent.exists():
                private_dir(path.parent)
        except OSError as exc:
            raise LedgerError(f"无法创建台账所在的文件夹：{path.parent}（{exc.strerror}）") from exc
        if path.exists() and not _looks_like_sqlite(path):
            raise LedgerError(f"文件“{path}”不是督办台的台账文件（不是 SQLite 数据库）。")
        _make_private(path)
    engine = create_ledger_engine(url)
    backup: Path | None = None
    current: str | None = None
    try:
        current = migrate.current_revision(engine)
        head = migrate.head_revision()
        if current is not None and not migrate.is_known(current):
            raise LedgerError(
                f"该台账由更新版本的督办台创建（数据库版本 {current}），"
                "本程序无法打开。请安装新版本后再打开，台账内容未作任何改动。"
            )
        if migrate_to_head and current != head:
            leftovers = _half_upgrade(engine, current) if path is not None else None
            if path is not None and (current is not None or leftovers):
                backup = _backup_before_upgrade(path, current)
            if leftovers:
                repair.drop_leftovers(engine, leftovers)
            migrate.upgrade(engine)  # one transaction: a kill leaves the old revision
            current = head
    except LedgerError:
        engine.dispose()
        raise
    except Exception as exc:  # a broken file or an unreachable server: say so, in Chinese
        engine.dispose()
        reference = log_incident(log, f"opening {_display(url)}", exc)
        if password_refused(exc):  # the server's sign-in, not the ledger: say so plainly
            raise LedgerError(
                f"无法打开台账“{_display(url)}”：数据库服务器拒绝登录（没有提供密码，或密码"
                "不对）。请把密码写进 PostgreSQL 的密码文件（PGPASSFILE，默认 ~/.pgpass，权限 "
                "0600），不要写在地址里。"
            ) from exc
        raise LedgerError(_open_failed(url, current, backup, reference)) from exc
    if path is not None:  # SQLite made them just now (Windows: with the folder's ACL)
        for suffix in ("-wal", "-shm"):
            tighten(Path(f"{path}{suffix}"))
    factory = sessionmaker(engine, expire_on_commit=False)
    return Ledger(url, engine, factory, path, current, backup)


def _half_upgrade(engine: Engine, current: str | None) -> repair.Leftovers | None:
    """Tables an interrupted upgrade of an older release left behind, if any (see db.repair)."""
    leftovers = repair.find_leftovers(engine, current)
    if leftovers.with_rows:
        raise LedgerError(
            "台账的数据库版本与其中的数据表不一致（版本 "
            f"{current or '无'}，却已有较新版本的表：{'、'.join(leftovers.with_rows)}），"
            "程序无法自动修复。台账未作任何改动，请联系技术支持，或从备份恢复。"
        )
    return leftovers if leftovers.tables or leftovers.indexes else None


def _backup_before_upgrade(path: Path, current: str | None) -> Path:
    """One copy per old revision: a retried upgrade replaces the copy an earlier try left."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = path.parent / "backups"
    earlier = sorted(folder.glob(f"{path.stem}.升级前-{current}-*.sqlite3"))
    made = backup_sqlite(path, folder / f"{path.stem}.升级前-{current}-{stamp}.sqlite3")
    for old in earlier:
        if old != made:
            old.unlink(missing_ok=True)
    return made


def _open_failed(url: str, current: str | None, backup: Path | None, reference: str) -> str:
    """The clerk's message for an unexpected failure: what state the ledger is in, no raw SQL."""
    where = sqlite_path(url) or _display(url)
    lines = [f"无法打开台账“{where}”。"]
    if current is not None and current != migrate.head_revision():
        lines.append(f"升级未完成，台账仍保持原版本（{current}），内容未作改动。")
    if backup is not None:
        lines.append(f"升级前的备份：{backup}")
    lines.append(f"详细信息已记入日志，参考编号 {reference}。")
    return "\n".join(lines)


# Advisory-lock keys (any constants) for the work that must not run twice at once on PostgreSQL.
_LOCK_KEYS = {"audit": 72_271_024, "lamps": 72_271_025}


def hold_write_lock(session: Session, purpose: str) -> None:
    """Serialise a read-then-write (appending to the audit chain, rebuilding the lamp cache)
    with every other session doing the same, until this transaction ends.

    PostgreSQL takes a transaction-scoped advisory lock per purpose; SQLite has one write lock
    for the whole file and takes it with an empty write (a read alone would not keep another
    writer out until commit).
    """
    backend = session.get_bind().dialect.name
    if backend == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEYS[purpose]})
    elif backend == "sqlite":
        session.execute(text("UPDATE audit_entry SET id = id WHERE 0"))


_REFUSALS = ("password authentication failed", "no password supplied", "password is required")


def password_refused(error: BaseException) -> bool:
    """The server refused the sign-in for want of the right password (libpq's wording)."""
    seen: BaseException | None = error
    while seen is not None:
        if any(words in str(seen) for words in _REFUSALS):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _looks_like_sqlite(path: Path) -> bool:
    if path.stat().st_size == 0:
        return True
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def _display(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
