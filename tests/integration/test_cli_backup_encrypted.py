"""`duban backup --encrypt` and `duban restore` of the encrypted file, passphrase from
DUBAN_BACKUP_PASSPHRASE; a wrong one says so in Chinese and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main


def test_encrypted_backup_and_restore_from_the_command_line(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    db = tmp_path / "demo.sqlite3"
    main(["--database", str(db), "demo"])
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setenv("DUBAN_BACKUP_PASSPHRASE", "Jiangcheng#2026")
    assert (
        main(["--database", str(db), "--user", "clerk", "backup", "--encrypt", "--to", str(stick)])
        == 0
    )
    (sealed,) = stick.glob("*.sqlite3.enc")
    capsys.readouterr()
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-admin")  # restore is the 系统管理员's
    monkeypatch.setenv("DUBAN_BACKUP_PASSPHRASE", "not-the-passphrase")
    before = db.read_bytes()
    assert main(["--database", str(db), "--user", "admin", "restore", str(sealed), "--yes"]) == 1
    assert "口令不正确" in capsys.readouterr().err
    assert db.read_bytes() == before
    monkeypatch.setenv("DUBAN_BACKUP_PASSPHRASE", "Jiangcheng#2026")
    restoring = ["--database", str(db), "--user", "admin", "restore", str(sealed), "--yes"]
    assert main([*restoring, "--reason", "测试"]) == 0
    out = capsys.readouterr().out
    assert "已用口令解密" in out and "已恢复" in out
    assert main(["--database", str(db), "audit", "--last", "1"]) == 0
    assert "操作日志完整" in capsys.readouterr().out


def test_cipher_sm4_from_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    """`--cipher sm4` encrypts (no --encrypt needed); restore takes the cipher from the header."""
    from desktop.services import backup_crypto

    db = tmp_path / "demo.sqlite3"
    main(["--database", str(db), "demo"])
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setenv("DUBAN_BACKUP_PASSPHRASE", "Jiangcheng#2026")
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-clerk")
    backing = ["--database", str(db), "--user", "clerk", "backup", "--to", str(stick)]
    assert main([*backing, "--cipher", "sm4"]) == 0
    assert "SM4" in capsys.readouterr().out
    (sealed,) = stick.glob("*.sqlite3.enc")
    assert backup_crypto.sealed_with(sealed) == backup_crypto.Sealed("sm4", 2)
    with pytest.raises(SystemExit):  # argparse refuses an unknown cipher
        main([*backing, "--cipher", "des"])
    capsys.readouterr()
    monkeypatch.setenv("DUBAN_PASSWORD", "duban-admin")
    monkeypatch.setenv("DUBAN_BACKUP_PASSPHRASE", "not-the-passphrase")
    before = db.read_bytes()
    restoring = ["--database", str(db), "--user", "admin", "restore", str(sealed), "--yes"]
    assert main([*restoring, "--reason", "测试"]) == 1
    assert "口令不正确" in capsys.readouterr().err and db.read_bytes() == before
    monkeypatch.setenv("DUBAN_BACKUP_PASSPHRASE", "Jiangcheng#2026")
    assert main([*restoring, "--reason", "测试"]) == 0
    out = capsys.readouterr().out
    assert "SM4" in out and "已恢复" in out
