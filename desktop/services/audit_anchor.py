"""What the desk keeps about a ledger's audit chain outside the ledger, beside the user's
settings: the anchor (count and hash of the newest entry it wrote or verified) and how far it
has verified the chain. One pair of small files per ledger location (a SQLite file's path, a
PostgreSQL server's host/port/database), so on a shared ledger each desk has its own anchor.

The anchor only moves forward, and only while the ledger agrees with it: a truncated, emptied
or rewritten log leaves the anchor where it was, so the break keeps showing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from db.chain import config_dir
from db.private import private_dir, tighten, write_private

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Head:
    """An entry of the chain: its sequence number (the count up to it), row id and hash."""

    count: int
    id: int
    hash: str


@dataclass(frozen=True)
class Verified:
    """How far this desk has verified a ledger's chain, and when."""

    head: Head
    at: str  # when (ISO, system clock)
    full_at: str  # when the last whole-chain pass ended
    recorded_break: int | None = None  # the first bad entry already written to the log


FULL_EVERY = timedelta(days=7)  # the check on open walks the whole chain at least this often


def whole_pass_recent(verified: Verified, now: datetime) -> bool:
    """Did the last whole-chain pass end within FULL_EVERY (else the next check walks it all)?"""
    try:
        return now - datetime.fromisoformat(verified.full_at) < FULL_EVERY
    except ValueError:
        return False


def location_of(url: str | URL) -> str:
    """A stable name for where a ledger lives (never with the password)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        return location_of_file(Path(parsed.database or ":memory:"))
    return (
        f"{parsed.get_backend_name()}://{parsed.username or ''}@{parsed.host or ''}:"
        f"{parsed.port or ''}/{parsed.database or ''}"
    )


def location_of_file(path: Path) -> str:
    """The same name for a SQLite ledger given as a file (no SQLAlchemy needed)."""
    return str(path.resolve())


def _base(location: str) -> Path:
    digest = hashlib.sha256(location.encode("utf-8")).hexdigest()[:24]
    return private_dir(config_dir() / "anchors") / digest


def _read(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (FileNotFoundError, ValueError, UnicodeDecodeError):
        return None
    tighten(path)
    return data if isinstance(data, dict) else None


def _head(value: object) -> Head | None:
    if not isinstance(value, dict):
        return None
    try:
        return Head(int(value["count"]), int(value["id"]), str(value["hash"]))
    except (KeyError, TypeError, ValueError):
        return None


def read_anchor(location: str) -> tuple[str, Head] | None:
    """(ledger uid, head) this desk last saw for the ledger at ``location``."""
    data = _read(_base(location).with_suffix(".anchor"))
    head = _head(data.get("head")) if data else None
    if data is None or head is None:
        return None
    return str(data.get("uid", "")), head


def advance_anchor(location: str, uid: str, head: Head) -> None:
    """Move the anchor to ``head`` if that is further on (another process may be ahead)."""
    current = read_anchor(location)
    if current is not None and current[0] == uid and current[1].count >= head.count:
        return
    body = {"location": location, "uid": uid, "head": asdict(head)}
    try:
        write_private(_base(location).with_suffix(".anchor"), json.dumps(body).encode())
    except OSError:  # the write it follows is committed; the next one or the check retries
        log.warning("审计锚点未能写入：%s", location, exc_info=True)


def read_verified(location: str, uid: str) -> Verified | None:
    data = _read(_base(location).with_suffix(".verified"))
    head = _head(data.get("head")) if data else None
    if data is None or head is None or data.get("uid") != uid:
        return None
    recorded = data.get("recorded_break")
    return Verified(
        head,
        str(data.get("at", "")),
        str(data.get("full_at", "")),
        int(recorded) if isinstance(recorded, int) else None,
    )


def write_verified(location: str, uid: str, verified: Verified) -> None:
    body = {"location": location, "uid": uid, **asdict(verified)}
    try:
        write_private(_base(location).with_suffix(".verified"), json.dumps(body).encode())
    except OSError:
        log.warning("审计校验进度未能写入：%s", location, exc_info=True)


def forget(location: str) -> None:
    """A ledger replaced on purpose (restore, demo --replace) starts a new anchor."""
    base = _base(location)
    for suffix in (".anchor", ".verified"):
        with contextlib.suppress(OSError):
            base.with_suffix(suffix).unlink(missing_ok=True)


# --- the chain head written into backups and archive packages ---------------------------------

HEAD_FILE = "audit-head.json"  # in an archive package; a backup has <name>.audit-head.json
_HEAD_FORMAT = "duban-audit-head/1"


def head_document(uid: str, head: Head, location: str, written: str) -> bytes:
    """What a backup or a package records of the log it was made from: later, the ledger must
    still hold that entry unchanged, or the log was cut back or rewritten since."""
    body = {"format": _HEAD_FORMAT, "uid": uid, **asdict(head), "location": location}
    return (json.dumps({**body, "written": written}, ensure_ascii=False, indent=1) + "\n").encode()


def read_head_document(data: bytes) -> tuple[str, Head] | None:
    try:
        body = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(body, dict) or body.get("format") != _HEAD_FORMAT:
        return None
    head = _head(body)
    return (str(body.get("uid", "")), head) if head is not None else None
