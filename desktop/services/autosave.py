"""Crash-safe copies of unsaved work (the progress grid, 公文 drafts) beside the ledger.

Written every few seconds while something is unsaved, removed once it is saved or discarded;
a copy still there at the next start means the program or the PC stopped without warning, and
the page offers it back. Files are JSON, readable by the owner only (0600), written to a
temporary name, fsynced and renamed, so a power cut leaves the old copy or the new one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from db.private import private_dir


def folder_for(ledger_path: Path | None, url: str) -> Path:
    """<ledger>.autosave/ beside a SQLite ledger; for a server ledger, in the user's data folder."""
    if ledger_path is not None:
        return ledger_path.with_name(ledger_path.name + ".autosave")
    digest = hashlib.sha256(url.encode()).hexdigest()[:16]
    return Path(user_data_dir("duban", appauthor=False)) / "autosave" / digest


def _path(folder: Path, key: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)
    return folder / f"{safe}.json"


def keep(folder: Path, key: str, payload: dict[str, Any]) -> Path:
    """Write (or replace) the copy for ``key``; owner-only, never half-written."""
    private_dir(folder)  # 0700 (Windows: user-only ACL); the copy inside inherits it
    target = _path(folder, key)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    data = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, target)
    return target


def found(folder: Path, key: str) -> dict[str, Any] | None:
    """The copy left for ``key``, or None (none, or unreadable: a copy is a courtesy, not data)."""
    path = _path(folder, key)
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def drop(folder: Path, key: str) -> None:
    with contextlib.suppress(OSError):
        _path(folder, key).unlink()
