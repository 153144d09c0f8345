"""`duban archive export/verify`, `duban backup`, `duban restore` as a clerk runs them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from desktop.cli import main


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> str:
    copy = tmp_path / "ledger.sqlite3"
    shutil.copy(demo_template, copy)
    return str(copy)


@pytest.mark.slow  # a year's package exported and read back twice: CI's slow stage
def test_export_verify_and_a_broken_copy(demo_db: str, tmp_path: Path, capsys, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    args = ["--database", demo_db, "--today", "2026-11-28", "--user", "clerk"]
    assert main([*args, "archive", "export", "--year", "2026", "--to", str(stick), "--zip"]) == 0
    out = capsys.readouterr().out
    assert "已导出" in out and "校验通过" in out and "安全弹出" in out
    package = next(stick.glob("*.zip"))
    assert main(["archive", "verify", str(package)]) == 0
    out = capsys.readouterr().out
    assert "【完整性】\n  信息包结构　通过" in out and "真实性已确认" in out
    with monkeypatch.context() as other_pc:  # no key for this ledger: structure only, said so
        other_pc.setenv("DUBAN_CONFIG_DIR", str(tmp_path / "other-pc"))
        assert main(["archive", "verify", str(package)]) == 0
        out = capsys.readouterr().out
        assert "固化信息有效　未检" in out and "真实性未能确认" in out.splitlines()[-1]
    broken = tmp_path / "broken.zip"
    data = bytearray(package.read_bytes())
    data[len(data) // 3] ^= 0xFF
    broken.write_bytes(bytes(data))
    assert main(["archive", "verify", str(broken)]) == 1
    assert "校验未通过" in capsys.readouterr().out


def test_export_to_a_missing_stick_says_so(demo_db: str, tmp_path: Path, capsys) -> None:
    code = main(
        [
            "--database",
            demo_db,
            "--user",
            "clerk",
            "archive",
            "export",
            "--year",
            "2026",
            "--to",
            str(tmp_path / "E"),
        ]  # fmt: skip
    )
    assert code == 1 and "移动介质是否已插好" in capsys.readouterr().err


def test_backup_then_restore(demo_db: str, tmp_path: Path, capsys, monkeypatch) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    assert (
        main(["--database", demo_db, "--user", "clerk", "backup", "--to", str(stick), "--offsite"])
        == 0
    )
    assert "带离本机" in capsys.readouterr().out
    copy = next(stick.glob("*.sqlite3"))
    assert main(["--database", demo_db, "--user", "clerk", "backup"]) == 0  # rolling local copy
    assert list((tmp_path / "backups" / "自动备份").glob("*.sqlite3"))
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--database", demo_db, "--user", "clerk", "restore", str(copy), "--yes"]) == 1
    assert "只能由系统管理员" in capsys.readouterr().err
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-admin")
    assert main(["--database", demo_db, "--user", "admin", "restore", str(copy)]) == 1
    assert "--yes" in capsys.readouterr().err
    restoring = ["--database", demo_db, "--user", "admin", "restore", str(copy), "--yes"]
    assert main(restoring) == 1  # the backup's own entry and the rolling copy's would go
    assert "--reason" in capsys.readouterr().err
    assert main([*restoring, "--reason", "演示恢复"]) == 0
    out = capsys.readouterr().out
    assert "任务 37" in out and "已恢复" in out and "原台账已另存为" in out
    assert main(["--database", demo_db, "audit", "--last", "1"]) == 0
    assert "从备份" in capsys.readouterr().out


def test_export_a_period(demo_db: str, tmp_path: Path, capsys) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    args = ["--database", demo_db, "--today", "2026-11-28", "--user", "clerk", "archive", "export",
            "--to", str(stick)]  # fmt: skip
    assert main([*args, "--from", "2026-01-01", "--to-date", "2026-06-30"]) == 0
    assert "2026-01-01 至 2026-06-30" in capsys.readouterr().out
    assert main([*args, "--from", "2025-12-01", "--to-date", "2026-01-31"]) == 1
    assert "同一年度" in capsys.readouterr().err
    assert main([*args, "--period", "2026-11"]) == 0
    packages = sorted(p.name for p in stick.iterdir())
    assert packages == ["J001-WS·2026-归档包-0101至0630", "J001-WS·2026-归档包-1101至1130"]


def test_import_dry_run_then_refused_as_already_present(demo_db: str, tmp_path: Path, capsys):
    stick = tmp_path / "stick"
    stick.mkdir()
    args = ["--database", demo_db, "--today", "2026-11-28", "--user", "clerk", "archive"]
    assert main([*args, "export", "--period", "2026-10", "--to", str(stick), "--zip"]) == 0
    package = next(stick.glob("*.zip"))
    capsys.readouterr()
    assert main([*args, "import", str(package), "--dry-run"]) == 0
    out = capsys.readouterr().out
    present = re.search(r"新增 0 件，已有 (\d+) 件", out)  # the month's documents, all here
    assert present and int(present[1]) == out.count("[本台账已有]") >= 4 and "无需导入" in out
    assert not (tmp_path / "外来归档包").exists()
    broken = tmp_path / "broken.zip"
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    broken.write_bytes(bytes(data))
    assert main([*args, "import", str(broken)]) == 1
    assert "拒绝导入" in capsys.readouterr().out
