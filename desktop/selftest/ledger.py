"""Self-test checks on a scratch ledger: migrate, the demo data, search, sign-in, backup
encryption, the main window, Excel and the archive."""

from __future__ import annotations

import time
from datetime import datetime

from desktop.selftest.shared import DEMO_PERIOD, Run, optional


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
