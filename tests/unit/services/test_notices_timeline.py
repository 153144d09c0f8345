"""A notice about a unit shows on the timeline of every task of that unit it names, and no other."""

from __future__ import annotations

from collections import defaultdict

from desktop.services import timeline
from desktop.services.clock import clock_of
from desktop.services.notices import drafts as notice_drafts
from desktop.services.notices import issuing
from desktop.services.notices import register as notices
from desktop.services.notices.register import DocKind
from desktop.services.overview import TaskFilter, task_rows


def test_unit_notice_on_each_named_task_timeline(demo_session, clerk) -> None:
    today = clock_of(demo_session).today()
    by_unit = defaultdict(list)
    for row in task_rows(demo_session, today, TaskFilter()):
        by_unit[row.lead_unit].append(row)
    unit, rows = max(
        by_unit.items(), key=lambda kv: sum(r.lamp.color.value != "green" for r in kv[1])
    )
    lagging = [r for r in rows if r.lamp.color.value != "green"]
    assert len(lagging) >= 2, "the demo has a unit with two lagging tasks"

    doc_id = notice_drafts.draft_supervision(demo_session, clerk, DocKind.SUPERVISION, unit=unit)
    info = notices.get_document(demo_session, doc_id)
    assert info.task_id is None and info.unit_id is not None
    assert set(info.task_ids) == {r.id for r in lagging}
    number = issuing.issue(demo_session, clerk, doc_id).number

    def mentions(task_id: int) -> bool:
        return any(number in e.title for e in timeline.timeline(demo_session, task_id))

    assert all(mentions(r.id) for r in lagging)
    assert not any(mentions(r.id) for r in rows if r not in lagging)
    others = [r for u, rs in by_unit.items() if u != unit for r in rs]
    assert not mentions(others[0].id)

    # A correction concerns the same tasks; deleting a draft drops its links.
    fix = notices.draft_correction(demo_session, clerk, doc_id)
    assert notices.get_document(demo_session, fix).task_ids == info.task_ids
    notices.delete_draft(demo_session, clerk, fix)
    assert notices.tasks_of(demo_session, fix) == ()


def test_upgrade_links_existing_documents_to_the_tasks_they_name(demo_ledger, tmp_path) -> None:
    """A ledger from before document_task gets its links back from task_id and the content."""
    from alembic import command

    from db import migrate
    from desktop.services.ledger import open_ledger

    path = demo_ledger.path
    with demo_ledger.engine.connect() as c:
        before = set(c.exec_driver_sql("SELECT document_id, task_id FROM document_task").all())
    # Back to the revision before document_task with the migrations' own downgrades, so that
    # revisions added later need no change here.
    down = migrate.script().get_revision("0005").down_revision
    command.downgrade(migrate.config(demo_ledger.engine), str(down))
    demo_ledger.dispose()
    reopened = open_ledger(path)
    with reopened.engine.connect() as c:
        after = set(c.exec_driver_sql("SELECT document_id, task_id FROM document_task").all())
    reopened.dispose()
    assert before and after == before
