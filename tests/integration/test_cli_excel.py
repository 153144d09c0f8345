"""`duban excel` as the clerk runs it: ten filled sheets from a stick import in one go; one wrong cell refuses all."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.services.ledger import backup_sqlite

TODAY = ["--today", "2026-11-28", "--user", "clerk"]


@pytest.fixture
def db(demo_template: Path, tmp_path: Path) -> str:
    return str(backup_sqlite(demo_template, tmp_path / "ledger.sqlite3"))


def fill_all(folder: Path) -> int:
    """Raise every task's percent by one point and note funds, as ten units would."""
    count = 0
    for path in sorted(folder.glob("*.xlsx")):
        book = openpyxl.load_workbook(path)
        ws = book["进度报送"]
        for row in range(5, ws.max_row + 1):
            previous = ws[f"D{row}"].value or ws[f"C{row}"].value or 0
            ws[f"D{row}"] = min(int(previous) + 1, 100)
            ws[f"E{row}"] = "按计划推进，本月完成阶段性工作。"
            ws[f"I{row}"] = 1.5
            count += 1
        book.save(path)
    return count


def ledger_digest(db: str) -> str:
    """The ledger's content; the audit log is left out (each signed-in run adds its sign-in)."""
    with closing(sqlite3.connect(db)) as raw:
        lines = [
            line for line in raw.iterdump() if not line.startswith('INSERT INTO "audit_entry"')
        ]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def test_ten_filled_templates_from_a_folder_import_in_one_go(db, tmp_path, capsys) -> None:
    stick = tmp_path / "U盘"
    assert main(["--database", db, *TODAY, "excel", "template", "--period", "2026-11",
                 "--out", str(stick)]) == 0  # fmt: skip
    assert len(list(stick.glob("*.xlsx"))) == 10
    rows = fill_all(stick)
    capsys.readouterr()
    assert main(["--database", db, *TODAY, "excel", "import", str(stick), "--dry-run"]) == 0
    preview = capsys.readouterr().out
    assert "共 10 个文件，拒收 0 个" in preview and "未写入台账" in preview
    assert "市公安局_2026-11.xlsx" in preview and "完成百分比" in preview
    assert main(["--database", db, *TODAY, "excel", "import", str(stick)]) == 0
    done = capsys.readouterr().out
    assert "已导入 10 个文件" in done
    assert f"更新 {rows - 4} 条" in done and "新增 4 条" in done
    # The second time nothing changes.
    before = ledger_digest(db)
    assert main(["--database", db, *TODAY, "excel", "import", str(stick)]) == 0
    assert "内容与台账一致" in capsys.readouterr().out
    assert ledger_digest(db) == before


def test_one_wrong_cell_refuses_the_lot_and_names_the_cell(db, tmp_path, capsys) -> None:
    stick = tmp_path / "U盘"
    main(
        ["--database", db, *TODAY, "excel", "template", "--period", "2026-11", "--out", str(stick)]
    )
    fill_all(stick)
    path = stick / "市公安局_2026-11.xlsx"
    book = openpyxl.load_workbook(path)
    book["进度报送"]["D7"] = 130
    book.save(path)
    before = ledger_digest(db)
    capsys.readouterr()
    assert main(["--database", db, *TODAY, "excel", "import", str(stick)]) == 1
    captured = capsys.readouterr()
    assert (
        "“市公安局_2026-11.xlsx”工作表“进度报送”D7：完成百分比应为0到100的数，最多一位小数"
        in captured.out
    )
    assert "未导入任何内容" in captured.err
    assert ledger_digest(db) == before


def test_export_writes_a_workbook_that_opens(db, tmp_path, capsys) -> None:
    target = tmp_path / "台账.xlsx"
    assert main(["--database", db, *TODAY, "excel", "export", "--out", str(target)]) == 0
    assert "任务 37 项" in capsys.readouterr().out
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames[:2] == ["任务台账", "进度报送（按期次）"]
    assert not list(tmp_path.glob(".*.tmp"))
