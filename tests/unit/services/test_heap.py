"""No automatic full collection during work whose objects live until it ends (heap.py)."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)

from __future__ import annotations

import gc
import threading

from archive_fixtures import docs_session  # noqa: F401

from desktop.services import heap


def test_full_collections_pause_while_any_work_runs_and_come_back_after() -> None:
    before = gc.get_threshold()
    with heap.paused_full_collections():
        assert gc.get_threshold()[2] == heap.NEVER
        assert gc.get_threshold()[:2] == before[:2]  # the young generations as they were
        with heap.paused_full_collections():
            pass
        assert gc.get_threshold()[2] == heap.NEVER  # the outer work still runs
    assert gc.get_threshold() == before


def test_the_windows_own_threshold_set_meanwhile_is_the_one_restored() -> None:
    before = gc.get_threshold()
    try:
        with heap.paused_full_collections():
            heap.set_full_threshold(heap.NEVER)  # the window came up during an export
            assert gc.get_threshold()[2] == heap.NEVER
        assert gc.get_threshold()[2] == heap.NEVER
    finally:
        heap.set_full_threshold(before[2])
    assert gc.get_threshold() == before


def test_work_in_two_threads_keeps_it_paused_until_both_end() -> None:
    before = gc.get_threshold()
    entered, release = threading.Event(), threading.Event()

    def other() -> None:
        with heap.paused_full_collections():
            entered.set()
            release.wait(5)

    worker = threading.Thread(target=other)
    worker.start()
    entered.wait(5)
    with heap.paused_full_collections():
        pass
    assert gc.get_threshold()[2] == heap.NEVER  # the worker's export still runs
    release.set()
    worker.join(5)
    assert gc.get_threshold() == before


def test_an_archive_export_runs_without_automatic_full_collections(
    docs_session,
    admin,
    tmp_path,
    monkeypatch,  # noqa: F811
) -> None:
    from desktop.services.archive import export_year, sources

    seen: list[int] = []
    tables = sources.ledger_tables

    def watched(*args: object) -> dict[str, bytes]:
        seen.append(gc.get_threshold()[2])  # while the package is being built
        return tables(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "ledger_tables", watched)
    before = gc.get_threshold()
    result = export_year(docs_session, admin, 2026, tmp_path, leaves_pc=False)
    assert result.report.ok and seen == [heap.NEVER]
    assert gc.get_threshold() == before
