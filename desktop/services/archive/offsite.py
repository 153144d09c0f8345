"""Copies that left the PC (archives and backups on removable media), kept in the audit log, and
the status-bar reminder when none has for OfficeSettings.backup_remind_days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry
from desktop.services import audit, media, settings
from desktop.services.auth import Actor
from desktop.services.clock import clock_of

# Audit actions; "offsite" marks the copies that left the PC (no extra table, no migration).
OFFSITE = "offsite"
LOCAL = "local"


def on_removable(path: Path) -> bool:
    return media.is_removable(path)


def note(
    session: Session,
    actor: Actor,
    what: str,
    leaves_pc: bool,
    entity_id: object,
    summary: str,
    detail: dict[str, Any],
) -> None:
    """One audit entry for an archive or backup written; call inside an audited write."""
    action = f"{OFFSITE}_{what}" if leaves_pc else f"{LOCAL}_{what}"
    audit.record(session, actor, action, what, entity_id, summary, detail)


def last_offsite(session: Session) -> datetime | None:
    return session.scalar(
        select(AuditEntry.at)
        .where(AuditEntry.action.like(f"{OFFSITE}_%"))
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class Reminder:
    due: bool
    days: int | None  # since the last copy left the PC; None: never
    message: str


def reminder(session: Session) -> Reminder:
    """For the status bar: how long since a copy left the PC, and whether to say so."""
    limit = settings.office(session).backup_remind_days
    last = last_offsite(session)
    if last is None:
        return Reminder(True, None, "台账还从未备份或归档到移动介质，请尽快备份到U盘等移动介质。")
    days = (clock_of(session).now() - last).days
    if days >= limit:
        return Reminder(True, days, f"已有 {days} 天没有把台账备份到移动介质，请尽快备份。")
    return Reminder(False, days, f"{days} 天前已备份到移动介质。")
