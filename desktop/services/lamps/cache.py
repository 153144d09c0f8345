"""The computed-lamp cache: lamps.evaluate's verdict per task, kept current for today in SQL.

The lamp stays computed (lamps.evaluate is the one rule book); the table task_lamp only keeps
its last result so that SQL can filter, sort, page and count by lamp over 100,000 tasks.
Invalidation lives here alone: session events collect the tasks whose reports, milestones, funds
or fields a transaction changed and recompute them before it commits; a read finds the rest
(a new day, new rules, rows written behind the program's back) and recomputes those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any, cast

from sqlalchemy import Table, delete, event, func, insert, inspect, or_, select, true
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.engine import hold_write_lock
from db.models import FundEntry, LampCacheState, Milestone, ProgressReport, Task, TaskLamp
from desktop.services import settings
from desktop.services.clock import clock_of
from desktop.services.funds import FundTotals, totals_by_task
from desktop.services.jobs import SHED_SLICE, shed
from desktop.services.lamps import stamp
from desktop.services.lamps.rules import Lamp, TaskFacts, evaluate
from desktop.services.lamps.stamp import rules_version
from desktop.services.periods import Period

WATCHED = (Task, ProgressReport, Milestone, FundEntry)  # stamp.WATCHED_TABLES, in that order
_TOUCHED = "lamp_cache_touched"  # session.info: task ids changed in this transaction
_IN_SYNC = "lamp_cache_in_sync"  # session.info: the fingerprint matched when the transaction began
_FLUSHED = "lamp_cache_flushed"  # session.info: this transaction holds the caller's writes
_WRITE_DEPTH = "write_depth"  # audit.writes' marker: inside a service write, which commits
_STATE_ID = 1
_LAMPS = cast(Table, TaskLamp.__table__)
_STATE = cast(Table, LampCacheState.__table__)


@dataclass(frozen=True)
class Computed:
    """What the desk shows of a task besides its own fields: its lamp, money and last report."""

    lamp: Lamp
    funds: FundTotals
    last_period: str | None
    last_submitted: date | None


# --- computing ---------------------------------------------------------------------------------


def compute(session: Session, ids: list[int] | None, today: date) -> dict[int, Computed]:
    """Evaluate the lamps of the tasks (every task when ``ids`` is None) from the ledger."""
    rules = settings.lamp_rules(session)
    tasks = select(Task.id, Task.start, Task.deadline, Task.status)
    found: list[Any] = []
    for scope in _scopes(ids):
        found.extend(session.execute(tasks.where(scope(Task.id))).all())
    all_ids = [t.id for t in found]
    if not all_ids:
        return {}
    facts = _facts(session, all_ids, today, ids is None)
    funds = totals_by_task(session, None if ids is None or len(all_ids) > 900 else all_ids)
    result = {}
    empty = FundTotals()
    for task in found:
        fact, last_period, last_submitted = facts[task.id]
        money = funds.get(task.id, empty)
        task_facts = TaskFacts(
            start=task.start,
            deadline=task.deadline,
            status=task.status,
            latest_percent=fact["latest"],
            reported_periods=frozenset(fact["periods"]),
            max_percent=fact["max"],
            overdue_milestones=tuple(fact["milestones"]),
            budget=money.budget,
            arrived=money.arrived,
            previous_report=fact["previous"],
        )
        lamp = evaluate(task_facts, rules, today)
        result[task.id] = Computed(lamp, money, last_period, last_submitted)
    return result


def _facts(
    session: Session, ids: list[int], today: date, everything: bool
) -> dict[int, tuple[dict, str | None, date | None]]:
    """Gather in two set queries what the lamp rules need for many tasks."""
    data: dict[int, dict] = {
        i: {"latest": None, "previous": None, "periods": set(), "max": 0, "milestones": []}
        for i in ids
    }
    last: dict[int, tuple[str | None, date | None]] = {}
    since = str(Period.of(today).shift(-12))  # only recent periods matter for missed reports
    reports = select(
        ProgressReport.task_id,
        ProgressReport.period,
        ProgressReport.percent,
        ProgressReport.submitted_on,
    ).order_by(ProgressReport.task_id, ProgressReport.period)
    milestones = (
        select(Milestone.task_id, Milestone.title, Milestone.due)
        .where(Milestone.done_on.is_(None), Milestone.due < today)
        .order_by(Milestone.due)
    )
    for scope in _scopes(None if everything else ids):
        for task_id, period, percent, submitted in session.execute(
            reports.where(scope(ProgressReport.task_id))
        ):
            fact = data.get(task_id)
            if fact is None:
                continue
            if fact["latest"] is not None:
                fact["previous"] = (last[task_id][0], fact["latest"])
            fact["latest"] = percent  # ordered by period: the last one seen is the latest
            fact["max"] = max(fact["max"], percent)
            if period >= since:
                fact["periods"].add(period)
            last[task_id] = (period, submitted)
        for task_id, title, due in session.execute(milestones.where(scope(Milestone.task_id))):
            if task_id in data:
                data[task_id]["milestones"].append((title, due))
    return {i: (data[i], *last.get(i, (None, None))) for i in ids}


def _scopes(ids: list[int] | None) -> list[Callable[[Any], Any]]:
    """WHERE clauses covering the ids: IN lists in chunks (SQLite's parameter limit), or the
    whole table when the ids are many, which is faster than hundreds of IN queries."""
    if ids is None or len(ids) > 5000:
        return [_everything]
    return [partial(_among, ids[i : i + 900]) for i in range(0, len(ids), 900)]


def _everything(column: Any) -> Any:
    return true()


def _among(chunk: list[int], column: Any) -> Any:
    return column.in_(chunk)


# --- storing -----------------------------------------------------------------------------------


def refresh(session: Session, ids: Iterable[int] | None, today: date) -> int:
    """Recompute and store the cached lamps of the tasks (all when ``ids`` is None) in the
    session's transaction. Returns how many were stored."""
    wanted = None if ids is None else sorted(set(ids))
    if wanted is not None and not wanted:
        return 0
    # Two clerks' programs rebuilding at once would insert the same rows: take turns.
    hold_write_lock(session, "lamps")
    version = rules_version(settings.lamp_rules(session))
    computed = compute(session, wanted, today)
    connection = session.connection()
    table = _LAMPS
    if wanted is None:
        connection.execute(delete(table))  # also drops rows of tasks deleted behind our back
    else:
        for i in range(0, len(wanted), 900):
            connection.execute(delete(table).where(table.c.task_id.in_(wanted[i : i + 900])))
    # Built and stored a slice at a time, and the computed lamps freed likewise: 100,000 rows
    # built, inserted and freed in one go held the interpreter for 0.15-0.23 s at a time, the
    # window frozen meanwhile (bench/gui_stalls.py at 100,000 tasks).
    stored = 0
    items = list(computed.items())
    for start in range(0, len(items), SHED_SLICE):
        rows = [
            _row(task_id, c, today, version) for task_id, c in items[start : start + SHED_SLICE]
        ]
        connection.execute(insert(table), rows)
        stored += len(rows)
    shed(items)
    shed(computed)
    return stored


def _row(task_id: int, c: Computed, today: date, version: str) -> dict[str, Any]:
    return {
        "task_id": task_id,
        "color": c.lamp.color,
        "severity": c.lamp.color.severity,
        "schedule_pct": c.lamp.schedule_pct,
        "lag": c.lamp.lag,
        "reported_pct": c.lamp.reported,
        "missed_reports": c.lamp.missed_reports,
        "done": c.lamp.done,
        "reasons": stamp.stored_reasons(c.lamp.reasons),
        "budget": c.funds.budget,
        "arrived": c.funds.arrived,
        "spent": c.funds.spent,
        "last_period": c.last_period,
        "last_submitted": c.last_submitted,
        "computed_for": today,
        "rules_version": version,
    }


def lamp_of(
    color: Any,
    reasons: str,
    schedule: float,
    lag: float | None,
    missed: int,
    done: bool,
    reported: Decimal | None = None,
) -> Lamp:
    """A cached row back into the Lamp that evaluate() returned."""
    return Lamp(color, stamp.reasons_of(reasons), schedule, lag, missed, bool(done), reported)


def _fingerprint(session: Session) -> str:
    """Row counts and last ids of the tables the rules read: plain SQL that adds or deletes rows
    changes it, so a cache made before such a write is not taken for current."""
    connection = session.connection()
    return stamp.fingerprint(
        connection.execute(select(func.count(), func.max(model.id))).one()  # type: ignore[attr-defined,misc]
        for model in WATCHED
    )


def _state(session: Session) -> Any:
    table = _STATE
    return session.connection().execute(select(table).where(table.c.id == _STATE_ID)).first()


def _save_state(session: Session, **values: Any) -> None:
    table = _STATE
    connection = session.connection()
    if _state(session) is None:
        connection.execute(insert(table).values(id=_STATE_ID, **values))
    else:
        connection.execute(table.update().where(table.c.id == _STATE_ID).values(**values))


# --- freshness ---------------------------------------------------------------------------------


def is_current(session: Session, today: date) -> bool:
    """Cheap: may the cache serve ``today`` as it is (no recompute)?"""
    if today != clock_of(session).today():
        return False
    _settle(session)
    state = _state(session)
    return (
        state is not None
        and state.computed_for == today
        and state.rules_version == rules_version(settings.lamp_rules(session))
        and state.fingerprint == _fingerprint(session)
    )


def ensure_current(session: Session, today: date) -> bool:
    """Make the cache current for ``today``, recomputing what is stale: the whole ledger after a
    write behind the program's back, else the tasks last computed for another day or other rules
    and those with no cached lamp. False when the cache cannot serve: a day other than the
    clock's (history is computed live) or a ledger that cannot be written."""
    if today != clock_of(session).today():
        return False
    _settle(session)
    version = rules_version(settings.lamp_rules(session))
    fingerprint = _fingerprint(session)
    state = _state(session)
    if state is not None and (state.computed_for, state.rules_version, state.fingerprint) == (
        today,
        version,
        fingerprint,
    ):
        return True
    own = not session.info.get(_WRITE_DEPTH) and not session.info.get(_FLUSHED)
    try:
        if state is None or state.fingerprint != fingerprint:
            refresh(session, None, today)
        else:
            stale = (
                select(Task.id)
                .outerjoin(TaskLamp, TaskLamp.task_id == Task.id)
                .where(
                    or_(
                        TaskLamp.task_id.is_(None),
                        TaskLamp.computed_for != today,
                        TaskLamp.rules_version != version,
                    )
                )
            )
            ids = list(session.connection().execute(stale).scalars())
            refresh(session, None if len(ids) > 5000 else ids, today)
        _save_state(session, computed_for=today, rules_version=version, fingerprint=fingerprint)
        if own:
            session.commit()
    except OperationalError:
        if not own:
            raise
        session.rollback()  # a read-only ledger: the caller computes live
        return False
    return True


# --- invalidation: one place, the session's own events -----------------------------------------


def install(factory: sessionmaker[Session]) -> None:
    """Keep the cache in step with every write made through sessions of this factory."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_transaction_end", _after_transaction_end)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    if _IN_SYNC not in session.info:
        # Before this transaction's first write: was the cache in step with the ledger? Only
        # then may its fingerprint be moved on past our own writes at commit.
        state = _state(session)
        session.info[_IN_SYNC] = state is not None and state.fingerprint == _fingerprint(session)


def _after_flush(session: Session, _context: object) -> None:
    session.info[_FLUSHED] = True
    touched: set[int] = session.info.setdefault(_TOUCHED, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Task):
            touched.add(obj.id)
        elif isinstance(obj, ProgressReport | Milestone | FundEntry):
            touched.add(obj.task_id)
            # A report moved to another task changes the lamps of both.
            touched.update(
                i for i in cast(Any, inspect(obj)).attrs.task_id.history.deleted if i is not None
            )


def _before_commit(session: Session) -> None:
    _settle(session)


def _settle(session: Session) -> None:
    """Recompute, in the open transaction, the tasks this transaction changed."""
    if session.info.get(_TOUCHED) or session.new or session.dirty or session.deleted:
        session.flush()
    touched = session.info.pop(_TOUCHED, None)
    if not touched:
        return
    refresh(session, touched, clock_of(session).today())
    if session.info.get(_IN_SYNC):
        _save_fingerprint(session)


def _save_fingerprint(session: Session) -> None:
    if _state(session) is not None:
        _save_state(session, fingerprint=_fingerprint(session))


def _after_transaction_end(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        for key in (_TOUCHED, _IN_SYNC, _FLUSHED):
            session.info.pop(key, None)
