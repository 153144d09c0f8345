"""The search dialog: one box over the whole record, hits grouped by kind, matches marked."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, QUrl
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTextBrowser, QVBoxLayout

from desktop.services.search.query import SearchHit, SearchResults, open_target, search

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

# Group names as the GUI shows them (translated); the CLI prints the service's Chinese names.
KIND_NAMES = {
    "task": QT_TRANSLATE_NOOP("SearchDialog", "任务"),
    "milestone": QT_TRANSLATE_NOOP("SearchDialog", "节点"),
    "report": QT_TRANSLATE_NOOP("SearchDialog", "进度报送"),
    "fund": QT_TRANSLATE_NOOP("SearchDialog", "资金"),
    "supervision": QT_TRANSLATE_NOOP("SearchDialog", "督办事项"),
    "interview": QT_TRANSLATE_NOOP("SearchDialog", "约谈"),
    "rectification": QT_TRANSLATE_NOOP("SearchDialog", "整改报告"),
    "accountability": QT_TRANSLATE_NOOP("SearchDialog", "问责"),
    "meeting": QT_TRANSLATE_NOOP("SearchDialog", "会议"),
    "decision": QT_TRANSLATE_NOOP("SearchDialog", "会议决定"),
    "document": QT_TRANSLATE_NOOP("SearchDialog", "公文"),
    "attachment": QT_TRANSLATE_NOOP("SearchDialog", "附件"),
    "project": QT_TRANSLATE_NOOP("SearchDialog", "重点工程"),
    "unit": QT_TRANSLATE_NOOP("SearchDialog", "单位"),
    "user": QT_TRANSLATE_NOOP("SearchDialog", "用户"),
}
MARK = '<span style="background:#ffe08a;color:#000">{}</span>'


def marked_html(text: str, marks: tuple[tuple[int, int], ...]) -> str:
    """The text escaped for HTML with each matched word highlighted."""
    out, last = [], 0
    for start, end in marks:
        out.append(html.escape(text[last:start]))
        out.append(MARK.format(html.escape(text[start:end])))
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


class SearchDialog(QDialog):
    """Type a word, a name or its pinyin; every record that mentions it, one click from its page."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("全文检索"))
        self.resize(720, 520)
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(self.tr("输入词语、人名或拼音（如 gongan、gaj），回车查找"))
        self.box.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.results = QTextBrowser()
        self.results.setObjectName("searchResults")
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run)
        self.box.textEdited.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self.run)
        self.hits: list[SearchHit] = []

    def run(self) -> None:
        query = self.box.text().strip()
        self._timer.stop()
        if not query:
            self.results.clear()
            self.summary.clear()
            return
        with self.window_.desk.session() as session:
            found = search(session, query)
        self.show_results(found)

    def show_results(self, found: SearchResults) -> None:
        self.hits = []
        if not found.groups:
            self.summary.setText(self.tr("没有找到“{q}”。").format(q=found.query))
            self.results.clear()
            return
        self.summary.setText(
            self.tr("“{q}”共找到 {n} 条，点击打开所在页面。").format(q=found.query, n=found.count)
        )
        parts = []
        for group in found.groups:
            name = QCoreApplication.translate("SearchDialog", str(KIND_NAMES[group.kind]))
            more = self.tr("（仅列出前 {n} 条）").format(n=len(group.hits)) if group.more else ""
            parts.append(f"<h3>{html.escape(name)} {len(group.hits)}{html.escape(more)}</h3>")
            for hit in group.hits:
                self.hits.append(hit)
                link = f"hit:{len(self.hits) - 1}"
                parts.append(
                    f'<p><a href="{link}">{html.escape(hit.title)}</a><br>'
                    f"{marked_html(hit.snippet, hit.marks)}</p>"
                )
        self.results.setHtml("".join(parts))

    def _open(self, url: QUrl) -> None:
        index = int(url.toString().partition(":")[2])
        self.open_hit(self.hits[index])

    def open_hit(self, hit: SearchHit) -> None:
        window = self.window_
        with window.desk.session() as session:
            target = open_target(session, hit)
        if target.task_id is not None:
            window.open_task(target.task_id)
            return
        if target.page not in {s.key for s in window.specs}:
            return  # a page this role may not open (e.g. 用户 for a 科员)
        page = window.show_page(target.page)
        if target.record_id is None:
            return
        for name in ("select", "select_item", "select_meeting", "select_unit"):
            select = getattr(page, name, None)
            if callable(select):
                select(target.record_id)
                return
        if target.page == "notices":
            page.refresh(select_id=target.record_id)  # type: ignore[call-arg]  # NoticesPage's
