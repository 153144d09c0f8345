"""The command line signs in to write (same lockout, same audit), runs read-only verbs as the
local operator, keeps `--today` to the demo, and manages accounts under 三员分立."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import audit
from desktop.services.ledger import open_ledger


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> str:
    copy = tmp_path / "ledger.sqlite3"
    shutil.copy(demo_template, copy)
    return str(copy)


def _actions(db: str, n: int) -> list[str]:
    ledger = open_ledger(db)
    try:
        with ledger.session() as session:
            return [r.action for r in audit.recent(session, n)][::-1]
    finally:
        ledger.dispose()


def test_a_writing_verb_needs_a_sign_in_a_reading_one_does_not(demo_db, tmp_path, capsys):
    assert main(["--database", demo_db, "backup"]) == 1
    assert "需要登录" in capsys.readouterr().err
    assert main(["--database", demo_db, "status"]) == 0  # the local operator may read
    assert main(["--database", demo_db, "--user", "clerk", "backup"]) == 0
    assert _actions(demo_db, 3) == ["sign_in", "local_backup", "sign_out"]


def test_wrong_passwords_lock_the_account_as_in_the_window(demo_db, capsys, monkeypatch) -> None:
    monkeypatch.setenv("DUBAN_PASSWORD", "Not-His-Pass-1")
    for _ in range(4):
        assert main(["--database", demo_db, "--user", "clerk", "backup"]) == 1
        assert "用户名或密码不正确" in capsys.readouterr().err
    assert main(["--database", demo_db, "--user", "clerk", "backup"]) == 1
    assert "30 分钟后再试" in capsys.readouterr().err
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    assert main(["--database", demo_db, "--user", "clerk", "backup"]) == 1
    assert "分钟后再试" in capsys.readouterr().err
    assert _actions(demo_db, 3) == ["sign_in_failed", "lock", "sign_in_locked"]
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-security")
    assert main(["--database", demo_db, "--user", "security", "user", "unlock", "clerk"]) == 0
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    assert main(["--database", demo_db, "--user", "clerk", "backup"]) == 0


def test_today_is_refused_on_a_real_ledger(tmp_path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "real.sqlite3")
    monkeypatch.setenv("DUBAN_PASSWORD", "Wang-Jing-2026")
    assert main(["--database", db, "init", "--admin", "wangjing", "--name", "王静"]) == 0
    out = capsys.readouterr().out
    assert "安全管理员、审计管理员" in out and "user add" in out  # asked for the other two
    assert main(["--database", db, "--today", "2026-01-01", "status"]) == 1
    assert "--today 只用于演示台账" in capsys.readouterr().err
    assert main(["--database", db, "status"]) == 0


def test_accounts_under_three_administrators(tmp_path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "real.sqlite3")
    run = lambda *a: main(["--database", db, *a])  # noqa: E731
    monkeypatch.setenv("DUBAN_PASSWORD", "Wang-Jing-2026")
    assert run("init", "--admin", "wangjing", "--name", "王静") == 0
    monkeypatch.setenv("DUBAN_NEW_PASSWORD", "weak")
    assert run("--user", "wangjing", "user", "add", "zhao", "--name", "赵安", "--role",
               "secadmin") == 1  # fmt: skip
    assert "至少需要 8 位" in capsys.readouterr().err
    monkeypatch.setenv("DUBAN_NEW_PASSWORD", "Temp-Security-1")
    assert run("--user", "wangjing", "user", "add", "zhao", "--name", "赵安", "--role",
               "secadmin") == 0  # fmt: skip
    # the new 安全管理员 must set a password of their own before anything else
    monkeypatch.setenv("DUBAN_PASSWORD", "Temp-Security-1")
    assert run("--user", "zhao", "user", "role", "wangjing", "clerk") == 1
    assert "user passwd" in capsys.readouterr().err
    monkeypatch.setenv("DUBAN_NEW_PASSWORD", "An-Quan-Guan-7")
    assert run("--user", "zhao", "user", "passwd") == 0
    monkeypatch.setenv("DUBAN_PASSWORD", "An-Quan-Guan-7")
    # from now on the 系统管理员's new accounts wait for the 安全管理员
    monkeypatch.setenv("DUBAN_NEW_PASSWORD", "Temp-Clerk-22")
    monkeypatch.setenv("DUBAN_PASSWORD", "Wang-Jing-2026")
    assert run("--user", "wangjing", "user", "add", "li", "--name", "李明", "--role", "clerk") == 0
    assert "须经安全管理员审核" in capsys.readouterr().out
    assert run("--user", "wangjing", "user", "approve", "li") == 1  # not his share
    monkeypatch.setenv("DUBAN_PASSWORD", "An-Quan-Guan-7")
    assert run("--user", "zhao", "user", "approve", "li") == 0
    assert run("--user", "zhao", "user", "lock", "li") == 0
    capsys.readouterr()
    assert run("user", "list") == 0
    listing = capsys.readouterr().out
    assert "李明" in listing and "已锁定" in listing and "审计管理员" in listing  # still missing
    assert run("--user", "zhao", "user", "unlock", "li") == 0
    assert run("--user", "zhao", "user", "role", "li", "leader") == 0
    capsys.readouterr()
    assert run("user", "list") == 0
    assert "领导" in capsys.readouterr().out


def test_user_policy_shows_to_anyone_and_changes_only_for_the_security_admin(
    demo_db, capsys, monkeypatch
) -> None:
    assert main(["--database", demo_db, "user", "policy"]) == 0
    assert "连续失败几次后锁定" in capsys.readouterr().out
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-admin")
    change = ["user", "policy", "--lockout-attempts", "3", "--idle-lock-minutes", "5"]
    assert main(["--database", demo_db, "--user", "admin", *change]) == 1
    assert "无权管理安全策略" in capsys.readouterr().err
    assert _actions(demo_db, 2)[0] == "refused"
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-security")
    assert main(["--database", demo_db, "--user", "security", *change]) == 0
    out = capsys.readouterr().out
    assert "连续失败几次后锁定 5→3" in out and "空闲几分钟后锁屏（0 为不锁屏） 10→5" in out
    assert main(["--database", demo_db, "--user", "security", "user", "policy",
                 "--password-min-length", "6"]) == 1  # fmt: skip
    assert "8 至 64 位" in capsys.readouterr().err


def test_a_reading_verb_given_a_user_checks_the_password(demo_db, capsys, monkeypatch) -> None:
    """`--user` is never ignored: a wrong password (or a locked name) refuses a reading verb
    too, rather than running it as the local operator as if the password were right."""
    monkeypatch.setenv("DUBAN_PASSWORD", "Not-His-Pass-1")
    assert main(["--database", demo_db, "--user", "admin", "user", "list"]) == 1
    assert "用户名或密码不正确" in capsys.readouterr().err
    assert main(["--database", demo_db, "--user", "admin", "status"]) == 1
    assert main(["--database", demo_db, "user", "list"]) == 0  # no --user: the local operator
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-admin")
    assert main(["--database", demo_db, "--user", "admin", "user", "list"]) == 0
    assert "用户名" in capsys.readouterr().out
    assert _actions(demo_db, 2) == ["sign_in", "sign_out"]
