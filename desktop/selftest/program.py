"""Self-test checks of the installed program itself: its metadata and modules, Qt's plugins and
translations, Chinese text through ICU, the shipped fonts, the printers."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys
from pathlib import Path

from desktop.selftest.shared import Run

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


def check_printers(run: Run) -> str:
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    run.qt()
    printers = QPrinterInfo.availablePrinters()
    QPrinter(QPrinter.PrinterMode.HighResolution)  # the print dialog builds one of these
    default = QPrinterInfo.defaultPrinterName()
    return f"{len(printers)} 台打印机" + (f"，默认 {default}" if default else "")
