"""`duban notice edit`: a draft's title, recipients and body change through update_draft."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.cli import main
from desktop.services.ledger import open_ledger
from desktop.services.notices import register as notices


def test_edit_a_draft_then_refuse_once_issued(demo_ledger, tmp_path: Path, capsys) -> None:
    path = demo_ledger.path
    demo_ledger.dispose()
    base = ["--database", str(path), "--today", "2026-11-28", "--user", "clerk", "notice"]
    first = tmp_path / "first.txt"
    first.write_text("第一段。\n", encoding="utf-8")
    assert main([*base, "new", "--title", "关于开展排查的通知", "--body-file", str(first)]) == 0
    doc_id = re.search(r"#(\d+)", capsys.readouterr().out).group(1)

    body = tmp_path / "body.txt"
    body.write_text(
        "\ufeff一、总体要求\n\n  各单位要高度重视。  \n1.明确责任。\n", encoding="utf-8"
    )
    args = [
        *base,
        "edit",
        doc_id,
        "--title",
        "关于开展隐患排查的通知",
        "--recipients",
        "各成员单位",
    ]
    assert main([*args, "--body-file", str(body)]) == 0
    assert "第 2 版" in capsys.readouterr().out
    reopened = open_ledger(path)
    with reopened.session() as session:
        info = notices.get_document(session, int(doc_id))
    reopened.dispose()
    assert info.model.title == "关于开展隐患排查的通知" and info.row.title == info.model.title
    assert info.model.recipients == "各成员单位"
    assert info.model.body == ["一、总体要求", "各单位要高度重视。", "1.明确责任。"]
    assert info.version == 2

    # Only the title: the body stays.
    assert main([*base, "edit", doc_id, "--title", "关于开展安全隐患排查的通知"]) == 0
    capsys.readouterr()
    # Nothing to change, an empty body, an unreadable file: clear refusals, nothing lost.
    assert main([*base, "edit", doc_id]) == 1
    assert "至少指定" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n", encoding="utf-8")
    assert main([*base, "edit", doc_id, "--body-file", str(empty)]) == 1
    assert "正文不能为空" in capsys.readouterr().err
    assert main([*base, "edit", doc_id, "--body-file", str(tmp_path / "missing.txt")]) == 1
    assert "无法读取" in capsys.readouterr().err

    assert main([*base, "issue", doc_id]) == 0
    capsys.readouterr()
    assert main([*base, "edit", doc_id, "--title", "再改"]) == 1
    assert "已印发" in capsys.readouterr().err
    reopened = open_ledger(path)
    with reopened.session() as session:
        info = notices.get_document(session, int(doc_id))
    reopened.dispose()
    assert info.model.title == "关于开展安全隐患排查的通知" and info.version == 3
    assert info.model.body == ["一、总体要求", "各单位要高度重视。", "1.明确责任。"]


def test_supervise_as_a_letter_on_request(demo_ledger, tmp_path: Path, capsys) -> None:
    from pypdf import PdfReader

    base = [
        "--database",
        str(demo_ledger.path),
        "--today",
        "2026-11-28",
        "--user",
        "clerk",
        "notice",
    ]
    demo_ledger.dispose()
    out = tmp_path / "督办函.pdf"
    assert main([*base, "supervise", "--task", "04-02", "--letter", "--out", str(out)]) == 0
    first = PdfReader(out).pages[0].extract_text().replace(" ", "")
    assert "办公室文件" not in first and "督办（红）" in first
    assert main([*base, "remind", "--task", "04-02", "--no-letter", "--out", str(out)]) == 0
    assert "办公室文件" in PdfReader(out).pages[0].extract_text().replace(" ", "")
