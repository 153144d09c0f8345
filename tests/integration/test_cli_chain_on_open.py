"""Every verb that opens a ledger verifies its audit chain from the last verified entry: a
break is warned about by reading verbs and refuses writing ones with exit code 4."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.cli import main
from desktop.cli.context import CHAIN_BROKEN


def test_a_broken_chain_warns_readers_and_refuses_writers(
    demo_template: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    db = tmp_path / "ledger.sqlite3"
    shutil.copy(demo_template, db)
    assert main(["--database", str(db), "status"]) == 0
    assert "警告" not in capsys.readouterr().err  # an intact log: nothing to say
    with sqlite3.connect(db) as raw:  # a shell user's edit of one entry
        raw.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        raw.execute(  # the newest: the incremental check recomputes where it last stopped
            "UPDATE audit_entry SET summary = summary || '（改）' "
            "WHERE id = (SELECT max(id) FROM audit_entry)"
        )
    raw.close()
    assert main(["--database", str(db), "status"]) == 0
    assert "警告：操作日志第" in capsys.readouterr().err
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    assert main(["--database", str(db), "--user", "clerk", "backup"]) == CHAIN_BROKEN
    assert "本命令不写入台账" in capsys.readouterr().err
    with sqlite3.connect(db) as raw:
        breaks = raw.execute("SELECT count(*) FROM audit_entry WHERE action = 'chain_break'")
        assert breaks.fetchone()[0] == 1  # recorded once, not on every open
        signed = raw.execute("SELECT count(*) FROM audit_entry WHERE action = 'sign_in'")
        assert signed.fetchone()[0] == 0  # refused before anyone signed in to write
    raw.close()
