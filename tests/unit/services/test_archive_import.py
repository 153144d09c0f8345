"""Import a package made on another PC: verified first, compared with the register, refused on a
failed check or a clashing 文号, else copied read-only under the chosen folder and audited."""

# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from archive_fixtures import docs_session, package_files  # noqa: F401
from sqlalchemy import text

from desktop.services import audit
from desktop.services.archive import (
    export_year,
    import_package,
    plan_import,
    verify_package,
)
from desktop.services.archive.importer import CONFLICT, NEW, PRESENT
from desktop.services.errors import ConflictError
from desktop.services.jobs import Cancelled


@pytest.fixture
def other_pc_package(docs_session, system, tmp_path: Path) -> Path:
    """The five 测试办 notices as a ZIP package made on "another PC" (docs_session's ledger)."""
    stick = tmp_path / "stick"
    stick.mkdir()
    return export_year(docs_session, system, 2026, stick, as_zip=True).path


def test_plan_then_import_into_another_ledger(other_pc_package, demo_session, clerk, tmp_path):
    target = tmp_path / "外来"
    plan = plan_import(demo_session, other_pc_package, target)
    assert plan.report.ok and not plan.refusal
    assert [line.status for line in plan.lines] == [NEW] * 5
    assert "新增 5 件" in plan.text() and not target.exists()  # the plan writes nothing
    result = import_package(demo_session, clerk, other_pc_package, target)
    assert result.path.parent == target and result.path.name.endswith("归档包")
    assert sorted(p.name for p in target.iterdir()) == [result.path.name]
    assert verify_package(result.path).ok
    pdf = next(result.path.glob("电子档案/*/*/*/*正文.pdf"))
    assert not os.access(pdf, os.W_OK) or os.geteuid() == 0  # read-only (root writes anyway)
    assert not pdf.stat().st_mode & 0o222
    entry = audit.recent(demo_session, 1)[0]
    assert entry.action == "import_archive" and "新增 5 件" in entry.summary


def test_own_package_changes_nothing(docs_session, clerk, other_pc_package, tmp_path) -> None:
    plan = plan_import(docs_session, other_pc_package, tmp_path / "in")
    assert [line.status for line in plan.lines] == [PRESENT] * 5
    assert "无需导入" in plan.refusal
    with pytest.raises(ConflictError, match="无需导入"):
        import_package(docs_session, clerk, other_pc_package, tmp_path / "in")
    assert list((tmp_path / "in").iterdir()) == []


def test_same_number_other_content_is_refused(docs_session, clerk, other_pc_package, tmp_path):
    docs_session.execute(text("UPDATE document SET pdf_sha256 = :h WHERE id = 1"), {"h": "0" * 64})
    docs_session.commit()
    plan = plan_import(docs_session, other_pc_package, tmp_path / "in")
    assert plan.count(CONFLICT) == 1 and "拒绝导入" in plan.refusal
    before = len(audit.recent(docs_session, 1000))
    with pytest.raises(ConflictError, match="内容不同"):
        import_package(docs_session, clerk, other_pc_package, tmp_path / "in")
    assert list((tmp_path / "in").iterdir()) == []
    assert len(audit.recent(docs_session, 1000)) == before


def test_a_package_failing_a_check_is_refused(other_pc_package, demo_session, clerk, tmp_path):
    broken = tmp_path / "broken.zip"
    data = bytearray(other_pc_package.read_bytes())
    data[len(data) // 3] ^= 0xFF
    broken.write_bytes(bytes(data))
    assert "未通过四性检测" in plan_import(demo_session, broken, tmp_path / "in").refusal
    with pytest.raises(ConflictError, match="未通过四性检测"):
        import_package(demo_session, clerk, broken, tmp_path / "in")
    assert list((tmp_path / "in").iterdir()) == []


def test_a_malicious_zip_writes_nothing_outside(demo_session, clerk, tmp_path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("pkg/manifest.sha256", b"")
        z.writestr("pkg/../../escaped.txt", b"x")
    with pytest.raises(ConflictError, match="拒绝导入"):
        import_package(demo_session, clerk, evil, tmp_path / "in")
    assert not list(tmp_path.rglob("escaped.txt"))


def test_cancel_leaves_nothing(other_pc_package, demo_session, clerk, tmp_path) -> None:
    with pytest.raises(Cancelled):
        import_package(
            demo_session, clerk, other_pc_package, tmp_path / "in", progress=lambda d, _t: d < 20
        )
    assert list((tmp_path / "in").iterdir()) == []
