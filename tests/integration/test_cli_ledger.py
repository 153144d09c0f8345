"""The `duban` command as a clerk runs it: demo, status, exit codes, no-display message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_demo_then_status_shows_ten_projects_and_red_reasons(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "demo.sqlite3")
    assert main(["--database", db, "--today", "2026-11-28", "demo"]) == 0
    assert "任务 37 项" in capsys.readouterr().out
    assert main(["--database", db, "--today", "2026-11-28", "status"]) == 0
    out = capsys.readouterr().out
    for code in [f"{n:02d}" for n in range(1, 11)]:
        assert f"\n{code}  " in out
    assert "基层社会治理网格化提升工程" in out and "市交通运输局" in out
    assert "红灯任务" in out and "连续 2 期未报送进度" in out


@pytest.mark.slow  # two whole demo ledgers built: CI's slow stage
def test_demo_refuses_to_overwrite_without_replace(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "demo.sqlite3")
    assert main(["--database", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--database", db, "demo"]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["--database", db, "demo", "--replace"]) == 0
    assert list((tmp_path / "backups").glob("demo.替换前-*.sqlite3"))


def test_audit_verify_passes_on_the_demo(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "demo.sqlite3")
    main(["--database", db, "demo"])
    capsys.readouterr()
    assert main(["--database", db, "audit", "--last", "3"]) == 0
    assert "操作日志完整" in capsys.readouterr().out


def test_usage_error_exits_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--database", str(tmp_path / "x.sqlite3"), "no-such-verb"])
    assert exit_info.value.code == 2


def test_not_a_ledger_exits_1_with_chinese_message(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("hello")
    assert main(["--database", str(bad), "status"]) == 1
    assert "不是督办台的台账文件" in capsys.readouterr().err


def test_gui_without_display_says_so_in_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = run("--database", str(tmp_path / "g.sqlite3"), env=env)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "Aborted" not in result.stderr


def test_init_makes_the_first_admin_once(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "new.sqlite3")
    monkeypatch.setenv("DUBAN_PASSWORD", "Duban-Test-42")
    assert main(["--database", db, "init", "--admin", "wangjing", "--name", "王静"]) == 0
    assert "管理员账号 wangjing" in capsys.readouterr().out
    assert main(["--database", db, "--user", "wangjing", "audit"]) == 0
    assert main(["--database", db, "init"]) == 1
    assert "无需初始化" in capsys.readouterr().err
