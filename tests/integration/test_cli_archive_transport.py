"""`duban archive encrypt-copy` / `decrypt-copy` and `archive verify` of a transport copy: the
package stays plain, the copy is one sealed file, verify says which of the two it checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main


@pytest.mark.slow  # 22 s: a year's package written, sealed, opened, verified: CI's slow stage
def test_transport_copy_from_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    db = tmp_path / "demo.sqlite3"
    main(["--database", str(db), "demo"])
    desk, stick, receiving = (tmp_path / n for n in ("desk", "stick", "receiving"))
    for folder in (desk, stick, receiving):
        folder.mkdir()
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    run = ["--database", str(db), "--user", "clerk", "archive"]
    assert main([*run, "export", "--year", "2026", "--to", str(desk)]) == 0
    (package,) = desk.iterdir()
    capsys.readouterr()

    monkeypatch.setenv("DUBAN_BACKUP_PASSPHRASE", "Chuandi#2026")
    copying = [*run, "encrypt-copy", str(package), "--to", str(stick), "--cipher", "sm4"]
    assert main(copying) == 0
    assert "已写出加密传递副本" in capsys.readouterr().out
    (sealed,) = stick.iterdir()
    assert sealed.name.endswith(".zip.enc")

    verify = ["--database", str(db), "archive", "verify"]
    assert main([*verify, str(sealed)]) == 0  # read-only: the local operator may
    out = capsys.readouterr().out
    assert "加密：校验的是加密传递副本（SM4-GCM（国密））" in out and "校验通过" in out
    assert main([*verify, str(package)]) == 0
    assert "加密：否，校验的是未加密的归档包" in capsys.readouterr().out

    monkeypatch.setenv("DUBAN_BACKUP_PASSPHRASE", "not-the-passphrase")
    assert main([*run, "decrypt-copy", str(sealed), "--to", str(receiving)]) != 0
    assert "口令不正确" in capsys.readouterr().err and list(receiving.iterdir()) == []
    monkeypatch.setenv("DUBAN_BACKUP_PASSPHRASE", "Chuandi#2026")
    assert main([*run, "decrypt-copy", str(sealed), "--to", str(receiving)]) == 0
    assert "已解密为归档包" in capsys.readouterr().out
    opened = next(p for p in receiving.iterdir() if p.suffix == ".zip")
    assert main([*verify, str(opened)]) == 0
    out = capsys.readouterr().out
    assert "加密：否" in out and f"由加密传递副本“{sealed.name}”" in out
    assert main(["--database", str(db), "audit", "--last", "3"]) == 0
    assert "解密为归档包" in capsys.readouterr().out
