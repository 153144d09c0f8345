"""The audit chain's key and canonical encoding.

Each entry's ``hash`` is HMAC-SHA256, under a per-ledger secret kept outside the ledger (in the
user's config folder, 0600), over a canonical JSON encoding of the entry with its sequence
number and the previous entry's MAC. Someone who holds only the ledger file can still read the
log but cannot write a chain that verifies. The migration that introduced the key (0011) and
the services both use this module.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from db.private import create_private, private_dir, tighten

SCHEME = "hmac-sha256/1"
SETTING_KEY = "audit_chain"  # setting row: {"uid": ledger id, "scheme": SCHEME}
GENESIS = "0" * 64
CONFIG_ENV = "DUBAN_CONFIG_DIR"  # tests and portable installs point the desk's own files here
_UID = re.compile(r"^[0-9a-f]{32}$")
# One encoder for every entry (json.dumps with options builds a new one per call: slow over a
# million entries); the output is json.dumps(..., ensure_ascii=False, separators=(",", ":")).
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def config_dir() -> Path:
    """The user's settings folder (beside desk.ini): key, anchors and verified positions."""
    folder = os.environ.get(CONFIG_ENV) or user_config_dir("duban", appauthor=False)
    return private_dir(Path(folder))


def at_text(value: datetime | str) -> str:
    """The entry time to the second, as ISO text: from a datetime (ORM, PostgreSQL) or from
    SQLite's stored text '2026-11-28 10:00:00.000000' read raw by the streaming check."""
    if isinstance(value, str):
        return value[:19].replace(" ", "T", 1)
    return value.isoformat(timespec="seconds")


def canonical(
    prev_hash: str,
    seq: int,
    at: datetime | str,
    user_id: int | None,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    summary: str,
    detail: str,
) -> bytes:
    return _ENCODE(
        [prev_hash, seq, at_text(at), user_id, actor, action, entity, entity_id, summary, detail]
    ).encode("utf-8")


def detail_text(detail: dict[str, Any] | None) -> str:
    """An entry's detail as stored (and signed): sorted JSON, Chinese kept as it is."""
    return json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)


def at_stored(value: datetime) -> str:
    """An entry time as SQLAlchemy's DateTime stores it in SQLite (written by the quick path)."""
    return f"{value:%Y-%m-%d %H:%M:%S.%f}"


def mac(key: bytes, message: bytes) -> str:
    return hmac.digest(key, message, "sha256").hex()


def legacy_hash(
    prev_hash: str,
    at: datetime | str,
    user_id: int | None,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    summary: str,
    detail: str,
) -> str:
    """The plain SHA-256 chain of revisions before 0011 (no key, no sequence number)."""
    text = _ENCODE(
        [prev_hash, at_text(at), user_id, actor, action, entity, entity_id, summary, detail]
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the per-ledger secret ------------------------------------------------------------------


def new_uid() -> str:
    import uuid  # only a new ledger needs one: `duban status` reads without (issue 11)

    return uuid.uuid4().hex


def key_path(uid: str) -> Path:
    if not _UID.match(uid):
        raise ValueError(f"not a ledger id: {uid!r}")
    return private_dir(config_dir() / "audit-keys") / f"{uid}.key"


def load_key(uid: str) -> bytes | None:
    try:
        path = key_path(uid)
    except ValueError:
        return None
    try:
        text = path.read_text("ascii").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    tighten(path)
    try:
        key = bytes.fromhex(text)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def ensure_key(uid: str) -> bytes:
    """This ledger's key, made (32 random bytes, file 0600, never overwritten) if it has none."""
    existing = load_key(uid)
    if existing is not None:
        return existing
    path = key_path(uid)
    import secrets

    key = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        found = load_key(uid)
        if found is None:
            raise
        return found
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    create_private(path)
    return key


def install_key(uid: str, key: bytes) -> bool:
    """Put a key brought from another desk in place; False if this desk already has it.

    A different key for the same ledger is refused (it would hide which entries are genuine).
    """
    existing = load_key(uid)
    if existing is not None:
        if not hmac.compare_digest(existing, key):
            raise ValueError("another key for this ledger is already installed")
        return False
    path = key_path(uid)
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
        handle.write(key.hex() + "\n")
    return True
