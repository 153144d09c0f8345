"""`duban status` on a ledger that needs nothing done to it is read without SQLAlchemy
(services.quick_status, issue 11): it prints what the services print, and leaves every other
ledger (a write behind the program's back, an edited audit entry) to them."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import quick_status

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--today", "2026-11-28", "status"]


@pytest.fixture
def ledger(demo_template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "ledger.sqlite3"
    shutil.copy(demo_template, db)
    return db


def _status(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--database", str(db), *ARGS]) == 0
    return capsys.readouterr().out


def _served(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    served: list[bool] = []
    real = quick_status.read

    def spy(*args: object, **kwargs: object) -> object:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        served.append(found is not None)
        return found

    monkeypatch.setattr(quick_status, "read", spy)
    return served


def test_the_quick_read_prints_what_the_services_print(
    ledger: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    served = _served(monkeypatch)
    first = _status(ledger, capsys)  # verifies the chain and makes the lamp cache current
    quick = _status(ledger, capsys)
    assert served == [False, True]
    monkeypatch.setattr(quick_status, "read", lambda *a, **k: None)
    assert _status(ledger, capsys) == quick == first
    assert "红灯任务" in quick and "即将到期的督办事项" in quick


def test_a_write_behind_the_program_or_an_edited_entry_goes_to_the_services(
    ledger: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    served = _served(monkeypatch)
    _status(ledger, capsys)
    with sqlite3.connect(ledger) as raw:  # a milestone added by plain SQL: lamps to recompute
        raw.execute(
            "INSERT INTO milestone (task_id, title, due) SELECT id, '补充节点', '2026-01-01'"
            " FROM task ORDER BY id LIMIT 1"
        )
    raw.close()
    _status(ledger, capsys)
    _status(ledger, capsys)
    with sqlite3.connect(ledger) as raw:
        raw.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        raw.execute(
            "UPDATE audit_entry SET summary = summary || '（改）' "
            "WHERE id = (SELECT max(id) FROM audit_entry)"
        )
    raw.close()
    assert main(["--database", str(ledger), *ARGS]) == 0
    assert "警告：操作日志第" in capsys.readouterr().err
    assert served == [False, False, True, False]


def test_a_current_ledger_is_read_without_sqlalchemy(
    ledger: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _status(ledger, capsys)
    code = (
        "import sys\nfrom desktop.cli import main\n"
        f"main(['--database', {str(ledger)!r}, *{ARGS!r}])\n"
        "print('loaded:', ' '.join(m for m in ('sqlalchemy', 'db.models') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("loaded:")
