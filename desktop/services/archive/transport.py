"""Encrypted transport copies of archive packages: the package itself stays unencrypted (DA/T 70:
no encryption inside an archival package), but a clerk who carries it on a stick may write one
sealed file of it, with the passphrase and cipher machinery of encrypted backups
(backup_crypto: AES-256-GCM or SM4-GCM). The receiving desk decrypts it back to the package,
a ZIP, checked before it is written, with a note beside it (never inside it) saying where it
came from, so that `archive verify` of that ZIP can say so.

    J001-2026-文书.zip.enc          the transport copy (one file; any change fails to decrypt)
    J001-2026-文书.zip              the package decrypted from it, on the receiving desk
    J001-2026-文书.zip.transport.json   which copy it came from, with which cipher, its hash
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from db.private import private_dir, tighten
from desktop.services import audit, backup_crypto, media, settings
from desktop.services.archive import fsio, provenance
from desktop.services.archive.fsio import UNFINISHED, MediaError, human_size
from desktop.services.archive.model import is_litter
from desktop.services.archive.reader import open_package
from desktop.services.archive.verify import VerifyReport, verify_package
from desktop.services.auth import Actor, Permission
from desktop.services.backup_crypto import WrongPassphrase
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.files import file_sha256, fsync_dir

SUFFIX = ".zip.enc"
NOTE = ".transport.json"  # beside a package decrypted here, outside it
SEAL_ACTION = "transport_copy"
OPEN_ACTION = "transport_open"
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class TransportResult:
    path: Path  # the transport copy written
    cipher: str
    size: int
    sha256: str  # of the sealed file, as read back from the medium
    report: VerifyReport  # the package's check before it was sealed
    warning: str = ""  # not on removable media: which device it went to


@dataclass(frozen=True)
class OpenResult:
    path: Path  # the package (a ZIP) decrypted from the copy
    cipher: str
    report: VerifyReport  # the check of what was decrypted, before it was written


def is_transport_copy(path: Path) -> bool:
    return Path(path).is_file() and backup_crypto.is_encrypted(Path(path))


def _package_name(path: Path) -> str:
    name = path.name
    for suffix in (".enc", ".zip"):
        name = name.removesuffix(suffix)
    return name or "归档包"


def _zip_folder(folder: Path, target: Path, top: str) -> None:
    """A folder package as the ZIP the export writes (one top folder), read through the safe
    reader (no links, no paths out); system litter (.DS_Store …) is left out."""
    reader = open_package(folder)
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for name in reader.names():
                if is_litter(name):
                    continue
                archive.write(folder / name, f"{top}/{name}")
    finally:
        reader.close()


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    """A private (0700) temporary folder, removed afterwards: a decrypted package is as
    private as the ledger while it is here."""
    with tempfile.TemporaryDirectory(prefix="duban-transport-") as tmp:
        yield private_dir(Path(tmp))


def _decrypt(sealed: Path, target: Path, passphrase: str) -> str:
    """The copy decrypted into ``target``; its cipher. A wrong passphrase or any change:
    WrongPassphrase, in this file's words, and no ``target``."""
    found = backup_crypto.sealed_with(sealed)
    if found is None:
        raise ValidationError(f"“{sealed.name}”不是督办台的加密传递副本。")
    try:
        backup_crypto.decrypt_file(sealed, target, passphrase)
    except WrongPassphrase as exc:
        if "口令不正确" not in str(exc):
            raise
        raise WrongPassphrase(
            "口令不正确，或传递副本已损坏、被改动：无法解密，未写出任何文件。"
        ) from exc
    return found.cipher


def _mark(report: VerifyReport, sealed: Path, cipher: str) -> VerifyReport:
    report.label = str(sealed)
    report.transport = backup_crypto.CIPHERS[cipher]
    return report


def verify_copy(
    sealed: Path, passphrase: str, *, ledger: provenance.LedgerHistory | None = None
) -> VerifyReport:
    """`archive verify` of a transport copy: decrypted into a private temporary folder (removed
    afterwards), checked as the package it holds; the report says it was a transport copy and
    with which cipher. Writes nothing where the copy is."""
    sealed = Path(sealed)
    with _scratch() as tmp:
        plain = tmp / f"{_package_name(sealed)}.zip"
        cipher = _decrypt(sealed, plain, passphrase)
        return _mark(verify_package(plain, ledger=ledger), sealed, cipher)


