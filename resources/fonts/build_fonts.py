"""Rebuild the shipped fallback fonts (TrueType subsets) from Debian font packages.

Needs (as root): ``apt-get install fonts-noto-cjk fonts-wqy-microhei fonts-arphic-gkai00mp
texlive-lang-chinese`` (texlive-lang-chinese carries FandolFang-Regular.otf) and fontTools.

Run: ``.venv/bin/python resources/fonts/build_fonts.py`` — writes the five role fonts and
copies their licence texts beside them. ``--resubset`` applies the subsetting options below to
the committed fonts again (no Debian packages needed): the same result as a full rebuild. reportlab embeds only TrueType outlines, so the
OpenType/CFF sources (FandolFang, Noto Serif CJK) are converted with fontTools' cu2qu.

| file              | role          | source                                    | licence            |
|-------------------|---------------|-------------------------------------------|--------------------|
| fangsong.ttf      | 仿宋 body     | FandolFang-Regular.otf (texlive-lang-chinese) | GPL-3 + font exception |
| xiaobiaosong.ttf  | 小标宋 titles | Noto Serif CJK SC Bold (fonts-noto-cjk)   | SIL OFL 1.1        |
| heiti.ttf         | 黑体 headings, and the fallback for rare characters (GBK) | WenQuanYi Micro Hei (fonts-wqy-microhei) | Apache-2.0 / GPL-3 |
| kaiti.ttf         | 楷体 headings | AR PL KaitiM GB gkai00mp (fonts-arphic-gkai00mp) | Arphic Public Licence |
| songti.ttf        | 宋体 page numbers, and the serif every role falls back to | Noto Serif CJK SC Regular (fonts-noto-cjk) | SIL OFL 1.1 |

Subsets: GB2312 plus ASCII and the punctuation notices use (〔〕—★①…); 黑体 keeps all of GBK
(WenQuanYi's outlines are compact, about 3 MB). 宋体 keeps GBK plus every CJK Extension A and
supplementary-plane character Noto Serif CJK SC has (30,822 characters, 13.7 MB, about 8 MB in
git): it is the same-style fallback of 仿宋, 楷体 and 小标宋, so every role covers at least GBK
and names with 喆 堃 赟 or 㛃 𠮷 䶮 䢺 print in a serif, never in the sans 黑体. Full GBK faces for
仿宋, 楷体 and 小标宋 would add about 15 MB each; the office's own fonts (设置) cover those.
"""

from __future__ import annotations

import gzip
import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
NOTO = Path("/usr/share/fonts/opentype/noto")
FANDOL = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
GKAI = Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")

# Punctuation and signs official documents use that a codec table may map differently.
EXTRA = (
    list(range(0x20, 0x7F))
    + list(range(0x3000, 0x3040))
    + list(range(0xFF01, 0xFF5F))
    + list(range(0x2010, 0x2027))
    + list(range(0x2460, 0x2474))  # ①..⑳
    + list(range(0x2160, 0x216C))  # Ⅰ..Ⅻ
    + [0xB7, 0xD7, 0xF7, 0x2030, 0x2103, 0x2116, 0x2605, 0x2606, 0x25CB, 0x25CF, 0x25A1, 0x25A0]
)


def charset(codec: str) -> set[int]:
    """Every character of a double-byte Chinese codec, plus EXTRA."""
    sys.path.insert(0, str(HERE.parents[1]))
    from desktop.documents.fonts import codec_chars

    return set(EXTRA) | codec_chars(codec)


def full_coverage() -> set[int]:
    """GBK plus the Extension A and supplementary-plane characters Noto Serif CJK SC draws."""
    cmap = set(load(NOTO / "NotoSerifCJK-Regular.ttc", 2).getBestCmap())
    rare = {c for c in cmap if 0x3400 <= c < 0x4DC0 or c >= 0x20000}
    return charset("gbk") | rare


