"""Encrypted backups (and archive transport copies): streamed in 1 MiB chunks so a large ledger
never sits in memory, under a key derived from the clerk's passphrase, with one of two suites:

- ``aes``: AES-256-GCM, key by scrypt (n = 2**17, r = 8, p = 1);
- ``sm4``: SM4-GCM (GB/T 32907 block cipher in the GB/T 36624 authenticated mode), key by
  PBKDF2-HMAC-SM3 (GB/T 32905), so that every primitive is a 商用密码 algorithm where an office's
  密评 asks for national algorithms.

Both come from the `cryptography` package, whose wheels carry their own OpenSSL (the same one in
the PyInstaller bundle and the glibc-2.28 信创 build, whatever OpenSSL the system or the bundled
CPython has): `self-test` seals and opens a file with each.

File layout: the header (magic, version, cipher, KDF cost, salt, nonce prefix, chunk size), then
the chunks, each sealed with its own nonce (prefix + chunk number) and the header, its number and
whether it is the last as associated data; so a changed header, a reordered, dropped or added
chunk, and a cut-off file all fail to decrypt, like a wrong passphrase. The reader takes the
cipher from the header (version 1 files, written before SM4 came, are AES with scrypt).
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
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# `cryptography` (its own OpenSSL, about 7 MB resident) loads when a file is sealed or opened,
# not with this module: the window and the rolling backup import it for its names and checks.
from db.private import open_private, private_dir
from desktop.services.errors import ValidationError

MAGIC = b"DUBANENC"
VERSION = 2
SUFFIX = ".enc"
ENV = "DUBAN_BACKUP_PASSPHRASE"
CHUNK = 1024 * 1024
_TAG = 16
# Version 1 (AES-256-GCM + scrypt only): magic, version, log2 n, r, p, salt, nonce prefix, chunk.
_HEADER_V1 = struct.Struct(">8sBBBB16s8sI")
# Version 2: magic, version, cipher, log2 n, r, p (scrypt; 0 for PBKDF2), PBKDF2 iterations (0
# for scrypt), salt, nonce prefix, chunk.
_HEADER = struct.Struct(">8sBBBBBI16s8sI")
_SCRYPT = (17, 8, 1)  # n = 2**17, r = 8, p = 1: about 128 MB and half a second, once per file
_PBKDF2_SM3 = 1_000_000  # about half a second here (SM3 runs at SHA-256's pace)
MIN_PASSPHRASE = 8

# Cipher suites: name → (header byte, what the clerk reads).
CIPHERS = {"aes": "AES-256-GCM", "sm4": "SM4-GCM（国密）"}
_CIPHER_BYTE = {"aes": 1, "sm4": 2}
DEFAULT_CIPHER = "aes"


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


def check_cipher(cipher: str) -> str:
    if cipher not in CIPHERS:
        raise ValidationError(
            f"加密算法“{cipher}”不可用：应为 aes（AES-256-GCM）或 sm4（国密 SM4）。"
        )
    return cipher


@dataclass(frozen=True)
class Sealed:
    """What the header of an encrypted file says (read without the passphrase)."""

    cipher: str
    version: int

    @property
    def label(self) -> str:
        return CIPHERS[self.cipher]


def sealed_with(path: Path) -> Sealed | None:
    """The cipher an encrypted file names in its header; None for a file that is not one."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEADER.size)
    except OSError:
        return None
    if not head.startswith(MAGIC) or len(head) < len(MAGIC) + 2:
        return None
    version = head[len(MAGIC)]
    if version == 1:
        return Sealed("aes", 1)
    names = {byte: name for name, byte in _CIPHER_BYTE.items()}
    if version == VERSION and head[len(MAGIC) + 1] in names:
        return Sealed(names[head[len(MAGIC) + 1]], version)
    return None


