"""The domain enums, re-exported so the GUI and CLI need not import db/."""

from db.enums import FundKind, FundSource, LampColor, ReportSource, Role, TaskStatus

__all__ = ["FundKind", "FundSource", "LampColor", "ReportSource", "Role", "TaskStatus"]
