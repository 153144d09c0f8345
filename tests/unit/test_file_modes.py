"""On Linux the desk's files are its user's only: the ledger and its WAL, backups and their
sidecars, the log, the window settings, the audit key and anchors 0600, their folders 0700; an
existing ledger left readable by others is tightened when opened."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from db import chain
from desktop.services import audit, auth, backup, tasks
from desktop.services.ledger import backup_sqlite, open_ledger

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: user-only ACL)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def loose_umask():  # type: ignore[no-untyped-def]
    """As on a default desktop (files 0644 unless the desk says otherwise)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_ledger_and_its_folder_are_private(tmp_path: Path, clock) -> None:
    ledger = open_ledger(tmp_path / "new-folder" / "ledger.sqlite3", clock)
    with ledger.session() as session:
        tasks.create_unit(session, auth.system_actor("测试"), "单位")
    assert mode(tmp_path / "new-folder") == 0o700
    for name in ("ledger.sqlite3", "ledger.sqlite3-wal", "ledger.sqlite3-shm"):
        assert mode(tmp_path / "new-folder" / name) == 0o600, name
    ledger.dispose()


def test_an_existing_readable_ledger_is_tightened_on_open(tmp_path: Path, clock) -> None:
    path = tmp_path / "old.sqlite3"
    open_ledger(path, clock).dispose()
    path.chmod(0o644)
    open_ledger(path, clock).dispose()
    assert mode(path) == 0o600


def test_backups_and_their_sidecars_are_private(tmp_path: Path, session, clerk) -> None:
    out = tmp_path / "stick"
    out.mkdir()
    result = backup.backup_to(session, clerk, out)
    for path in out.iterdir():
        assert mode(path) == 0o600, path.name
    assert result.path.is_file()
    auto = backup.rolling_backup(session, clerk)
    assert mode(auto.path) == 0o600 and mode(auto.path.parent) == 0o700
    copy = backup_sqlite(result.path, tmp_path / "kept" / "copy.sqlite3")
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700


def test_the_audit_key_and_anchor_are_private(session, clerk) -> None:
    tasks.create_unit(session, clerk, "单位")
    folder = chain.config_dir()
    assert mode(folder) == 0o700
    keys = list((folder / "audit-keys").iterdir())
    anchors = list((folder / "anchors").iterdir())
    assert keys and anchors
    assert {mode(p) for p in keys + anchors} == {0o600}
    assert mode(folder / "audit-keys") == mode(folder / "anchors") == 0o700


def test_a_loose_key_file_is_tightened_when_read(session, clerk) -> None:
    tasks.create_unit(session, clerk, "单位")
    uid = audit.chain_key(session)[0]
    key = chain.key_path(uid)
    key.chmod(0o644)
    assert chain.load_key(uid) is not None
    assert mode(key) == 0o600


def test_the_log_is_private_also_after_rotation(tmp_path: Path) -> None:
    from desktop.services.diagnostics import logs

    root = logging.getLogger()
    saved = dict(logs._state)
    try:
        target = logs.setup_logging(tmp_path / "logs", crash_file=False)
        logging.getLogger("duban.test").warning("写一行")
        handler = logs._state["handler"]
        handler.doRollover()  # type: ignore[attr-defined]
        assert mode(tmp_path / "logs") == 0o700
        assert mode(target) == 0o600 and mode(target.with_name(target.name + ".1")) == 0o600
    finally:
        mine = logs._state.get("handler")
        if isinstance(mine, logging.Handler):
            root.removeHandler(mine)
            mine.close()
        logs._state.clear()
        logs._state.update(saved)
        previous = saved.get("handler")
        if isinstance(previous, logging.Handler):
            root.addHandler(previous)


def test_the_crash_file_is_private(tmp_path: Path) -> None:
    import faulthandler
    import sys

    from desktop.services.diagnostics import logs

    saved = dict(logs._state)
    logs._state.pop("crash_file", None)
    was_enabled = faulthandler.is_enabled()
    try:
        path = logs.enable_crash_file(tmp_path)
        assert path is not None and mode(path) == 0o600
    finally:
        logs._forget_crash_file()
        logs._state.clear()
        logs._state.update(saved)
        if was_enabled:  # pytest's own fault handler, as it was
            faulthandler.enable(sys.stderr)


def test_the_desks_data_folder_is_private_once_logging_starts(tmp_path: Path, monkeypatch) -> None:
    """~/.local/share/duban (the default ledger, logs/, autosave) is 0700 as soon as the log
    starts there, not left 0755 as mkdir's parent of logs/."""
    from desktop.services.diagnostics import logs

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("DUBAN_LOG_DIR", raising=False)
    root = logging.getLogger()
    saved = dict(logs._state)
    logs._state.pop("path", None)
    try:
        target = logs.setup_logging(crash_file=False)
        assert target.parent.parent == tmp_path / "share" / "duban"
        assert mode(target.parent.parent) == 0o700 and mode(target.parent) == 0o700
    finally:
        mine = logs._state.get("handler")
        if isinstance(mine, logging.Handler) and mine is not saved.get("handler"):
            root.removeHandler(mine)
            mine.close()
        logs._state.clear()
        logs._state.update(saved)
        previous = saved.get("handler")
        if isinstance(previous, logging.Handler) and previous not in root.handlers:
            root.addHandler(previous)
