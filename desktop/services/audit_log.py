"""Reading the audit log (审计管理员, and read-only the 系统管理员): filtered and paged in SQL,
exported to XLSX. The program never edits or deletes an entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from db.models import AuditEntry
from desktop.services import audit
from desktop.services.auth import Actor, Permission, require
from desktop.services.files import write_atomically

COLUMNS = [("编号", 8), ("时间", 18), ("用户", 22), ("操作", 14), ("对象", 14),
           ("对象编号", 12), ("摘要", 60)]  # fmt: skip


@dataclass(frozen=True)
class AuditFilter:
    user: str = ""  # part of the actor's name or user name
    start: date | None = None
    end: date | None = None  # inclusive
    action: str = ""  # exact, e.g. sign_in_failed
    subject: str = ""  # part of the object, its number or the summary


@dataclass(frozen=True)
class AuditPage:
    rows: list[audit.AuditRow]
    total: int


def _where(query: Select[Any], flt: AuditFilter) -> Select[Any]:
    if flt.user.strip():
        query = query.where(AuditEntry.actor.contains(flt.user.strip(), autoescape=True))
    if flt.start is not None:
        query = query.where(AuditEntry.at >= datetime.combine(flt.start, time()))
    if flt.end is not None:
        query = query.where(AuditEntry.at < datetime.combine(flt.end + timedelta(days=1), time()))
    if flt.action:
        query = query.where(AuditEntry.action == flt.action)
    if flt.subject.strip():
        text = flt.subject.strip()
        query = query.where(
            or_(
                AuditEntry.entity.contains(text, autoescape=True),
                AuditEntry.entity_id == text,
                AuditEntry.summary.contains(text, autoescape=True),
            )
        )
    return query


def _row(e: AuditEntry) -> audit.AuditRow:
    return audit.AuditRow(e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.summary)


def search(
    session: Session, actor: Actor, flt: AuditFilter, offset: int = 0, limit: int = 200
) -> AuditPage:
    """One page of the entries that match, newest first, and how many match in all."""
    require(actor, Permission.AUDIT_READ)
    total = session.scalar(_where(select(func.count()).select_from(AuditEntry), flt)) or 0
    query = _where(select(AuditEntry), flt).order_by(AuditEntry.id.desc())
    rows = [_row(e) for e in session.scalars(query.offset(offset).limit(limit))]
    return AuditPage(rows, total)


def actions(session: Session) -> list[str]:
    return sorted(session.scalars(select(AuditEntry.action).distinct()))


def export_xlsx(session: Session, actor: Actor, flt: AuditFilter, path: Path) -> int:
    """Every matching entry (oldest first) to a workbook through the ledger export's sheet
    writer; the export itself is recorded. Returns how many entries were written."""
    require(actor, Permission.AUDIT_EXPORT)
    from desktop.services.excel.export import _discard, _Sheet

    count = 0

    def write(handle: BinaryIO) -> None:
        nonlocal count
        import xlsxwriter

        book = xlsxwriter.Workbook(handle, {"constant_memory": True})
        try:
            sheet = _Sheet(book, "操作日志", COLUMNS, "A2")
            query = _where(select(AuditEntry), flt).order_by(AuditEntry.id)
            for e in session.scalars(query.execution_options(yield_per=1000)):
                sheet.add([e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.summary],
                          {1: "yyyy-mm-dd hh:mm:ss"})  # fmt: skip
                count += 1
            book.close()
        finally:
            _discard(book)

    write_atomically(Path(path), write)
    audit.event(session, actor, "export", "audit", Path(path).name,
                f"导出操作日志 {count} 条到“{path}”", {"filter": repr(flt)})  # fmt: skip
    return count
