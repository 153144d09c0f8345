"""The audit log and the one way to write: permission check, one transaction, chained record."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from db.engine import hold_write_lock
from db.models import AuditEntry
from desktop.services.auth import Actor, Permission, require
from desktop.services.clock import clock_of
from desktop.services.errors import ConcurrentChange, PermissionDenied

P = ParamSpec("P")
R = TypeVar("R")

GENESIS = "0" * 64
_DEPTH = "write_depth"
_COUNT = "audit_count"

# Every write in desktop/services, by qualified name: the role x action test walks it.
WRITES: dict[str, tuple[Callable[..., Any], Permission]] = {}


def writes(
    permission: Permission,
) -> Callable[
    [Callable[Concatenate[Session, Actor, P], R]], Callable[Concatenate[Session, Actor, P], R]
]:
    """Wrap a service write: check the actor's permission, commit all or nothing.

    The body must call :func:`record` once per change. Nested writes (one service calling
    another) join the outer transaction, which alone commits.
    """

    def decorate(
        fn: Callable[Concatenate[Session, Actor, P], R],
    ) -> Callable[Concatenate[Session, Actor, P], R]:
        @functools.wraps(fn)
        def wrapper(session: Session, actor: Actor, /, *args: P.args, **kwargs: P.kwargs) -> R:
            depth = session.info.get(_DEPTH, 0)
            if depth:
                require(actor, permission)
                return fn(session, actor, *args, **kwargs)
            actor = _gate(session, actor, permission, fn.__qualname__)
            session.info[_DEPTH] = 1
            session.info[_COUNT] = 0
            try:
                result = fn(session, actor, *args, **kwargs)
                if session.info[_COUNT] == 0:
                    raise RuntimeError(f"{fn.__qualname__} wrote without an audit record")
                session.commit()
                return result
            except (IntegrityError, OperationalError) as exc:
                session.rollback()
                if not is_clash(exc):
                    raise  # a bug, not a colleague: logged with its traceback by the caller
                raise _concurrent(exc) from exc
            except BaseException:
                session.rollback()
                raise
            finally:
                session.info[_DEPTH] = 0

        WRITES[f"{fn.__module__}.{fn.__qualname__}"] = (wrapper, permission)
        return wrapper

    return decorate


# What another writer can cause: a unique key taken between our read and our write, or the
# database busy past its lock timeout. Anything else (a foreign key, NOT NULL, a check, a
# missing table) is a bug and must not be explained away as a colleague's change.
_SQLSTATE_CLASH = {
    "23505",
    "55P03",
    "40001",
    "40P01",
}  # unique, lock timeout, serialization, deadlock
_SQLITE_CLASH = ("unique constraint failed", "database is locked", "database table is locked")


def is_clash(exc: IntegrityError | OperationalError) -> bool:
    state = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if state:
        return str(state) in _SQLSTATE_CLASH
    message = str(exc.orig).lower()
    return any(text in message for text in _SQLITE_CLASH)


def _gate(session: Session, actor: Actor, permission: Permission, what: str) -> Actor:
    """The actor as the ledger knows them now (role and state read again on every write, so a
    demotion or deactivation takes effect at once), or a refusal that is itself recorded."""
    from desktop.services import identity  # identity records through this module

    try:
        current = identity.current_actor(session, actor)
        require(current, permission)
        return current
    except PermissionDenied as refused:
        session.rollback()
        event(session, actor, "refused", "permission", what, str(refused),
              {"permission": permission.name})  # fmt: skip
        raise


def event(session: Session, actor: Actor, /, *what: Any, **more: Any) -> None:
    """Record what is not a change of the ledger (a sign-in, a refusal, an export) and commit it
    with whatever the session holds; the arguments are :func:`record`'s. Inside a write it is
    part of that write instead."""
    if session.info.get(_DEPTH):
        record(session, actor, *what, **more)
        return
    session.info[_DEPTH] = 1
    try:
        record(session, actor, *what, **more)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info[_DEPTH] = 0


def _concurrent(exc: IntegrityError | OperationalError) -> ConcurrentChange:
    """Say in Chinese what a clash with another writer means; the traceback stays as cause."""
    if isinstance(exc, IntegrityError):
        return ConcurrentChange(
            "保存时发现冲突：可能另一位同事刚刚录入或修改了同一条记录。"
            "本次操作未执行，请刷新后再试。"
        )
    return ConcurrentChange(
        "台账正忙（另一位同事或另一个窗口正在保存），本次操作未执行，请稍后重试。"
    )


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object,
    summary: str,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry chained to the previous one. Call only inside a :func:`writes` body."""
    if not session.info.get(_DEPTH):
        raise RuntimeError("audit.record outside a service write")
    hold_write_lock(session, "audit")
    previous = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    entry = AuditEntry(
        at=clock_of(session).now(),
        user_id=actor.user_id,
        actor=actor.label,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        summary=summary,
        detail=json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str),
        prev_hash=previous or GENESIS,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.flush()
    session.info[_COUNT] = session.info.get(_COUNT, 0) + 1
    return entry


def entry_hash(entry: AuditEntry) -> str:
    canonical = json.dumps(
        [
            entry.prev_hash,
            entry.at.isoformat(timespec="seconds"),
            entry.user_id,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.summary,
            entry.detail,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    summary: str


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_bad_id: int | None
    message: str


def verify_chain(session: Session) -> ChainCheck:
    """Recompute every hash; the first entry that does not match is where the log was altered."""
    previous = GENESIS
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
        if entry.prev_hash != previous or entry_hash(entry) != entry.hash:
            return ChainCheck(
                False,
                count,
                entry.id,
                f"操作日志第 {entry.id} 条与前后记录不符，日志可能被改动过。",
            )
        previous = entry.hash
    return ChainCheck(True, count, None, f"操作日志完整：共 {count} 条，校验链无断点。")


def recent(
    session: Session, limit: int = 200, entity: str | None = None, entity_id: object | None = None
) -> list[AuditRow]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == str(entity_id))
    return [
        AuditRow(e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.summary)
        for e in session.scalars(query)
    ]
