"""`duban audit`: the whole chain checked, a backup's or a package's chain head held against the
ledger, and the key carried to a second desk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db import chain
from desktop.cli import main


def _cut_tail(db: str, keep: int) -> None:
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TRIGGER audit_entry_no_delete")
        raw.execute("DELETE FROM audit_entry WHERE seq > ?", (keep,))


def test_a_backup_records_the_head_and_a_later_cut_shows_against_it(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "demo.sqlite3")
    main(["--database", db, "demo"])
    out = tmp_path / "stick"
    out.mkdir()
    assert main(["--database", db, "--user", "clerk", "backup", "--to", str(out)]) == 0
    (backup,) = out.glob("*.sqlite3")
    assert (out / (backup.name + ".audit-head.json")).is_file()
    capsys.readouterr()
    assert main(["--database", db, "audit", "--against", str(backup)]) == 0
    assert "对照一致" in capsys.readouterr().out
    _cut_tail(db, 5)
    assert main(["--database", db, "audit", "--against", str(backup)]) == 1
    assert "与备份记载的不一致或已不存在" in capsys.readouterr().out
    assert main(["--database", db, "audit"]) == 1
    assert "截短" in capsys.readouterr().out


def test_the_key_goes_to_a_second_desk_by_export_and_import(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    db = str(tmp_path / "demo.sqlite3")
    main(["--database", db, "demo"])
    key_file = tmp_path / "key.txt"
    assert main(["--database", db, "audit", "--export-key", str(key_file)]) == 0
    assert key_file.stat().st_mode & 0o777 == 0o600
    monkeypatch.setenv(chain.CONFIG_ENV, str(tmp_path / "second-desk"))
    capsys.readouterr()
    assert main(["--database", db, "audit"]) == 1
    assert "没有这个台账的操作日志密钥" in capsys.readouterr().out
    assert main(["--database", db, "audit", "--import-key", str(key_file)]) == 0
    out = capsys.readouterr().out
    assert "已导入" in out and "操作日志完整" in out


def test_an_archive_package_carries_the_head_and_says_it_is_not_encrypted(
    tmp_path: Path, capsys
) -> None:
    db = str(tmp_path / "demo.sqlite3")
    main(["--database", db, "--today", "2026-11-28", "demo"])
    out = tmp_path / "stick"
    out.mkdir()
    export = ["archive", "export", "--year", "2026", "--to", str(out)]
    assert main(["--database", db, "--user", "clerk", *export]) == 0
    (package,) = [p for p in out.iterdir() if p.is_dir()]
    assert (package / "audit-head.json").is_file()
    capsys.readouterr()
    assert main(["archive", "verify", str(package)]) == 0
    assert "加密：否" in capsys.readouterr().out
    assert main(["--database", db, "audit", "--against", str(package)]) == 0
    assert "与归档包对照一致" in capsys.readouterr().out


def test_audit_walks_the_chain_once_and_says_a_break_once(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """The verb's own whole check is the only walk (the check on open would walk a million
    entries once more first), and a break is said once, on its output, not also as a warning."""
    from desktop.services import chain_walk

    db = str(tmp_path / "demo.sqlite3")
    main(["--database", db, "demo"])
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TRIGGER audit_entry_no_update")
        raw.execute("UPDATE audit_entry SET summary = summary || '（改）' WHERE seq = 3")
    walks = []
    real = chain_walk.walk
    monkeypatch.setattr(chain_walk, "walk", lambda *a, **k: walks.append(1) or real(*a, **k))
    capsys.readouterr()
    assert main(["--database", db, "audit"]) == 1
    said = capsys.readouterr()
    assert "签名不符" in said.out
    assert "警告" not in said.err
    assert len(walks) == 1
    main(["--database", db, "status"])  # any other verb still checks on open, and warns
    assert "警告：操作日志" in capsys.readouterr().err
