"""考核 writes: create and edit the year's scheme, manual scores and counts, 定稿 (freeze).

The writes live in schemes.py (the scheme) and scores.py (scores, counts, 定稿); this module is
the one callers read and write the assessment through."""

from __future__ import annotations

from desktop.services.assessment.rules import GradeSpec, IndicatorSpec, ItemSpec
from desktop.services.assessment.schemes import (
    configure_scheme,
    create_scheme,
    editable,
    publish_scheme,
    update_scheme,
)
from desktop.services.assessment.scores import (
    ManualEntry,
    check_count,
    check_score,
    finalise,
    parse_score,
    set_manual_count,
    set_manual_entries,
    set_manual_score,
)
from desktop.services.assessment.views import (
    Adjustment,
    Results,
    SchemeInfo,
    UnitResult,
    find_scheme,
    get_scheme,
    results,
    scheme_years,
)

# Re-exported: callers read and write the assessment through this one module.
__all__ = [
    "Adjustment",
    "GradeSpec",
    "IndicatorSpec",
    "ItemSpec",
    "ManualEntry",
    "Results",
    "SchemeInfo",
    "UnitResult",
    "check_count",
    "check_score",
    "configure_scheme",
    "create_scheme",
    "editable",
    "finalise",
    "find_scheme",
    "get_scheme",
    "parse_score",
    "publish_scheme",
    "results",
    "scheme_years",
    "set_manual_count",
    "set_manual_entries",
    "set_manual_score",
    "update_scheme",
]
