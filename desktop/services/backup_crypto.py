"""Encrypted backups: AES-256-GCM (the `cryptography` package) under a key derived from the
clerk's passphrase with scrypt, streamed in 1 MiB chunks so a large ledger never sits in memory.

File layout: the header (magic, version, scrypt cost, salt, nonce prefix, chunk size), then the
chunks, each sealed with its own nonce (prefix + chunk number) and the header, its number and
whether it is the last as associated data; so a changed header, a reordered, dropped or added
chunk, and a cut-off file all fail to decrypt, like a wrong passphrase.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from db.private import open_private, private_dir
from desktop.services.errors import ValidationError

MAGIC = b"DUBANENC"
VERSION = 1
SUFFIX = ".enc"
ENV = "DUBAN_BACKUP_PASSPHRASE"
CHUNK = 1024 * 1024
_TAG = 16
_HEADER = struct.Struct(">8sBBBB16s8sI")  # magic, version, log2 n, r, p, salt, nonce prefix, chunk
_SCRYPT = (17, 8, 1)  # n = 2**17, r = 8, p = 1: about 128 MB and half a second, once per file
MIN_PASSPHRASE = 8


class WrongPassphrase(ValidationError):
    """The passphrase does not open the file (or the file was changed): nothing was done."""


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(f"备份口令至少 {MIN_PASSPHRASE} 个字符。")


def _key(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**log_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">I?", index, last)


def encrypt_file(source: Path, target: Path, passphrase: str) -> str:
    """Write ``source`` encrypted to ``target`` (0600, fsynced); returns the SHA-256 of what
    was written, for the read-back check."""
    check_passphrase(passphrase)
    log_n, r, p = _SCRYPT
    salt, prefix = secrets.token_bytes(16), secrets.token_bytes(8)
    header = _HEADER.pack(MAGIC, VERSION, log_n, r, p, salt, prefix, CHUNK)
    aead = AESGCM(_key(passphrase, salt, log_n, r, p))
    digest = hashlib.sha256(header)
    with open(source, "rb") as src, open_private(target) as dst:
        dst.write(header)
        index, chunk = 0, src.read(CHUNK)
        while True:
            following = src.read(CHUNK)
            last = not following
            sealed = aead.encrypt(_nonce(prefix, index), chunk, _aad(header, index, last))
            dst.write(sealed)
            digest.update(sealed)
            if last:
                break
            index, chunk = index + 1, following
        dst.flush()
        os.fsync(dst.fileno())
    return digest.hexdigest()


def decrypt_file(source: Path, target: Path, passphrase: str) -> None:
    """Decrypt into ``target`` (0600); a wrong passphrase or any change raises WrongPassphrase
    and leaves no target behind."""
    try:
        with open(source, "rb") as src, open_private(target) as dst:
            header = src.read(_HEADER.size)
            try:
                magic, version, log_n, r, p, salt, prefix, chunk = _HEADER.unpack(header)
            except struct.error as exc:
                raise WrongPassphrase("这不是督办台的加密备份，或文件不完整。") from exc
            if magic != MAGIC or version != VERSION or not 14 <= log_n <= 22 or chunk > 64 * CHUNK:
                raise WrongPassphrase("这不是督办台能读的加密备份（格式或版本不符）。")
            aead = AESGCM(_key(passphrase, salt, log_n, r, p))
            index, block = 0, src.read(chunk + _TAG)
            while True:
                following = src.read(chunk + _TAG)
                last = not following
                try:
                    plain = aead.decrypt(_nonce(prefix, index), block, _aad(header, index, last))
                except InvalidTag as exc:
                    raise WrongPassphrase(
                        "备份口令不正确，或加密备份已损坏、被改动：无法解密，台账未作任何改动。"
                    ) from exc
                dst.write(plain)
                if last:
                    break
                index, block = index + 1, following
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def decrypted(path: Path, passphrase: str) -> Iterator[Path]:
    """The backup decrypted into a private temporary folder (removed afterwards), named as the
    backup without ``.enc``, with the checksum sidecars a plain backup has: the .sha256 of the
    encrypted file is checked first, so a copy changed in transit is refused before decrypting."""
    path = Path(path)
    sidecar = path.with_name(path.name + ".sha256")
    if sidecar.is_file():
        recorded = sidecar.read_text("utf-8", "replace").split()[:1]
        if recorded != [_sha256(path)]:
            raise ValidationError("加密备份与其 .sha256 校验值不符：备份已损坏或被改动，未恢复。")
    folder = Path(tempfile.mkdtemp(prefix="duban-restore-"))
    try:
        private_dir(folder)
        name = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name + ".sqlite3"
        plain = folder / name
        decrypt_file(path, plain, passphrase)
        if sidecar.is_file():
            (folder / (name + ".sha256")).write_text(f"{_sha256(plain)}  {name}\n", "utf-8")
        head = path.with_name(path.name + ".audit-head.json")
        if head.is_file():
            shutil.copyfile(head, folder / (name + ".audit-head.json"))
        yield plain
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()
