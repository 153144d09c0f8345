"""A server address with a password on the command line is refused (and says why); the address
may instead live in the user's 0600 settings file, which is refused when others can read it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.ledger_address import server_url_path


def test_a_password_in_the_url_is_refused_with_the_reason() -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--database", "postgresql+psycopg://duban:secret@db.office/duban", "status"])
    message = str(stop.value)
    assert "不能带密码" in message and "PGPASSFILE" in message and "进程列表" in message
    assert "secret" not in message


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_address_comes_from_a_private_settings_file(tmp_path: Path, capsys) -> None:
    db = tmp_path / "shared.sqlite3"
    assert main(["--database", str(db), "demo"]) == 0
    setting = server_url_path()
    try:
        setting.write_text(f"sqlite:///{db}\n", "utf-8")
        setting.chmod(0o644)
        with pytest.raises(SystemExit, match="chmod 600"):
            main(["status"])
        setting.chmod(0o600)
        capsys.readouterr()
        assert main(["status"]) == 0
        assert "共 37 项任务" in capsys.readouterr().out
    finally:
        setting.unlink(missing_ok=True)
