"""On Windows the desk's private files and folders get a user-only ACL where Linux has 0600/0700:
icacls from System32, a list argv (no shell, no console window), /inheritance:r and /grant:r for
the signed-in account; a folder's grant is inherited, so what is made in it needs no call of its
own. Run on Linux with the Windows branch switched on and the runner replaced: this checks the
exact commands, not Windows itself (README 安全: not run on Windows)."""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from db import private
from desktop.services import backup
from desktop.services.ledger import open_ledger

ICACLS = r"C:\Windows\System32\icacls.exe"
ACCOUNT = r"PINGANBAN\zhangsan"


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The Windows branch on, each icacls command recorded (and reported as done)."""
    ran: list[list[str]] = []

    def run(argv: Sequence[str]) -> bool:
        ran.append(list(argv))
        return True

    monkeypatch.setattr(private, "_WINDOWS", True)
    monkeypatch.setattr(private, "RUN", run)
    monkeypatch.setattr(private, "_USER_ONLY", set())
    monkeypatch.setattr(private, "_warned", [])
    monkeypatch.setenv("USERNAME", "zhangsan")
    monkeypatch.setenv("USERDOMAIN", "PINGANBAN")
    monkeypatch.setenv("SYSTEMROOT", r"C:\Windows")
    return ran


def folder_acl(path: Path) -> list[str]:
    return [ICACLS, str(path), "/inheritance:r", "/grant:r", f"{ACCOUNT}:(OI)(CI)F", "/q"]


def file_acl(path: Path) -> list[str]:
    return [ICACLS, str(path), "/inheritance:r", "/grant:r", f"{ACCOUNT}:(F)", "/q"]


def test_a_private_folder_is_made_user_only_and_its_files_inherit(windows, tmp_path) -> None:
    folder = private.private_dir(tmp_path / "audit-keys")
    assert windows == [folder_acl(folder)]
    private.create_private(folder / "a.key")
    private.write_private(folder / "b.anchor", b"{}")
    private.private_dir(folder)  # again in the same process: nothing more to do
    assert windows == [folder_acl(folder)]


def test_a_file_outside_a_private_folder_gets_its_own_acl(windows, tmp_path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    with private.open_private(stick / "copy.bin") as handle:
        handle.write(b"x")
    private.tighten(stick / "copy.bin")  # tightened again on open: files are not remembered
    assert windows == [file_acl(stick / "copy.bin")] * 2
    private.tighten(stick / "missing.bin")  # nothing there: nothing run
    assert len(windows) == 2


def test_a_ledger_in_a_folder_of_the_users_choice(windows, tmp_path, clock) -> None:
    """Its file and SQLite's -wal and -shm (made with the folder's ACL) each get one."""
    chosen = tmp_path / "督办"
    chosen.mkdir()
    ledger = open_ledger(chosen / "ledger.sqlite3", clock)
    ledger.dispose()
    for name in ("ledger.sqlite3", "ledger.sqlite3-wal", "ledger.sqlite3-shm"):
        assert file_acl(chosen / name) in windows, name
    assert not any(argv[-2].endswith("(OI)(CI)F") for argv in windows if argv[1] == str(chosen))


def test_a_new_ledger_folder_is_user_only(windows, tmp_path, clock) -> None:
    ledger = open_ledger(tmp_path / "new-folder" / "ledger.sqlite3", clock)
    ledger.dispose()
    assert folder_acl(tmp_path / "new-folder") in windows
    assert file_acl(tmp_path / "new-folder" / "ledger.sqlite3") not in windows  # inherits


def test_a_backup_on_a_stick_every_file(windows, tmp_path, session, clerk) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    result = backup.backup_to(session, clerk, stick)
    written = {Path(argv[1]).name for argv in windows if argv[1].startswith(str(stick))}
    for path in stick.iterdir():  # each under its unfinished name, before the rename
        assert f"{path.name}.未完成" in written, path.name
    assert result.path.is_file()


def test_a_drive_without_acls_is_said_once_and_nothing_fails(
    windows, monkeypatch, tmp_path, caplog
) -> None:
    def refuse(argv: Sequence[str]) -> bool:
        windows.append(list(argv))
        return False

    monkeypatch.setattr(private, "RUN", refuse)
    with caplog.at_level(logging.WARNING, logger="db.private"):
        for name in ("a", "b"):
            private.create_private(tmp_path / name)
    assert len(windows) == 2 and len(caplog.records) == 1


def test_the_runner_passes_a_list_without_shell_or_console(monkeypatch) -> None:
    seen: dict[str, object] = {}

    def fake(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        seen.update(kwargs, args=args)
        return subprocess.CompletedProcess(args, 0, b"", b"")

    monkeypatch.setattr(subprocess, "run", fake)
    assert private._run_icacls([ICACLS, r"C:\x", "/inheritance:r"])
    assert seen["args"] == [ICACLS, r"C:\x", "/inheritance:r"]
    assert not seen.get("shell") and seen["creationflags"] == 0x08000000
