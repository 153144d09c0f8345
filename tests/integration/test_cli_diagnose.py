"""`duban diagnose --out FILE.zip` and the command line's own log: banner first, an internal
error logged with its traceback and answered with a reference."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def _duban(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DUBAN_LOG_DIR": str(tmp_path / "logs"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DUBAN_NO_CRASH_FILE", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True, text=True, env=env, timeout=240, check=False,
    )  # fmt: skip


@pytest.mark.slow  # 80 s: a second whole self-test inside the zip; CI's slow stage runs it
def test_diagnose_writes_the_zip_with_a_real_self_test(demo_template: Path, tmp_path: Path) -> None:
    out = tmp_path / "diag.zip"
    done = _duban(tmp_path, "--database", str(demo_template), "diagnose", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        selftest = archive.read("self-test.txt").decode()
        about = archive.read("about.txt").decode()
        ledger = json.loads(archive.read("ledger.json"))
        log = archive.read("logs/duban.log").decode()
    assert {"about.txt", "self-test.txt", "settings.json", "ledger.json"} <= set(names)
    assert "PySide6 6." in about and "系统 " in about and "日志：" in about
    assert "自检通过" in selftest and "退出码 0" in selftest
    assert ledger["integrity_check"] == ["ok"]
    assert "===== 启动" in log and "命令 diagnose" in log and "PySide6" in log
    assert not list((tmp_path / "logs").glob("crash-*.txt"))  # a clean exit leaves no crash file


def test_an_internal_error_on_the_command_line_gets_a_reference(
    demo_template: Path, monkeypatch, capsys
) -> None:
    from desktop.cli import main, status_cmds
    from desktop.services.diagnostics import logs

    def broken(_ctx: object, _args: object) -> int:
        raise RuntimeError("故意的内部错误")

    monkeypatch.setattr(status_cmds, "cmd_status", broken)
    assert main(["--database", str(demo_template), "status"]) == 3
    err = capsys.readouterr().err
    ref = err.split("参考编号 ")[1].split("）")[0]
    log = logs.log_path().read_text(encoding="utf-8")
    after = log.split(f"[{ref}]")[1]
    assert "Traceback (most recent call last)" in after and "故意的内部错误" in after
