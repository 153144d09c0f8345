"""`duban screenshot PAGE`: render one page of the main window offscreen into a PNG."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from desktop.services import overview, tasks
from desktop.services.auth import Actor, system_actor
from desktop.services.clock import Clock
from desktop.services.errors import ValidationError
from desktop.services.ledger import Ledger
from desktop.ui.app import create_app
from desktop.ui.desk import Desk
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import PAGES


def page_names() -> list[str]:
    return [s.key for s in PAGES if s.in_nav] + ["task:<编号>"]


def parse_size(text: str) -> QSize:
    try:
        width, height = (int(x) for x in text.lower().split("x"))
    except ValueError as exc:
        raise ValidationError(f"尺寸“{text}”格式不对，应为 宽x高，例如 1366x768。") from exc
    if not (400 <= width <= 8000 and 300 <= height <= 8000):
        raise ValidationError(f"尺寸“{text}”超出范围（宽 400–8000，高 300–8000）。")
    return QSize(width, height)


def build_window(ledger: Ledger, clock: Clock, page: str, size: QSize, actor: Actor) -> MainWindow:
    """The main window sized and showing PAGE, as a clerk would see it (no sign-in)."""
    key, _, arg = page.partition(":")
    known = {s.key for s in PAGES}
    if key not in known:
        raise ValidationError(f"没有名为“{page}”的页面。可用：{'、'.join(page_names())}")
    window = MainWindow(Desk(ledger, clock, actor), remember=False)
    window.resize(size)
    if key == "task":
        with ledger.session() as session:
            if arg:
                task_id = tasks.find_task_id(session, arg)
            else:  # the first task by code
                first = overview.task_page(session, clock.today(), limit=1).rows
                if not first:
                    raise ValidationError("台账中还没有任务，无法截取任务页。")
                task_id = first[0].id
        window.open_task(task_id)
    else:
        window.show_page(key)
    return window


def screenshot(
    ledger: Ledger, clock: Clock, page: str, out: Path, size_text: str = "1366x768"
) -> Path:
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_app()
    window = build_window(ledger, clock, page, parse_size(size_text), system_actor("截图"))
    window.show()
    for _ in range(3):  # let layouts and charts settle
        app.processEvents()
    pixmap = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    if not pixmap.save(str(partial), "PNG"):
        raise ValidationError(f"无法写入截图文件：{out}")
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    partial.replace(out)
    window.close()
    QApplication.processEvents()
    return out
