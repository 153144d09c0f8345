"""The dashboard's figures from GROUP BY over the lamp cache equal those counted row by row."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import dashboard, overview
from desktop.services.enums import LampColor

TODAY = date(2026, 11, 28)


def test_dashboard_sums_match_the_rows(demo_session) -> None:
    summary = dashboard.summary(demo_session, TODAY)
    rows = overview.task_rows(demo_session, TODAY)
    assert summary.total == len(rows) == 37
    assert len(summary.red_rows) == summary.by_lamp[LampColor.RED] > 0
    assert all(r.lamp.color == LampColor.RED for r in summary.red_rows)
    by_row = {p.id: p for p in overview.project_rollups(demo_session, TODAY, rows)}
    for grouped in summary.projects:
        counted = by_row[grouped.id]
        assert grouped.counts == counted.counts
        assert grouped.mean_schedule == pytest.approx(counted.mean_schedule)
        assert grouped.mean_reported == pytest.approx(counted.mean_reported)
        assert (grouped.budget, grouped.arrived, grouped.spent) == (
            counted.budget,
            counted.arrived,
            counted.spent,
        )
    assert sum(p.budget for p in summary.projects) == overview.totals(rows)["budget"]
