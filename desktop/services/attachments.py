"""Attachments (附件): files kept in the ledger with their SHA-256, read back byte for byte."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from db.models import Attachment
from desktop.services import audit
from desktop.services.auth import Actor, Permission
from desktop.services.clock import clock_of
from desktop.services.errors import ValidationError
from desktop.services.lookup import get_or_missing

MAX_BYTES = 50 * 1024 * 1024  # a scan or a photo set; beyond that it belongs in the archive
OWNERS = {"interview", "supervision", "meeting", "task", "rectification_report"}


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    owner_type: str
    owner_id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str


@audit.writes(Permission.EDIT_LEDGER)
def attach(
    session: Session, actor: Actor, owner_type: str, owner_id: int, filename: str, content: bytes
) -> AttachmentInfo:
    if owner_type not in OWNERS:
        raise ValueError(owner_type)
    name = Path(filename).name
    if not content:
        raise ValidationError(f"文件“{name}”是空的。", field="file")
    if len(content) > MAX_BYTES:
        raise ValidationError(f"文件“{name}”超过 50 MB，请压缩或拆分后再附上。", field="file")
    digest = hashlib.sha256(content).hexdigest()
    row = Attachment(
        owner_type=owner_type,
        owner_id=owner_id,
        filename=name,
        media_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
        size=len(content),
        sha256=digest,
        content=content,
        added_at=clock_of(session).now(),
        added_by=actor.label,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "attach",
        owner_type,
        owner_id,
        f"附上文件“{name}”（{len(content) // 1024 or 1} KB）",
        {"sha256": digest},
    )
    return _info(row)


def attach_file(
    session: Session, actor: Actor, owner_type: str, owner_id: int, path: Path
) -> AttachmentInfo:
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"无法读取文件“{path.name}”：{exc.strerror}", field="file") from exc
    return attach(session, actor, owner_type, owner_id, path.name, content)


def list_attachments(session: Session, owner_type: str, owner_id: int) -> list[AttachmentInfo]:
    return [
        _info(a)
        for a in session.scalars(
            select(Attachment)
            .where(Attachment.owner_type == owner_type, Attachment.owner_id == owner_id)
            .order_by(Attachment.id)
        )
    ]


def content_of(session: Session, attachment_id: int) -> bytes:
    """The stored bytes, checked against the hash kept when they were attached."""
    row = session.scalar(
        select(Attachment)
        .options(undefer(Attachment.content))
        .where(Attachment.id == attachment_id)
    )
    row = row or get_or_missing(session, Attachment, attachment_id, "附件")
    if hashlib.sha256(row.content).hexdigest() != row.sha256:
        raise ValidationError(f"附件“{row.filename}”的内容与登记时的校验值不符，可能已损坏。")
    return row.content


def _info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        row.id,
        row.owner_type,
        row.owner_id,
        row.filename,
        row.media_type,
        row.size,
        row.sha256,
        row.added_at,
        row.added_by,
    )
