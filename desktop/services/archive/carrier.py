"""What a 档案馆 expects on an offline carrier beside the package's own files (档发〔2012〕7号 as
offices reproduce it): 说明文件.TXT, 文件目录.XML, and 其他/ with the metadata scheme, the naming
rules, the XML schema of the catalogue and the 移交与接收登记表 ready to sign.

The 登记表 names the carrier's digest in SHA-256 and SM3 (GB/T 32905). It cannot hash itself, so
the digest covers the package's content: the sorted ``hash  path`` lines of every file outside
``其他/`` (what manifest.sha256 lists of them), the same figure `duban archive verify` recomputes.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from desktop import __version__
from desktop.services.archive.checks import (
    AUTHENTIC,
    CHECKS,
    COMPLETE,
    FAILED,
    NOT_RUN,
    PASSED,
    SAFE,
    USABLE,
)
from desktop.services.archive.fsio import human_size
from desktop.services.archive.model import (
    CATEGORY_FOLDER,
    CONTENT_ROOT,
    MANIFEST,
    REPORT,
    PackageInfo,
    item_folder,
)
from desktop.services.archive.seal import SEAL

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet

    from desktop.services.archive.checks import VerifyReport

OTHER = "其他"
README = "说明文件.TXT"
CATALOGUE_XML = "文件目录.XML"
REGISTER = f"{OTHER}/移交与接收登记表.xlsx"
REGISTER_PDF = f"{OTHER}/移交与接收登记表.pdf"  # to print and sign (fonts embedded)
SCHEME = f"{OTHER}/元数据方案.TXT"
NAMING = f"{OTHER}/命名规则.TXT"
SCHEMA = f"{OTHER}/文件目录.XSD"
# What packages of the earlier layout (duban-archive/1) carried; the current one adds the PDF.
LEGACY_CARRIER_FILES = (README, CATALOGUE_XML, REGISTER, SCHEME, NAMING, SCHEMA)
CARRIER_FILES = (*LEGACY_CARRIER_FILES, REGISTER_PDF)


def sm3(data: bytes) -> str:
    """SM3 (GB/T 32905) through cryptography's OpenSSL (the 信创 bundle has no _hashlib, see
    build.spec); "" where that OpenSSL has none."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import hashes

    try:
        digest = hashes.Hash(hashes.SM3())
    except UnsupportedAlgorithm:
        return ""
    digest.update(data)
    return digest.finalize().hex()


def is_content(name: str) -> bool:
    """Files the carrier digest covers: all but 其他/, 说明文件, the manifest, its seal and the
    report."""
    return not name.startswith(f"{OTHER}/") and name not in (README, MANIFEST, SEAL, REPORT)


def digest_of_hashes(hashes: dict[str, str]) -> tuple[str, str]:
    """SHA-256 and SM3 over the sorted ``hash  path`` lines of the content files."""
    lines = "".join(
        f"{digest}  {name}\n" for name, digest in sorted(hashes.items()) if is_content(name)
    ).encode("utf-8")
    return hashlib.sha256(lines).hexdigest(), sm3(lines)


def content_digest(
    files: dict[str, bytes], digests: Mapping[str, tuple[str, str]] | None = None
) -> tuple[str, str]:
    """``digests``: SHA-256 already taken (name → (hash, …)), not taken again."""
    known = digests or {}
    return digest_of_hashes(
        {n: known[n][0] if n in known else hashlib.sha256(d).hexdigest() for n, d in files.items()}
    )


def readme_digest(text: str) -> str:
    """The SHA-256 content digest a 说明文件.TXT states ("" when it states none)."""
    for line in text.splitlines():
        if line.startswith("内容摘要 SHA-256："):
            return line.split("：", 1)[1].strip()
    return ""


