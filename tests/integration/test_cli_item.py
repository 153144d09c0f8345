"""`duban item`: a 领导批示 registered with its default deadline, extended with a leader's
approval, sent back once and closed from the command line; `duban status` reminds."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from tests.integration.conftest import CLERK

DAY = ["--today", "2026-11-28"]


def test_instruction_item_through_the_command_line(
    demo_template: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services.ledger import backup_sqlite

    db = ["--database", str(backup_sqlite(demo_template, tmp_path / "demo.sqlite3")), *DAY]

    def run(*argv: str, user: list[str] = CLERK) -> str:
        code = main([*db, *user, "item", *argv])
        captured = capsys.readouterr()
        assert code == 0, captured.err
        return captured.out

    out = run("register", "--source", "领导批示", "--urgency", "急件", "--unit", "公安局",
              "--co-unit", "市财政局", "--requirement", "三日内报送盲区清单",
              "--ref", "陈立群同志批示", "--leader", "林振邦")  # fmt: skip
    assert "期限 2026-12-03" in out  # 急件: five days, the default of the settings
    item = out.split("#")[1].split(" ")[0]
    run("extend", item, "--to", "2026-12-10", "--reason", "需实地复核")
    # The demo's own 交办 item waits for a leader already; this one after the 科员's check.
    assert main([*db, "status"]) == 0 and "待领导审批的延期申请 1 件" in capsys.readouterr().out
    ext = run("show", item).split("延期申请 ")[1].split("：")[0]
    run("check", ext, "--note", "属实")
    assert main([*db, "status"]) == 0
    assert "待领导审批的延期申请 2 件" in capsys.readouterr().out
    refused = main([*db, *CLERK, "item", "approve", ext])
    assert refused == 1 and "无权审批督办事项延期" in capsys.readouterr().err
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-leader")
    run("approve", ext, "--note", "同意", user=["--user", "leader"])
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    run("reply", item, "--text", "清单附后", "--signer", "赵国栋")
    run("return", item, "--reason", "未盖公章")
    run("reply", item, "--text", "清单附后（盖章件）", "--signer", "赵国栋", "--stamped")
    run("close", item)
    shown = run("show", item)
    assert "办理期限：2026-12-10（原定 2026-12-03）" in shown and "已办结" in shown
    assert (
        "退办 2026-11-28：未盖公章（限 2026-12-10 补办）" in shown
        and "签发人 赵国栋，已盖章" in shown
    )
    urged = main([*db, *CLERK, "item", "urge", item])
    assert urged == 1 and "已办结" in capsys.readouterr().err
