"""`duban self-test`: prove an installed copy can do its real work, one line per check.

Each check is a function in CHECKS; a new check is one more line there. A check returns a short
detail, raises NotYet when the area it needs has not been built yet (printed as skipped, not a
failure), and raises anything else to fail. Run from source and from the frozen bundle alike.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

NOT_YET = "跳过（尚未实现）"
DEMO_PERIOD = "2026-11"  # the demo ledger's latest reported month (its clock: 2026-11-28)


class NotYet(Exception):
    """The area this check exercises does not exist in this build yet."""


@dataclass
class Run:
    """What the checks share: a scratch folder, the Qt application, results of earlier checks."""

    folder: Path
    verbose: bool = False
    app: Any = None
    ledger: Any = None
    pdf: Path | None = None
    pdf_pages: int = 0
    document: Any = None  # the circular laid out by 公文排版, written again as OFD
    actor: Any = None  # who 登录 signed in as; the main window opens for them
    notes: list[str] = field(default_factory=list)

    def qt(self) -> Any:
        """The QApplication, created on first use (offscreen when there is no display)."""
        if self.app is None:
            from desktop.cli.gui_cmds import has_display

            if not has_display():
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
            from PySide6.QtWidgets import QApplication

            self.app = QApplication.instance() or QApplication(["duban-self-test"])
        return self.app


def optional(module: str) -> Any:
    """Import an area's module, or raise NotYet when that area has not been written yet."""
    try:
        found = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        found = None
    if found is None:
        raise NotYet(module)
    return importlib.import_module(module)


# --- the checks ------------------------------------------------------------------------------

# Imported lazily by the program (inside functions, on first use): a trimmed bundle that lost
# one of these would only fail when the clerk reaches that screen.
LAZY_MODULES = [
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
    "reportlab.pdfgen.canvas",
    "reportlab.pdfbase.ttfonts",
    "reportlab.pdfbase.pdfmetrics",
    "reportlab.lib.textsplit",
    "reportlab.platypus",
    "openpyxl",
    "openpyxl.styles",
    "openpyxl.worksheet.datavalidation",
    "openpyxl.worksheet.protection",
    "defusedxml",
    "sqlalchemy.dialects.sqlite",
    "alembic.ddl.sqlite",
    "alembic.runtime.migration",
    "platformdirs",
]
# Run, not imported: the program's entry point, and Alembic's scripts (loaded from files by it).
SKIP_MODULES = ("desktop.__main__", "db.migrations.")


