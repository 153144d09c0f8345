"""A desk killed right after the medium was synced, before the ledger's commit: the package or
backup complete on the stick is recorded at the next start, once (issue 20)."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.services.archive import pending
from desktop.services.ledger import open_ledger

ROOT = Path(__file__).resolve().parents[2]

KILLED_AFTER_SYNC = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from desktop.services import auth, backup
    from desktop.services.archive import export
    from desktop.services.ledger import open_ledger

    what, ledger_path, stick = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    module = export if what == "archive" else backup
    real = module.fsync_dir

    def synced_then_killed(folder):
        real(folder)
        if Path(folder) == stick:  # the medium's directory, right after the final rename
            os.kill(os.getpid(), signal.SIGKILL)

    module.fsync_dir = synced_then_killed
    ledger = open_ledger(ledger_path)
    actor = auth.system_actor("测试")
    with ledger.session() as session:
        if what == "archive":
            export.export_year(session, actor, 2026, stick)
        else:
            backup.backup_to(session, actor, stick)
    """
)


def _records(path: Path, what: str) -> list[dict]:
    with sqlite3.connect(path) as raw:
        rows = raw.execute(
            "SELECT detail FROM audit_entry WHERE action LIKE ?", (f"%_{what}",)
        ).fetchall()
    return [json.loads(r[0]) for r in rows]


@pytest.mark.parametrize("what", ["archive", "backup"])
def test_killed_after_the_sync_is_recorded_at_the_next_start(demo_template, tmp_path, what):
    path = tmp_path / "ledger.sqlite3"
    shutil.copy(demo_template, path)
    stick = tmp_path / "stick"
    stick.mkdir()
    before = len(_records(path, what))
    run = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_SYNC, what, str(path), str(stick)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    # the copy itself, not its sidecars (.sha256, .audit-head.json)
    [copy] = [p for p in stick.iterdir() if not p.name.endswith((".sha256", ".audit-head.json"))]
    assert "未完成" not in copy.name  # complete on the medium ...
    assert len(_records(path, what)) == before  # ... and unknown to the ledger
    for _ in range(2):  # the next start records it; the one after finds nothing to do
        open_ledger(path).dispose()
        records = _records(path, what)
        assert len(records) == before + 1
        assert records[-1]["path"] == str(copy) and records[-1]["recorded_late"] is True
    assert not list((tmp_path / "ledger.sqlite3.待登记").glob("*.json"))


def test_an_entry_whose_copy_never_took_its_name_is_dropped(demo_ledger, tmp_path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    with demo_ledger.session() as session:
        from desktop.services import auth

        entry = pending.expect(
            session, auth.system_actor("测试"), "backup", stick / "never.sqlite3", True, "x",
            "备份台账", {"path": str(stick / "never.sqlite3")},
        )  # fmt: skip
        session.rollback()  # killed before the rename: the entry stays, the copy is not there
    gone_stick = pending.Entry(**{**json.loads(entry.read_text("utf-8")), "path": "/nonexistent/x"})
    kept = entry.with_name("kept.json")
    kept.write_text(json.dumps(gone_stick.__dict__, ensure_ascii=False), "utf-8")
    with demo_ledger.session() as session:
        assert pending.settle(session) == []
    assert not entry.exists()  # its medium is there and holds nothing: dropped
    assert kept.exists()  # its medium is not plugged in: kept for a later start