def carrier_files(
    info: PackageInfo,
    files: dict[str, bytes],
    checks: VerifyReport | None = None,
    preparer: str = "",
    digests: Mapping[str, tuple[str, str]] | None = None,
    *,
    draw: bool = True,
) -> dict[str, bytes]:
    """The carrier's own files for a package whose content ``files`` are final. ``checks``: the
    package's self-check, whose results the 登记表's 移交单位 column states; ``preparer``: who
    exported it (填表人); ``digests``: the files' hashes where already taken. ``draw=False``:
    the 登记表 PDF is left as UNDRAWN_PDF (the self-check's copy, made again after it)."""
    listing = catalogue_xml(info)
    sha, sm = content_digest({**files, CATALOGUE_XML: listing}, digests)
    size = sum(len(d) for d in files.values())
    form = Register(info, sha, sm, size, checks, preparer)
    out = {
        CATALOGUE_XML: listing,
        SCHEME: _scheme().encode("utf-8"),
        NAMING: _naming(info).encode("utf-8"),
        SCHEMA: _schema().encode("utf-8"),
        REGISTER: register_xlsx(form),
        REGISTER_PDF: register_pdf(form) if draw else UNDRAWN_PDF,
    }
    out[README] = _readme(info, sha, sm, size).encode("utf-8")
    return out


def catalogue_xml(info: PackageInfo) -> bytes:
    rows = []
    for n, item in enumerate(info.items, start=1):
        names = "；".join(f.path.rsplit("/", 1)[-1] for f in item.files)
        rows.append(
            "<条目>"
            f"<顺序号>{n}</顺序号><档号>{escape(item.code)}</档号>"
            f"<责任者>{escape(item.author)}</责任者><题名>{escape(item.title)}</题名>"
            f"<日期>{item.day:%Y%m%d}</日期><密级>{escape(item.classification)}</密级>"
            f"<电子档案名称>{escape(names)}</电子档案名称><备注>{escape(item.note)}</备注>"
            "</条目>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<文件目录 全宗号="{escape(info.fonds)}" 年度="{info.year}">'
        + "".join(rows)
        + "</文件目录>\n"
    ).encode("utf-8")


def _readme(info: PackageInfo, sha: str, sm: str, size: int) -> str:
    numbers = [i.seq for i in info.items]
    span = f"{numbers[0]:04d}–{numbers[-1]:04d}" if numbers else "无"
    return "\r\n".join(
        [
            "说明文件",
            f"全宗号：{info.fonds}　年度：{info.year}　保管期限：{info.retention}",
            f"形成单位：{info.issuer}",
            f"件数：{len(info.items)}（件号 {span}）　数据量：{size} 字节",
            "载体类型：移动存储介质（U 盘 / 光盘，由移交单位填写编号）",
            f"制作软件：督办台 {__version__}（无需专用软件阅读：版式文件为 PDF 与 OFD-A，"
            "数据为 CSV/XLSX，目录为 XML）",
            f"结构：文件目录.XML；{CONTENT_ROOT}/<年度>/{CATEGORY_FOLDER}/<档号>/ 每件一个文件夹"
            "（正文 PDF、OFD-A 及附件）；"
            "data/ 台账数据；其他/ 元数据方案、命名规则、XML 模式、移交与接收登记表（XLSX 与 PDF）",
            f"内容摘要 SHA-256：{sha}",
            f"内容摘要 SM3：{sm or '（本机无 SM3 实现）'}",
            "检测：manifest.sha256 列出每个文件的 SHA-256，REPORT.txt 为写入后的四性检测结果。",
            "",
        ]
    )


def _scheme() -> str:
    return "\r\n".join(
        [
            "元数据方案（依 DA/T 46-2009 文书类电子文件元数据方案，选用项）",
            "顺序号：整数，1 起连续；档号：全宗号-门类代码·年度-保管期限-机构代码-件号；",
            "责任者：发文机关全称；题名：公文标题；日期：成文日期 YYYYMMDD；",
            "密级：公开件为空；电子档案名称：本件各文件名；备注：如未能加盖归档章的说明。",
            "metadata.xml 另记每个文件的格式、大小、页数与 SHA-256。",
            "",
        ]
    )


def _naming(info: PackageInfo) -> str:
    return "\r\n".join(
        [
            "命名规则",
            f"件文件夹：{CONTENT_ROOT}/<年度>/<类别>/<档号>，类别为门类（{CATEGORY_FOLDER}），如 "
            + item_folder(
                f"{info.fonds}-WS·{info.year}-{info.retention}-{info.organisation}-0001", info.year
            ),
            "文件：<档号>-正文.pdf、<档号>-正文.ofd（OFD-A，含归档章注释）、<档号>-附件名",
            "",
        ]
    )


