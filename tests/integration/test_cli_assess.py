"""`duban assess YEAR`: the results table, 定稿, and the 考核结果通报 PDF, as a clerk runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.cli import main
from tests.fixtures.assessment import default_scheme


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> list[str]:
    from desktop.services.ledger import open_ledger

    copy = tmp_path / "ledger.sqlite3"
    shutil.copy(demo_template, copy)
    ledger = open_ledger(copy)
    with ledger.session() as session:
        default_scheme(session)  # the older default draft these figures were checked against
    ledger.dispose()
    return ["--database", str(copy), "--today", "2026-11-28", "--user", "clerk"]


def test_prints_the_results_table(demo_db: list[str], capsys) -> None:
    assert main([*demo_db, "assess", "2026"]) == 0
    out = capsys.readouterr().out
    assert "未定稿" in out and "进度40" in out and "报送及时15" in out
    first = next(line for line in out.splitlines() if line.strip().startswith("1 "))
    assert "市司法局" in first and "91.4" in first and "优秀" in first
    assert "80.0*" in out  # a manual score not entered yet: the base score, marked


def test_circular_needs_the_results_finalised_first(
    demo_db: list[str], tmp_path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    out_pdf = tmp_path / "考核结果通报.pdf"
    assert main([*demo_db, "assess", "2026", "--circular", "--out", str(out_pdf)]) == 1
    assert "尚未定稿" in capsys.readouterr().err
    assert not out_pdf.exists()
    code = main(
        [*demo_db, "assess", "2026", "--finalise", "--circular",
         "--out", str(out_pdf)]
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "已定稿" in out and "考核结果通报草稿" in out
    assert out_pdf.read_bytes().startswith(b"%PDF")


def test_a_year_without_a_scheme_says_how_to_start(demo_db: list[str], capsys) -> None:
    assert main([*demo_db, "assess", "2025"]) == 1
    assert "还没有考核方案" in capsys.readouterr().err
    assert main([*demo_db, "assess", "2025", "--create"]) == 0
    assert "已按默认方案新建" in capsys.readouterr().out


def test_the_demo_year_decided_reopened_with_a_reason_and_decided_again(
    demo_template: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    copy = tmp_path / "decided.sqlite3"
    shutil.copy(demo_template, copy)
    base = ["--database", str(copy), "--today", "2026-11-28", "--user", "clerk"]
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    assert main([*base, "assess", "2026"]) == 0
    out = capsys.readouterr().out
    assert "审定等次" in out and "审定（会议纪要第" in out
    assert main([*base, "assess", "2026", "--reopen", " "]) == 1
    assert "写明理由" in capsys.readouterr().err
    assert main([*base, "assess", "2026", "--reopen", "复核群众评价得分"]) == 0
    assert "已重新打开" in capsys.readouterr().out
    decide = ["assess", "2026", "--decide", "--by", "领导小组会议", "--minutes", "第3期"]
    assert main([*base, *decide]) == 1
    assert "先定稿" in capsys.readouterr().err
    assert main([*base, "assess", "2026", "--finalise", *decide[2:]]) == 0
    assert "纪要第3期" in capsys.readouterr().out


def test_scheme_sources_periods_and_veto_from_the_command_line(
    demo_db: list[str], capsys, monkeypatch
) -> None:
    """A draft scheme's scoring sources, sensitive periods and veto mode set with `assess`; the
    service's checks hold (weights sum 100, MM-DD dates, the cap one of the grades)."""
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    assert main([*demo_db, "assess", "2026", "--scheme"]) == 0
    out = capsys.readouterr().out
    assert "评分来源：不分来源" in out and "一票否决：一票否决，每次 0，定为最低等次" in out
    argv = [*demo_db, "assess", "2026", "--source", "群众评价=60", "--source", "实地考评=40",
            "--sensitive", "06-20:06-30:高考", "--veto-mode", "cap", "--veto-cap", "良好"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "评分来源：群众评价 60、实地考评 40" in out and "敏感时段：高考 06-20至06-30" in out
    assert "一票否决，每次 0，限定最高等次：良好" in out
    assert main([*demo_db, "assess", "2026", "--source", "群众评价=50"]) == 1
    assert "合计 100" in capsys.readouterr().err
    assert main([*demo_db, "assess", "2026", "--veto-mode", "cap", "--veto-cap", "优良"]) == 1
    assert "限定的最高等次应为方案中的一个等次" in capsys.readouterr().err
    assert main([*demo_db, "assess", "2026", "--sensitive", "none", "--source", "none"]) == 0
    out = capsys.readouterr().out
    assert "评分来源：不分来源" in out and "敏感时段：无" in out
