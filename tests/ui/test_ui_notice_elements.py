"""公文 editor: 份号, 密级★期限, 紧急程度, 签发人, 联合发文机关 and attachments are fields of the
form; saving checks them, the preview and the stored draft carry them."""

from __future__ import annotations

import io

import pdfplumber
from PySide6.QtWidgets import QInputDialog


def _type(edit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def test_editor_sets_every_element_and_saving_checks_them(clerk_window, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("关于申请专项资金的请示", True))
    page = clerk_window.show_page("notices")
    page.new_notice()
    _type(page.form.copy_edit, "12")
    _type(page.form.secret_edit, "机密")
    _type(page.form.period_edit, "1年")
    _type(page.form.urgency_edit, "特急")
    _type(page.form.signer_edit, "王建国、李明")
    _type(page.form.joint_edit, "江城市应急管理局")
    page.form.attachments_edit.setPlainText("资金测算表\n有关说明")
    assert page.save_draft()
    model = page.current.model
    assert (model.copy_number, model.classification, model.urgency) == ("12", "机密", "特急")
    assert model.signer == "王建国、李明" and model.joint_issuers[1] == "江城市应急管理局"
    assert [a.title for a in model.attachments] == ["资金测算表", "有关说明"]
    page.update_preview()
    assert page.renderer.wait()
    with pdfplumber.open(io.BytesIO(page.pdf)) as pdf:
        text = "".join(c["text"] for c in pdf.pages[0].chars)
    assert text.startswith("000012机密★1年特急") and "签发人：王建国" in text

    _type(page.form.urgency_edit, "很急")
    assert not page.save_draft()  # refused with a Chinese message, nothing saved
    assert page.current.model.urgency == "特急"


def test_clerk_prints_a_request_with_signer_and_contact(
    clerk_window, monkeypatch, confirmations, messages
) -> None:
    from desktop.services.notices.register import DocKind, DocStatus

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("请示", True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("关于申请专项经费的请示", True))
    page = clerk_window.show_page("notices")
    page.new_document()
    assert page.current.row.kind == DocKind.REQUEST
    _type(page.form.recipients_edit, "市平安建设领导小组")
    page.form.body_edit.setPlainText("为推进十大重点工程，拟申请专项经费。\n妥否，请批示。")
    _type(page.form.signer_edit, "王建国")
    page.issue()  # no 联系人 yet: refused, nothing numbered
    assert page.current.row.status == DocStatus.DRAFT
    assert any("联系人" in m for m in messages)
    _type(page.form.contact_edit, "张伟")
    _type(page.form.phone_edit, "0710-3456789")
    page.issue()
    assert page.current.row.status == DocStatus.ISSUED, messages
    with pdfplumber.open(io.BytesIO(page.pdf)) as pdf:
        text = "".join(c["text"] for p in pdf.pages for c in p.chars)
    assert "签发人：王建国" in text and "（联系人：张伟，联系电话：0710-3456789）" in text


def _issue_and_print(page, monkeypatch, messages, path) -> list[str]:
    """印发, then 打印… with the system dialog answered OK, printing into ``path`` (a PDF file);
    the text of each page of the issued PDF, after checking every page went to the printer."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from desktop.services.notices.register import DocStatus
    from desktop.ui.notices import pdf as pdf_ui

    page.issue()
    assert page.current.row.status == DocStatus.ISSUED, messages
    made = pdf_ui.a4_printer

    def to_file() -> QPrinter:
        printer = made()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    monkeypatch.setattr(pdf_ui, "a4_printer", to_file)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QPrintDialog.DialogCode.Accepted)
    page.print_current()
    with pdfplumber.open(io.BytesIO(page.pdf)) as pdf:
        texts = ["".join(c["text"] for c in p.chars) for p in pdf.pages]
    with pdfplumber.open(path) as printed:
        assert len(printed.pages) == len(texts)
    return texts


def test_clerk_issues_and_prints_a_joint_notice_and_a_request_with_signers(
    clerk_window, monkeypatch, confirmations, messages, tmp_path
) -> None:
    from desktop.services.notices.register import DocKind

    page = clerk_window.show_page("notices")
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: ("关于联合开展专项检查的通知", True)
    )
    page.new_notice()
    _type(page.form.recipients_edit, "各区平安办：")
    page.form.body_edit.setPlainText("一、检查内容\n对照标准逐项核查。\n二、工作要求\n按期报送。")
    _type(page.form.joint_edit, "江城市应急管理局、江城市公安局")
    texts = _issue_and_print(page, monkeypatch, messages, tmp_path / "joint.pdf")
    assert "江城市应急管理局" in texts[0] and "江城市公安局" in texts[0]  # the stacked 版头
    assert "江城市应急管理局" in texts[-1] and "江城市公安局" in texts[-1]  # each organ signs

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("请示", True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("关于申请专项经费的请示", True))
    page.new_document()
    assert page.current.row.kind == DocKind.REQUEST
    _type(page.form.recipients_edit, "市平安建设领导小组")
    page.form.body_edit.setPlainText("为推进十大重点工程，拟申请专项经费。\n妥否，请批示。")
    _type(page.form.signer_edit, "王建国、李明")
    _type(page.form.contact_edit, "张伟")
    _type(page.form.phone_edit, "0710-3456789")
    texts = _issue_and_print(page, monkeypatch, messages, tmp_path / "request.pdf")
    assert "签发人：王建国" in texts[0] and "李明" in texts[0]
