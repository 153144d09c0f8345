"""`duban status` read straight from a SQLite ledger that needs nothing done to it, through the
standard sqlite3 module: a cold process then skips SQLAlchemy and the ORM (about 0.6 s of
imports, mapper set-up and first compiles, more than the bare SQL itself even at 100,000 tasks;
issue 11).

It serves only what it can vouch for exactly as the services would: the schema at head, the
audit chain verified by this desk up to its newest entry (the newest entry's MAC recomputed, as
the incremental check on open does), the lamp cache current for today (its day, rules version
and fingerprint as lamps/cache.py checks them), no copy waiting to be recorded, and (with
--today) a demo or empty ledger. Anything else returns None and the caller opens the ledger
through the services, which migrate, verify, recompute, record and warn as on every open.
Only reads: the connection is opened read-write so that SQLite's WAL works as usual, but no
statement here writes. The queries mirror overview.lamp_overview and supervision.reminders;
tests/integration/test_cli_quick_status.py holds the two paths' output equal.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from db import chain, revisions
from db.enums import LampColor
from db.private import tighten
from desktop.services import audit_anchor, chain_walk
from desktop.services.audit_anchor import Head, Verified
from desktop.services.lamps import stamp
from desktop.services.setting_values import (
    DEMO_KEY,
    ITEM_RULES_KEY,
    LAMP_RULES_KEY,
    ItemRules,
    LampRules,
    from_stored,
)
from desktop.services.status_values import (
    DueReminder,
    LampOverview,
    PendingApproval,
    RedTask,
    RollUp,
)

log = logging.getLogger(__name__)


@dataclass
class StatusReport:
    """What `duban status` prints, read straight from SQLite."""

    overview: LampOverview
    due: list[DueReminder]
    waiting: list[PendingApproval]


def read(path: Path, today: date, *, real_refused: bool) -> StatusReport | None:
    """The status of the SQLite ledger at ``path`` for ``today`` (the clock's day), or None when
    the services must open it. ``real_refused``: --today was given, so a ledger holding an
    office's records is left to the services (they refuse it)."""
    db = connect(path)
    if db is None:
        return None
    with closing(db):
        try:
            db.execute("BEGIN")  # one snapshot for every read below
            report = _read(db, path, today, real_refused)
            db.execute("COMMIT")
        except sqlite3.Error:  # an odd file, a locked or older schema: the services say what
            log.info("quick status declined for %s", path, exc_info=True)
            return None
    return report


def connect(path: Path) -> sqlite3.Connection | None:
    """A local SQLite ledger file opened with the standard module (autocommit: the caller
    begins), or None when it is not one."""
    if not path.is_file() or not _looks_like_sqlite(path):
        return None
    for suffix in ("", "-wal", "-shm"):  # as every open does (db/engine.py)
        tighten(Path(f"{path}{suffix}"))
    try:
        db = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=5, isolation_level=None)
        db.execute("PRAGMA busy_timeout=5000")
    except sqlite3.Error:
        return None
    return db


def servable(
    db: sqlite3.Connection, path: Path, settings: dict[str, str], real_refused: bool
) -> bool:
    """Nothing for the services to do on open: the schema at head, no copy waiting to be
    recorded, and (``real_refused``: --today) a demo or empty ledger."""
    if not _at_head(db) or _copies_pending(path):
        return False
    return not (
        real_refused and DEMO_KEY not in settings and _one(db, "SELECT count(*) FROM user_account")
    )


def _read(db: sqlite3.Connection, path: Path, today: date, real_refused: bool) -> Any:
    settings = dict(db.execute("SELECT key, value FROM setting"))
    if not servable(db, path, settings, real_refused):
        return None
    verified = chain_pass(db, path, settings)
    if verified is None or verified.head != verified.done.head:  # status writes no verified
        return None
    if not _lamps_current(db, today, settings):
        return None
    return StatusReport(_overview(db), *_reminders(db, today, settings))


def _one(db: sqlite3.Connection, sql: str, *params: object) -> Any:
    row = db.execute(sql, params).fetchone()
    return None if row is None else row[0]


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def _at_head(db: sqlite3.Connection) -> bool:
    return bool(_one(db, "SELECT version_num FROM alembic_version") == revisions.head_revision())


def _copies_pending(path: Path) -> bool:
    """A journal entry of a copy a killed desk wrote (archive/pending.py settles it on open)."""
    folder = path.with_name(path.name + ".待登记")
    return folder.is_dir() and any(folder.glob("*.json"))


# --- the audit chain: verified up to the newest entry, nothing since --------------------------


@dataclass(frozen=True)
class ChainPass:
    """The chain checked from this desk's verified position to the newest entry."""

    uid: str
    key: bytes
    location: str
    done: Verified  # where this desk had verified up to
    head: Head  # the newest entry, verified now


