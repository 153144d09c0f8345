"""The domain enums, re-exported so the GUI and CLI need not import db/."""

from db.enums import (
    QT_TR_NOOP,
    DocKind,
    DocStatus,
    FundKind,
    FundSource,
    LabelledEnum,
    LampColor,
    ReportSource,
    Role,
    TaskStatus,
)

__all__ = [
    "QT_TR_NOOP",
    "DocKind",
    "DocStatus",
    "FundKind",
    "FundSource",
    "LabelledEnum",
    "LampColor",
    "ReportSource",
    "Role",
    "TaskStatus",
]