def load(path: Path, index: int | None = None) -> TTFont:
    if index is None:
        return TTFont(path)
    return TTCollection(path).fonts[index]


def do_subset(font: TTFont, unicodes: set[int]) -> None:
    opts = subset.Options()
    # Horizontal Chinese needs no layout feature (reportlab reads the cmap only). Noto CJK's
    # locl (Japanese/Korean/Traditional forms), vert/vrt2, fwid/hwid/pwid, aalt, ruby… kept
    # 18,800 glyphs that no character maps to: 9 MB of 宋体 and 2.5 MB of 小标宋.
    opts.layout_features = ["kern", "liga"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False  # CJK hinting is large and useless at print resolution
    opts.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "JSTF", "DSIG", "FFTM"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes & set(font.getBestCmap()))
    sub.subset(font)


def otf_to_ttf(font: TTFont) -> None:
    """Replace CFF outlines by quadratic glyf outlines (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in glyphs.items():
        adv, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (adv, getattr(g, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID fonts have none worth keeping
    font.sfntVersion = "\x00\x01\x00\x00"
    if "head" in font:
        font["head"].glyphDataFormat = 0


def build(name: str, font: TTFont, unicodes: set[int] | None) -> None:
    if unicodes is not None:
        do_subset(font, unicodes)
    if "CFF " in font:
        otf_to_ttf(font)
    out = HERE / name
    font.save(out)
    print(f"{name}: {out.stat().st_size / 1e6:.1f} MB, {len(TTFont(out).getBestCmap())} chars")


def copy_licences() -> None:
    doc = Path("/usr/share/doc")
    fandol = doc / "texlive-doc/fonts/fandol"
    with gzip.open(fandol / "COPYING.gz") as f:
        gpl = f.read()
    (HERE / "fangsong.LICENSE.txt").write_bytes(
        (fandol / "README").read_bytes() + b"\n\n" + gpl  # README states the font exception
    )
    for role in ("xiaobiaosong", "songti"):
        shutil.copy(doc / "fonts-noto-cjk/copyright", HERE / f"{role}.LICENSE.txt")
    shutil.copy(doc / "fonts-wqy-microhei/copyright", HERE / "heiti.LICENSE.txt")
    kai = doc / "fonts-arphic-gkai00mp"
    (HERE / "kaiti.LICENSE.txt").write_bytes(
        (kai / "copyright").read_bytes()
        + b"\n\n"
        + gzip.decompress((kai / "license/english/ARPHICPL.TXT.gz").read_bytes())
    )


def resubset(names: list[str]) -> None:
    """Subset the committed fonts again to their own characters with do_subset's options."""
    for name in names or ["songti.ttf", "xiaobiaosong.ttf"]:
        font = TTFont(HERE / name)
        before = (HERE / name).stat().st_size
        do_subset(font, set(font.getBestCmap()))
        font.save(HERE / name)
        print(f"{name}: {before / 1e6:.1f} MB → {(HERE / name).stat().st_size / 1e6:.1f} MB")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--resubset"]:
        resubset(argv[1:])
        return
    only = set(argv)
    gb2312 = charset("gb2312")
    jobs = {
        "fangsong.ttf": lambda: build("fangsong.ttf", load(FANDOL), None),
        "xiaobiaosong.ttf": lambda: build(
            "xiaobiaosong.ttf", load(NOTO / "NotoSerifCJK-Bold.ttc", 2), gb2312
        ),
        "heiti.ttf": lambda: build("heiti.ttf", load(WQY, 0), charset("gbk")),
        "kaiti.ttf": lambda: build("kaiti.ttf", load(GKAI), None),
        "songti.ttf": lambda: build(
            "songti.ttf", load(NOTO / "NotoSerifCJK-Regular.ttc", 2), full_coverage()
        ),
    }
    for name, job in jobs.items():
        if not only or name in only:
            job()
    copy_licences()


if __name__ == "__main__":
    main(sys.argv[1:])
