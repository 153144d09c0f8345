"""All ledger models; importing this package registers every table on Base.metadata."""

from db.models.archive import ArchiveCopy
from db.models.assessment import (
    AssessmentGrade,
    AssessmentIndicator,
    AssessmentItem,
    AssessmentManual,
    AssessmentResult,
    AssessmentScheme,
    IndicatorSource,
    SchemeStatus,
)
from db.models.attachments import Attachment
from db.models.documents import DocKind, DocNumber, DocStatus, Document
from db.models.interviews import (
    Accountability,
    AccountabilityKind,
    AccountabilityStep,
    AppealOutcome,
    ConductFinding,
    Interview,
    InterviewStatus,
    RectificationReport,
    Waiver,
)
from db.models.lamp_cache import LampCacheState, TaskLamp
from db.models.ledger import (
    FundEntry,
    Milestone,
    ProgressReport,
    Project,
    Task,
    TaskUnit,
    Unit,
)
from db.models.meetings import Meeting, MeetingDecision, MeetingKind
from db.models.search import SearchEntry
from db.models.supervision import (
    ItemExtension,
    ItemReturn,
    ItemUrge,
    ProposalDismissal,
    ReportFrequency,
    SupervisionItem,
    SupervisionKind,
    SupervisionOrigin,
    Urgency,
)
from db.models.system import AuditEntry, PasswordHistory, Setting, SignInAttempt, User

__all__ = [
    "Accountability",
    "AssessmentGrade",
    "AssessmentIndicator",
    "AssessmentItem",
    "AssessmentManual",
    "AssessmentResult",
    "AssessmentScheme",
    "IndicatorSource",
    "SchemeStatus",
    "AccountabilityKind",
    "AccountabilityStep",
    "AppealOutcome",
    "ConductFinding",
    "ArchiveCopy",
    "Attachment",
    "Interview",
    "LampCacheState",
    "InterviewStatus",
    "Meeting",
    "MeetingDecision",
    "MeetingKind",
    "ItemExtension",
    "ItemReturn",
    "ItemUrge",
    "ProposalDismissal",
    "ReportFrequency",
    "Urgency",
    "Waiver",
    "RectificationReport",
    "SupervisionItem",
    "SupervisionKind",
    "SupervisionOrigin",
    "AuditEntry",
    "DocKind",
    "DocNumber",
    "DocStatus",
    "Document",
    "FundEntry",
    "Milestone",
    "ProgressReport",
    "Project",
    "PasswordHistory",
    "SearchEntry",
    "Setting",
    "SignInAttempt",
    "Task",
    "TaskLamp",
    "TaskUnit",
    "Unit",
    "User",
]
