"""Passwords: the policy a new one must meet, and scrypt hashes at the current cost."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
import string
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.services.errors import ValidationError

COMMON_LIST = (
    Path(__file__).resolve().parents[2] / "resources" / "security" / "common-passwords.txt"
)


@dataclass(frozen=True)
class Cost:
    n: int
    r: int
    p: int


# One of the scrypt settings OWASP's Password Storage Cheat Sheet lists as equal in the defence
# they give (N=2^17,r=8,p=1 … N=2^14,r=8,p=5 … N=2^13,r=8,p=10): the one needing 16 MiB, not
# 128 MiB, in a process that already holds Qt and the ledger (about 0.2 s on a 2-core PC).
RECOMMENDED = Cost(2**14, 8, 5)
current_cost = RECOMMENDED  # tests lower it (tests/conftest.py) so each fixture user is cheap


def hash_password(password: str, cost: Cost | None = None) -> str:
    cost = cost or current_cost
    salt = os.urandom(16)
    digest = _scrypt(password, salt, cost)
    return "$".join(["scrypt", str(cost.n), str(cost.r), str(cost.p), _b64(salt), _b64(digest)])


def check_password(password: str, stored: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        return False
    cost, salt, digest = parsed
    return hmac.compare_digest(_scrypt(password, salt, cost), digest)


def needs_upgrade(stored: str) -> bool:
    """A hash made with other settings than today's (a lower cost, or the earlier 128 MiB
    N=2^17,r=8,p=1) is made again at the next sign-in, when the password is at hand."""
    parsed = _parse(stored)
    return parsed is None or parsed[0] != current_cost


@functools.cache
def _dummy(cost: Cost) -> str:
    return hash_password("no account has this password", cost)


def dummy_hash() -> str:
    """Checked against for an unknown user name, so that it costs what a wrong password costs."""
    return _dummy(current_cost)


def _scrypt(password: str, salt: bytes, cost: Cost) -> bytes:
    """The same scrypt bytes from the fastest implementation at hand: libsodium where the
    system has it (Linux), else hashlib.scrypt where this Python's hashlib has its OpenSSL
    (_hashlib, already loaded for hashlib and, through asyncio, ssl): cryptography's own OpenSSL
    would add 6.4 MB to the sign-in's peak (issue 11). The 信创 bundle leaves _hashlib out
    (build.spec): there the same bytes come through cryptography."""
    secret = password.encode()
    derived = _sodium_scrypt(secret, salt, cost)
    if derived is not None:
        return derived
    scrypt = getattr(hashlib, "scrypt", None)
    if scrypt is not None:
        # OpenSSL's default limit is 32 MiB; an older 128 MiB hash must still check
        maxmem = 128 * cost.r * (cost.n + cost.p + 2) + 2**20
        return scrypt(secret, salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=maxmem, dklen=32)
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=cost.n, r=cost.r, p=cost.p).derive(secret)


# libsodium's sonames (Debian 12, Kylin and UOS: .23; newer: .26), loaded by name from the
# system's library folders; never on Windows, where a DLL by name may come from the working
# folder.
SODIUM_NAMES = ("libsodium.so.23", "libsodium.so.26")


def _sodium_scrypt(secret: bytes, salt: bytes, cost: Cost) -> bytes | None:
    """scrypt through libsodium (crypto_pwhash_scryptsalsa208sha256_ll: N, r and p as given,
    the same function as hashlib's, with a SIMD Salsa20/8 core): the sign-in's cost in ~0.14 s
    of CPU where OpenSSL's takes 0.21–0.27 s (issue 11: the cold `duban notice circular`).
    None where there is no libsodium or it fails; the caller then derives it as before."""
    derive = _sodium()
    if derive is None:
        return None
    import ctypes

    out = ctypes.create_string_buffer(32)
    done = derive(secret, len(secret), salt, len(salt), cost.n, cost.r, cost.p, out, 32)
    return out.raw if done == 0 else None


@functools.cache
def _sodium() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    for name in SODIUM_NAMES:
        try:
            library = ctypes.CDLL(name)
            derive = library.crypto_pwhash_scryptsalsa208sha256_ll
            if library.sodium_init() < 0:
                continue
        except (OSError, AttributeError):
            continue
        size, u64, u32 = ctypes.c_size_t, ctypes.c_uint64, ctypes.c_uint32
        text = ctypes.c_char_p
        derive.argtypes = [text, size, text, size, u64, u32, u32, ctypes.c_char_p, size]
        derive.restype = ctypes.c_int
        return derive
    return None


def _parse(stored: str) -> tuple[Cost, bytes, bytes] | None:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return None
        return Cost(int(n), int(r), int(p)), _unb64(salt), _unb64(digest)
    except ValueError:
        return None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


# --- the policy ----------------------------------------------------------------------------

MIN_LENGTH = 8
MIN_CLASSES = 3
_CLASSES = (
    ("大写字母", lambda c: c.isascii() and c.isupper()),
    ("小写字母", lambda c: c.isascii() and c.islower()),
    ("数字", lambda c: c.isdigit()),
    ("符号", lambda c: not c.isalnum() and not c.isspace()),
)
POLICY_TEXT = "至少 8 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不是常见密码"
POLICY_TEMPLATE = "至少 {length} 位，含大写字母、小写字母、数字、符号中的至少 {classes} 类，不含用户名，不是常见密码"


def policy_text(length: int = MIN_LENGTH, classes: int = MIN_CLASSES) -> str:
    """The rule as the 安全管理员 set it (SecurityPolicy), for hints and prompts."""
    return POLICY_TEMPLATE.format(length=length, classes=classes)


@functools.cache
def common_passwords() -> frozenset[str]:
    lines = COMMON_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_common(password: str) -> bool:
    """In the list as typed, or once the digits and symbols around a listed word are dropped
    ("Dragon2026!" is "dragon" with a tail)."""
    lowered = password.lower()
    core = lowered.strip(string.digits + string.punctuation + " ")
    common = common_passwords()
    return lowered in common or (len(core) >= 4 and core in common)


def check_policy(
    password: str,
    username: str,
    field: str = "password",
    *,
    min_length: int = MIN_LENGTH,
    min_classes: int = MIN_CLASSES,
) -> None:
    """Raise ValidationError (Chinese, naming the rule) when ``password`` may not be used.
    The length and classes come from the ledger's SecurityPolicy (never below 8 and 3)."""
    min_length, min_classes = max(min_length, MIN_LENGTH), max(min_classes, MIN_CLASSES)
    if password != password.strip() or not password.strip():
        raise ValidationError("密码首尾不能是空格。", field=field)
    if len(password) < min_length:
        raise ValidationError(f"密码至少需要 {min_length} 位。", field=field)
    classes = [name for name, test in _CLASSES if any(test(c) for c in password)]
    if len(classes) < min_classes:
        raise ValidationError(
            f"密码须含大写字母、小写字母、数字、符号中的至少 {min_classes} 类"
            f"（现在只有：{'、'.join(classes) or '无'}）。",
            field=field,
        )
    name = username.strip().lower()
    if name and name in password.lower():
        raise ValidationError("密码中不能含有用户名。", field=field)
    if is_common(password):
        raise ValidationError(
            "这是常见密码（或由常见密码加数字、符号组成），请换一个。", field=field
        )
