"""`duban notice new/edit` reach every element: 份号, 密级★期限, 紧急程度, several 签发人 (a 请示
goes upward: mark 80 mm down), attachments on any notice — measured on the issued PDF."""

from __future__ import annotations

import io
import re

import pdfplumber

from desktop.cli import main

MM = 72 / 25.4
AREA_TOP, AREA_LEFT, AREA_RIGHT = 37.0, 28.0, 184.0


def _lines(pdf: bytes) -> list[list[tuple[float, float, float, float, str]]]:
    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            rows: dict[tuple[float, float], list[dict]] = {}
            for c in page.chars:
                rows.setdefault((round(c["top"], 0), round(c["size"], 1)), []).append(c)
            pages.append(
                [
                    (
                        k[0] / MM,
                        k[1],
                        min(c["x0"] for c in cs) / MM,
                        max(c["x1"] for c in cs) / MM,
                        "".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])),
                    )
                    for k, cs in sorted(rows.items())
                ]
            )
    return pages


def _command(ledger, tmp_path, text: str):  # type: ignore[no-untyped-def]
    """The notice command's leading arguments on this ledger, and a body file of ``text``."""
    path = ledger.path
    ledger.dispose()  # the command opens its own connection, as a second program would
    body = tmp_path / "body.txt"
    body.write_text(text, encoding="utf-8")
    return ["--database", str(path), "--today", "2026-11-28", "--user", "clerk", "notice"], body


def test_a_request_with_signers_classified_urgent_and_attachments(demo_ledger, tmp_path, capsys):
    base, body = _command(demo_ledger, tmp_path, "现将有关情况请示如下。\n妥否，请批示。\n")
    annex = tmp_path / "annex.txt"
    annex.write_text("附件正文第一段。\n", encoding="utf-8")
    args = [*base, "new", "--title", "关于申请平安建设专项资金的请示", "--body-file", str(body)]
    args += ["--to", "市人民政府", "--copy-number", "7", "--secret", "机密"]
    args += ["--secret-period", "1年", "--urgency", "特急"]
    args += ["--signer", "王建国", "--signer", "李明", "--signer", "张华"]
    args += ["--attachment", f"重点任务资金需求测算表={annex}", "--attachment", "有关说明材料"]
    assert main(args) == 0
    doc_id = re.search(r"#(\d+)", capsys.readouterr().out).group(1)
    out = tmp_path / "request.pdf"
    assert main([*base, "issue", doc_id, "--out", str(out)]) == 0
    pages = _lines(out.read_bytes())
    first = pages[0]
    texts = [t for *_, t in first]
    assert texts[:3] == ["000007", "机密★1年", "特急"]
    mark = max(first, key=lambda ln: ln[1])
    assert mark[4].endswith("文件") and abs(mark[0] - (AREA_TOP + 80)) < 0.5  # 上行文: 80 mm
    signer = next(ln for ln in first if ln[4].startswith("签发人："))
    assert "王建国" in signer[4] and "李明" in signer[4] and "张华" not in signer[4]
    # Two names a line; the 文号 left, one character in, on the line of the last name.
    last = next(ln for ln in first if ln[4].endswith("张华"))
    assert last[0] > signer[0] and last[4].startswith("平安办〔2026〕")
    assert abs(last[2] - (AREA_LEFT + 156 / 28)) < 0.3
    assert abs(last[3] - signer[3]) < 0.3 or last[3] < signer[3]  # under the first name
    everything = "".join(t for page in pages for *_, t in page)
    assert "附件：1.重点任务资金需求测算表" in everything.replace(" ", "")
    annex_pages = [p for p in pages if any(t in ("附件1", "附件2") for *_, t in p)]
    assert len(annex_pages) == 2 and "附件正文第一段。" in everything

    # edit sets and clears elements on a draft
    args = [*base, "new", "--title", "关于开展排查的通知", "--body-file", str(body)]
    assert main(args) == 0
    doc_id = re.search(r"#(\d+)", capsys.readouterr().out).group(1)
    assert main([*base, "edit", doc_id, "--urgency", "加急", "--attachment", "排查清单"]) == 0
    assert main([*base, "edit", doc_id, "--secret", "绝密级"]) == 1
    assert "密级应为" in capsys.readouterr().err


def test_joint_issue_stacks_the_organs_with_wenjian_beside(demo_ledger, tmp_path, capsys):
    base, body = _command(demo_ledger, tmp_path, "请各单位认真贯彻落实。\n")
    args = [*base, "new", "--title", "关于联合开展安全隐患排查的通知", "--body-file", str(body)]
    args += ["--joint", "江城市应急管理局", "--joint", "江城市公安局"]
    assert main(args) == 0
    doc_id = re.search(r"#(\d+)", capsys.readouterr().out).group(1)
    out = tmp_path / "joint.pdf"
    assert main([*base, "issue", doc_id, "--out", str(out)]) == 0
    with pdfplumber.open(io.BytesIO(out.read_bytes())) as doc:
        big = [c for c in doc.pages[0].chars if c["size"] > 22.5]
    suffix = [c for c in big if c["text"] in "文件" and c["x0"] / MM > 150]
    rows: dict[float, list[dict]] = {}
    for c in big:
        if c not in suffix:
            rows.setdefault(round(c["top"], 0), []).append(c)
    names = [
        (
            top / MM,
            min(c["x0"] for c in cs) / MM,
            max(c["x1"] for c in cs) / MM,
            "".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])),
        )
        for top, cs in sorted(rows.items())
    ]
    assert [n[3] for n in names] == [
        "江城市平安建设领导小组办公室",
        "江城市应急管理局",
        "江城市公安局",
    ]
    assert abs(names[0][0] - (AREA_TOP + 35)) < 0.5  # the stack starts where the mark does
    assert all(abs(n[1] - names[0][1]) < 0.3 for n in names)  # spread to one width
    assert all(abs(n[2] - names[0][2]) < 0.5 for n in names)
    assert len(suffix) == 2 and min(c["x0"] for c in suffix) / MM > names[0][2]  # beside
    middle = (names[0][0] + names[-1][0]) / 2
    assert abs(suffix[0]["top"] / MM - middle) < 0.5  # centred on the stack
    assert max(c["x1"] for c in suffix) / MM <= AREA_RIGHT + 0.1
    assert names[0][1] >= AREA_LEFT - 0.1
    pages = _lines(out.read_bytes())
    lines = [ln[4] for page in pages for ln in page]
    date = lines.index("2026年11月28日")
    # 联合行文 with seals: two names a row (一左一右), the last organ's over the date.
    assert lines[date - 2 : date] == [
        "江城市平安建设领导小组办公室江城市应急管理局",
        "江城市公安局",
    ]


def test_new_takes_the_kind_and_issue_checks_what_it_must_carry(demo_ledger, tmp_path, capsys):
    base, body = _command(demo_ledger, tmp_path, "拟申请专项经费。\n妥否，请批示。\n")
    args = [*base, "new", "--kind", "request", "--title", "关于申请专项经费的请示"]
    args += ["--to", "市平安建设领导小组", "--body-file", str(body), "--signer", "王建国"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "请示草稿" in out
    doc_id = re.search(r"#(\d+)", out).group(1)
    assert main([*base, "issue", doc_id]) == 1
    assert "联系人及联系电话" in capsys.readouterr().err
    assert main([*base, "edit", doc_id, "--contact", "张伟", "--phone", "0710-3456789"]) == 0
    assert main([*base, "list", "--kind", "request"]) == 0
    assert "关于申请专项经费的请示" in capsys.readouterr().out
