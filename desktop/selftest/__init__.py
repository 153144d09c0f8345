"""`duban self-test`: prove an installed copy can do its real work, one line per check.

Each check is a function in CHECKS; a new check is one more line there. A check returns a short
detail, raises NotYet when the area it needs has not been built yet (printed as skipped, not a
failure), and raises anything else to fail. Run from source and from the frozen bundle alike.
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.selftest.documents import check_circular, check_ofd, check_qtpdf
from desktop.selftest.ledger import (
    check_archive,
    check_demo,
    check_encryption,
    check_excel,
    check_excel_template,
    check_main_window,
    check_migrate,
    check_search,
    check_sign_in,
)
from desktop.selftest.program import (
    LAZY_MODULES,
    SKIP_MODULES,
    check_about,
    check_chinese_text,
    check_imports,
    check_printers,
    check_qt_plugins,
    check_translations,
    check_ui_fonts,
    program_modules,
)
from desktop.selftest.shared import DEMO_PERIOD, NOT_YET, NotYet, Run, optional

__all__ = [
    "CHECKS",
    "Check",
    "run_checks",
    "DEMO_PERIOD",
    "NOT_YET",
    "NotYet",
    "Run",
    "optional",
    "LAZY_MODULES",
    "SKIP_MODULES",
    "program_modules",
    "check_about",
    "check_imports",
    "check_qt_plugins",
    "check_translations",
    "check_chinese_text",
    "check_ui_fonts",
    "check_printers",
    "check_circular",
    "check_ofd",
    "check_qtpdf",
    "check_migrate",
    "check_demo",
    "check_search",
    "check_sign_in",
    "check_encryption",
    "check_main_window",
    "check_excel",
    "check_excel_template",
    "check_archive",
]


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
