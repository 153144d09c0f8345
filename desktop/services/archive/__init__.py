"""Archive packages of DA/T 22 on removable media: export a year or a period, verify, browse."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.services.archive.browse import PackageView, open_view
    from desktop.services.archive.building import build, package_name
    from desktop.services.archive.export import ExportResult, estimate_size, export_year
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
    from desktop.services.archive.provenance import LedgerHistory, history
    from desktop.services.archive.reader import UnsafePackage
    from desktop.services.archive.verify import VerifyReport, verify_package

# Each name is imported from its module on first use: the desk lists the archive actions in its
# menu on every start, and verifying or building a package needs openpyxl and reportlab.
_HOME = {
    "ExportResult": "export",
    "ImportPlan": "importer",
    "ImportResult": "importer",
    "LedgerHistory": "provenance",
    "MediaError": "fsio",
    "PackageView": "browse",
    "Reminder": "offsite",
    "Span": "model",
    "UnsafePackage": "reader",
    "VerifyReport": "verify",
    "build": "building",
    "default_folder": "importer",
    "estimate_size": "export",
    "export_year": "export",
    "history": "provenance",
    "import_package": "importer",
    "open_view": "browse",
    "package_name": "building",
    "plan_import": "importer",
    "reminder": "offsite",
    "verify_package": "verify",
}

__all__ = [
    "ExportResult",
    "ImportPlan",
    "ImportResult",
    "LedgerHistory",
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
    "history",
    "import_package",
    "open_view",
    "package_name",
    "plan_import",
    "reminder",
    "verify_package",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is not None:
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)
    try:  # a submodule: archive.importer, archive.codes …
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise  # the submodule exists but needs something missing
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
