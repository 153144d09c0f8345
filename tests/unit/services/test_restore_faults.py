"""Restore under faults (issue 20): every look-alike or damaged backup is refused with the ledger
untouched and no traceback; a restore waits for every desk to close; a desk whose file was
swapped under it stops saving."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from desktop.services import auth, backup, backup_restore, desk_lock, ledger_guard, tasks
from desktop.services.clock import FixedClock
from desktop.services.errors import ValidationError
from desktop.services.ledger import open_ledger

ROOT = Path(__file__).resolve().parents[3]
ADMIN = auth.system_actor("测试")


@pytest.fixture
def live(demo_ledger) -> Path:
    """The demo ledger (37 tasks), closed, as the file a restore would replace."""
    path = demo_ledger.path
    demo_ledger.dispose()
    return path


def _tasks(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        return raw.execute("SELECT count(*) FROM task").fetchone()[0]


def _good_backup(live: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    return backup.write_backup(live, folder, "20261128-100000")[0]


def _damaged(live: Path, tmp_path: Path, damage: Callable[[sqlite3.Connection], None]) -> Path:
    copy = _good_backup(live, tmp_path / "stick")
    copy.with_name(copy.name + backup.SIDECAR).unlink()  # as if made by hand: no sidecar
    with sqlite3.connect(copy) as raw:
        raw.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")  # the log is append-only
        damage(raw)
    return copy


def _lookalike(_live: Path, tmp_path: Path) -> Path:
    """Only the five tables the old check looked for, nothing else of a ledger."""
    path = tmp_path / "lookalike.sqlite3"
    with sqlite3.connect(path) as raw:
        for table in ("unit", "task", "audit_entry", "setting"):
            raw.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
        raw.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        raw.execute("INSERT INTO alembic_version VALUES ('0006')")
    return path


def _no_version(raw: sqlite3.Connection) -> None:
    raw.execute("DELETE FROM alembic_version")


def _non_date_in_audit(raw: sqlite3.Connection) -> None:
    raw.execute(
        "UPDATE audit_entry SET at = 'not-a-date' WHERE id = (SELECT max(id) FROM audit_entry)"
    )


def _chain_broken(raw: sqlite3.Connection) -> None:
    raw.execute("UPDATE audit_entry SET summary = summary || '（改）' WHERE id = 3")


def _column_missing(raw: sqlite3.Connection) -> None:
    raw.execute("ALTER TABLE task DROP COLUMN target")


def _table_missing(raw: sqlite3.Connection) -> None:
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("DROP TABLE fund_entry")


def _corrupt_pages(live: Path, tmp_path: Path) -> Path:
    copy = _good_backup(live, tmp_path / "stick")
    copy.with_name(copy.name + backup.SIDECAR).unlink()
    data = bytearray(copy.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096 * 7):
        data[offset + 100 : offset + 140] = b"\xff" * 40
    copy.write_bytes(bytes(data))
    return copy


BAD = {
    "five tables only": (_lookalike, "缺少"),
    "empty alembic_version": (lambda live, t: _damaged(live, t, _no_version), "版本记录"),
    "non-date in the audit log": (lambda live, t: _damaged(live, t, _non_date_in_audit), "日志"),
    "audit chain broken": (lambda live, t: _damaged(live, t, _chain_broken), "操作日志"),
    "a column missing": (lambda live, t: _damaged(live, t, _column_missing), "task.target"),
    "a table missing": (lambda live, t: _damaged(live, t, _table_missing), "fund_entry"),
    "damaged pages": (_corrupt_pages, "完整性|损坏"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_backup_is_refused_and_the_ledger_is_untouched(case, live, tmp_path) -> None:
    make, expected = BAD[case]
    bad = make(live, tmp_path)
    check = backup_restore.inspect_backup(bad)  # never raises
    assert not check.ok
    assert re.search(expected, check.text()), check.text()
    before = live.read_bytes()
    with pytest.raises(ValidationError, match="台账未作任何改动"):
        backup_restore.restore(live, bad, ADMIN, _clock())
    assert live.read_bytes() == before and _tasks(live) == 37
    assert not list(live.parent.glob("*.恢复中*"))


def _clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 28, 10, 0))


def test_a_good_backup_restores_and_the_replaced_ledger_is_kept(live, tmp_path) -> None:
    good = _good_backup(live, tmp_path / "stick")
    with _opened(live) as ledger, ledger.session() as s:
        tasks.create_unit(s, ADMIN, "市档案馆", "档案馆")  # a save after the backup
    result = backup_restore.restore(live, good, ADMIN, _clock(), reason="测试")
    assert backup_restore.inspect_backup(good).ok
    assert result.set_aside is not None
    with sqlite3.connect(result.set_aside) as raw:  # the save lives on in the kept copy
        assert raw.execute("SELECT count(*) FROM unit WHERE name='市档案馆'").fetchone()[0] == 1
    assert _tasks(live) == 37
    assert not Path(f"{live}-wal").exists() or _tasks(live) == 37


class _opened:  # noqa: N801 - a tiny context manager over open_ledger
    def __init__(self, path: Path) -> None:
        self.ledger = open_ledger(path, _clock())

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.ledger

    def __exit__(self, *_exc: object) -> None:
        self.ledger.dispose()


def test_a_backup_that_fails_to_open_leaves_the_current_ledger(live, tmp_path, monkeypatch) -> None:
    good = _good_backup(live, tmp_path / "stick")
    monkeypatch.setattr(
        backup_restore, "_opens_and_verifies", lambda *_a: ("备份无法作为台账打开：测试", None)
    )
    before = live.read_bytes()
    with pytest.raises(ValidationError, match="未作任何改动"):
        backup_restore.restore(live, good, ADMIN, _clock())
    assert live.read_bytes() == before


HOLD_LIKE_THE_GUI = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from desktop.services.ledger import open_ledger
    from desktop.ui.lock import lock_ledger
    app = QCoreApplication([])
    ledger = open_ledger(Path(sys.argv[1]))
    lock = lock_ledger(ledger)
    print("locked", flush=True)
    sys.stdin.readline()
    """
)


