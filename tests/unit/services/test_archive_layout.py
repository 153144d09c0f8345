"""The carrier layout of the transfer rules: 件 under 电子档案/<年度>/<类别>/<档号>/; packages of
the earlier layout (items/<档号>/, kept in tests/fixtures/archive) still verify and import."""
# ruff: noqa: F811  (docs_session is a fixture imported from archive_fixtures)

from __future__ import annotations

import io
from pathlib import Path

from archive_fixtures import docs_session, package_files  # noqa: F401
from pypdf import PdfReader

from desktop.services.archive import (
    carrier,
    export_year,
    import_package,
    plan_import,
    verify_package,
)
from desktop.services.archive.importer import NEW
from desktop.services.archive.model import LEGACY_FORMAT
from desktop.services.archive.pdfcheck import PdfFacts, pdf_facts

V1 = Path(__file__).resolve().parents[2] / "fixtures" / "archive" / "package-v1.zip"


def test_items_sit_under_year_and_category(docs_session, admin, tmp_path: Path) -> None:
    result = export_year(docs_session, admin, 2026, tmp_path)
    files = set(package_files(result.path))
    root = result.path / "电子档案" / "2026" / "文书"
    codes = sorted(p.name for p in root.iterdir())
    assert codes == [f"J001-WS·2026-D30-PAB-{n:04d}" for n in range(1, 6)]
    assert f"电子档案/2026/文书/{codes[0]}/{codes[0]}-正文.pdf" in files
    assert f"电子档案/2026/文书/{codes[0]}/{codes[0]}-附件1-整改台账.pdf" in files
    assert not any(name.startswith("items/") for name in files)
    assert {"说明文件.TXT", "文件目录.XML", "其他/命名规则.TXT"} <= files
    readme = (result.path / "说明文件.TXT").read_text("utf-8")
    assert "电子档案/<年度>/文书/<档号>/" in readme
    assert "电子档案/2026/文书/J001-WS·2026-D30-PAB-0001" in (
        result.path / "其他" / "命名规则.TXT"
    ).read_text("utf-8")
    # The 登记表 also as a PDF to print and sign: fonts embedded, the carrier's digests on it.
    pdf = (result.path / "其他" / "移交与接收登记表.pdf").read_bytes()
    assert pdf_facts(pdf) == PdfFacts(1)  # one page, not encrypted, every font embedded
    text = "".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    sha = carrier.readme_digest(readme)
    assert "电子档案移交与接收登记表" in text and "5件" in text
    sm = readme.split("内容摘要 SM3：", 1)[1].split()[0]
    assert len(sha) == 64 and sha in text and len(sm) == 64 and sm in text


def test_a_package_of_the_earlier_layout_verifies_and_imports(demo_session, clerk, tmp_path):
    report = verify_package(V1)
    assert report.ok, report.text()
    assert report.info is not None and report.info.layout == LEGACY_FORMAT
    assert report.items == 3
    plan = plan_import(demo_session, V1, tmp_path / "外来")
    assert [line.status for line in plan.lines] == [NEW] * 3 and not plan.refusal
    result = import_package(demo_session, clerk, V1, tmp_path / "外来")
    assert next(result.path.glob("items/*/*-正文.pdf"))
    assert verify_package(result.path).ok