class _Suite:
    """One chunk sealed or opened: ciphertext + 16-byte tag, nonce 12 bytes."""

    def __init__(self, cipher: str, key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.cipher, self.key = cipher, key
        self.aes = AESGCM(key) if cipher == "aes" else None

    def seal(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        if self.aes is not None:
            return self.aes.encrypt(nonce, data, aad)
        encryptor = Cipher(algorithms.SM4(self.key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(aad)
        return encryptor.update(data) + encryptor.finalize() + encryptor.tag

    def open(self, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
        """Raises InvalidTag for a wrong key or any change."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        if self.aes is not None:
            return self.aes.decrypt(nonce, sealed, aad)
        if len(sealed) < _TAG:
            raise InvalidTag
        body, tag = sealed[:-_TAG], sealed[-_TAG:]
        decryptor = Cipher(algorithms.SM4(self.key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(aad)
        return decryptor.update(body) + decryptor.finalize()


def _key(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2**log_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _sm3_key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    kdf = PBKDF2HMAC(algorithm=hashes.SM3(), length=16, salt=salt, iterations=iterations)
    return kdf.derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">I?", index, last)


def encrypt_file(source: Path, target: Path, passphrase: str, cipher: str = DEFAULT_CIPHER) -> str:
    """Write ``source`` encrypted with ``cipher`` (CIPHERS) to ``target`` (0600, fsynced);
    returns the SHA-256 of what was written, for the read-back check."""
    check_passphrase(passphrase)
    check_cipher(cipher)
    salt, prefix = secrets.token_bytes(16), secrets.token_bytes(8)
    if cipher == "aes":
        log_n, r, p = _SCRYPT
        header = _HEADER.pack(MAGIC, VERSION, 1, log_n, r, p, 0, salt, prefix, CHUNK)
        aead = _Suite(cipher, _key(passphrase, salt, log_n, r, p))
    else:
        header = _HEADER.pack(MAGIC, VERSION, 2, 0, 0, 0, _PBKDF2_SM3, salt, prefix, CHUNK)
        aead = _Suite(cipher, _sm3_key(passphrase, salt, _PBKDF2_SM3))
    digest = hashlib.sha256(header)
    with open(source, "rb") as src, open_private(target) as dst:
        dst.write(header)
        index, chunk = 0, src.read(CHUNK)
        while True:
            following = src.read(CHUNK)
            last = not following
            sealed = aead.seal(_nonce(prefix, index), chunk, _aad(header, index, last))
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
    from cryptography.exceptions import InvalidTag

    try:
        with open(source, "rb") as src, open_private(target) as dst:
            header, aead, prefix, chunk = _read_header(src, passphrase)
            index, block = 0, src.read(chunk + _TAG)
            while True:
                following = src.read(chunk + _TAG)
                last = not following
                try:
                    plain = aead.open(_nonce(prefix, index), block, _aad(header, index, last))
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


def _read_header(src: BinaryIO, passphrase: str) -> tuple[bytes, _Suite, bytes, int]:
    """The header as written (associated data of every chunk), the key, nonce prefix, chunk."""
    start = src.read(len(MAGIC) + 1)
    if len(start) < len(MAGIC) + 1:
        raise WrongPassphrase("这不是督办台的加密文件，或文件不完整。")
    version = start[-1]
    layout = _HEADER_V1 if version == 1 else _HEADER
    header = start + src.read(layout.size - len(start))
    if start[: len(MAGIC)] != MAGIC or version not in (1, VERSION):
        raise WrongPassphrase("这不是督办台能读的加密文件（格式或版本不符）。")
    try:
        fields = layout.unpack(header)
    except struct.error as exc:
        raise WrongPassphrase("这不是督办台的加密文件，或文件不完整。") from exc
    if version == 1:
        _magic, _version, log_n, r, p, salt, prefix, chunk = fields
        suite, iterations = 1, 0
    else:
        _magic, _version, suite, log_n, r, p, iterations, salt, prefix, chunk = fields
    if chunk > 64 * CHUNK:
        raise WrongPassphrase("这不是督办台能读的加密文件（格式或版本不符）。")
    if suite == 1 and 14 <= log_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16:
        return header, _Suite("aes", _key(passphrase, salt, log_n, r, p)), prefix, chunk
    if suite == 2 and 100_000 <= iterations <= 50_000_000:
        return header, _Suite("sm4", _sm3_key(passphrase, salt, iterations)), prefix, chunk
    raise WrongPassphrase("这不是督办台能读的加密文件（加密算法或参数不符）。")


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
