"""`duban chain`: the escalation chain from the command line, on the demo ledger."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import main


def test_chain_lists_proposals_items_and_interviews(demo_template: Path, tmp_path: Path, capsys):
    from desktop.services.ledger import backup_sqlite

    db = str(backup_sqlite(demo_template, tmp_path / "demo.sqlite3"))
    assert main(["--database", db, "--today", "2026-11-28", "chain"]) == 0
    out = capsys.readouterr().out
    assert "督办建议" in out and "05-03" in out and "约谈" in out
    assert main(["--database", db, "--today", "2026-11-28", "chain", "items"]) == 0
    out = capsys.readouterr().out
    assert "逾期未回复" in out and "已办结" in out
    assert main(["--database", db, "--today", "2026-11-28", "chain", "interviews"]) == 0
    out = capsys.readouterr().out
    assert "整改销号" in out and "已问责" in out


def test_accountability_verbs_record_refuse_and_print(
    demo_template: Path, tmp_path: Path, capsys, monkeypatch
):
    """The demo's 问责 shown step by step; a step out of order refused (exit 1, Chinese); the
    决定书 printed to a PDF."""
    from desktop.services.ledger import backup_sqlite

    db = str(backup_sqlite(demo_template, tmp_path / "demo.sqlite3"))
    base = ["--database", db, "--today", "2026-11-28"]
    assert main([*base, "accountability", "show", "1"]) == 0
    out = capsys.readouterr().out
    for step in ("启动问责", "成立调查组", "陈述申辩", "问责决定", "通报组织部门", "申诉处理"):
        assert step in out
    assert "下一步：已办结" in out
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    again = [*base, "--user", "clerk", "accountability", "execute", "1", "--content", "再次"]
    assert main(again) == 1
    assert "不能重复登记" in capsys.readouterr().err
    pdf = tmp_path / "决定书.pdf"
    printed = [*base, "--user", "clerk", "accountability", "print", "1", "decision", "--out"]
    assert main([*printed, str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_accountability_step_corrected_from_the_command_line(
    demo_template: Path, tmp_path: Path, capsys, monkeypatch
):
    """`accountability correct`: only the fields given change, with the reason; nothing given
    differs: refused; a decided case cannot be waived any more."""
    from desktop.services.ledger import backup_sqlite

    db = str(backup_sqlite(demo_template, tmp_path / "demo.sqlite3"))
    base = ["--database", db, "--today", "2026-11-28", "--user", "clerk"]
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    fix = [*base, "accountability", "correct", "1", "findings", "--finding", "improper"]
    assert main([*fix, "--reason", "认定情形录入有误"]) == 0
    assert "已更正“调查认定”" in capsys.readouterr().out
    assert main([*base, "accountability", "show", "1"]) == 0
    assert "执行不当" in capsys.readouterr().out
    assert main([*fix, "--reason", "再改"]) == 1
    assert "无需更正" in capsys.readouterr().err
    assert main([*base, "accountability", "waive", "1", "--ending", "exempted",
                 "--decided-by", "市委", "--basis", "主动补救"]) == 1  # fmt: skip
    assert "不能登记“不予或免予问责”" in capsys.readouterr().err  # decided already
