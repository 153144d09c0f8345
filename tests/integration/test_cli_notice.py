"""`duban notice` end to end on the demo ledger: circular, issue, list, render, supervise, correct."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pypdf import PdfReader

from desktop.cli import main


def test_circular_issue_list_render_correct(demo_ledger, tmp_path: Path, capsys) -> None:
    base = [
        "--database",
        str(demo_ledger.path),
        "--today",
        "2026-11-28",
        "--user",
        "clerk",
        "notice",
    ]
    demo_ledger.dispose()  # the command opens its own connection, as a second program would
    out = tmp_path / "pdf" / "通报-草稿.pdf"
    assert main([*base, "circular", "--period", "2026-11", "--out", str(out)]) == 0
    doc_id = re.search(r"通报草稿 #(\d+)", capsys.readouterr().out).group(1)
    assert len(PdfReader(out).pages) > 3

    issued = tmp_path / "pdf" / "通报.pdf"
    assert main([*base, "circular", "--period", "2026-11", "--out", str(issued), "--issue"]) == 0
    said = capsys.readouterr().out
    assert f"沿用已有草稿 #{doc_id}" in said
    number = re.search(r"平安办〔2026〕(\d+)号", said).group(0)
    assert hashlib.sha256(issued.read_bytes()).hexdigest() in said
    assert number in PdfReader(issued).pages[0].extract_text().replace(" ", "")
    assert sorted(p.name for p in issued.parent.iterdir()) == ["通报-草稿.pdf", "通报.pdf"]

    assert main([*base, "supervise", "--task", "04-02", "--issue"]) == 0
    serial = int(re.search(r"〔2026〕(\d+)号", number).group(1))
    assert f"平安办〔2026〕{serial + 1}号" in capsys.readouterr().out  # the next, no gap
    assert main([*base, "list"]) == 0
    listing = capsys.readouterr().out
    assert "通报" in listing and "督办通知" in listing and "已印发" in listing
    assert number in listing and f"平安办〔2026〕{serial + 1}号" in listing

    again = tmp_path / "again.pdf"
    assert main([*base, "render", doc_id, "--out", str(again)]) == 0
    assert again.read_bytes() == issued.read_bytes()  # the stored original, not a re-render

    assert main([*base, "correct", doc_id]) == 0
    assert f"原件 #{doc_id} 保持不变" in capsys.readouterr().out
    assert main([*base, "delete", doc_id]) == 1
    assert "已印发" in capsys.readouterr().err
    assert main([*base, "circular", "--period", "2026-13", "--out", str(out)]) == 1
    assert "格式不对" in capsys.readouterr().err
    assert main([*base, "render", "99999", "--out", str(again)]) == 1
    assert "找不到" in capsys.readouterr().err
