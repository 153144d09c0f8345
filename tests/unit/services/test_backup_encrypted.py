"""Encrypted backups: AES-256-GCM under a scrypt key, or SM4-GCM under a PBKDF2-HMAC-SM3 key,
from the passphrase, streamed in chunks; the header names the cipher;
restore decrypts with the passphrase; a wrong passphrase, a changed byte, a cut-off file or
reordered chunks are refused with one Chinese message and nothing changed."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop.services import auth, backup, backup_crypto, backup_restore, settings, tasks
from desktop.services.backup_crypto import CHUNK, WrongPassphrase
from desktop.services.errors import ValidationError
from desktop.services.ledger import open_ledger

PASS = "Jiangcheng#2026"


@pytest.fixture
def live(tmp_path: Path, clock) -> Path:  # type: ignore[no-untyped-def]
    ledger = open_ledger(tmp_path / "live.sqlite3", clock)
    with ledger.session() as session:
        tasks.create_unit(session, auth.system_actor("测试"), "市公安局")
    ledger.dispose()
    return tmp_path / "live.sqlite3"


def _encrypted_backup(live: Path, tmp_path: Path, clock) -> Path:  # type: ignore[no-untyped-def]
    stick = tmp_path / "stick"
    stick.mkdir(exist_ok=True)
    ledger = open_ledger(live, clock)
    with ledger.session() as session:
        result = backup.backup_to(session, auth.system_actor("测试"), stick, passphrase=PASS)
    ledger.dispose()
    return result.path


def test_the_backup_is_encrypted_and_restores_with_the_passphrase(live, tmp_path, clock) -> None:
    path = _encrypted_backup(live, tmp_path, clock)
    data = path.read_bytes()
    assert path.name.endswith(".sqlite3.enc") and data.startswith(backup_crypto.MAGIC)
    assert b"SQLite format 3" not in data and "市公安局".encode() not in data
    assert not backup_restore.inspect_backup(path).ok  # says it needs the passphrase
    with backup_crypto.decrypted(path, PASS) as plain:
        check = backup_restore.inspect_backup(plain)
        assert check.ok, check.text()
        result = backup_restore.restore(
            live, plain, auth.system_actor("测试"), clock, reason="测试"
        )
    assert result.set_aside is not None


def test_a_wrong_passphrase_changes_nothing(live, tmp_path, clock) -> None:
    path = _encrypted_backup(live, tmp_path, clock)
    before = live.read_bytes()
    with (
        pytest.raises(WrongPassphrase, match="口令不正确"),
        backup_crypto.decrypted(path, "wrong-one-123"),
    ):
        pytest.fail("must not get here")
    assert live.read_bytes() == before


def test_a_changed_byte_is_refused_before_decrypting(live, tmp_path, clock) -> None:
    path = _encrypted_backup(live, tmp_path, clock)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(Exception, match="校验值不符"), backup_crypto.decrypted(path, PASS):
        pass
    path.with_name(path.name + ".sha256").unlink()  # without the sidecar GCM still refuses it
    with pytest.raises(WrongPassphrase), backup_crypto.decrypted(path, PASS):
        pass


def test_chunks_cut_off_or_reordered_fail(tmp_path: Path) -> None:
    plain = tmp_path / "plain.bin"
    plain.write_bytes(os.urandom(2 * CHUNK + 1000))
    sealed = tmp_path / "sealed.enc"
    backup_crypto.encrypt_file(plain, sealed, PASS)
    back = tmp_path / "back.bin"
    backup_crypto.decrypt_file(sealed, back, PASS)
    assert back.read_bytes() == plain.read_bytes()
    data = sealed.read_bytes()
    header, block = backup_crypto._HEADER.size, CHUNK + 16
    cut = data[: header + 2 * block]  # the last chunk dropped: the one before is not marked last
    swapped = (
        data[:header]
        + data[header + block : header + 2 * block]
        + data[header : header + block]
        + data[header + 2 * block :]
    )
    for bad in (cut, swapped, data[:-1]):
        sealed.write_bytes(bad)
        with pytest.raises(WrongPassphrase):
            backup_crypto.decrypt_file(sealed, back, PASS)
        assert not back.exists()


def test_a_short_passphrase_is_refused(session, admin, tmp_path) -> None:
    with pytest.raises(Exception, match="至少 8"):
        backup.backup_to(session, admin, tmp_path, passphrase="short")


# --- SM4 (国密) -------------------------------------------------------------------------------


def test_an_sm4_backup_names_its_cipher_and_restores(live, tmp_path, clock) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    ledger = open_ledger(live, clock)
    with ledger.session() as session:
        result = backup.backup_to(
            session, auth.system_actor("测试"), stick, passphrase=PASS, cipher="sm4"
        )
        (entry,) = [e for e in session.scalars(select(AuditEntry)) if "备份台账到" in e.summary]
    ledger.dispose()
    assert result.cipher == "sm4" and "SM4" in entry.summary
    data = result.path.read_bytes()
    assert b"SQLite format 3" not in data and "市公安局".encode() not in data
    sealed = backup_crypto.sealed_with(result.path)
    assert sealed is not None and sealed.cipher == "sm4"
    with (
        pytest.raises(WrongPassphrase, match="口令不正确"),
        backup_crypto.decrypted(result.path, "wrong-one-123"),
    ):
        pytest.fail("must not get here")
    before = live.read_bytes()
    with backup_crypto.decrypted(result.path, PASS) as plain:
        assert live.read_bytes() == before  # the wrong try changed nothing
        check = backup_restore.inspect_backup(plain)
        assert check.ok, check.text()
        restored = backup_restore.restore(
            live, plain, auth.system_actor("测试"), clock, reason="测试"
        )
    assert restored.set_aside is not None


def test_the_setting_chooses_the_cipher(live, tmp_path, clock) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    ledger = open_ledger(live, clock)
    actor = auth.system_actor("测试")
    with ledger.session() as session:
        office = settings.office(session)
        assert office.backup_cipher == "aes"  # the default: AES-256-GCM
        settings.save_office(session, actor, replace(office, backup_cipher="sm4"))
    with ledger.session() as session:
        result = backup.backup_to(session, actor, stick, passphrase=PASS)
    with ledger.session() as session, pytest.raises(ValidationError, match="sm4"):
        settings.save_office(session, actor, replace(office, backup_cipher="des"))
    ledger.dispose()
    sealed = backup_crypto.sealed_with(result.path)
    assert sealed is not None and sealed.cipher == "sm4"


@pytest.mark.parametrize("cipher", ["aes", "sm4"])
def test_each_cipher_refuses_cut_reordered_or_changed_chunks(tmp_path: Path, cipher) -> None:
    plain = tmp_path / "plain.bin"
    plain.write_bytes(os.urandom(2 * CHUNK + 1000))
    sealed = tmp_path / "sealed.enc"
    backup_crypto.encrypt_file(plain, sealed, PASS, cipher)
    back = tmp_path / "back.bin"
    backup_crypto.decrypt_file(sealed, back, PASS)
    assert back.read_bytes() == plain.read_bytes()
    data = sealed.read_bytes()
    header, block = backup_crypto._HEADER.size, CHUNK + 16
    cut = data[: header + 2 * block]
    swapped = (
        data[:header]
        + data[header + block : header + 2 * block]
        + data[header : header + block]
        + data[header + 2 * block :]
    )
    other = bytearray(data)
    other[9] = 3 - other[9]  # the header's cipher byte claims the other suite
    flipped = bytearray(data)
    flipped[header + 5] ^= 1
    for bad in (cut, swapped, data[:-1], bytes(other), bytes(flipped)):
        sealed.write_bytes(bad)
        with pytest.raises(WrongPassphrase):
            backup_crypto.decrypt_file(sealed, back, PASS)
        assert not back.exists()


def test_a_version_1_file_still_opens_as_aes(tmp_path: Path) -> None:
    """Backups written before SM4 came (header version 1, AES-256-GCM with scrypt)."""
    import secrets
    import struct

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, prefix = secrets.token_bytes(16), secrets.token_bytes(8)
    header = backup_crypto._HEADER_V1.pack(b"DUBANENC", 1, 14, 8, 1, salt, prefix, CHUNK)
    key = backup_crypto._key(PASS, salt, 14, 8, 1)
    body = AESGCM(key).encrypt(prefix + struct.pack(">I", 0), b"old", header + b"\0\0\0\0\1")
    old = tmp_path / "old.enc"
    old.write_bytes(header + body)
    sealed = backup_crypto.sealed_with(old)
    assert sealed is not None and sealed.cipher == "aes"
    backup_crypto.decrypt_file(old, tmp_path / "old.bin", PASS)
    assert (tmp_path / "old.bin").read_bytes() == b"old"