def _schema() -> str:
    fields = ("顺序号", "档号", "责任者", "题名", "日期", "密级", "电子档案名称", "备注")
    elements = "".join(
        f'<xs:element name="{f}" type="xs:string" minOccurs="{0 if f in ("密级", "备注") else 1}"/>'
        for f in fields
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:element name="文件目录"><xs:complexType><xs:sequence>'
        '<xs:element name="条目" maxOccurs="unbounded"><xs:complexType><xs:sequence>'
        f"{elements}</xs:sequence></xs:complexType></xs:element></xs:sequence>"
        '<xs:attribute name="全宗号" type="xs:string"/><xs:attribute name="年度" type="xs:string"/>'
        "</xs:complexType></xs:element></xs:schema>\n"
    )


REGISTER_TITLE = "电子档案移交与接收登记表"

# The form's checks (档发〔2012〕7号's 准确性 is DA/T 70's 真实性) and each item's short name.
REGISTER_CHECKS = (
    ("准确性检验", AUTHENTIC),
    ("完整性检验", COMPLETE),
    ("可用性检验", USABLE),
    ("安全性检验", SAFE),
)
SHORT = {
    "seal": "签名",
    "hashes": "清单",
    "content": "内容与元数据",
    "fields": "元数据值域",
    "paths": "存放位置",
    "description": "说明文件",
    "structure": "包结构",
    "metadata": "元数据项",
    "counts": "件数",
    "numbering": "件号连续",
    "files": "文件齐全",
    "catalogue": "目录",
    "opens": "可以打开",
    "formats": "长期保存格式",
    "plain": "无加密与私有压缩",
    "extras": "无非归档文件",
    "readable": "载体可读",
}


@dataclass(frozen=True)
class Register:
    """What the 登记表 states: the package, its digests and the self-check's results."""

    info: PackageInfo
    sha: str
    sm: str
    size: int
    checks: VerifyReport | None = None
    preparer: str = ""


def check_result(checks: VerifyReport | None, group: str) -> str:
    """The 移交单位's result of one of the form's checks, from the DA/T 70 items of ``group``."""
    if checks is None:
        return ""
    items = [c for c in CHECKS if c.group == group]
    by_status: dict[str, list[str]] = {}
    for c in items:
        by_status.setdefault(checks.status(c.key), []).append(SHORT[c.key])
    if set(by_status) == {PASSED}:
        text = f"通过（DA/T 70 {group} {len(items)} 项：{'、'.join(by_status[PASSED])}）"
    else:
        text = "；".join(
            f"{status}：{'、'.join(names)}"
            for status in (FAILED, NOT_RUN, PASSED)
            if (names := by_status.get(status))
        )
    if group == SAFE:
        text += "；写入介质后逐个文件回读核对一致"
    return text


def register_rows(form: Register) -> tuple[list[tuple[str, str, str, str]], int]:
    """The form's rows (label, value, label, value), the same in the XLSX and the PDF, and the
    index of the first row of the two-sided part (检验内容 … 日期: label, 移交单位's cell,
    "", 接收单位's cell). Everything the 移交单位 knows is filled in from the package and its
    self-check; what is left blank is for hand: 载体外观, the signatures, the seals, and the
    whole 接收单位 column."""
    info = form.info
    pages = sum(i.pages for i in info.items)
    files = sum(len(i.files) for i in info.items)
    codes = f"，档号 {info.items[0].code} 至 {info.items[-1].code}" if info.items else ""
    kinds = {f.format.upper() for i in info.items for f in i.files}
    order = sorted(kinds, key=lambda k: (k != "PDF", k))
    formats = "、".join("OFD-A" if k == "OFD" else k for k in order) or "无"
    header = [
        ("交接工作名称", f"{info.issuer}{info.span.label()}电子档案移交", "", ""),
        (
            "内容描述",
            f"文书档案 {len(info.items)} 件 {pages} 页（全宗 {info.fonds}{codes}，保管期限 "
            f"{info.retention}）；电子文件 {files} 个，格式 {formats}；附台账数据 CSV 与目录",
            "",
            "",
        ),
        (
            "移交电子档案数量",
            f"{len(info.items)} 件，{files} 个电子文件",
            "移交数据量",
            f"{human_size(form.size)}（{form.size} 字节）",
        ),
        ("载体起止顺序号", "1–1（共 1 个载体）", "载体类型、规格", "移动存储介质"),
        ("内容摘要 SHA-256", form.sha, "", ""),
        ("内容摘要 SM3", form.sm or "（本机无 SM3 实现）", "", ""),
    ]
    sides = [
        ("检验内容", "移交单位", "", "接收单位"),
        *((label, check_result(form.checks, group), "", "") for label, group in REGISTER_CHECKS),
        ("载体外观检验", "", "", ""),
        ("填表人（签名）", form.preparer, "", ""),
        ("审核人（签名）", "", "", ""),
        ("单位（印章）", info.issuer, "", ""),
        ("日期", f"{info.created[:10]}", "", ""),
    ]
    return header + sides, len(header)


