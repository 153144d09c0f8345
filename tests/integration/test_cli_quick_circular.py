"""`duban notice circular` for a period whose draft exists, on a local ledger that needs nothing
done to it, signs in and renders without SQLAlchemy (services.quick_circular, issue 11): the
same PDF, the same chain entries and the same refusal of a wrong password as the services."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.services import identity, quick_circular

ROOT = Path(__file__).resolve().parents[2]
BASE = ["--today", "2026-11-28", "--user", "clerk", "notice", "circular", "--period", "2026-11"]
# What an entry says, without where it sits in the chain (id, seq, MACs).
REAL = quick_circular.open_draft
ENTRY = "SELECT at, user_id, actor, action, entity, entity_id, summary, detail FROM audit_entry"


@pytest.fixture
def ledger(demo_template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "ledger.sqlite3"
    shutil.copy(demo_template, db)
    return db


def _served(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    served: list[bool] = []

    def spy(*args: object, **kwargs: object) -> object:
        found = REAL(*args, **kwargs)  # type: ignore[arg-type]
        served.append(found is not None)
        return found

    monkeypatch.setattr(quick_circular, "open_draft", spy)
    return served


def _circular(db: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--database", str(db), *BASE, "--out", str(out)])
    said = capsys.readouterr()
    return code, re.sub(r"用时 [0-9.]+ 秒", "用时", said.out.replace(str(out), "OUT")), said.err


def _entries_after(db: Path, last_id: int) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as raw:
        found = raw.execute(f"{ENTRY} WHERE id > ? ORDER BY id", (last_id,)).fetchall()
    raw.close()
    return found


def _last_id(db: Path) -> int:
    with sqlite3.connect(db) as raw:
        found = raw.execute("SELECT max(id) FROM audit_entry").fetchone()[0]
    raw.close()
    return int(found)


def _pages(pdf: Path) -> list[bytes]:
    """What is drawn on each page (the file's dates and ID differ from run to run)."""
    return [page.get_contents().get_data() for page in PdfReader(pdf).pages]


def test_the_quick_path_writes_what_the_services_write(
    ledger: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    served = _served(monkeypatch)
    assert _circular(ledger, tmp_path / "first.pdf", capsys)[0] == 0  # drafts: the services
    monkeypatch.setattr(quick_circular, "open_draft", lambda *a, **k: None)
    before = _last_id(ledger)
    by_services = _circular(ledger, tmp_path / "services.pdf", capsys)
    services_entries = _entries_after(ledger, before)
    served = _served(monkeypatch)
    before = _last_id(ledger)
    quick = _circular(ledger, tmp_path / "quick.pdf", capsys)
    assert served == [True]
    assert quick == by_services and quick[0] == 0 and "沿用已有草稿" in quick[1]
    assert _entries_after(ledger, before) == services_entries
    assert [e[3] for e in services_entries] == ["sign_in", "sign_out"]
    assert _pages(tmp_path / "quick.pdf") == _pages(tmp_path / "services.pdf")
    # The chain the quick path extended verifies whole, and the next open takes it on.
    assert main(["--database", str(ledger), "audit"]) == 0
    assert "校验链无断点" in capsys.readouterr().out
    assert _circular(ledger, tmp_path / "again.pdf", capsys)[0] == 0
    assert served == [True, True]


def test_a_wrong_password_is_refused_as_the_services_refuse_it(
    ledger: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _circular(ledger, tmp_path / "first.pdf", capsys)
    _circular(ledger, tmp_path / "second.pdf", capsys)  # the chain verified up to here
    served = _served(monkeypatch)
    monkeypatch.setenv("DUBAN_PASSWORD", "not-the-password")
    before = _last_id(ledger)
    code, out, err = _circular(ledger, tmp_path / "wrong.pdf", capsys)
    assert served == [True]  # the quick path opened, found the password wrong, wrote nothing
    assert code == 1 and err.strip() == f"错误：{identity.WRONG}"
    assert not (tmp_path / "wrong.pdf").exists() and "已输出" not in out
    entries = _entries_after(ledger, before)
    assert [(e[3], e[6]) for e in entries] == [
        ("sign_in_failed", "登录失败（密码错误或无此用户）：clerk，连续第 1 次")
    ]
    # Counted towards the lock as the services count it; the next sign-in goes to them.
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    served.clear()
    assert _circular(ledger, tmp_path / "right.pdf", capsys)[0] == 0
    assert served == [False]


def test_the_cold_command_loads_no_sqlalchemy(ledger: Path, tmp_path: Path) -> None:
    env_run = [sys.executable, "-c", _NO_ORM, str(ledger), str(tmp_path / "cold.pdf")]
    for _ in range(2):  # the first drafts through the services; the second is the quick one
        done = subprocess.run(env_run, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "sqlalchemy loaded: False"


_NO_ORM = f"""
import sys
from desktop.cli import main
code = main(["--database", sys.argv[1], *{BASE!r}, "--out", sys.argv[2]])
print("sqlalchemy loaded:", "sqlalchemy" in sys.modules)
sys.exit(code)
"""
