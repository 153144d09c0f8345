"""Encrypted transport copies of archive packages: the package stays unencrypted; one sealed file
of it (AES-256-GCM or SM4) goes on the stick; the receiving desk decrypts it back to the package,
checked before it is written; verify says whether it checked a transport copy or a plain package;
a wrong passphrase or a changed copy writes nothing."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from archive_fixtures import docs_session  # noqa: F401
from sqlalchemy import select

from db.models import AuditEntry
from desktop.services import backup_crypto
from desktop.services.archive import export_year, transport, verify_package
from desktop.services.backup_crypto import WrongPassphrase
from desktop.services.errors import DomainError, ValidationError

PASS = "Chuandi#2026"


def _folder(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir()
    return folder


@pytest.mark.parametrize(("as_zip", "cipher"), [(False, "sm4"), (True, "aes")])
def test_a_copy_goes_out_sealed_and_comes_back_as_the_package(
    docs_session, admin, clerk, tmp_path, as_zip, cipher
) -> None:
    package = export_year(docs_session, admin, 2026, _folder(tmp_path, "desk"), as_zip=as_zip).path
    stick = _folder(tmp_path, "stick")
    result = transport.seal_copy(docs_session, clerk, package, stick, PASS, cipher=cipher)
    assert list(stick.iterdir()) == [result.path]  # one file, nothing else on the stick
    assert result.path.name.endswith(".zip.enc") and result.cipher == cipher
    data = result.path.read_bytes()
    assert data.startswith(backup_crypto.MAGIC) and b"metadata.xml" not in data
    assert backup_crypto.sealed_with(result.path) == backup_crypto.Sealed(cipher, 2)
    label = backup_crypto.CIPHERS[cipher]

    checked = transport.verify_copy(result.path, PASS)
    assert checked.ok, checked.text()
    assert f"加密：校验的是加密传递副本（{label}）" in checked.text()
    assert list(stick.iterdir()) == [result.path]  # verifying decrypted nothing beside it

    plain = verify_package(package)
    assert "加密：否，校验的是未加密的归档包" in plain.text() and "传递副本（" not in plain.text()

    receiving = _folder(tmp_path, "receiving")
    opened = transport.open_copy(docs_session, clerk, result.path, receiving, PASS)
    assert opened.path.parent == receiving and opened.path.suffix == ".zip"
    again = verify_package(opened.path)
    assert again.ok and again.manifest_sha256 == plain.manifest_sha256  # the same package
    assert "加密：否" in again.text()
    assert f"由加密传递副本“{result.path.name}”（{label}）解密而来" in again.text()
    actions = [e.action for e in docs_session.scalars(select(AuditEntry))]
    assert transport.SEAL_ACTION in actions and transport.OPEN_ACTION in actions


def test_the_package_itself_is_never_encrypted(docs_session, admin, tmp_path) -> None:
    """The package's own files hold no encrypted entry: DA/T 70's 无加密 item still passes
    for what the receiving desk gets, and the note stays beside the ZIP, not in it."""
    package = export_year(docs_session, admin, 2026, _folder(tmp_path, "desk"), as_zip=True).path
    sealed = transport.seal_copy(docs_session, admin, package, _folder(tmp_path, "s"), PASS).path
    opened = transport.open_copy(docs_session, admin, sealed, _folder(tmp_path, "r"), PASS)
    report = verify_package(opened.path)
    assert report.status("plain") == "通过" and report.status("extras") == "通过"
    assert opened.path.with_name(opened.path.name + transport.NOTE).is_file()


def test_a_wrong_passphrase_or_a_changed_copy_writes_nothing(docs_session, admin, tmp_path) -> None:
    package = export_year(docs_session, admin, 2026, _folder(tmp_path, "desk")).path
    sealed = transport.seal_copy(docs_session, admin, package, _folder(tmp_path, "s"), PASS).path
    receiving = _folder(tmp_path, "receiving")
    with pytest.raises(WrongPassphrase, match="口令不正确.*未写出任何文件"):
        transport.open_copy(docs_session, admin, sealed, receiving, "not-the-passphrase")
    with pytest.raises(WrongPassphrase, match="口令不正确"):
        transport.verify_copy(sealed, "not-the-passphrase")
    data = bytearray(sealed.read_bytes())
    data[len(data) // 2] ^= 1
    sealed.write_bytes(bytes(data))
    with pytest.raises(WrongPassphrase):
        transport.open_copy(docs_session, admin, sealed, receiving, PASS)
    assert list(receiving.iterdir()) == []


def test_a_package_changed_after_decrypting_loses_its_provenance(
    docs_session, admin, tmp_path
) -> None:
    package = export_year(docs_session, admin, 2026, _folder(tmp_path, "desk"), as_zip=True).path
    sealed = transport.seal_copy(docs_session, admin, package, _folder(tmp_path, "s"), PASS).path
    opened = transport.open_copy(docs_session, admin, sealed, _folder(tmp_path, "r"), PASS).path
    opened.chmod(0o600)
    opened.write_bytes(package.read_bytes() + b"\0")  # replaced by something else
    report = verify_package(opened)
    assert "解密而来" not in report.text()
    assert any("不符" in note for note in report.notes)


def test_only_a_package_that_passes_is_sealed(docs_session, admin, tmp_path) -> None:
    package = export_year(docs_session, admin, 2026, _folder(tmp_path, "desk")).path
    victim = next(p for p in package.rglob("*.pdf"))
    victim.write_bytes(victim.read_bytes() + b"%changed")
    stick = _folder(tmp_path, "stick")
    with pytest.raises(ValidationError, match="校验未通过"):
        transport.seal_copy(docs_session, admin, package, stick, PASS)
    with pytest.raises(DomainError, match="至少 8"):
        transport.seal_copy(docs_session, admin, package, stick, "short")
    assert list(stick.iterdir()) == []


def test_a_transport_copy_is_not_taken_for_a_package(docs_session, admin, tmp_path) -> None:
    """Import or browse of the sealed file says what it is and how to open it; the copy and
    what is decrypted from it are the user's only (0600)."""
    from desktop.services.archive import plan_import

    package = export_year(docs_session, admin, 2026, _folder(tmp_path, "desk"), as_zip=True).path
    sealed = transport.seal_copy(docs_session, admin, package, _folder(tmp_path, "s"), PASS).path
    plan = plan_import(docs_session, sealed, tmp_path / "imported")
    assert not plan.report.ok and "是加密传递副本" in plan.report.text()
    assert "decrypt-copy" in plan.report.text()
    opened = transport.open_copy(docs_session, admin, sealed, _folder(tmp_path, "r"), PASS).path
    if os.name == "posix":
        note = opened.with_name(opened.name + transport.NOTE)
        for path in (sealed, opened, note):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
