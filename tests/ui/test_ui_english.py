"""The English UI: every page, menu, header and button speaks English; only data and document
text stay Chinese. The demo ledger's own text is scrubbed to ASCII first, so any Chinese left on
screen came from the program, not from the data."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from desktop.documents.fonts import SHIPPED
from desktop.services import identity
from desktop.services.ledger import Ledger
from desktop.ui.app import create_app
from desktop.ui.desk import Desk
from desktop.ui.i18n import current_language, install_translations, saved_language, tr
from desktop.ui.main_window import MainWindow

CJK = re.compile(r"[\u4e00-\u9fff]")
# Shown in Chinese on purpose: the language's own name in the language menu; the official
# font names of printed documents; the heading numerals a clerk types into a document's body.
ALLOWED: tuple[str, ...] = (
    "中文",
    "仿宋_GB2312",
    "方正小标宋简体",
    "楷体_GB2312",
    "宋体",
    "黑体",
    "“一、”",
    "“元”",
)
# What a clerk types into a document's head, printed in Chinese as the standard has it.
ALLOWED += ("秘密 / 机密 / 绝密", "1年", "特急 / 加急", "“、”")
# The shipped fonts' own names (文泉驿微米黑 …) are names too.
ALLOWED += tuple(name for _file, name in SHIPPED.values())
# Table columns whose cells are the program's words (enum labels), not data.
WORD_COLUMNS = {
    "Status",
    "Kind",
    "Role",
    "Source",
    "Current status",
    "Why this lamp",
    "Why red",
    "Reason",
}


def _scrub(path: Path) -> None:
    """Every Chinese character in the ledger's text becomes its hex code (unique, ASCII)."""
    db = sqlite3.connect(path)
    tables = [
        r[0]
        for r in db.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
        if not (r[1] or "").upper().startswith("CREATE VIRTUAL")  # the search index is rebuilt
    ]
    for table in tables:
        columns = [r[1] for r in db.execute(f"PRAGMA table_info('{table}')")]
        try:
            rows = db.execute(f"SELECT rowid, * FROM '{table}'").fetchall()
        except sqlite3.OperationalError:  # a WITHOUT ROWID table (the search index's own)
            continue
        for row in rows:
            changed = {
                c: CJK.sub(lambda m: format(ord(m.group()), "x"), v)
                for c, v in zip(columns, row[1:], strict=True)
                if isinstance(v, str) and CJK.search(v)
            }
            if changed:
                sets = ", ".join(f'"{c}" = ?' for c in changed)
                try:
                    db.execute(
                        f"UPDATE '{table}' SET {sets} WHERE rowid = ?", (*changed.values(), row[0])
                    )
                except sqlite3.IntegrityError:  # the audit log is append-only: left as it is
                    break
    db.commit()
    db.close()


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    create_app()
    install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]
    yield
    install_translations(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]


def _chinese_on(widget: QWidget) -> set[str]:
    found: set[str] = set()

    def add(text: str | None) -> None:
        if text and CJK.search(text) and not any(a in text for a in ALLOWED):
            found.add(text[:100])

    def menu(m: QMenu) -> None:
        for action in m.actions():
            add(action.text())
            sub = action.menu()
            if isinstance(sub, QMenu):
                menu(sub)

    for child in [widget, *widget.findChildren(QWidget)]:
        add(child.toolTip())
        add(child.windowTitle())
        if isinstance(child, QLabel | QAbstractButton):
            add(child.text())
        elif isinstance(child, QGroupBox):
            add(child.title())
        elif isinstance(child, QTabWidget):
            for i in range(child.count()):
                add(child.tabText(i))
        elif isinstance(child, QLineEdit | QTextEdit | QPlainTextEdit):
            add(child.placeholderText())
        elif isinstance(child, QMenu):
            menu(child)
        elif isinstance(child, QTableView) and child.model() is not None:
            model = child.model()
            for c in range(model.columnCount()):
                header = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                add(header)
                if header in WORD_COLUMNS:
                    for r in range(min(model.rowCount(), 50)):
                        add(str(model.data(model.index(r, c)) or ""))
    return found


