"""Export progress and cancel: one bar from first document to last read-back; a cancel at any
step leaves nothing behind and records nothing."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

from pathlib import Path

import pytest
from archive_fixtures import docs_session  # noqa: F401

from desktop.services import audit
from desktop.services.archive import export_year
from desktop.services.jobs import Cancelled


def test_progress_runs_to_the_end(docs_session, admin, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = export_year(
        docs_session, admin, 2026, tmp_path, progress=lambda d, t: seen.append((d, t)) or True
    )
    assert result.report.ok
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and seen[-1][0] == seen[-1][1]
    assert len({t for _, t in seen}) == 1  # the bar's length is known from the start


@pytest.mark.parametrize("as_zip", [False, True])
@pytest.mark.parametrize("at", [2, 15, 45])  # reading documents, writing, reading back
def test_cancel_removes_the_unfinished_package(docs_session, admin, tmp_path, as_zip, at) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    before = len(audit.recent(docs_session, 1000))
    with pytest.raises(Cancelled):
        export_year(docs_session, admin, 2026, stick, as_zip=as_zip, progress=lambda d, _t: d < at)
    assert list(stick.iterdir()) == []
    assert len(audit.recent(docs_session, 1000)) == before
