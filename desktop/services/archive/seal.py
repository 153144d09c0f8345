"""The package's seal: an HMAC over manifest.sha256 under the ledger's own secret (the audit chain's
key, kept outside the ledger in the user's settings folder, db/chain.py).

manifest.sha256 lists every other file, so the seal covers them all. Anyone can recompute the
manifest after editing a CSV; only a desk holding the ledger's key (every desk of the office
sharing the ledger, `duban audit --import-key`) can make a seal that verifies. A desk without the
key can still check the structure and the hashes, and says that authenticity was not shown."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from db import chain

SEAL = "manifest-seal.json"  # beside manifest.sha256; not listed in it (it signs it)
FORMAT = "duban-archive-seal/1"
_PURPOSE = b"duban archive package seal/1"  # the chain key itself never signs packages


def _package_key(ledger_key: bytes) -> bytes:
    return hmac.digest(ledger_key, _PURPOSE, "sha256")


def _mac(ledger_key: bytes, manifest: bytes) -> str:
    return hmac.digest(_package_key(ledger_key), FORMAT.encode() + b"\n" + manifest, "sha256").hex()


def make(manifest: bytes, uid: str, ledger_key: bytes) -> bytes:
    body = {
        "format": FORMAT,
        "scheme": "hmac-sha256",
        "ledger": uid,
        "manifest_sha256": hashlib.sha256(manifest).hexdigest(),
        "mac": _mac(ledger_key, manifest),
    }
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@dataclass(frozen=True)
class SealCheck:
    verified: bool  # the key was here and the MAC matched
    problem: str = ""  # a failure: the seal does not match (forged or damaged)
    unchecked: str = ""  # why it could not be checked here (no key, no seal in an old package)
    ledger: str = ""


NO_KEY = (
    "本机没有制作该包的台账（标识 {uid}…）的密钥，只校验了结构和各文件与清单是否一致，"
    "不能证明真实性（文件和清单可能被一并重算）；请在持有该台账密钥的电脑上复核"
    "（duban audit --import-key）。"
)


def check(seal: bytes | None, manifest: bytes, *, required: bool) -> SealCheck:
    """``required``: the package's format writes a seal, so a missing one is a failure."""
    if seal is None:
        if required:
            return SealCheck(False, problem=f"缺少 {SEAL}（清单的密钥签名），包可能被改动或伪造。")
        return SealCheck(
            False,
            unchecked="较早版本制作的包没有密钥签名，只校验了结构和各文件与清单是否一致，"
            "不能证明真实性。",
        )
    try:
        body = json.loads(seal.decode("utf-8"))
        uid, mac = str(body["ledger"]), str(body["mac"])
        if body.get("format") != FORMAT:
            raise ValueError(body.get("format"))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        return SealCheck(False, problem=f"{SEAL} 无法读取或格式不对。")
    key = chain.load_key(uid)
    if key is None:
        return SealCheck(False, unchecked=NO_KEY.format(uid=uid[:8]), ledger=uid)
    if not hmac.compare_digest(mac, _mac(key, manifest)):
        return SealCheck(
            False,
            problem="manifest.sha256 与台账密钥签名不符：清单在制作后被改动或重算过，"
            "包中文件可能被篡改或伪造。",
            ledger=uid,
        )
    return SealCheck(True, ledger=uid)
