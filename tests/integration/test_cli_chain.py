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
