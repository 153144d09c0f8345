"""The audit chain, checked once the window is up (off the GUI thread, from the last verified
entry); a break shows as a red banner above every page, naming the first bad entry."""

from __future__ import annotations

import logging

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop.services import audit_verify
from desktop.services.audit import ChainCheck
from desktop.services.ledger import Ledger
from desktop.ui.i18n import tr

log = logging.getLogger(__name__)
_running: set[QThread] = set()
_STYLE = "QLabel#chainBanner { background: #b00020; color: white; padding: 6px 10px; font-weight: bold; }"


class _Check(QThread):
    checked = Signal(object)

    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self.ledger = ledger

    def run(self) -> None:
        result: ChainCheck | None = None
        try:
            with self.ledger.session() as session:
                result = audit_verify.check_and_record(session, incremental=True)
        except Exception:  # noqa: BLE001 - a failed check is logged; the clerk keeps working
            log.exception("操作日志校验失败")
        self.checked.emit(result)


def wait_for_checks() -> None:
    """Before the ledger closes: a check still reading it finishes first (a QThread destroyed
    while it runs aborts the process, as when the window is closed in its first seconds)."""
    for thread in list(_running):
        thread.wait()


def banner_text(check: ChainCheck) -> str:
    return tr("操作日志校验未通过：{message}请立即告知系统管理员和审计管理员核查。").format(
        message=check.message
    )


def start(window) -> QThread:  # type: ignore[no-untyped-def]
    """Check in the background; show the banner (window.chain_banner) if the chain broke."""
    banner = QLabel()
    banner.setObjectName("chainBanner")
    banner.setStyleSheet(_STYLE)
    banner.setWordWrap(True)
    banner.hide()
    layout = window.centralWidget().layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, banner)
    window.chain_banner = banner
    thread = _Check(window.desk.ledger)

    def show(check: ChainCheck | None) -> None:
        if check is not None and not check.ok:
            banner.setText(banner_text(check))
            banner.show()

    thread.checked.connect(show)
    _running.add(thread)  # alive until run() has returned, even if the window closes first
    thread.finished.connect(lambda: _running.discard(thread))
    window.chain_check = thread
    thread.start()
    return thread