def test_restore_is_refused_while_a_desk_holds_the_ledger(live, tmp_path) -> None:
    good = _good_backup(live, tmp_path / "stick")
    desk = subprocess.Popen(
        [sys.executable, "-c", HOLD_LIKE_THE_GUI, str(live)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert desk.stdout is not None and desk.stdout.readline().strip() == "locked"
        held = desk_lock.held_elsewhere(live)
        assert held and "进程" in held
        before = live.read_bytes()
        with pytest.raises(desk_lock.LedgerInUse, match="关闭打开这个台账的督办台"):
            backup_restore.restore(live, good, ADMIN, _clock())
        assert live.read_bytes() == before
        cli = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "--database",
                str(live),
                "restore",
                str(good),
                "--yes",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert cli.returncode == 1 and "关闭打开这个台账的督办台" in cli.stderr
        assert live.read_bytes() == before
    finally:
        desk.communicate("\n", timeout=30)
    assert desk_lock.held_elsewhere(live) is None  # the desk closed: the lock is free again
    backup_restore.restore(live, good, ADMIN, _clock())


def test_a_desk_whose_ledger_was_replaced_under_it_refuses_every_save(live, tmp_path) -> None:
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(live, other)
    with _opened(live) as ledger, ledger.session() as s:
        tasks.create_unit(s, ADMIN, "市档案馆", "档案馆")
        os.replace(other, live)  # e.g. restored from another PC, or copied over by hand
        assert ledger_guard.replaced(ledger)
        with pytest.raises(ledger_guard.LedgerReplaced, match="已停止保存"):
            tasks.create_unit(s, ADMIN, "市统计局", "统计局")
    with sqlite3.connect(live) as raw:
        assert raw.execute("SELECT count(*) FROM unit WHERE name='市统计局'").fetchone()[0] == 0


def test_cli_restores_over_a_ledger_that_does_not_open(live, tmp_path) -> None:
    good = _good_backup(live, tmp_path / "stick")
    broken = tmp_path / "broken" / "ledger.sqlite3"
    broken.parent.mkdir()
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # a header and nothing sane
    # The 系统管理员 signs in with the backup's own accounts when the ledger does not open.
    argv = ["--database", str(broken), "--user", "admin", "restore", str(good), "--yes"]
    cli = subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DUBAN_PASSWORD": "duban-admin"},
    )
    assert cli.returncode == 0, cli.stderr
    assert _tasks(broken) == 37
    kept = list((broken.parent / "backups").glob("ledger.恢复前-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"SQLite format 3")
