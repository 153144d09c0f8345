"""Who has reported: the per-unit counts in SQL agree with each unit's period grid."""

from __future__ import annotations

from desktop.services import progress, reporting


def test_unit_reporting_counts_what_the_grids_show(demo_session) -> None:
    period = "2026-11"
    found = reporting.unit_reporting(demo_session, period)
    assert found and any(u.missing for u in found)
    for unit in found:
        grid = progress.period_grid(demo_session, unit.unit_id, period)
        missing = [r.code for r in grid if r.report is None]
        assert (unit.due, unit.missing, unit.reported) == (
            len(grid),
            len(missing),
            len(grid) - len(missing),
        )
        assert list(unit.missing_codes) == missing[: reporting.MISSING_NAMED]
