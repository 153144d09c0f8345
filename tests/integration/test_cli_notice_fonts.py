"""Every character checked before issue: fallback-drawn ones listed and confirmed, undrawable
ones block 印发 (exit 1, with their place); rare names print in a serif, never □ or the sans."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber

from desktop.cli import main

RARE_GBK = "喆堃镕昇玥珺赟琍龑彧犇"  # outside GB2312: the shipped 仿宋 lacks them
OUTSIDE_GBK = "㛃𠮷䶮䢺"
NOWHERE = "\U00020000"  # in no shipped font


def _new(base, tmp_path: Path, capsys, text: str) -> tuple[str, str]:
    body = tmp_path / "body.txt"
    body.write_text(text + "\n", encoding="utf-8")
    assert main([*base, "new", "--title", "关于表扬先进个人的通报", "--body-file", str(body)]) == 0
    said = capsys.readouterr().out
    return re.search(r"#(\d+)", said).group(1), said


def test_fallback_characters_are_listed_then_confirmed(demo_ledger, tmp_path: Path, capsys) -> None:
    path = demo_ledger.path
    demo_ledger.dispose()
    base = ["--database", str(path), "--today", "2026-11-28", "--user", "clerk", "notice"]
    names = "、".join(f"张{ch}" for ch in RARE_GBK) + "，以及王" + "、李".join(OUTSIDE_GBK)
    doc_id, said = _new(base, tmp_path, capsys, f"对{names}等同志予以通报表扬。")
    assert "代印" in said and "--confirm-fonts" in said  # listed when the draft is saved
    assert "喆" in said and "正文第1段第" in said

    assert main([*base, "issue", doc_id]) == 1  # not without the clerk's confirmation
    err = capsys.readouterr().err
    assert "犇" in err and "䢺" in err
    assert main([*base, "list", "--status", "draft"]) == 0
    assert "关于表扬先进个人的通报" in capsys.readouterr().out  # still a draft

    out = tmp_path / "issued.pdf"
    assert main([*base, "issue", doc_id, "--confirm-fonts", "--out", str(out)]) == 0
    with pdfplumber.open(io.BytesIO(out.read_bytes())) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    text = "".join(c["text"] for c in chars)
    assert "□" not in text
    for ch in RARE_GBK + OUTSIDE_GBK:
        drawn = [c for c in chars if c["text"] == ch]
        assert drawn, ch  # in the text layer as typed
        assert all("NotoSerif" in c["fontname"] for c in drawn), (ch, drawn[0]["fontname"])


def test_a_character_no_font_has_blocks_issue_with_its_place(demo_ledger, tmp_path, capsys) -> None:
    path = demo_ledger.path
    demo_ledger.dispose()
    base = ["--database", str(path), "--today", "2026-11-28", "--user", "clerk", "notice"]
    doc_id, said = _new(base, tmp_path, capsys, f"请刘{NOWHERE}同志报到。")
    assert "U+20000" in said
    assert main([*base, "issue", doc_id, "--confirm-fonts"]) == 1
    err = capsys.readouterr().err
    assert "U+20000" in err and "正文第1段第3字" in err and "不能印发" in err
    assert main([*base, "list", "--status", "draft"]) == 0
    assert "关于表扬先进个人的通报" in capsys.readouterr().out  # still a draft, no number taken
