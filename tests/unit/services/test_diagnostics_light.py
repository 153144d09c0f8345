"""The start-up banner and the log file without the heavy standard modules (issue 11): the same
versions as importlib.metadata, the same system line as platform.platform(), the log rotated
into .1 … .N as logging.handlers.RotatingFileHandler does, and a quick `duban status` loads none
of what it no longer needs."""

from __future__ import annotations

import logging
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from desktop.services.diagnostics import logs, versions
from desktop.services.diagnostics.log_file import PrivateRotatingLog

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("package", ["duban", "PySide6", "SQLAlchemy", "reportlab", "pyside6"])
def test_versions_are_importlib_metadatas(package: str) -> None:
    assert versions.version(package, "（未安装）") == metadata.version(package)


def test_a_missing_package_and_an_egg_info_are_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert versions.version("no-such-package-here", "（未安装）") == "（未安装）"
    (tmp_path / "oldstyle-1.2.egg-info").mkdir()
    (tmp_path / "oldstyle-1.2.egg-info" / "PKG-INFO").write_text("Name: oldstyle\nVersion: 1.2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert versions.version("oldstyle", "-") == metadata.version("oldstyle") == "1.2"


def test_the_system_line_is_platforms() -> None:
    assert logs.system_text() == platform.platform()


def test_the_log_rolls_over_into_numbered_files(tmp_path: Path) -> None:
    target = tmp_path / "duban.log"
    handler = PrivateRotatingLog(target, max_bytes=200, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    record = logging.LogRecord("duban", logging.INFO, __file__, 1, "x" * 90, None, None)
    for _ in range(7):
        handler.emit(record)
    handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["duban.log", "duban.log.1", "duban.log.2"]  # the oldest dropped
    assert all(p.stat().st_size < 200 for p in tmp_path.iterdir())
    assert all(p.stat().st_mode & 0o077 == 0 for p in tmp_path.iterdir())


def test_a_quick_status_loads_none_of_the_heavy_standard_modules(tmp_path: Path) -> None:
    """The command's start: parse, log set-up, banner, context; what it no longer loads."""
    heavy = ("importlib.metadata", "logging.handlers", "subprocess", "uuid", "socket", "getpass")
    code = (
        "import sys\n"
        "from desktop.cli import parse\n"
        "from desktop.cli.context import CliContext\n"
        "from desktop.services.diagnostics import logs\n"
        "logs.setup_logging(crash_file=False)\n"
        "args = parse(['--database', 'x.sqlite3', 'status'])\n"
        "logs.log_banner([logs.ledger_kind(args.database)])\n"
        "CliContext.from_args(args)\n"
        f"print(' '.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "DUBAN_LOG_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