def chain_pass(db: sqlite3.Connection, path: Path, settings: dict[str, str]) -> ChainPass | None:
    """What audit_verify.verify(incremental=True) finds on its good path: the entries after
    this desk's verified head (still there, its MAC recomputed; the last whole pass recent)
    link on to the newest, through the entry the anchor names. Any other case (no key, no
    anchor, a break, a whole pass due) is the services' to walk and to record: None."""
    try:
        uid = str(json.loads(settings[chain.SETTING_KEY]).get("uid", ""))
    except (KeyError, ValueError, AttributeError):
        return None
    key = chain.load_key(uid) if uid else None
    if key is None:
        return None
    location = audit_anchor.location_of_file(path)
    anchor = audit_anchor.read_anchor(location)
    done = audit_anchor.read_verified(location, uid)
    if anchor is None or done is None or anchor[0] != uid or done.recorded_break:
        return None
    mark = anchor[1]
    if not done.head.count or not audit_anchor.whole_pass_recent(done, datetime.now()):
        return None
    if mark.count < done.head.count or not _still_there(db, key, done.head):
        return None
    rows = db.execute(chain_walk.SELECT_AFTER.format(after=int(done.head.id)))
    walk = chain_walk.walk(rows, key, done.head, mark.count)
    if walk.bad_id is not None or walk.head.count < mark.count:
        return None
    seen = (done.head.id, done.head.hash) if mark.count == done.head.count else walk.at_anchor
    if seen != (mark.id, mark.hash):
        return None
    return ChainPass(uid, key, location, done, walk.head)


def _still_there(db: sqlite3.Connection, key: bytes, head: Head) -> bool:
    row = db.execute(
        "SELECT id, seq, at, user_id, actor, action, entity, entity_id, summary, detail,"
        " prev_hash, hash FROM audit_entry WHERE id = ?",
        (head.id,),
    ).fetchone()
    if row is None or (row[1], row[11]) != (head.count, head.hash):
        return False
    return chain.mac(key, chain.canonical(row[10], *row[1:10])) == head.hash


# --- the lamp cache: current for today -----------------------------------------------------


def _lamps_current(db: sqlite3.Connection, today: date, settings: dict[str, str]) -> bool:
    state = db.execute(
        "SELECT computed_for, rules_version, fingerprint FROM lamp_cache_state WHERE id = 1"
    ).fetchone()
    if state is None:
        return False
    rules = from_stored(LampRules, settings.get(LAMP_RULES_KEY))
    found = stamp.fingerprint(
        db.execute(f"SELECT count(*), max(id) FROM {table}").fetchone()  # noqa: S608 - constants
        for table in stamp.WATCHED_TABLES
    )
    return tuple(state) == (today.isoformat(), stamp.rules_version(rules), found)


# --- what status prints: overview.lamp_overview's queries ------------------------------------

_COUNTS = (
    "SELECT t.{key}, l.color, count(*), sum(l.done) FROM task t JOIN task_lamp l ON l.task_id = t.id"
    " GROUP BY t.{key}, l.color"
)


def _overview(db: sqlite3.Connection) -> LampOverview:
    projects = {
        pid: RollUp(pid, code, name, unit)
        for pid, code, name, unit in db.execute(
            "SELECT p.id, p.code, p.name, u.name FROM project p"
            " JOIN unit u ON p.lead_unit_id = u.id ORDER BY p.id"
        )
    }
    units = {
        uid: RollUp(uid, short, name, name)
        for uid, short, name in db.execute(
            "SELECT id, short_name, name FROM unit"
            " WHERE id IN (SELECT DISTINCT lead_unit_id FROM task) ORDER BY sort_order, id"
        )
    }
    for key, rollups in (("project_id", projects), ("lead_unit_id", units)):
        for owner, color, n, done in db.execute(_COUNTS.format(key=key)):
            rollup = rollups[owner]
            rollup.counts[LampColor(color)] += n
            rollup.tasks += n
            rollup.done += done or 0
    reds = [
        RedTask(code, title, unit, "；".join(stamp.reasons_of(reasons)))
        for code, title, unit, reasons in db.execute(
            "SELECT t.code, t.title, u.name, l.reasons FROM task t"
            " JOIN task_lamp l ON l.task_id = t.id JOIN unit u ON t.lead_unit_id = u.id"
            " WHERE l.color = 'red' ORDER BY t.code, t.id"
        )
    ]
    listed = list(projects.values())
    return LampOverview(sum(p.tasks for p in listed), listed, list(units.values()), reds)


# --- 督办事项 reminders: supervision.reminders' queries -------------------------------------


def _reminders(
    db: sqlite3.Connection, today: date, settings: dict[str, str]
) -> tuple[list[DueReminder], list[PendingApproval]]:
    days = from_stored(ItemRules, settings.get(ITEM_RULES_KEY)).remind_before_days
    due = []
    if days > 0:
        horizon = today + timedelta(days=days)
        for item_id, unit, leader, reply_due, requirement in db.execute(
            "SELECT i.id, u.name, i.leader, i.reply_due, i.requirement FROM supervision_item i"
            " JOIN unit u ON u.id = i.unit_id WHERE i.closed_on IS NULL"
            " AND i.reply_received_on IS NULL AND i.reply_due >= ? AND i.reply_due <= ?"
            " ORDER BY i.reply_due, i.id",
            (today.isoformat(), horizon.isoformat()),
        ):
            day = date.fromisoformat(reply_due)
            due.append(DueReminder(item_id, unit, leader, day, (day - today).days, requirement))
    waiting = [
        PendingApproval(eid, item_id, unit, date.fromisoformat(old), date.fromisoformat(new), why)
        for eid, item_id, unit, old, new, why in db.execute(
            "SELECT e.id, e.supervision_id, u.name, e.old_due, e.new_due, e.reason"
            " FROM item_extension e JOIN supervision_item i ON i.id = e.supervision_id"
            " JOIN unit u ON u.id = i.unit_id WHERE e.check_passed = 1 AND e.approved IS NULL"
            " AND i.closed_on IS NULL ORDER BY e.id"
        )
    ]
    return due, waiting
