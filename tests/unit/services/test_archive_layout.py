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
    # Pre-filled for the 移交单位 from the ledger and the self-check: only the hand's part left.
    assert "文书档案5件" in text and "2026-11-28" in text and admin.display_name in text
    for group, count in (("真实性", 6), ("完整性", 6), ("可用性", 2), ("安全性", 3)):
        assert f"通过（DA/T70{group}{count}项" in text


def test_the_register_leaves_only_the_receivers_part_blank(docs_session, admin, tmp_path) -> None:
    from openpyxl import load_workbook

    result = export_year(docs_session, admin, 2026, tmp_path)
    sheet = load_workbook(result.path / "其他" / "移交与接收登记表.xlsx").active
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=3, values_only=True) if r[0]}
    assert rows["检验内容"] == ("移交单位", None, "接收单位")
    hand = {"载体外观检验", "审核人（签名）"}  # the 移交单位 inspects and signs these by hand
    two_sided = list(rows)[list(rows).index("检验内容") + 1 : list(rows).index("日期") + 1]
    for label in two_sided:
        transferor, _, receiver = rows[label]
        assert receiver is None, label  # the 接收单位's column: all by hand
        assert (transferor is None) == (label in hand), label
    assert rows["准确性检验"][0].startswith("通过（DA/T 70 真实性 6 项")
    assert rows["安全性检验"][0].endswith("写入介质后逐个文件回读核对一致")
    assert rows["填表人（签名）"][0] == admin.display_name
    assert rows["日期"][0] == "2026-11-28"
    assert rows["移交电子档案数量"][0].startswith("5 件") and "字节" in rows["移交电子档案数量"][2]
    # Printed from the XLSX the wrapped results do not overlap, and there is room to sign/seal.
    heights = {sheet.cell(r, 1).value: sheet.row_dimensions[r].height for r in range(3, 20)}
    assert heights["准确性检验"] >= 35 and heights["填表人（签名）"] >= 35
    assert heights["单位（印章）"] >= 60


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
