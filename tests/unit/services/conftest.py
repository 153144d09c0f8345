"""Service fixtures: a one-task ledger (市公安局's 视频监控补点 under 雪亮工程)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import tasks


@pytest.fixture
def task_id(session, clerk) -> int:
    unit = tasks.create_unit(session, clerk, "市公安局", "公安局")
    project = tasks.create_project(session, clerk, "02", "雪亮工程", unit.id)
    return tasks.create_task(
        session,
        clerk,
        tasks.TaskInput(
            code="02-01",
            project_id=project.id,
            title="视频监控补点",
            lead_unit_id=unit.id,
            start=date(2026, 1, 1),
            deadline=date(2026, 12, 31),
        ),
    )