# Stands for the 登记表 PDF in the self-check before writing, which cannot state its own result:
# the PDF is drawn once, after it, and the read-back of the written package opens that one.
UNDRAWN_PDF = b"%PDF-1.7\n% register form: drawn after the self-check\n%%EOF\n"


REGISTER_FOOTER = (
    "内容摘要为本载体除“其他”文件夹、说明文件.TXT、manifest.sha256、REPORT.txt 以外全部文件的"
    "“SHA-256  路径”行（按路径排序）的摘要；duban archive verify 会重新计算核对。"
    "移交单位一栏的检验结果由督办台写入时的自检（详见 REPORT.txt）填写；载体外观、签名、印章"
    "及接收单位一栏由手工填写。"
)


def register_pdf(form: Register) -> bytes:
    """The same form as a PDF (desktop/documents/transfer_form.py), ready to print and sign."""
    from desktop.documents.transfer_form import TransferForm, render

    rows, sides = register_rows(form)
    return render(TransferForm(REGISTER_TITLE, tuple(rows), REGISTER_FOOTER, sides))


def _row_height(label: str, cells: list[tuple[str, int]]) -> float:
    """Points for a row whose cells wrap (neither Excel nor LibreOffice grows a row of a
    workbook a program wrote), with room to sign and for a seal as in the PDF."""
    lines = 1
    for text, width in cells:  # a Chinese character takes about two of a column's units
        units = sum(2 if ord(c) > 0x2E80 else 1 for c in text)
        lines = max(lines, -(-units // max(width - 1, 1)))
    least = 62.0 if label.endswith("（印章）") else 37.0 if label.endswith("（签名）") else 20.0
    return max(least, 15.0 * lines + 5)


# Text written as text, never a formula or a link, whatever it says (merge_range's write).
TEXT_ONLY = {"strings_to_formulas": False, "strings_to_urls": False}


def _text(sheet: Worksheet, row: int, col: int, value: str, fmt: Format) -> None:
    """A cell of text as text; an empty one blank (no empty string), boxed like its row."""
    if value:
        sheet.write_string(row, col, value, fmt)
    else:
        sheet.write_blank(row, col, None, fmt)


def register_xlsx(form: Register) -> bytes:
    """移交与接收登记表: the transfer form both sides sign, with the carrier's digests (written
    with xlsxwriter: openpyxl's import and writer were ~0.3 s of an export, issue 11)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, TEXT_ONLY)
    sheet = book.add_worksheet("移交与接收登记表")
    title = book.add_format({"font_name": "宋体", "font_size": 16, "bold": True, "align": "center"})
    boxed = book.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
    sheet.merge_range(0, 0, 0, 3, REGISTER_TITLE, title)
    rows, sides = register_rows(form)
    widths = (18, 40, 16, 30)
    for n, row in enumerate(rows):
        r = n + 2
        spans = [(row[0], widths[0]), (row[1], widths[1] + widths[2]), (row[3], widths[3])]
        if n >= sides:  # 移交单位's cell over B:C, 接收单位's in D
            _text(sheet, r, 0, row[0], boxed)
            sheet.merge_range(r, 1, r, 2, row[1], boxed)
            _text(sheet, r, 3, row[3], boxed)
        elif row[2] == "" and row[3] == "":
            _text(sheet, r, 0, row[0], boxed)
            sheet.merge_range(r, 1, r, 3, row[1], boxed)
            spans = [(row[0], widths[0]), (row[1], sum(widths[1:]))]
        else:
            for c, value in enumerate(row):
                _text(sheet, r, c, value, boxed)
            spans = list(zip(row, widths, strict=True))
        sheet.set_row(r, _row_height(row[0], spans))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    last = len(rows) + 3
    sheet.merge_range(last, 0, last, 3, REGISTER_FOOTER, book.add_format({"text_wrap": True}))
    sheet.set_row(last, 48)
    sheet.set_paper(9)  # A4
    book.close()
    return buffer.getvalue()
