"""Every character checked before a draft is saved and before issue: fallback-drawn ones listed
and refused (exit 1, nothing saved) until --accept-fallback, undrawable ones block 印发 (exit 1,
with their place); the confirmation is in the audit log; rare names print in a serif, never □ or
the sans."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pdfplumber
from sqlalchemy import select

from db.models import AuditEntry
from desktop.cli import main
from desktop.services.clock import FixedClock
from desktop.services.ledger import open_ledger
from tests.conftest import TODAY

RARE_GBK = "喆堃镕昇玥珺赟琍龑彧犇"  # outside GB2312: the shipped 仿宋 lacks them
OUTSIDE_GBK = "㛃𠮷䶮䢺"
NOWHERE = "\U00020000"  # in no shipped font


TITLE = "关于表扬先进个人的通报"


def _new(base, tmp_path: Path, capsys, text: str, *extra: str) -> tuple[str, str]:
    body = tmp_path / "body.txt"
    body.write_text(text + "\n", encoding="utf-8")
    args = [*base, "new", "--title", TITLE, "--body-file", str(body), *extra]
    assert main([*args, "--accept-fallback"]) == 0
    said = capsys.readouterr().out
    return re.search(r"#(\d+)", said).group(1), said


def _drafts(base, capsys) -> str:
    assert main([*base, "list", "--status", "draft"]) == 0
    return capsys.readouterr().out


def _audit(path: Path, doc_id: str) -> list[tuple[str, dict]]:
    ledger = open_ledger(path, FixedClock(TODAY))
    try:
        with ledger.session() as session:
            rows = session.execute(
                select(AuditEntry.action, AuditEntry.detail)
                .where(AuditEntry.entity == "document", AuditEntry.entity_id == doc_id)
                .order_by(AuditEntry.id)
            ).all()
    finally:
        ledger.dispose()
    return [(action, json.loads(detail)) for action, detail in rows]


def test_new_and_edit_refuse_fallback_characters_until_accepted(
    demo_ledger, tmp_path: Path, capsys
) -> None:
    path = demo_ledger.path
    demo_ledger.dispose()
    base = ["--database", str(path), "--today", "2026-11-28", "--user", "clerk", "notice"]
    body = tmp_path / "body.txt"
    body.write_text("对张喆同志予以通报表扬。\n", encoding="utf-8")
    new = [*base, "new", "--title", TITLE, "--body-file", str(body)]
    assert main(new) == 1  # not saved: the clerk has not seen the list yet
    err = capsys.readouterr().err
    assert "喆" in err and "正文第1段第3字" in err and "代印" in err
    assert "--accept-fallback" in err and "未保存" in err
    assert TITLE not in _drafts(base, capsys)

    # a 签发人 outside GB2312 is checked too, though it is saved after the body
    body.write_text("请予审议。\n", encoding="utf-8")
    assert main([*new, "--kind", "request", "--signer", "王堃"]) == 1
    assert "堃" in capsys.readouterr().err and TITLE not in _drafts(base, capsys)

    assert main([*new]) == 0  # nothing a fallback draws: saved as before
    doc_id = re.search(r"#(\d+)", capsys.readouterr().out).group(1)
    assert main([*base, "edit", doc_id, "--title", "关于表扬李玥同志的通报"]) == 1
    assert "玥" in capsys.readouterr().err
    assert "关于表扬李玥同志的通报" not in _drafts(base, capsys)
    edit = [*base, "edit", doc_id, "--title", "关于表扬李玥同志的通报", "--accept-fallback"]
    assert main(edit) == 0
    said = capsys.readouterr().out
    assert "已确认保存" in said and "玥" in said
    assert "关于表扬李玥同志的通报" in _drafts(base, capsys)

    actions = _audit(path, doc_id)
    update = [d for a, d in actions if a == "update"]
    assert update[-1]["fonts_confirmed"]["chars"] == "玥"
    assert "标题第6字" in update[-1]["fonts_confirmed"]["places"][0]
    assert "Noto" in update[-1]["fonts_confirmed"]["faces"]["玥"]

    assert main([*base, "issue", doc_id]) == 1
    err = capsys.readouterr().err
    assert "玥" in err and f"notice issue {doc_id} --accept-fallback" in err
    assert main([*base, "issue", doc_id, "--accept-fallback"]) == 0
    issued = [d for a, d in _audit(path, doc_id) if a == "issue"]
    assert issued[0]["fonts_confirmed"]["chars"] == "玥"


def test_fallback_characters_are_listed_then_confirmed(demo_ledger, tmp_path: Path, capsys) -> None:
    path = demo_ledger.path
    demo_ledger.dispose()
    base = ["--database", str(path), "--today", "2026-11-28", "--user", "clerk", "notice"]
    names = "、".join(f"张{ch}" for ch in RARE_GBK) + "，以及王" + "、李".join(OUTSIDE_GBK)
    doc_id, said = _new(base, tmp_path, capsys, f"对{names}等同志予以通报表扬。")
    assert "代印" in said and "已确认保存" in said  # what was accepted is said
    assert "喆" in said and "正文第1段第" in said

    assert main([*base, "issue", doc_id]) == 1  # not without the clerk's confirmation
    err = capsys.readouterr().err
    assert "犇" in err and "䢺" in err
    assert TITLE in _drafts(base, capsys)  # still a draft

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
    assert "U+20000" in said and "不能印发" in said  # saved (nothing typed lost), but said
    assert main([*base, "issue", doc_id, "--accept-fallback"]) == 1
    err = capsys.readouterr().err
    assert "U+20000" in err and "正文第1段第3字" in err and "不能印发" in err
    assert main([*base, "issue", doc_id, "--confirm-fonts"]) == 1  # the flag's first name
    assert TITLE in _drafts(base, capsys)  # still a draft, no number taken
