"""Backups with a hash, rolling local copies, restore that checks first and keeps the old ledger,
the off-PC reminder, and the removable-drive listing."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop.services import audit, auth, backup, backup_restore, media, tasks
from desktop.services.archive import MediaError, fsio, reminder
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.ledger import open_ledger


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_backup_writes_a_verified_copy_with_its_hash(session, admin, stick) -> None:
    result = backup.backup_to(session, admin, stick, leaves_pc=True)
    assert result.path.parent == stick and result.path.suffix == ".sqlite3"
    sidecar = result.path.with_name(result.path.name + ".sha256")
    assert sidecar.read_text().split() == [result.sha256, result.path.name]
    assert backup.file_sha256(result.path) == result.sha256
    check = backup_restore.inspect_backup(result.path)
    assert check.ok, check.text()
    assert ("用户", 1) in check.counts
    assert audit.recent(session, 1)[0].action == "offsite_backup"
    assert not reminder(session).due


def test_backup_failure_leaves_nothing(session, admin, stick, monkeypatch) -> None:
    monkeypatch.setattr(fsio, "write_file", lambda *_a: (_ for _ in ()).throw(OSError(28, "full")))
    with pytest.raises(MediaError, match="空间已满"):
        backup.backup_to(session, admin, stick)
    assert list(stick.iterdir()) == []


def test_leader_may_not_back_up(session, leader, stick) -> None:
    with pytest.raises(PermissionDenied):
        backup.backup_to(session, leader, stick)


def test_rolling_backups_keep_n(session, admin, clock) -> None:
    assert backup.rolling_backup_due(session)
    made = []
    for minute in range(5):
        clock.moment = datetime(2026, 11, 28, 10, minute)
        made.append(backup.rolling_backup(session, admin, keep=3))
    kept = sorted(backup.auto_folder(session).glob("*.sqlite3"))
    assert len(kept) == 3 and made[-1].path in kept and made[0].path not in kept
    assert len(list(backup.auto_folder(session).glob("*.sha256"))) == 3
    assert not backup.rolling_backup_due(session)
    assert reminder(session).due  # local copies do not count as leaving the PC


def test_reminder_counts_days_since_a_copy_left(session, admin, stick, clock) -> None:
    backup.backup_to(session, admin, stick, leaves_pc=True)
    clock.moment = datetime(2026, 12, 9, 10, 0)
    late = reminder(session)
    assert late.due and late.days == 11 and "11 天" in late.message


def _ledger_with_a_unit(tmp_path: Path, clock) -> Path:
    ledger = open_ledger(tmp_path / "live.sqlite3", clock)
    with ledger.session() as s:
        tasks.create_unit(s, auth.system_actor("t"), "市公安局", "公安局")
    ledger.dispose()
    return tmp_path / "live.sqlite3"


def test_restore_round_trip_keeps_the_current_ledger(tmp_path: Path, clock, stick) -> None:
    admin = auth.system_actor("测试")
    live = _ledger_with_a_unit(tmp_path, clock)
    ledger = open_ledger(live, clock)
    with ledger.session() as s:
        copy = backup.backup_to(s, admin, stick).path
        tasks.create_unit(s, admin, "市民政局", "民政局")  # a change after the backup
    ledger.dispose()
    assert "须确认" in backup_restore.inspect_backup(copy, live).text()  # the unit's entry would go
    with pytest.raises(ValidationError, match="须写明理由"):
        backup_restore.restore(live, copy, admin, clock)
    result = backup_restore.restore(live, copy, admin, clock, reason="误删了单位，回到备份")
    assert result.set_aside and result.set_aside.exists()
    reopened = open_ledger(live, clock)
    with reopened.session() as s:
        names = {u.name for u in tasks.list_units(s)}
        entry = audit.recent(s, 1)[0]
        assert entry.action == "restore" and "理由：误删了单位，回到备份" in entry.summary
        assert audit.verify_chain(s).ok
    reopened.dispose()
    assert names == {"市公安局"}
    aside = sqlite3.connect(result.set_aside)
    assert aside.execute("SELECT count(*) FROM unit").fetchone()[0] == 2
    aside.close()


def test_restore_refuses_a_tampered_backup(tmp_path, clock, admin, stick, session) -> None:
    copy = backup.backup_to(session, admin, stick).path
    data = bytearray(copy.read_bytes())
    data[5000] ^= 1
    copy.write_bytes(bytes(data))
    check = backup_restore.inspect_backup(copy)
    assert not check.ok and "校验值不符" in check.text()
    live = tmp_path / "other.sqlite3"
    with pytest.raises(ValidationError, match="未作任何改动"):
        backup_restore.restore(live, copy, admin, clock)
    assert not live.exists()


def test_restore_refuses_what_is_not_a_ledger_or_too_new(tmp_path, session, admin, stick) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello")
    assert "不是 SQLite" in backup_restore.inspect_backup(text).text()
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    assert "不是督办台的台账" in backup_restore.inspect_backup(other).text()
    newer = backup.backup_to(session, admin, stick).path
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    newer.with_name(newer.name + ".sha256").unlink()
    check = backup_restore.inspect_backup(newer)
    assert "更新版本" in check.text() and "没有同名的 .sha256" in check.text()


def test_restore_needs_manage_permission(tmp_path, clerk, session, admin, stick, clock) -> None:
    copy = backup.backup_to(session, admin, stick).path
    with pytest.raises(PermissionDenied):
        backup_restore.restore(tmp_path / "x.sqlite3", copy, clerk, clock)


def test_linux_mounts_mark_removable_drives(tmp_path: Path) -> None:
    sys_block = tmp_path / "block"
    for name, flag in (("sda", "0"), ("sdb", "1"), ("mmcblk0", "1")):
        (sys_block / name).mkdir(parents=True)
        (sys_block / name / "removable").write_text(flag + "\n")
    mounts = (
        "/dev/sda1 / ext4 rw 0 0\n"
        "proc /proc proc rw 0 0\n"
        "/dev/sdb1 /mnt/U\\040盘 vfat rw 0 0\n"
        "/dev/mmcblk0p1 /mnt/card exfat rw 0 0\n"
        "/dev/sdc1 /media/clerk/KINGSTON vfat rw 0 0\n"
        "tmpfs /run tmpfs rw 0 0\n"
    )
    found = dict(media.linux_mounts(mounts, sys_block))
    assert found == {
        Path("/"): False,
        Path("/mnt/U 盘"): True,
        Path("/mnt/card"): True,
        Path("/media/clerk/KINGSTON"): True,
    }


def test_drives_lists_removable_first_and_is_removable(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(media, "linux_mounts", lambda: [(Path("/"), False), (tmp_path, True)])
    drives = media.drives(include_fixed=True)
    assert drives[0].path == tmp_path and drives[0].removable and drives[0].free > 0
    assert media.is_removable(tmp_path / "sub") and not media.is_removable(Path("/usr"))
    assert [d.path for d in media.drives()] == [tmp_path]
