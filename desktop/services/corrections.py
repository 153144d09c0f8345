"""Correcting a record of the escalation chain: the before/after of each field, and the document rule.

The rule for documents: a correction changes the record only. A document already composed from it
is a snapshot — an issued one stays frozen (its number and text are in the register), so the clerk
drafts a correction of it in the 公文 page (拟制更正件); a draft is regenerated or edited there.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy.orm import Session

from db.models import DocStatus, Document
from desktop.services.errors import ValidationError

NOTHING_CHANGED = "没有任何改动。"


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def diff(before: Mapping[str, object], after: Mapping[str, object]) -> dict[str, dict[str, object]]:
    """{field: {"前": old, "后": new}} for the fields whose value changed, ready for the audit log.

    Raises ValidationError when nothing changed: a correction without a change is a mistake.
    """
    changed = {
        key: {"前": _plain(before[key]), "后": _plain(value)}
        for key, value in after.items()
        if _plain(before[key]) != _plain(value)
    }
    if not changed:
        raise ValidationError(NOTHING_CHANGED)
    return changed


def names(changed: Mapping[str, object], labels: Mapping[str, str]) -> str:
    """The changed fields in Chinese, for the audit summary: 地点、主持人."""
    return "、".join(labels.get(key, key) for key in changed)


def document_note(session: Session, document_id: int | None) -> str:
    """What the clerk must know about the document composed from the corrected record ("" if none)."""
    doc = session.get(Document, document_id) if document_id is not None else None
    if doc is None:
        return ""
    if doc.status == DocStatus.ISSUED:
        return (
            f"已印发的{doc.kind.label}（{doc.number}）保持原样，不随本次更正改变；"
            "如需更正，请在“公文”页选中该公文，点“拟制更正件”。"
        )
    return f"已生成的{doc.kind.label}草稿不随之更新；请重新生成公文，或在“公文”页修改草稿。"
