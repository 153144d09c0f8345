"""OFD beside PDF: the same laid-out pages, every glyph where the PDF has it (±0.2 mm), the same
text and colours, fonts embedded with the tables a reader needs, metadata as CustomData."""

from __future__ import annotations

import pytest
from ofd_reader import assert_same_pages, read

from desktop.documents.fonts import FontSet
from desktop.documents.ofd import FONT_TABLES, render_ofd
from desktop.documents.render import render_pdf
from desktop.documents.samples import sample_document, sample_minutes, sample_with_attachments


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet.shipped()


@pytest.mark.parametrize("make", [sample_document, sample_minutes, sample_with_attachments])
def test_every_glyph_sits_where_the_pdf_has_it(fonts, make) -> None:  # type: ignore[no-untyped-def]
    doc = make()
    assert_same_pages(render_pdf(doc, fonts).pdf, render_ofd(doc, fonts).ofd)


def test_fonts_are_embedded_subsets_with_the_tables_a_reader_needs(fonts) -> None:  # type: ignore[no-untyped-def]
    ofd = read(render_ofd(sample_document(), fonts).ofd)
    used: dict[str, set[str]] = {}
    for g in ofd.glyphs:
        used.setdefault(g.font_file, set()).add(g.ch)
    assert set(used) == set(ofd.fonts)
    for file, font in ofd.fonts.items():
        assert set(FONT_TABLES) <= set(font.keys()), (file, sorted(font.keys()))
        cmap = font.getBestCmap()
        assert all(ord(ch) in cmap for ch in used[file] if not ch.isspace())
        assert len(cmap) < 2000  # a subset, not the whole face


def test_the_red_mark_and_rules_keep_their_colour_and_metadata_is_custom_data(fonts) -> None:  # type: ignore[no-untyped-def]
    doc = sample_document()
    ofd = read(render_ofd(doc, fonts).ofd)
    mark = [g for g in ofd.glyphs if g.page == 1 and g.ch == doc.issuer_mark[0]][0]
    assert mark.color[0] > 200 and mark.color[1] < 30  # red
    assert any(colour and colour[0] > 200 and colour[1] < 30 for _p, _b, colour in ofd.paths)
    assert ofd.doc_type == "OFD" and ofd.title == doc.title
    assert ofd.custom["题名"] == doc.title and ofd.custom["文号"] == doc.doc_number


def test_the_archival_profile_is_ofd_a_without_permissions_or_encryption(fonts) -> None:  # type: ignore[no-untyped-def]
    data = render_ofd(sample_document(), fonts, archival=True).ofd
    ofd = read(data)
    assert ofd.doc_type == "OFD-A"
    assert not any("Permission" in n or "Encrypt" in n or "Signs" in n for n in ofd.names)
    assert b"Permissions" not in data and b"VPreferences" not in data


def _changed(data: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    import io
    import zipfile

    z = zipfile.ZipFile(io.BytesIO(data))
    files = {n: z.read(n) for n in z.namelist()}
    change(files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in files.items():
            target.writestr(name, content)
    return out.getvalue()


def _set(name: str, old: bytes, new: bytes):  # type: ignore[no-untyped-def]
    def change(files: dict[str, bytes]) -> None:
        assert old in files[name], (name, old)
        files[name] = files[name].replace(old, new, 1)

    return change


def _add(name: str, content: bytes = b"<x/>"):  # type: ignore[no-untyped-def]
    def change(files: dict[str, bytes]) -> None:
        files[name] = content

    return change


def _drop_table(files: dict[str, bytes]) -> None:
    import io

    from fontTools.ttLib import TTFont

    name = next(n for n in files if n.endswith(".ttf"))
    font = TTFont(io.BytesIO(files[name]))
    del font["post"]
    out = io.BytesIO()
    font.save(out)
    files[name] = out.getvalue()


def _unembed(files: dict[str, bytes]) -> None:  # a font declared by name only
    import re

    res = files["Doc_0/PublicRes.xml"]
    files["Doc_0/PublicRes.xml"] = re.sub(rb"<ofd:FontFile>[^<]*</ofd:FontFile>", b"", res, count=1)


OFD_A_RULES = {
    "DocType 应为 OFD-A": _set("OFD.xml", b'DocType="OFD-A"', b'DocType="OFD"'),
    "应只含一个文档": _set("OFD.xml", b"</ofd:DocBody>", b"</ofd:DocBody><ofd:DocBody/>"),
    "不得加密": _add("Doc_0/Encryptions.xml"),
    "不得加密 ": _add("Doc_0/Signs/Signatures.xml"),  # a signature container: also refused
    "不得设置权限": _set(
        "Doc_0/Document.xml", b"</ofd:CommonData>", b"</ofd:CommonData><ofd:Permissions/>"
    ),
    "视图首选项": _set(
        "Doc_0/Document.xml", b"</ofd:CommonData>", b"</ofd:CommonData><ofd:VPreferences/>"
    ),
    "未嵌入": _unembed,
    "缺少 post 表": _drop_table,
    "命名空间": _set(
        "OFD.xml",
        b"http://www.ofdspec.org/2016",
        b"http://example.org/ofd",
    ),
}


@pytest.mark.parametrize("rule", list(OFD_A_RULES))
def test_each_ofd_a_rule_fails_on_a_copy_built_to_break_it(fonts, rule) -> None:  # type: ignore[no-untyped-def]
    from desktop.documents.ofd import OfdProblem, check_ofd

    good = render_ofd(sample_document(), fonts, archival=True).ofd
    assert check_ofd(good, archival=True) >= 1
    with pytest.raises(OfdProblem, match=rule.strip()):
        check_ofd(_changed(good, OFD_A_RULES[rule]), archival=True)
