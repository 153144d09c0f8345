"""信函 (the 催办单 by default) take their own sequence, 平安办函〔年份〕序号; 文件 keep theirs."""

from __future__ import annotations

from desktop.services.notices import drafts as notice_drafts
from desktop.services.notices import issuing
from desktop.services.notices import register as notices
from desktop.services.notices.register import DocKind


def test_letters_and_documents_count_separately(demo_session, clerk) -> None:
    session = demo_session
    numbers = [d.number for d in notices.list_documents(session) if d.number]
    letters = [n for n in numbers if n.startswith("平安办函")]
    # the demo's 催办单 and other 信函, numbered 1, 2, … in their own sequence
    assert len(letters) >= 2
    assert sorted(letters) == sorted(f"平安办函〔2026〕{i}号" for i in range(1, len(letters) + 1))
    main_before = issuing.numbers_issued(session, "平安办", 2026)
    assert main_before == list(range(1, len(main_before) + 1))

    reminder = notice_drafts.draft_supervision(session, clerk, DocKind.REMINDER, task_code="04-02")
    issued = issuing.issue(session, clerk, reminder)
    assert issued.number == f"平安办函〔2026〕{len(letters) + 1}号"
    plain = notice_drafts.draft_notice(
        session, clerk, "关于报送年度总结的通知", "各成员单位", ["请报送。"]
    )
    assert issuing.issue(session, clerk, plain).number == f"平安办〔2026〕{len(main_before) + 1}号"
