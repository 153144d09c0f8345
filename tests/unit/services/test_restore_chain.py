"""A restore holds the backup's log against the head recorded beside it (refused when it was cut
back or rewritten) and against this desk's anchor (an older, forked or foreign log is restored
only with a reason, which the restore's entry keeps)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.services import audit, audit_anchor, auth, backup, backup_restore, tasks
from desktop.services.audit_anchor import Head
from desktop.services.errors import ValidationError
from desktop.services.ledger import open_ledger

SYSTEM = auth.system_actor("测试")


@pytest.fixture
def live(tmp_path: Path, clock) -> Path:
    ledger = open_ledger(tmp_path / "live.sqlite3", clock)
    with ledger.session() as s:
        tasks.create_unit(s, SYSTEM, "市公安局", "公安局")
        tasks.create_unit(s, SYSTEM, "市民政局", "民政局")
    ledger.dispose()
    return tmp_path / "live.sqlite3"


def _backup(live: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir(exist_ok=True)
    return backup.write_backup(live, folder, "20261128-100000")[0]


def _rewrite(copy: Path, sql: str) -> None:
    """A shell user's edit of the backup, with its .sha256 recomputed to match."""
    with sqlite3.connect(copy) as raw:
        raw.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        raw.execute(sql)
    raw.close()
    sidecar = copy.with_name(copy.name + backup.SIDECAR)
    sidecar.write_text(f"{backup.file_sha256(copy)}  {copy.name}\n")


def _location(path: Path) -> str:
    return audit_anchor.location_of(f"sqlite:///{path.resolve()}")


def test_a_backup_cut_back_after_it_was_made_is_refused(live, tmp_path, clock) -> None:
    copy = _backup(live, tmp_path)
    _rewrite(copy, "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)")
    check = backup_restore.inspect_backup(copy, live)
    assert not check.ok and "被截短" in check.text(), check.text()
    before = live.read_bytes()
    with pytest.raises(ValidationError, match="台账未作任何改动"):
        backup_restore.restore(live, copy, SYSTEM, clock, reason="试图绕过")
    assert live.read_bytes() == before


def test_a_recorded_head_that_is_not_ours_or_is_missing(live, tmp_path) -> None:
    copy = _backup(live, tmp_path)
    head = copy.with_name(copy.name + backup.HEAD_SIDECAR)
    head.write_text("{}")
    assert "无法识别" in backup_restore.inspect_backup(copy).text()
    head.unlink()
    check = backup_restore.inspect_backup(copy)
    assert check.ok and ".audit-head.json" in check.text()  # said, not refused (older backups)


def test_a_backup_behind_the_anchor_needs_a_reason_kept_in_the_log(live, tmp_path, clock) -> None:
    copy = _backup(live, tmp_path)
    assert (
        backup_restore.inspect_backup(copy, live).rollback == ""
    )  # the anchor is where the copy ends
    ledger = open_ledger(live, clock)
    with ledger.session() as s:
        tasks.create_unit(s, SYSTEM, "市档案馆", "档案馆")
    ledger.dispose()
    check = backup_restore.inspect_backup(copy, live)
    assert check.ok and "其后的 1 条操作记录将不在台账中" in check.rollback
    assert "写明理由确认" in check.text()
    before = live.read_bytes()
    with pytest.raises(ValidationError, match="须写明理由"):
        backup_restore.restore(live, copy, SYSTEM, clock, reason="  ")
    assert live.read_bytes() == before
    backup_restore.restore(live, copy, SYSTEM, clock, reason="档案馆录错，回到备份")
    ledger = open_ledger(live, clock)
    with ledger.session() as s:
        entry = audit.recent(s, 1)[0]
        assert entry.action == "restore" and "理由：档案馆录错，回到备份" in entry.summary
        assert audit.verify_chain(s).ok  # the desk's anchor starts again from the restore
    ledger.dispose()


def test_a_forked_or_foreign_log_needs_a_reason(live, tmp_path) -> None:
    copy = _backup(live, tmp_path)
    uid, seen = audit_anchor.read_anchor(_location(live)) or ("", Head(0, 0, ""))
    audit_anchor.forget(_location(live))
    audit_anchor.advance_anchor(_location(live), uid, Head(seen.count, seen.id, "f" * 64))
    assert "分岔" in backup_restore.inspect_backup(copy, live).rollback
    audit_anchor.forget(_location(live))
    audit_anchor.advance_anchor(_location(live), "0" * 32, seen)
    assert "另一个台账" in backup_restore.inspect_backup(copy, live).rollback
