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


def test_item_and_accountability_rules_from_the_command_line(
    demo_template: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register's rules and the 问责 numbers: shown to anyone, changed by the 系统管理员 only
    (old→new printed and audited); a bad value is refused with nothing changed."""
    from desktop.services.ledger import backup_sqlite

    db = ["--database", str(backup_sqlite(demo_template, tmp_path / "demo.sqlite3")), *DAY]
    assert main([*db, "item", "rules"]) == 0
    shown = capsys.readouterr().out
    assert "领导批示一般件办理期限（天）" in shown and "15" in shown
    refused = main([*db, *CLERK, "item", "rules", "--instruction-days", "10"])
    assert refused == 1 and capsys.readouterr().err
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-admin")
    admin = ["--user", "admin"]
    assert main([*db, *admin, "item", "rules", "--instruction-days", "10",
                 "--urge-interval-days", "3"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "领导批示一般件办理期限（天） 15→10" in out and "（天，0 为不限） 7→3" in out
    assert main([*db, *admin, "item", "rules", "--instruction-urgent-days", "7"]) == 1
    assert "1 至 5 天" in capsys.readouterr().err
    assert main([*db, *admin, "accountability", "rules", "--appeal-days", "15"]) == 0
    assert "申诉期限（天） 30→15" in capsys.readouterr().out
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    out = main([*db, *CLERK, "item", "register", "--source", "领导批示", "--unit", "公安局",
                "--requirement", "报送清单"])  # fmt: skip
    assert out == 0 and "期限 2026-12-08" in capsys.readouterr().out  # 10 days now
    assert main([*db, "audit", "--last", "30"]) == 0
    assert "督办事项办理期限与催办规则（领导批示一般件" in capsys.readouterr().out


def test_the_register_exported_and_printed_from_the_command_line(
    demo_template: Path, tmp_path: Path, capsys
) -> None:
    import openpyxl

    from desktop.services.ledger import backup_sqlite

    db = ["--database", str(backup_sqlite(demo_template, tmp_path / "demo.sqlite3")), *DAY]
    assert main([*db, "item", "export", "--out", str(tmp_path / "登记簿.xlsx")]) == 0
    assert "（10 件）" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(tmp_path / "登记簿.xlsx")["督查事项登记簿"]
    sources = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "领导批示" in sources and "人大建议/政协提案" in sources
    assert main([*db, "item", "export", "--out", str(tmp_path / "登记簿.pdf")]) == 0
    assert (tmp_path / "登记簿.pdf").read_bytes().startswith(b"%PDF")
    assert main([*db, "item", "export", "--out", str(tmp_path / "登记簿.doc")]) == 1
    assert ".xlsx" in capsys.readouterr().err
