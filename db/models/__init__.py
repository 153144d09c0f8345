"""All ledger models; importing this package registers every table on Base.metadata."""

from db.models.documents import DocKind, DocNumber, DocStatus, Document
from db.models.ledger import (
    FundEntry,
    Milestone,
    ProgressReport,
    Project,
    Task,
    TaskUnit,
    Unit,
)
from db.models.system import AuditEntry, Setting, User

__all__ = [
    "AuditEntry",
    "DocKind",
    "DocNumber",
    "DocStatus",
    "Document",
    "FundEntry",
    "Milestone",
    "ProgressReport",
    "Project",
    "Setting",
    "Task",
    "TaskUnit",
    "Unit",
    "User",
]
