"""The audit log and the one way to write: permission check, one transaction, chained record."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from db import chain
from db.engine import hold_write_lock
from db.models import AuditEntry, Setting
from desktop.services import audit_anchor
from desktop.services.audit_anchor import Head
from desktop.services.auth import Actor, Permission, require
from desktop.services.clock import clock_of
from desktop.services.errors import ConcurrentChange, DomainError, PermissionDenied

P = ParamSpec("P")
R = TypeVar("R")

GENESIS = chain.GENESIS
_DEPTH = "write_depth"
_COUNT = "audit_count"
_HEAD = "audit_head"  # (location, uid, head, anchor agreed) of this transaction's last entry
_KEY = "audit_key"
log = logging.getLogger(__name__)


class ChainKeyMissing(DomainError):
    """This desk lacks the ledger's audit key: it can neither verify nor extend the chain."""


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
                session.commit()  # moves this desk's anchor on (_after_commit)
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
                session.info.pop(_HEAD, None)

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
    uid, key = chain_key(session)
    previous = session.execute(
        select(AuditEntry.id, AuditEntry.seq, AuditEntry.hash)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    entry = AuditEntry(
        seq=(previous.seq if previous else 0) + 1,
        at=clock_of(session).now(),
        user_id=actor.user_id,
        actor=actor.label,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        summary=summary,
        detail=chain.detail_text(detail),
        prev_hash=previous.hash if previous else GENESIS,
    )
    entry.hash = entry_hash(entry, key)
    session.add(entry)
    session.flush()
    session.info[_COUNT] = session.info.get(_COUNT, 0) + 1
    location = audit_anchor.location_of(session.get_bind().engine.url)
    agreed = session.info[_HEAD][3] if _HEAD in session.info else _agrees(session, location, uid)
    session.info[_HEAD] = (location, uid, Head(entry.seq, entry.id, entry.hash), agreed)
    return entry


def chain_key(session: Session) -> tuple[str, bytes]:
    """The ledger's id and this desk's key for it, made on a ledger that has no entries yet."""
    cached = session.info.get(_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    row = session.get(Setting, chain.SETTING_KEY)
    uid = str(json.loads(row.value).get("uid", "")) if row is not None else ""
    key = chain.load_key(uid) if uid else None
    if key is None:
        if session.scalar(select(AuditEntry.id).limit(1)) is not None:
            raise ChainKeyMissing(
                "本机没有这个台账的操作日志密钥，不能校验或续写操作日志（此操作未执行）。"
                "请由系统管理员从最初使用该台账的电脑导出密钥（duban audit --export-key），"
                "在本机导入（duban audit --import-key）。"
            )
        if row is None:
            uid = chain.new_uid()
            session.add(
                Setting(
                    key=chain.SETTING_KEY,
                    value=json.dumps({"uid": uid, "scheme": chain.SCHEME}),
                    version=1,
                )
            )
        return uid, chain.ensure_key(uid)  # not cached: the new setting row may roll back
    session.info[_KEY] = (uid, key)
    return uid, key


def _agrees(session: Session, location: str, uid: str) -> bool:
    """Does the ledger still hold the entry this desk's anchor names? (one lookup by id)"""
    anchor = audit_anchor.read_anchor(location)
    if anchor is None:
        return True
    anchor_uid, head = anchor
    found = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.id == head.id)
    ).first()
    ok = anchor_uid == uid and found is not None and tuple(found) == (head.count, head.hash)
    if not ok:
        log.warning("操作日志与本机锚点不符（%s，锚点第 %d 条）", location, head.count)
    return ok


@sa_event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    """Whatever committed entries (a service write or any other commit) moves the anchor on,
    unless the ledger disagreed with the anchor before (then the break stays visible)."""
    written = session.info.pop(_HEAD, None)
    if written is not None and written[3]:
        audit_anchor.advance_anchor(written[0], written[1], written[2])


@sa_event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_HEAD, None)


def entry_hash(entry: AuditEntry, key: bytes) -> str:
    """The entry's HMAC-SHA256 under the ledger's key (canonical encoding in db/chain.py)."""
    return chain.mac(
        key,
        chain.canonical(
            entry.prev_hash,
            entry.seq,
            entry.at,
            entry.user_id,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.summary,
            entry.detail,
        ),
    )


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
    head: Head | None = None  # the newest entry that verified


def verify_chain(session: Session) -> ChainCheck:
    """Check the whole chain, streaming, against the key and this desk's anchor; the first
    entry that does not fit is where the log was altered (see audit_verify)."""
    from desktop.services import audit_verify  # it builds on this module

    return audit_verify.verify(session, incremental=False)


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