@audit.writes(Permission.BACKUP)
def seal_copy(
    session: Session,
    actor: Actor,
    package: Path,
    destination: Path,
    passphrase: str,
    *,
    cipher: str | None = None,
) -> TransportResult:
    """Write one encrypted file of ``package`` (a folder or a ZIP, checked first: only a
    package that passes is sealed) into ``destination``, read back from the medium."""
    backup_crypto.check_passphrase(passphrase)
    chosen = backup_crypto.check_cipher(cipher or settings.office(session).backup_cipher)
    package, destination = Path(package), Path(destination)
    if is_transport_copy(package):
        raise ValidationError("这已是加密传递副本，无须再加密。")
    if not destination.is_dir():
        raise ValidationError(f"目标文件夹“{destination}”不存在或不可用（移动介质是否已插好？）。")
    report = verify_package(package, ledger=provenance.history(session))
    if not report.ok or report.info is None:
        raise ValidationError(
            "归档包校验未通过，不能为它写传递副本（先查明原因）：\n" + report.summary()
        )
    name = _package_name(package)
    with _scratch() as tmp:
        zipped = package
        if package.is_dir():
            zipped = tmp / f"{name}.zip"
            _zip_folder(package, zipped, name)
        fsio.check_room(destination, zipped.stat().st_size)
        final = fsio.unique_target(destination, name, SUFFIX)
        temp = final.with_name(final.name + UNFINISHED)
        try:
            digest = backup_crypto.encrypt_file(zipped, temp, passphrase, chosen)
            with open(temp, "rb") as handle:
                fsio.forget_cached(handle.fileno())
            if file_sha256(temp) != digest:
                raise MediaError("传递副本写入后回读不一致，介质可能有坏块，已作废。")
            size = temp.stat().st_size
            os.rename(temp, final)
            fsync_dir(destination)
        except OSError as exc:
            fsio.remove_quietly(temp)
            raise MediaError(f"写传递副本失败：{fsio.reason(exc)}。未留下不完整的文件。") from exc
        except BaseException:
            fsio.remove_quietly(temp)
            raise
    label = backup_crypto.CIPHERS[chosen]
    audit.record(
        session,
        actor,
        SEAL_ACTION,
        "archive",
        report.info.year,
        f"为归档包“{package.name}”写加密传递副本（{label}）到“{destination}”：{human_size(size)}",
        {
            "package": str(package),
            "path": str(final),
            "cipher": chosen,
            "sha256": digest,
            "size": size,
            "manifest_sha256": report.manifest_sha256,
        },
    )
    warning = media.placement(final).warning(final)
    return TransportResult(final, chosen, size, digest, report, warning)


@audit.writes(Permission.BACKUP)
def open_copy(
    session: Session, actor: Actor, sealed: Path, destination: Path, passphrase: str
) -> OpenResult:
    """Decrypt a transport copy back to its package (``destination/<name>.zip``): decrypted and
    checked in a private temporary folder first; a wrong passphrase, a changed copy or a
    package that does not pass writes nothing."""
    sealed, destination = Path(sealed), Path(destination)
    if not destination.is_dir():
        raise ValidationError(f"目标文件夹“{destination}”不存在或不可用。")
    name = _package_name(sealed)
    with _scratch() as tmp:
        plain = tmp / f"{name}.zip"
        cipher = _decrypt(sealed, plain, passphrase)
        report = _mark(verify_package(plain, ledger=provenance.history(session)), sealed, cipher)
        if not report.ok or report.info is None:
            raise ValidationError(
                "传递副本解密后，其中的归档包校验未通过，未写出：\n" + report.summary()
            )
        fsio.check_room(destination, plain.stat().st_size)
        final = fsio.unique_target(destination, name, ".zip")
        temp = final.with_name(final.name + UNFINISHED)
        note = final.with_name(final.name + NOTE)
        try:
            fsio.write_file(temp, _chunks(plain))
            digest = file_sha256(temp)
            if digest != file_sha256(plain):
                raise MediaError("写出后回读不一致，介质可能有坏块，已作废。")
            at = clock_of(session).now()
            fsio.write_file(note, _note(sealed, cipher, digest, at))
            os.rename(temp, final)
            fsync_dir(destination)
        except OSError as exc:
            fsio.remove_quietly(temp)
            fsio.remove_quietly(note)
            raise MediaError(f"解密传递副本失败：{fsio.reason(exc)}。未留下不完整的文件。") from exc
        except BaseException:
            fsio.remove_quietly(temp)
            fsio.remove_quietly(note)
            raise
    for written in (final, note):
        with contextlib.suppress(OSError):
            tighten(written)
    audit.record(
        session,
        actor,
        OPEN_ACTION,
        "archive",
        report.info.year,
        f"把加密传递副本“{sealed.name}”（{backup_crypto.CIPHERS[cipher]}）解密为归档包“{final}”",
        {"source": str(sealed), "path": str(final), "cipher": cipher, "sha256": digest},
    )
    report.label = str(final)
    return OpenResult(final, cipher, report)


def _chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while block := handle.read(_CHUNK):
            yield block


def _note(sealed: Path, cipher: str, digest: str, at: datetime) -> bytes:
    return json.dumps(
        {
            "decrypted_from": sealed.name,
            "cipher": cipher,
            "at": at.isoformat(timespec="seconds"),
            "sha256": digest,
        },
        ensure_ascii=False,
        indent=1,
    ).encode("utf-8")


def opened_from(package: Path) -> tuple[str, str]:
    """For `archive verify` of a plain ZIP: (what the note beside it says, a problem) — ("", "")
    when there is no note. The note counts only while the ZIP is still the one decrypted."""
    note = Path(package).with_name(Path(package).name + NOTE)
    if not Path(package).is_file() or not note.is_file():
        return "", ""
    try:
        facts = json.loads(note.read_text("utf-8"))
        source, cipher, at = facts["decrypted_from"], facts["cipher"], facts["at"]
        recorded = facts["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return "", f"旁边的“{note.name}”无法读取，不能确认该包的来源。"
    if recorded != file_sha256(Path(package)):
        return "", f"旁边的“{note.name}”与该文件不符：解密之后文件被改动或替换过。"
    label = backup_crypto.CIPHERS.get(str(cipher), str(cipher))
    return f"它于 {str(at).replace('T', ' ')} 由加密传递副本“{source}”（{label}）解密而来", ""
