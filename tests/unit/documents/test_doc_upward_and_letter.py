"""请示 and 报告 (上行文) and the 函 on any subject: what each must carry, checked at 印发, and
their issued PDFs measured (mark 80 mm down, 签发人 right with the 文号 left on its line, one
主送机关, 联系人 and 电话 in the 附注; the 函 in the 信函格式 with a number of its own)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from doc_measure import AREA_LEFT, AREA_RIGHT, AREA_TOP, MM, SLOT, measure

from desktop.documents.grid import cmyk
from desktop.services.errors import ValidationError
from desktop.services.notices import issuing
from desktop.services.notices import register as notices
from desktop.services.notices.kinds import check_kind
from desktop.services.notices.register import DocKind
from tests.fixtures.every_kind import draft_kind

RED = cmyk((0xE5 / 255, 0, 0x12 / 255))
UP = "市平安建设领导小组"
BODY = ["今年以来，市平安办按照领导小组部署推进十大重点工程。", "妥否，请批示。"]


def _draft(session, clerk, kind, title, recipients=UP, body=BODY, **elements) -> int:  # type: ignore[no-untyped-def]
    return draft_kind(session, clerk, kind, title, recipients, body, **elements)


def _refused(session, clerk, doc_id) -> str:
    with pytest.raises(ValidationError) as caught:
        issuing.issue(session, clerk, doc_id)
    assert notices.get_document(session, doc_id).row.number == ""  # no number was used up
    return str(caught.value)


def test_a_request_needs_signer_one_recipient_and_contact(session, clerk) -> None:
    title = "关于申请十大重点工程专项经费的请示"
    bare = _draft(session, clerk, DocKind.REQUEST, title)
    assert "签发人" in _refused(session, clerk, bare)
    two = _draft(session, clerk, DocKind.REQUEST, title, f"{UP}、市财政局", signers=["王明"])
    message = _refused(session, clerk, two)
    assert "只主送一个上级机关" in message and "抄送" in message
    quiet = _draft(session, clerk, DocKind.REQUEST, title, signers=["王明"])
    assert "联系人" in _refused(session, clerk, quiet)
    wrong = _draft(session, clerk, DocKind.REQUEST, "关于经费的通知", signers=["王明"])
    assert "应以“请示”结尾" in _refused(session, clerk, wrong)
    info = notices.get_document(session, bare)
    assert info.model.cc == ""  # a 请示 is copied to no unit below by default
    # Other kinds are left alone: a 通知 may go to many.
    notice = _draft(session, clerk, DocKind.NOTICE, "关于报送材料的通知", "各成员单位、各区")
    model = notices.get_document(session, notice).model
    check_kind(DocKind.NOTICE, model)
    with pytest.raises(ValidationError):
        check_kind(DocKind.REPORT, replace(model, title="关于情况的报告"))


def _a_report_carries_no_request(session, clerk) -> None:
    title = "关于十大重点工程上半年推进情况的报告"
    asks = _draft(session, clerk, DocKind.REPORT, title, signers=["王明"])
    assert "不得夹带请示事项" in _refused(session, clerk, asks)
    fine = _draft(session, clerk, DocKind.REPORT, title, body=BODY[:1], signers=["王明", "李强"])
    issued = issuing.issue(session, clerk, fine)
    assert issued.number.startswith("平安办〔")
    m = measure(notices.pdf_of(session, fine))
    page = m.pages[0]
    line = next(ln for ln in page if "签发人：" in ln.text)
    assert line.text == f"{issued.number}签发人：王明　李强"  # two names a line, 文号 beside


def _issued_request(session, clerk):
    doc_id = _draft(
        session,
        clerk,
        DocKind.REQUEST,
        "关于申请十大重点工程专项经费的请示",
        signers=["王明"],
        contact="张伟",
        contact_phone="0710-3456789",
    )
    issued = issuing.issue(session, clerk, doc_id)
    assert notices.get_document(session, doc_id).row.kind == DocKind.REQUEST
    return issued, measure(notices.pdf_of(session, doc_id))


def test_issued_request_and_report_measured(session, clerk) -> None:
    _a_report_carries_no_request(session, clerk)
    issued, m = _issued_request(session, clerk)
    page = m.pages[0]
    mark = max(page, key=lambda ln: ln.size)
    assert mark.text == "江城市平安建设领导小组办公室文件"
    assert abs(mark.top - (AREA_TOP + 80)) < 0.3  # 上行文: the mark's top 80 mm down
    line = next(ln for ln in page if "签发人：" in ln.text)
    # On one line: the 文号 one character in from the left, the name ending one character in
    # from the right, in 楷体 after 仿宋 签发人：.
    assert line.text == f"{issued.number}签发人：王明"
    assert abs(line.x0 - (AREA_LEFT + SLOT)) < 0.1
    assert abs(line.x1 - (AREA_RIGHT - SLOT)) < 0.3
    assert line.fonts[-1] != line.fonts[0] and "kai" in line.fonts[-1].lower()
    recipients = next(ln for ln in page if ln.text.endswith("："))
    assert recipients.text == f"{UP}：" and abs(recipients.x0 - AREA_LEFT) < 0.05
    text = [ln.text for p in m.pages for ln in p]
    note = next(t for t in text if "联系人" in t)
    assert note == "（联系人：张伟，联系电话：0710-3456789）"
    assert not any(t.startswith("抄送") for t in text)


def test_a_letter_on_any_subject(session, clerk) -> None:
    doc_id = _draft(
        session,
        clerk,
        DocKind.LETTER,
        "关于商请提供2026年度社会治安综合数据的函",
        "市公安局",
        ["为做好年度通报，请于12月10日前提供有关数据。", "特此函达。"],
    )
    issued = issuing.issue(session, clerk, doc_id)
    assert issued.number.startswith("平安办函〔")
    m = measure(notices.pdf_of(session, doc_id))
    page = m.pages[0]
    mark = max(page, key=lambda ln: ln.size)
    assert mark.text == "江城市平安建设领导小组办公室"  # no 文件
    assert abs(mark.top - 30) < 0.2  # 30 mm from the page top
    double = [r for r in m.rules[0] if r["stroking_color"] == RED and r["x1"] - r["x0"] > 150 * MM]
    assert len(double) == 4  # 文武线 under the mark and above the page bottom, 170 mm
    number = next(ln for ln in page if ln.text == issued.number)
    assert abs(number.x1 - AREA_RIGHT) < 0.1
    text = [ln.text for p in m.pages for ln in p]
    assert not any("印发" in t for t in text)  # a 函's 版记 has no 印发机关 and 印发日期