def program_modules() -> list[str]:
    """Every module of the program (desktop, db), including folders without __init__.py."""
    import db
    import desktop

    names: list[str] = []
    for package in (desktop, db):
        if getattr(sys, "frozen", False):  # the bundle's importer lists what build.spec collected
            walk = pkgutil.walk_packages(package.__path__, package.__name__ + ".")
            names += [info.name for info in walk]
            continue
        root = Path(str(package.__file__)).parent
        for path in sorted(root.rglob("*.py")):
            parts = path.relative_to(root.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return [name for name in names if not name.startswith(SKIP_MODULES)]


def check_about(run: Run) -> str:
    """What 关于 shows: the version from the installed metadata, the schema the program knows."""
    from desktop import __version__
    from desktop.services import about

    info = about.about()
    if info.version != __version__:
        raise RuntimeError(f"版本不一致：元数据 {info.version}，程序 {__version__}")
    where = "安装包" if info.frozen else "源代码"
    return f"{info.name} {info.version}（{where}），数据结构 {info.schema_head}，数据目录 {info.data_dir}"


def check_imports(run: Run) -> str:
    names = program_modules()
    for name in names:
        importlib.import_module(name)
    count = len(names)
    for name in LAZY_MODULES:
        importlib.import_module(name)
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise RuntimeError("openpyxl 未启用 defusedxml：外来 Excel 文件不安全")
    if count < 30:  # the walk found too little: the bundle lost part of the program
        raise RuntimeError(f"只找到本程序的 {count} 个模块")
    return f"本程序 {count} 个模块，第三方 {len(LAZY_MODULES)} 个"


def check_qt_plugins(run: Run) -> str:
    """The platform and printer plugins are in place and load (their system libraries exist)."""
    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    if sys.platform == "win32":
        wanted = ["platforms/qwindows.dll", "platforms/qoffscreen.dll"]
        wanted += ["printsupport/windowsprintersupport.dll"]
    else:
        wanted = ["platforms/libqxcb.so", "platforms/libqoffscreen.so"]
        wanted += ["printsupport/libcupsprintersupport.so"]
    missing = [name for name in wanted if not (plugins / name).is_file()]
    if missing:
        raise RuntimeError(f"缺少 Qt 插件：{', '.join(missing)}（在 {plugins}）")
    for name in wanted:
        loader = QPluginLoader(str(plugins / name))
        if not loader.load():  # e.g. libxcb-cursor0 or libcups2 missing on this PC
            raise RuntimeError(f"Qt 插件 {name} 无法加载：{loader.errorString()}")
    run.qt()
    from PySide6.QtGui import QGuiApplication

    return f"{len(wanted)} 个插件可加载，当前平台 {QGuiApplication.platformName()}"


def _translated(run: Run, qm: str, folder: str, context: str, text: str, expected: str) -> str:
    """Load one .qm, translate one string with it, and say so (or raise)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = run.qt()
    translator = QTranslator(app)
    if not translator.load(qm, folder):
        raise RuntimeError(f"找不到 {qm}.qm（在 {folder}）")
    app.installTranslator(translator)
    try:
        got = QCoreApplication.translate(context, text)
    finally:
        app.removeTranslator(translator)
    if got != expected:
        raise RuntimeError(f"{qm}.qm 未生效：“{text}”译为“{got}”，应为“{expected}”")
    return f"{qm}.qm 已加载（{text} → {expected}）"


def check_translations(run: Run) -> str:
    from PySide6.QtCore import QLibraryInfo

    from desktop.ui.i18n import TRANSLATION_DIR

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return "；".join(
        [
            _translated(run, "qtbase_zh_CN", qt_dir, "QPlatformTheme", "Cancel", "取消"),
            _translated(run, "qtbase_en", qt_dir, "QPlatformTheme", "Cancel", "Cancel"),
            _translated(run, "duban_en", str(TRANSLATION_DIR), "", "督办台", "Duban Desk"),
        ]
    )


def check_chinese_text(run: Run) -> str:
    """Chinese through Qt's ICU: pinyin collation, line breaks before ，。 forbidden, dates,
    GB 18030.

    The Linux bundle carries a trimmed ICU data library (.ci/trim_icu.py): this proves what it
    kept still serves Chinese. Root collation (no zh data) would order 上海 before 北京.
    """
    from PySide6.QtCore import QCollator, QDate, QLocale, QStringDecoder, QTextBoundaryFinder

    run.qt()
    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    collator = QCollator(china)
    cities = sorted(["上海", "天津", "北京", "广州"], key=collator.sortKey)
    if cities != ["北京", "广州", "上海", "天津"]:
        raise RuntimeError(f"拼音排序有误：{'、'.join(cities)}")
    text = "任务完成，进度滞后。"
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    breaks = []
    while (position := finder.toNextBoundary()) != -1:
        breaks.append(position)
    for mark in ("，", "。"):
        if text.index(mark) in breaks:  # a line may not start with a closing mark
            raise RuntimeError(f"断行位置有误：可在“{mark}”前断行（{breaks}）")
    date = china.toString(QDate(2026, 11, 28), "yyyy年M月d日 dddd")
    if date != "2026年11月28日 星期六":
        raise RuntimeError(f"日期格式有误：{date}")
    rare = "督办𠮷"  # 𠮷 is four bytes in GB 18030 (outside GBK): Python's _codecs_cn, ICU's table
    if rare.encode("gb18030").decode("gb18030") != rare or not QStringDecoder("GB18030").isValid():
        raise RuntimeError("GB 18030 编码不可用")
    return f"拼音排序 {'、'.join(cities)}；断行 {len(breaks)} 处；{date}；GB 18030"


def check_ui_fonts(run: Run) -> str:
    """The shipped fonts as Qt loads them; in the bundle unpacked from their .xz (the hash of
    each unpacked file checked again, a damaged one unpacked anew)."""
    from PySide6.QtGui import QFontDatabase

    from desktop.documents.shipped_fonts import FONT_DIR, shipped_fonts

    run.qt()
    files = shipped_fonts(verify=True)
    if len(files) < 5:
        raise RuntimeError(f"随程序的字体不全：{FONT_DIR} 中只有 {len(files)} 个")
    families: list[str] = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"Qt 无法加载字体 {path.name}")
        families += QFontDatabase.applicationFontFamilies(font_id)
    where = "" if files[0].parent == FONT_DIR else f"（解压于 {files[0].parent.parent}）"
    return f"{len(files)} 个字体{where}：{'、'.join(dict.fromkeys(families))}"


def check_migrate(run: Run) -> str:
    from desktop.services import about
    from desktop.services.clock import FixedClock
    from desktop.services.ledger import open_ledger

    path = run.folder / "自检台账.sqlite3"
    start = time.perf_counter()
    run.ledger = open_ledger(path, FixedClock(datetime(2026, 11, 28, 9, 0)))
    info = about.about(run.ledger)
    if info.schema_revision != info.schema_head:
        raise RuntimeError(f"迁移后版本 {info.schema_revision}，应为 {info.schema_head}")
    return f"空台账迁移到 {info.schema_head}，{time.perf_counter() - start:.2f} 秒"


def check_demo(run: Run) -> str:
    from desktop.services import overview
    from desktop.services.auth import system_actor
    from desktop.services.demo import build as demo

    if run.ledger is None:
        raise RuntimeError("台账未能打开（见上一项）")
    with run.ledger.session() as session:
        summary = demo.build_demo(session, system_actor("自检"))
    with run.ledger.session() as session:
        rows = overview.task_rows(session, summary.today)
    if summary.tasks != 37 or len(rows) != 37:
        raise RuntimeError(f"演示台账应有 37 项任务，实有 {summary.tasks}/{len(rows)}")
    lamps = {row.lamp.color for row in rows}
    return f"{summary.projects} 项工程、{summary.tasks} 项任务、{summary.reports} 条报送，灯 {len(lamps)} 种"


def check_search(run: Run) -> str:
    """FTS5 in the SQLite the program runs on, and pypinyin's data in the bundle."""
    from desktop.services.search.query import search

    if run.ledger is None:
        raise RuntimeError("台账未能打开（见上一项）")
    with run.ledger.session() as session:
        by_text, by_pinyin = search(session, "公安"), search(session, "gongan")
    units = [g for g in by_pinyin.groups if g.kind == "unit"]
    if not by_text.count or not units:
        raise RuntimeError(f"检索“公安”{by_text.count} 条，拼音“gongan”找到单位 {len(units)} 类")
    from db.search import pinyin_terms

    if "chongqing" not in pinyin_terms(["重庆"]).split():  # pypinyin's phrase table is read
        raise RuntimeError(f"拼音词库未载入：重庆 → {pinyin_terms(['重庆'])}")
    return f"“公安”{by_text.count} 条，拼音 gongan 找到单位 {len(units[0].hits)} 个"


def check_circular(run: Run) -> str:
    documents = optional("desktop.documents")
    fonts = documents.FontSet.shipped()  # the bundled fonts, whatever the PC has installed
    doc, what = _circular_document(run)
    result = documents.render_pdf(doc, fonts)
    if result.glyph_warnings:
        raise RuntimeError("字形缺失：" + "；".join(result.glyph_warnings[:3]))
    run.document = doc
    run.pdf = run.folder / "自检通报.pdf"
    run.pdf.write_bytes(result.pdf)
    run.pdf_pages = result.page_count
    return f"{what}，{result.page_count} 页，{len(result.pdf) // 1024} KB，字形齐全"


def _circular_document(run: Run) -> tuple[Any, str]:
    """The demo ledger's circular when the circular service exists, else the layout sample."""
    try:
        circular = optional("desktop.services.circular")
    except NotYet:
        circular = None
    if circular is not None and run.ledger is not None:
        from desktop.documents.compose_circular import compose_circular
        from desktop.services import settings

        with run.ledger.session() as session:
            data = circular.circular_data(session, DEMO_PERIOD)
            head = circular.letterhead(settings.office(session))
        return compose_circular(data, head), f"演示台账 {DEMO_PERIOD} 工作进展通报"
    samples = optional("desktop.documents.samples")
    return samples.sample_document(paragraphs=8), "排版样张"


def check_ofd(run: Run) -> str:
    """The same circular as OFD: fontTools subsets the shipped fonts, then it is read back."""
    if run.document is None:
        raise RuntimeError("公文未生成（见“公文排版”）")
    from desktop.documents import FontSet
    from desktop.documents.ofd import check_ofd as read_back
    from desktop.documents.ofd import render_ofd

    result = render_ofd(run.document, FontSet.shipped(), archival=True)
    if result.glyph_warnings:
        raise RuntimeError("字形缺失：" + "；".join(result.glyph_warnings[:3]))
    pages = read_back(result.ofd, archival=True)
    if pages != result.page_count:
        raise RuntimeError(f"OFD 读回 {pages} 页，排版为 {result.page_count} 页")
    return f"OFD-A {pages} 页，{len(result.ofd) // 1024} KB，字体子集嵌入并读回"


def check_qtpdf(run: Run) -> str:
    if run.pdf is None:
        optional("desktop.documents")  # not built yet: nothing to open, skip
        raise RuntimeError("公文未生成（见上一项）")
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    run.qt()
    document = QPdfDocument()
    error = document.load(str(run.pdf))
    if error != QPdfDocument.Error.None_:
        raise RuntimeError(f"QtPdf 无法打开：{error}")
    pages = document.pageCount()
    if pages != run.pdf_pages:
        raise RuntimeError(f"QtPdf 读出 {pages} 页，排版为 {run.pdf_pages} 页")
    image = document.render(0, QSize(298, 421))
    if image.isNull():
        raise RuntimeError("QtPdf 无法渲染第 1 页")
    inked = sum(
        1 for x in range(0, 298, 7) for y in range(0, 421, 7) if image.pixel(x, y) != 0xFFFFFFFF
    )
    document.close()
    if inked == 0:
        raise RuntimeError("第 1 页渲染为空白")
    return f"QPdfDocument 打开 {pages} 页并渲染第 1 页"


def check_sign_in(run: Run) -> str:
    """A demo account signs in (scrypt: libsodium, hashlib or cryptography); a wrong password is refused."""
    from desktop.services import identity
    from desktop.services.demo.build import DEMO_USERS
    from desktop.services.errors import DomainError

    if run.ledger is None:
        raise RuntimeError("台账未能打开（见“台账迁移”）")
    username, _name, _role, password = next(u for u in DEMO_USERS if u[0] == "clerk")
    start = time.perf_counter()
    with run.ledger.session() as session:
        run.actor = identity.sign_in(session, username, password)
    took = time.perf_counter() - start
    try:
        with run.ledger.session() as session:
            identity.sign_in(session, username, password + "x")
    except DomainError:
        pass
    else:
        raise RuntimeError("错误的密码竟能登录")
    return f"{run.actor.display_name}（{run.actor.role.label}）登录 {took:.2f} 秒，错误密码被拒"


def check_encryption(run: Run) -> str:
    """Each backup cipher (AES-256-GCM, SM4-GCM with an SM3 key) seals and opens a file in this
    build's own `cryptography` (its bundled OpenSSL); a wrong passphrase is refused."""
    from cryptography.hazmat.backends.openssl import backend

    from desktop.services import backup_crypto

    plain = run.folder / "encryption-check.bin"
    plain.write_bytes("督办台".encode() * 1000)
    done = []
    for cipher in backup_crypto.CIPHERS:
        sealed, back = plain.with_suffix(f".{cipher}.enc"), plain.with_suffix(f".{cipher}.out")
        backup_crypto.encrypt_file(plain, sealed, "self-test-passphrase", cipher)
        found = backup_crypto.sealed_with(sealed)
        if found is None or found.cipher != cipher:
            raise RuntimeError(f"{cipher}：文件头未记下算法")
        backup_crypto.decrypt_file(sealed, back, "self-test-passphrase")
        if back.read_bytes() != plain.read_bytes():
            raise RuntimeError(f"{cipher}：解密结果与原文不同")
        try:
            backup_crypto.decrypt_file(sealed, back, "wrong-passphrase")
        except backup_crypto.WrongPassphrase:
            pass
        else:
            raise RuntimeError(f"{cipher}：错误的口令竟能解密")
        done.append(backup_crypto.CIPHERS[cipher])
    return "、".join(done) + f" 加解密正常，错误口令被拒（{backend.openssl_version_text()}）"


def check_main_window(run: Run) -> str:
    """The main window opens for the signed-in clerk and draws every page they may open."""
    if run.actor is None or run.ledger is None:
        raise RuntimeError("未登录（见“登录”）")
    run.qt()
    from desktop.services.clock import FixedClock
    from desktop.ui.app import create_app
    from desktop.ui.desk import Desk
    from desktop.ui.main_window import MainWindow

    app = create_app()
    clock = FixedClock(datetime(2026, 11, 28, 9, 0))
    window = MainWindow(Desk(run.ledger, clock, run.actor), remember=False)
    window.resize(1366, 768)
    window.show()
    try:
        keys = [spec.key for spec in window.specs if spec.in_nav]
        for key in keys:
            window.show_page(key)
            app.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 1000:
            raise RuntimeError("主窗口未能绘制")
    finally:
        window.close()
        app.processEvents()
    return f"主窗口打开，{len(keys)} 个页面逐一绘制（{app.platformName()}）"


def check_printers(run: Run) -> str:
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    run.qt()
    printers = QPrinterInfo.availablePrinters()
    QPrinter(QPrinter.PrinterMode.HighResolution)  # the print dialog builds one of these
    default = QPrinterInfo.defaultPrinterName()
    return f"{len(printers)} 台打印机" + (f"，默认 {default}" if default else "")


def check_excel(run: Run) -> str:
    import openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation

    path = run.folder / "自检报送表.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "进度报送"
    sheet.append(["任务编号", "任务名称", "完成进度（%）"])
    sheet.append(["01-01", "基层社会治理网格化提升", 60])
    rule = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
    sheet.add_data_validation(rule)
    rule.add("C2")
    sheet.protection.sheet = True
    book.save(path)
    safety = optional("desktop.services.excel.reading.safety")
    loaded = safety.open_workbook(path)
    row = [cell.value for cell in loaded.workbook["进度报送"][2]]
    if row != ["01-01", "基层社会治理网格化提升", 60]:
        raise RuntimeError(f"读回的内容不符：{row}")
    return f"写入并经安全检查读回 {path.name}（{loaded.size} 字节）"


def check_excel_template(run: Run) -> str:
    templates = optional("desktop.services.excel.templates")
    from desktop.services.excel.reading.report_sheet import parse_report_file
    from desktop.services.excel.reading.safety import open_workbook

    if run.ledger is None:
        raise RuntimeError("台账未能打开（见“台账迁移”）")
    folder = run.folder / "模板"
    folder.mkdir()
    with run.ledger.session() as session:
        files = templates.write_templates(session, DEMO_PERIOD, folder)
    if not files:
        raise RuntimeError("演示台账没有生成任何报送模板")
    parsed = parse_report_file(open_workbook(files[0].path))
    if parsed.problems or parsed.period != DEMO_PERIOD or not parsed.rows:
        problems = "；".join(p.message for p in parsed.problems[:3])
        raise RuntimeError(f"读回模板不符：期次 {parsed.period}，{len(parsed.rows)} 行 {problems}")
    return f"{len(files)} 个单位的模板，读回“{files[0].path.name}”{len(parsed.rows)} 项任务"


def check_archive(run: Run) -> str:
    """Build the demo year's package as a ZIP, then verify it as another PC would."""
    optional("desktop.services.archive.verify")
    from desktop.services.archive.export import export_year
    from desktop.services.archive.verify import verify_package
    from desktop.services.auth import system_actor

    if run.ledger is None:
        raise RuntimeError("台账未能打开（见“台账迁移”）")
    folder = run.folder / "归档"
    folder.mkdir()
    with run.ledger.session() as session:
        result = export_year(
            session, system_actor("自检"), 2026, folder, as_zip=True, leaves_pc=False
        )
    report = verify_package(result.path)
    if not report.ok:
        raise RuntimeError(report.summary())
    return f"{result.path.name}：{report.summary()}"


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Run], str]
    quick: bool = False  # part of `self-test --quick` (start-up timing, no ledger or PDF)


