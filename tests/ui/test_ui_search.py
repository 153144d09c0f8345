"""The search dialog: Ctrl+Shift+F, hits grouped and marked, a click opens the record's page."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from desktop.ui.search.dialog import SearchDialog


def _dialog(window) -> SearchDialog:  # type: ignore[no-untyped-def]
    action = next(
        a
        for a in window.findChildren(type(window.menuBar().actions()[0]))
        if a.shortcut().toString() == "Ctrl+Shift+F"
    )
    action.trigger()
    return window.search_dialog


def test_ctrl_shift_f_finds_and_marks_then_opens_the_task(qtbot, clerk_window) -> None:
    dialog = _dialog(clerk_window)
    assert dialog.isVisible()
    dialog.box.setText("充电桩")
    dialog.box.returnPressed.emit()
    assert "任务" in dialog.results.toHtml() and "#ffe08a" in dialog.results.toHtml()
    first = dialog.hits[0]
    dialog.results.anchorClicked.emit(QUrl("hit:0"))
    assert clerk_window.current_key == "task"
    assert clerk_window.page("task").task_id == first.task_id  # type: ignore[attr-defined]


def test_an_interview_hit_opens_the_interview(qtbot, clerk_window) -> None:
    dialog = _dialog(clerk_window)
    dialog.box.setText("市应急")
    dialog.run()
    index = next(i for i, h in enumerate(dialog.hits) if h.kind == "interview")
    dialog.results.anchorClicked.emit(QUrl(f"hit:{index}"))
    assert clerk_window.current_key == "interviews"
    assert clerk_window.page("interviews").selected_id == dialog.hits[index].ref_id  # type: ignore[attr-defined]


def test_nothing_found_says_so(qtbot, clerk_window) -> None:
    dialog = _dialog(clerk_window)
    dialog.box.setText("完全不存在的词语")
    dialog.run()
    assert "没有找到" in dialog.summary.text()
    assert not dialog.hits
    assert dialog.windowModality() == Qt.WindowModality.NonModal


def test_the_dashboard_lists_next_months_likely_reds(qtbot, clerk_window) -> None:
    from desktop.services.lamps.forecast import forecast

    page = clerk_window.page("dashboard")
    with clerk_window.desk.session() as session:
        expected = forecast(session, clerk_window.desk.today)
    assert expected, "the demo has tasks heading for red"
    index = page.tabs.indexOf(page.forecast_table)
    assert page.tabs.tabText(index) == f"下期可能亮红灯（{len(expected)}）"
    assert page.forecast.rowCount() == len(expected)
    page.forecast_table.activated.emit(page.forecast.index(0, 0))
    assert clerk_window.current_key == "task"
    assert clerk_window.page("task").task_id == expected[0].task_id  # type: ignore[attr-defined]


def test_the_meeting_pack_keeps_the_clerks_items_and_saves_a_pdf(
    qtbot, clerk_window, monkeypatch
) -> None:
    from desktop.services import meeting_pack
    from desktop.ui.dashboard import pack_dialog

    saved: list[bytes] = []
    monkeypatch.setattr(pack_dialog, "save_pdf_as", lambda _p, data, _n: saved.append(data) or "x")
    dialog = pack_dialog.MeetingPackDialog(clerk_window)
    assert "红灯任务" in dialog.items.toPlainText()  # proposed from the ledger
    dialog.items.setPlainText("研究市应急管理局问责事项\n\n调整 2027 年资金计划")
    dialog.generate()
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    assert saved[0].startswith(b"%PDF")
    with clerk_window.desk.session() as session:
        kept = meeting_pack.items_of(session, dialog.selected_period())
    assert kept == ["研究市应急管理局问责事项", "调整 2027 年资金计划"]


def test_the_ledger_filters_and_marks_next_months_likely_reds(qtbot, clerk_window) -> None:
    from desktop.services.lamps.forecast import forecast

    with clerk_window.desk.session() as session:
        expected = {f.task_id: f for f in forecast(session, clerk_window.desk.today)}
    page = clerk_window.show_page("tasks")
    page.lamp.setCurrentIndex(page.lamp.findData("forecast"))
    model = page.model
    assert {model.rows[i].id for i in range(model.rowCount())} == set(expected)
    column = model.columnCount() - 1
    assert model.headerData(column, Qt.Orientation.Horizontal) == "预警"
    first = model.rows[0]
    assert model.index(0, column).data() == "下期可能红灯"
    assert (
        model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) == expected[first.id].reason_text
    )
    page.clear_filter()
    assert model.rowCount() == 37
    marked = [i for i in range(37) if model.index(i, column).data()]
    assert len(marked) == len(expected)


def test_the_likely_reds_follow_a_report_saved_meanwhile(qtbot, clerk_window) -> None:
    """The 工作台 and the 任务台账 share one forecast; a write makes both compute it again."""
    from desktop.services import progress
    from desktop.services.periods import Period

    page = clerk_window.show_page("tasks")
    page.lamp.setCurrentIndex(page.lamp.findData("forecast"))
    heading = page.model.rows[0]
    desk = clerk_window.desk
    with desk.session() as session:  # the unit reports it finished: no longer heading for red
        progress.record_report(
            session, desk.actor, progress.ReportInput(heading.id, str(Period.of(desk.today)), 100)
        )
    clerk_window.data_changed()
    assert heading.id not in {r.id for r in page.model.rows}
    dashboard = clerk_window.show_page("dashboard")
    shown = {dashboard.forecast.row_at(i).task_id for i in range(dashboard.forecast.rowCount())}
    assert heading.id not in shown and len(shown) == page.model.total
