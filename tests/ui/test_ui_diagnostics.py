"""An internal error reaches the clerk with a reference IT finds in the log (not as a clash);
帮助 → 导出诊断信息… writes the zip; a crash file is shown at the next start."""

from __future__ import annotations

import logging
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from db.models import Milestone
from desktop.services import audit
from desktop.services.auth import Permission
from desktop.services.diagnostics import bundle, logs
from desktop.ui.admin import diagnostics
from desktop.ui.calls import write


@audit.writes(Permission.EDIT_LEDGER)
def _broken_write(session, actor) -> None:  # type: ignore[no-untyped-def]
    audit.record(session, actor, "create", "milestone", "", "新增节点")
    session.add(Milestone(task_id=999_999, title="x", due=date(2026, 12, 1)))  # no such task
    session.flush()


def test_a_forced_internal_error_is_logged_and_shown_with_a_reference(
    clerk_window, messages
) -> None:
    desk = clerk_window.desk
    ok, _ = write(clerk_window, desk, clerk_window, lambda s: _broken_write(s, desk.actor))
    assert not ok
    assert len(messages) == 1
    shown = messages[0]
    assert "参考编号" in shown and "同事" not in shown  # not the clash message
    ref = shown.split("参考编号：")[1].split()[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = logs.log_path().read_text(encoding="utf-8")
    assert f"[{ref}]" in log
    assert "Traceback (most recent call last)" in log.split(f"[{ref}]")[1]
    assert "FOREIGN KEY" in log.split(f"[{ref}]")[1].upper()


def test_help_menu_exports_the_diagnostics_zip(
    clerk_window, messages, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "for-it.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(bundle, "self_test_output", lambda: "自检通过。")
    menu = next(a.menu() for a in clerk_window.menuBar().actions() if a.text() == "帮助(&H)")
    action = next(a for a in menu.actions() if a.text() == "导出诊断信息…")
    action.trigger()
    for _ in range(200):
        QApplication.processEvents()
        if messages:
            break
        QApplication.instance().thread().msleep(20)  # type: ignore[union-attr]
    assert messages and str(target) in messages[0]
    with zipfile.ZipFile(target) as archive:
        about = archive.read("about.txt").decode()
        assert "Qt 6." in about and "系统：" in about and "日志：" in about
        assert archive.read("self-test.txt").decode() == "自检通过。"


def test_a_crash_of_the_last_run_is_shown_once_at_start(qapp, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DUBAN_LOG_DIR", str(tmp_path))
    monkeypatch.setattr(logs, "log_path", lambda: tmp_path / logs.LOG_NAME)
    (tmp_path / "crash-20261127-090000-77.txt").write_text(
        "Fatal Python error: Segmentation fault\n", encoding="utf-8"
    )
    shown: list[str] = []
    monkeypatch.setattr(
        diagnostics.CrashReportDialog, "exec", lambda self: shown.append(self.text.toPlainText())
    )
    assert diagnostics.show_last_crash()
    assert "Segmentation fault" in shown[0]
    assert not diagnostics.show_last_crash()  # once
    assert logs.crash_files(tmp_path)  # kept for the diagnostics zip


@pytest.fixture(autouse=True)
def _fresh_log() -> None:
    logs.setup_logging(crash_file=False)


def test_a_run_ended_from_outside_is_said_to_be_no_fault_of_the_program(
    qapp, monkeypatch, tmp_path: Path
) -> None:
    """A power cut or a forced kill leaves only the crash file's first line: the clerk is told
    that nothing went wrong in the program, not shown an empty crash record."""
    monkeypatch.setenv("DUBAN_LOG_DIR", str(tmp_path))
    monkeypatch.setattr(logs, "log_path", lambda: tmp_path / logs.LOG_NAME)
    (tmp_path / "crash-20261127-090000-78.txt").write_text(
        "督办台 崩溃记录（进程 78，启动于 2026-11-27 09:00:00）\n", encoding="utf-8"
    )
    (tmp_path / "crash-20261127-100000-79.txt").write_text(
        "督办台 崩溃记录（进程 79，启动于 2026-11-27 10:00:00）\n"
        "Fatal Python error: Segmentation fault\n",
        encoding="utf-8",
    )
    shown: list[str] = []
    monkeypatch.setattr(
        diagnostics.CrashReportDialog, "exec", lambda self: shown.append(self.text.toPlainText())
    )
    assert diagnostics.show_last_crash()
    killed, crashed = shown[0].split("== crash-20261127-100000-79.txt")
    assert "被外部结束" in killed and "不是程序出错" in killed
    assert "Segmentation fault" in crashed and "被外部结束" not in crashed
