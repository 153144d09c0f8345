"""Archive packages of DA/T 22 on removable media: export a year or a period, verify, browse."""

from desktop.services.archive.browse import PackageView, open_view
from desktop.services.archive.export import (
    Cancelled,
    ExportResult,
    build,
    estimate_size,
    export_year,
    package_name,
)
from desktop.services.archive.fsio import MediaError
from desktop.services.archive.model import Span
from desktop.services.archive.offsite import Reminder, reminder
from desktop.services.archive.reader import UnsafePackage
from desktop.services.archive.verify import VerifyReport, verify_package

__all__ = [
    "Cancelled",
    "ExportResult",
    "MediaError",
    "PackageView",
    "Reminder",
    "Span",
    "UnsafePackage",
    "VerifyReport",
    "build",
    "estimate_size",
    "export_year",
    "open_view",
    "package_name",
    "reminder",
    "verify_package",
]
