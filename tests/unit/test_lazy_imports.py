"""Start-up imports only what the first window or the command needs (issue 11): the heavy
packages load when the work that needs them runs. Checked in a fresh interpreter each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "alembic",
    "openpyxl",
    "reportlab",
    "PySide6.QtCharts",
    "PySide6.QtPdf",
    "pypdf",
    "fontTools",
    "cryptography",  # its own OpenSSL, ~7 MB resident: only when a file is sealed or opened
)
ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, tmp_path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _heavy_loaded_by(code: str, tmp_path: Path) -> list[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    return _run(probe, tmp_path).split()


def test_a_command_on_a_ledger_at_head_loads_none_of_them(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    opening = (
        f"from desktop.services.ledger import open_ledger\nopen_ledger({str(ledger)!r}).dispose()"
    )
    _run(opening, tmp_path)  # creates the schema (Alembic may load: an upgrade is due)
    code = f"from desktop.cli import build_parser\nbuild_parser()\n{opening}"
    assert _heavy_loaded_by(code, tmp_path) == []


@pytest.mark.parametrize("module", ["desktop.ui.app", "desktop.ui.main_window"])
def test_the_window_modules_load_none_of_them(module: str, tmp_path: Path) -> None:
    assert _heavy_loaded_by(f"import {module}", tmp_path) == []


def test_the_dashboard_charts_paint_without_qtcharts(tmp_path: Path) -> None:
    code = (
        "from desktop.ui import app\n"
        "from desktop.ui.painted_chart import bar_chart\n"
        "app.create_app()\n"
        "chart = bar_chart('t', ['01', '02'], [('a', '#3b7dd8', [1.0, 2.0])], print)\n"
        "chart.resize(400, 260)\n"
        "assert not chart.grab().isNull()\n"
    )
    assert _heavy_loaded_by(code, tmp_path) == []


def test_the_window_paints_its_sign_in_before_sqlalchemy_loads(tmp_path: Path) -> None:
    """A bare `duban` parses, sets up and builds the sign-in dialog with no ORM behind it."""
    code = (
        "import sys\n"
        "from desktop.cli import parse\n"
        "from desktop.cli.context import CliContext\n"
        "from desktop.ui import app\n"
        "CliContext.from_args(parse(['--database', 'x.sqlite3']))\n"
        "app.create_app()\n"
        "app.SignInDialog(None)\n"
        "print(' '.join(m for m in ('sqlalchemy', 'db.models') if m in sys.modules))\n"
    )
    assert _run(code, tmp_path).split() == []
