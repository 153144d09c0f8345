"""Archive packages of DA/T 22 on removable media: export a year or a period, verify, browse."""

from desktop.services.archive.browse import PackageView, open_view
from desktop.services.archive.export import (
    ExportResult,
    build,
    estimate_size,
    export_year,
    package_name,
)
from desktop.services.archive.fsio import MediaError
from desktop.services.archive.importer import (
    ImportPlan,
    ImportResult,
    default_folder,
    import_package,
    plan_import,
)
from desktop.services.archive.model import Span
from desktop.services.archive.offsite import Reminder, reminder
from desktop.services.archive.reader import UnsafePackage
from desktop.services.archive.verify import VerifyReport, verify_package

__all__ = [
    "ExportResult",
    "ImportPlan",
    "ImportResult",
    "MediaError",
    "PackageView",
    "Reminder",
    "Span",
    "UnsafePackage",
    "VerifyReport",
    "build",
    "default_folder",
    "estimate_size",
    "export_year",
    "import_package",
    "open_view",
    "package_name",
    "plan_import",
    "reminder",
    "verify_package",
]
