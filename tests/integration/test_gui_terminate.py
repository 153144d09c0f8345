"""The desk ended by the system (logout, shutdown, `kill`: SIGTERM) closes as on a quit: no crash
record is left for the next start to show the clerk, and the ledger is released."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals end sessions on Unix")


def test_sigterm_at_the_sign_in_ends_cleanly_without_a_crash_record(
    demo_template: Path, tmp_path: Path
) -> None:
    from desktop.services.ledger import backup_sqlite

    db = backup_sqlite(demo_template, tmp_path / "demo.sqlite3")
    logs = tmp_path / "logs"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DUBAN_LOG_DIR": str(logs)}
    env.pop("DUBAN_NO_CRASH_FILE", None)  # the tests turn it off; a clerk's desk has one
    desk = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--database", str(db), "gui"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        log = logs / "duban.log"
        deadline = time.monotonic() + 60
        # the window's own banner (Qt's platform plugin): the sign-in is up, behind it the ledger
        while "平台插件" not in (log.read_text("utf-8") if log.exists() else ""):
            assert desk.poll() is None, desk.communicate()[0].decode()
            assert time.monotonic() < deadline, "the sign-in never opened the ledger"
            time.sleep(0.1)
        assert list(logs.glob("crash-*.txt")), "a running desk keeps its crash file open"

        desk.send_signal(signal.SIGTERM)
        output = desk.communicate(timeout=30)[0].decode()
    finally:
        if desk.poll() is None:
            desk.kill()
    assert desk.returncode == 0, output
    assert not list(logs.glob("crash-*.txt"))  # the next start says nothing about a crash
    assert "收到结束信号 SIGTERM" in log.read_text("utf-8")


def test_sigterm_during_a_command_unwinds_it_and_leaves_no_crash_record(tmp_path: Path) -> None:
    """A command ended by the system runs its clean-up (``finally``: a rolled-back transaction,
    an unfinished folder removed) and exits 143, with no crash record for the next start."""
    logs = tmp_path / "logs"
    env = {**os.environ, "DUBAN_LOG_DIR": str(logs)}
    env.pop("DUBAN_NO_CRASH_FILE", None)
    script = (
        "import os, signal, sys, time\n"
        "from desktop.cli import unwind_on_terminate\n"
        "from desktop.services.diagnostics import logs\n"
        "logs.setup_logging()\n"
        "unwind_on_terminate()\n"
        "try:\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    time.sleep(30)\n"
        "finally:\n"
        "    print('cleaned up', flush=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert "cleaned up" in done.stdout
    assert not list(logs.glob("crash-*.txt"))