def test_english_ui_shows_no_chinese_but_data(
    english, demo_ledger: Ledger, clock, qtbot, messages
) -> None:  # type: ignore[no-untyped-def]
    assert demo_ledger.path is not None
    demo_ledger.dispose()
    _scrub(demo_ledger.path)
    with demo_ledger.session() as session:
        actor = identity.sign_in(session, "admin", "duban-admin")
    window = MainWindow(Desk(demo_ledger, clock, actor), remember=False)
    qtbot.addWidget(window)
    window.show()
    found = {f"menu: {t}" for t in _chinese_on(window.menuBar())}
    found |= {f"status bar: {t}" for t in _chinese_on(window.statusBar())}
    found |= {
        f"nav: {window.nav.item(i).text()}"
        for i in range(window.nav.count())
        if CJK.search(window.nav.item(i).text())
    }
    for spec in window.specs:
        if spec.key == "task":
            window.open_task(1)
        else:
            window.show_page(spec.key)
        QApplication.processEvents()
        found |= {f"{spec.key}: {t}" for t in _chinese_on(window.pages[spec.key])}
    assert sorted(found) == []


def test_the_language_switch_rebuilds_the_window_and_qt_dialogs_follow(clerk_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert current_language() == "zh_CN"
    assert clerk_window.menuBar().actions()[0].text() == "文件(&F)"
    english = clerk_window.switch_language("en")
    qtbot.addWidget(english)
    try:
        assert saved_language() == "en"
        assert english.menuBar().actions()[0].text() == "&File"
        assert english.nav.item(0).text() == "Dashboard"
        assert tr("督办台") == "Duban Desk"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    finally:
        chinese = english.switch_language("zh_CN")
        qtbot.addWidget(chinese)
    assert chinese.menuBar().actions()[0].text() == "文件(&F)"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_composed_reasons_are_said_in_english_with_their_figures(english) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.reasons import say

    text = "亮红灯：进度滞后序时进度 38 个百分点；节点“网格员培训”逾期 5 天"
    assert say(text) == "red: 38 points behind schedule; milestone “网格员培训” 5 days overdue"
    assert say("01-04 网格化：连续 2 期未报送进度") == "01-04 网格化: 2 reports missed in a row"
    assert say("一句不认识的话") == "一句不认识的话"  # unknown text is left as it was
    install_translations(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    assert say(text) == text


def test_a_services_message_with_data_is_shown_in_english(english, demo_session) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import tasks
    from desktop.services.errors import DomainError
    from desktop.ui.errors import message_for

    with pytest.raises(DomainError) as caught:
        tasks.find_task_id(demo_session, "99-99")
    assert str(caught.value) == "找不到编号为“99-99”的任务。"  # the service speaks Chinese
    assert message_for(caught.value) == 'No task with code "99-99" was found.'
    assert message_for(DomainError("一句服务从未说过的话")) == "一句服务从未说过的话"
    install_translations(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    assert message_for(caught.value) == "找不到编号为“99-99”的任务。"


def test_every_service_message_keeps_its_holes_in_english(english) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.service_messages import TEMPLATES

    holes = re.compile(r"\{\d+\}")
    for template in TEMPLATES:
        english_text = tr(template)
        assert english_text != template, template  # translated
        assert sorted(holes.findall(english_text)) == sorted(holes.findall(template)), template


def test_a_deadline_moved_by_an_approved_extension_is_said_in_english_on_the_timeline(
    english, demo_session, clerk, leader, clock
) -> None:  # type: ignore[no-untyped-def]
    """The task's timeline gets its 延期 entry from the audit log, written in Chinese; the page
    says it in English with its dates, and the task's own status entries likewise."""
    from datetime import date

    from sqlalchemy import select

    from db.models import Task
    from desktop.services import supervision, timeline
    from desktop.services.enums import TaskStatus
    from desktop.services.supervision import (
        SupervisionInput,
        SupervisionKind,
        SupervisionOrigin,
        extensions,
    )
    from desktop.ui.reasons import say

    task = next(
        t
        for t in demo_session.scalars(select(Task).order_by(Task.code))
        if t.status == TaskStatus.IN_PROGRESS
    )
    item_id = supervision.raise_item(demo_session, clerk, SupervisionInput(
        kind=SupervisionKind.NOTICE, unit_id=task.lead_unit_id, requirement="报送补点方案。",
        reply_due=None, task_ids=(task.id,), origin=SupervisionOrigin.INSTRUCTION,
        source_ref="批示：尽快补齐盲区。", received_on=clock.today(), handling="15日内报送。",
    ))  # fmt: skip
    new_due = date(2028, 6, 30)  # after every task's 完成时限 in the demo
    ext = extensions.request_extension(demo_session, clerk, item_id, new_due, "需财政局核定经费")
    extensions.check_extension(demo_session, clerk, ext, True, "情况属实")
    extensions.decide_extension(demo_session, leader, ext, True, "同意")
    events = [
        e
        for e in timeline.timeline(demo_session, task.id)
        if e.kind in ("延期", "状态") or e.kind.startswith("督办")
    ]
    moved = next(e for e in events if e.kind == "延期")
    assert say(moved.title).startswith(f"Task {task.code}: deadline moved from ")
    assert say(moved.title).endswith(f"approved by {leader.label}")
    assert "2028-06-30" in say(moved.title)
    *_later, raised = [e for e in events if e.kind.startswith("督办")]  # newest first
    assert say(tr(raised.kind)) == "Supervision · Supervision notice"
    assert say(raised.title) == f"Supervision notice sent to {task.lead_unit.name}"
    names = (leader.label, task.title, task.lead_unit.name)
    for event in events:  # only the names (the leader's, the task's, its unit's) stay Chinese
        said = say(tr(event.kind)) + " " + say(event.title)
        for name in names:
            said = said.replace(name, "")
        assert not CJK.search(said), (event.kind, event.title)
    install_translations(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    assert say(moved.title) == moved.title


def test_the_chains_interview_and_rectification_steps_are_said_in_english(english) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.reasons import say

    assert say("限期整改（2026-12-31前）") == "rectification due by 2026-12-31"
    assert say("整改核实销号") == "rectification verified and closed"
    assert say("约谈通知") == "interview notified"
    assert say("约谈后未按期完成整改") == "约谈后未按期完成整改"  # typed text: left as it was


def test_the_timelines_chain_documents_and_corrections_are_said_in_english(
    english, demo_session, clerk
) -> None:  # type: ignore[no-untyped-def]
    """问责 steps, issued documents, interviews and corrections on every demo task's timeline:
    once the names a clerk typed (units, persons, bodies, document numbers) are taken out, no
    Chinese is left of what the program composed."""
    import json

    from sqlalchemy import select

    from db.models import AccountabilityStep, Task, Unit
    from desktop.services import corrections, funds, timeline
    from desktop.services.enums import FundKind, FundSource
    from desktop.ui.reasons import say

    task = demo_session.scalars(select(Task).order_by(Task.code)).first()
    entry = funds.add_fund_entry(
        demo_session, clerk, task.id, FundKind.ARRIVED, FundSource.CITY, "10万", date(2026, 11, 2)
    )
    corrections.correct_fund_entry(demo_session, clerk, entry.id, "录错", amount="12万", note="x")
    corrections.withdraw_fund_entry(demo_session, clerk, entry.id, "重复")
    names = {u.name for u in demo_session.scalars(select(Unit))}
    for step in demo_session.scalars(select(AccountabilityStep)):
        for value in json.loads(step.detail).values():
            names |= set(re.split(r"[、，]", value)) | {value}
    number = re.compile(r"\S+〔\d{4}〕\d+号")
    said: dict[str, str] = {}
    for t in demo_session.scalars(select(Task)):
        for e in timeline.timeline(demo_session, t.id):
            if e.kind in ("问责", "公文", "约谈", "整改", "更正"):
                said[e.title] = say(e.title)
    assert any(k.startswith("撤回任务") for k in said) and any("调查组" in k for k in said)
    left = {}
    for title, text in said.items():
        text = number.sub("", text)
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name, "") if name else text
        if CJK.search(text):
            left[title] = text
    assert left == {}
