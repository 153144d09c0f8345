"""The hidden signature of a template: unit, period, version and the locked cells as written.

It lets a returned file be recognised when renamed, and shows which locked cell was changed.
The digest catches edits to the signature itself; it is a checksum, not a cryptographic seal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from desktop.services.excel.layout import TEMPLATE_KIND, TEMPLATE_VERSION

_SALT = "duban-template-signature"
_CHUNK = 30_000  # Excel keeps at most 32,767 characters in one cell


@dataclass(frozen=True)
class SheetSignature:
    name: str
    unit_id: int
    unit: str
    head: tuple[tuple[str, str], ...]  # (cell, text) of the title, info and header rows
    rows: tuple[tuple[int, dict[str, str]], ...]  # (task id, {cell letter: text}) per data row


@dataclass(frozen=True)
class Signature:
    period: str
    generated_at: str
    sheets: tuple[SheetSignature, ...]
    version: int = TEMPLATE_VERSION
    extra: dict[str, Any] = field(default_factory=dict)


def _digest(payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((_SALT + canonical).encode("utf-8")).hexdigest()


def encode(sig: Signature) -> list[str]:
    """The signature as text chunks, one per cell of the hidden sheet."""
    payload = {
        "kind": TEMPLATE_KIND,
        "version": sig.version,
        "period": sig.period,
        "generated_at": sig.generated_at,
        "sheets": [
            {
                "name": s.name,
                "unit_id": s.unit_id,
                "unit": s.unit,
                "head": [list(h) for h in s.head],
                "rows": [[tid, cells] for tid, cells in s.rows],
            }
            for s in sig.sheets
        ],
    }
    text = json.dumps({"payload": payload, "digest": _digest(payload)}, ensure_ascii=False)
    return [text[i : i + _CHUNK] for i in range(0, len(text), _CHUNK)]


class SignatureError(ValueError):
    """The chunks are not a signature we wrote, or were altered; the message is Chinese."""


def decode(chunks: list[object]) -> Signature:
    text = "".join(c for c in chunks if isinstance(c, str))
    try:
        wrapper = json.loads(text)
        payload = wrapper["payload"]
        if wrapper["digest"] != _digest(payload):
            raise SignatureError("模板的隐藏签名被改动过")
        if payload["kind"] != TEMPLATE_KIND:
            raise SignatureError("不是督办台生成的报送模板")
        if payload["version"] != TEMPLATE_VERSION:
            raise SignatureError(
                f"模板版本为 {payload['version']}，本程序只接受版本 {TEMPLATE_VERSION}，请重新下发模板"
            )
        sheets = tuple(
            SheetSignature(
                str(s["name"]),
                int(s["unit_id"]),
                str(s["unit"]),
                tuple((str(c), str(t)) for c, t in s["head"]),
                tuple(
                    (int(tid), {str(k): str(v) for k, v in cells.items()})
                    for tid, cells in s["rows"]
                ),
            )
            for s in payload["sheets"]
        )
        return Signature(str(payload["period"]), str(payload["generated_at"]), sheets)
    except SignatureError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SignatureError("不是督办台生成的报送模板（缺少或无法识别隐藏签名）") from exc
