"""Font resolution, embedding and glyph coverage: nothing substituted or dropped silently."""

from __future__ import annotations

import io
import shutil
import subprocess

import pypdf
import pytest
from doc_measure import render_measured

from desktop.documents import FontRole, FontSet
from desktop.documents.fonts import SHIPPED_DIR, covers
from desktop.documents.samples import sample_document, sample_minutes


def test_shipped_fonts_are_small_truetype_with_licences():
    total = 0
    for role in FontRole:
        path = SHIPPED_DIR / f"{role.value}.ttf"
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines, not CFF
        assert (SHIPPED_DIR / f"{role.value}.LICENSE.txt").stat().st_size > 1000
        total += path.stat().st_size
    # 43.6 MB: the 宋体 fallback carries GBK + Extension A + the supplementary plane (23 MB).
    assert total < 45e6


def test_every_font_embedded_as_truetype_subset(docs_by_pages):
    reader = pypdf.PdfReader(io.BytesIO(docs_by_pages[3].pdf))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/Subtype"] == "/Type1":
                continue  # reportlab's unused default Helvetica: declared, never drawn
            desc = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in desc, font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[1])
    assert {"FandolFang-Regular", "WenQuanYiMicroHei", "NotoSerifCJKsc-Bold"} <= seen


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_pdffonts_reports_every_used_font_embedded(docs_by_pages, tmp_path):
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(docs_by_pages[7].pdf)
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [r.split() for r in out.stdout.splitlines()[2:]]
    for row in rows:
        if row[0] == "Helvetica":
            continue
        assert row[-5] == "yes", row  # emb column


def test_resolution_falls_back_to_shipped_fonts_and_says_so(tmp_path):
    fonts = FontSet.resolve(search_dirs=[tmp_path])
    assert all(fonts[r].shipped for r in FontRole)
    assert len(fonts.notes) == 5
    assert "仿宋：未找到系统字体“仿宋_GB2312”，使用随程序提供的 FandolFang" in fonts.notes


def test_resolution_prefers_installed_official_fonts(tmp_path):
    sub = tmp_path / "win"
    sub.mkdir()
    shutil.copy(SHIPPED_DIR / "kaiti.ttf", sub / "SIMFANG.TTF")  # stands in for Windows' 仿宋
    fonts = FontSet.resolve(search_dirs=[tmp_path])
    assert fonts[FontRole.FANGSONG].path == sub / "SIMFANG.TTF"
    assert not any(n.startswith("仿宋") for n in fonts.notes)


def test_clerk_choice_wins_and_bad_choice_is_reported(tmp_path):
    chosen = tmp_path / "my-hei.ttf"
    shutil.copy(SHIPPED_DIR / "heiti.ttf", chosen)
    otf = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf"
    fonts = FontSet.resolve(
        {"heiti": chosen, "kaiti": tmp_path / "missing.ttf", "fangsong": otf},
        search_dirs=[tmp_path],
    )
    assert fonts[FontRole.HEITI].path == chosen
    assert any(n.startswith("楷体：所选字体文件") and "文件不存在" in n for n in fonts.notes)
    assert fonts[FontRole.KAITI].shipped
    assert fonts[FontRole.FANGSONG].shipped


def rare_character(shipped: FontSet) -> str:
    """A GBK character the shipped 仿宋 lacks but the 黑体 fallback has (e.g. in a name)."""
    fang = shipped[FontRole.FANGSONG].reportlab_name
    hei = shipped[FontRole.HEITI].reportlab_name
    for code in range(0x4E00, 0x9FA6):
        ch = chr(code)
        if not covers(fang, ch) and covers(hei, ch):
            try:
                ch.encode("gbk")
            except UnicodeEncodeError:
                continue
            return ch
    raise AssertionError("FandolFang covers all of GBK?")


def test_character_missing_from_fangsong_is_not_lost(shipped_fonts):
    ch = rare_character(shipped_fonts)
    doc = sample_document(1, body=[f"请张{ch}同志于3月10日前报送整改情况。"])
    m = render_measured(doc)
    chars = [c for page in m.pages for ln in page for c in ln.chars if c["text"] == ch]
    assert chars, "the character was dropped"
    # A serif stands in (宋体-style, the same style as 仿宋), never the sans 黑体.
    assert "NotoSerif" in chars[0]["fontname"] and "Bold" not in chars[0]["fontname"]
    assert any(ch in w and "改用" in w for w in m.result.glyph_warnings)


def test_character_missing_everywhere_is_reported_and_marked():
    ch = "\U00020000"  # CJK Extension B: in none of the shipped fonts
    m = render_measured(sample_document(1, body=[f"测试{ch}字。"]))
    text = "".join(ln.text for ln in m.pages[0])
    assert "测试□字。" in text
    assert any("U+20000" in w for w in m.result.glyph_warnings)


def test_minutes_format():
    m = render_measured(sample_minutes())
    first = m.pages[0]
    mark = next(ln for ln in first if ln.text.endswith("纪要"))
    assert mark.text == "江城市平安建设领导小组会议纪要"
    assert abs(mark.top - 72) < 0.2
    assert all(c["non_stroking_color"] == (0, 0.8, 0.8, 0) for c in mark.chars)  # CMYK red
    assert any(ln.text == "（第3期）" for ln in first)
    lines = [ln for page in m.pages for ln in page]
    for label in ("出席：", "请假：", "列席："):
        ln = next(ln for ln in lines if ln.text.startswith(label))
        assert all("WenQuanYi" in f for f in ln.fonts[:3])  # 黑体 label
        assert "Fandol" in ln.fonts[-1]  # 仿宋 names
    # No seal space and no signature block: the issuer appears only in the header line.
    issuer = [ln for ln in lines if "江城市平安建设领导小组办公室" in ln.text and ln.size == 16]
    assert [ln.text for ln in issuer] == ["江城市平安建设领导小组办公室2026年3月5日"]
    assert abs(issuer[0].x0 - (28 + 156 / 28)) < 0.05  # issuer 1 char in, date 1 char in
    assert abs(issuer[0].x1 - (184 - 156 / 28)) < 0.3
    assert len(m.pages) % 2 == 0 and any(ln.text.startswith("抄送：") for ln in m.pages[-1])
