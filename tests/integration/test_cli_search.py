"""`duban search TEXT`: the whole record searched from the command line, matches bracketed."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import main


def test_search_groups_hits_and_marks_the_words(demo_template: Path, tmp_path: Path, capsys):
    from desktop.services.ledger import backup_sqlite

    db = str(backup_sqlite(demo_template, tmp_path / "demo.sqlite3"))
    assert main(["--database", db, "search", "市应急"]) == 0
    out = capsys.readouterr().out
    assert "【约谈】" in out and "【公文】" in out and "【市应急】" in out
    assert main(["--database", db, "search", "gongan"]) == 0
    assert "【单位】" in capsys.readouterr().out
    assert main(["--database", db, "search", "没有这个词"]) == 0
    assert "没有找到" in capsys.readouterr().out