CHECKS = [
    Check("程序信息", check_about, quick=True),
    Check("模块导入", check_imports, quick=True),
    Check("Qt 插件", check_qt_plugins, quick=True),
    Check("Qt 中文翻译", check_translations, quick=True),
    Check("中文排序与断行", check_chinese_text, quick=True),
    Check("界面字体", check_ui_fonts),
    Check("台账迁移", check_migrate),
    Check("演示台账", check_demo),
    Check("全文检索", check_search),
    Check("公文排版", check_circular),
    Check("OFD 版式", check_ofd),
    Check("QtPdf 预览", check_qtpdf),
    Check("打印机查询", check_printers),
    Check("Excel 读写", check_excel),
    Check("Excel 报送模板", check_excel_template),
    Check("档案包", check_archive),
    Check("登录", check_sign_in),
    Check("备份加密", check_encryption),
    Check("主窗口", check_main_window),
]


def run_checks(quick: bool = False, verbose: bool = False, out: Any = None) -> int:
    """Run the checks, print one line each; the number of failures (0: all good)."""
    out = out or sys.stdout
    failures = 0
    with tempfile.TemporaryDirectory(prefix="duban-selftest-") as tmp:
        run = Run(Path(tmp), verbose)
        try:
            for check in CHECKS:
                if quick and not check.quick:
                    continue
                start = time.perf_counter()
                try:
                    status, detail = "ok", check.run(run)
                except NotYet:
                    status, detail = "skip", NOT_YET
                except Exception as error:  # a failed check must not stop the others
                    failures += 1
                    status, detail = "FAIL", f"{type(error).__name__}: {error}"
                    if verbose:
                        traceback.print_exc(file=out)
                took = time.perf_counter() - start
                print(f"{status:<4} {check.name}：{detail}（{took:.2f} 秒）", file=out, flush=True)
        finally:
            if run.ledger is not None:
                run.ledger.dispose()
    return failures
