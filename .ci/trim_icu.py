"""A smaller libicudata for the bundle: ICU's data with only the Chinese and English locales.

Qt's libicuuc links libicudata.so.NN, a 32 MB library whose only content is one symbol,
``icudtNN_dat``, ICU's common data package (every locale's names, currencies, units, time zone
names, collation and break rules). The desk shows Chinese (and Qt's English fall-backs) only, so
the bundle carries a library of the same name and symbol built from that package minus the
other ~700 locales, transliteration and the legacy code pages it never decodes, and what only
ICU APIs that Qt never calls read: character names (unames), the spoof checker's confusables,
the break iterators' rules and dictionaries (brkitr, 3.2 MB), currency and unit names and
rule-based number spelling (curr, unit, rbnf). Qt 6's libQt6Core imports from ICU only ucol_*
(QCollator), ucnv_* (QStringConverter), ucal_* (time-zone ids and names) and u_strToLower/Upper
(objdump -T; no other Qt library links ICU): it finds text and line boundaries with its own
Unicode tables and formats numbers and currencies from its own CLDR data, so QTextBoundaryFinder
and QLocale give the same results with or without those trees (compared on Chinese text: word,
line, sentence and grapheme boundaries, pinyin order, 中国标准时间, ¥1,234.50). Kept in full: the
Unicode properties, normalisation, root collation (UCA) with the zh (pinyin) tailoring, time
zones, language and region names, GB18030/GBK converters.

    python3 .ci/trim_icu.py PATH/libicudata.so.73 OUT_DIR   # -> OUT_DIR/libicudata.so.73

Needs icupkg (Debian: icu-devtools; it reads and writes any version's package format) and a C
compiler with an assembler (cc). build.spec calls ``trimmed()`` for Linux builds; `duban
self-test` checks Chinese sorting and text boundaries in the bundle that carries it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

KEEP_LOCALES = {"root", "en", "en_US", "en_001", "zh", "zh_Hans", "zh_Hans_CN", "zh_CN"}
# a locale's name: language, optional script, optional region/variant (data items are not)
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")  # de, zh_Hans_CN, de__PHONEBOOK, es_
KEEP_CONVERTERS = re.compile(r"^(gb18030|windows-936|ibm-1386|ibm-1383|ibm-5478)")
DROP_TREES = ("translit/", "brkitr/", "curr/", "unit/", "rbnf/")
DROP_ITEMS = re.compile(r"^(unames\.icu|confusables\w*\.cfu)$")


def wanted(item: str) -> bool:
    if item.startswith(DROP_TREES) or DROP_ITEMS.match(item):
        return False
    name = item.rsplit("/", 1)[-1]
    stem, _, suffix = name.rpartition(".")
    if suffix == "cnv":
        return bool(KEEP_CONVERTERS.match(stem))
    if suffix == "res" and LOCALE.match(stem) and stem != "res_index":
        return stem in KEEP_LOCALES
    return True  # properties, normalisation, rules, pool/res_index/supplemental data


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def extract(library: Path, out: Path) -> str:
    """Write the library's data package to ``out``; return its symbol name (icudtNN_dat)."""
    symbols = [line.split() for line in _run("objdump", "-T", str(library)).splitlines()]
    found = [f for f in symbols if f and re.fullmatch(r"icudt\d+_dat", f[-1])]
    if not found:
        raise RuntimeError(f"{library} 中没有 icudt*_dat")
    address, size, symbol = int(found[0][0], 16), int(found[0][-2], 16), found[0][-1]
    for line in _run("objdump", "-h", str(library)).splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[1] == ".rodata":
            vma, offset = int(parts[3], 16), int(parts[5], 16)
            break
    else:
        raise RuntimeError(f"{library} 没有 .rodata 段")
    with library.open("rb") as handle:
        handle.seek(offset + address - vma)
        out.write_bytes(handle.read(size))
    return symbol


def trimmed(library: Path, work: Path) -> Path:
    """Build work/<library name>, the trimmed data library; returns its path."""
    for tool in ("icupkg", "cc", "objdump"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"需要 {tool}（Debian：icu-devtools、gcc、binutils）")
    (work / "full").mkdir(parents=True, exist_ok=True)
    probe = work / "full" / "package.dat"
    symbol = extract(library, probe)
    # icupkg wants the file named as the package's own prefix: icudt73_dat -> icudt73l.dat
    name = symbol.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b") + ".dat"
    full, small = work / "full" / name, work / name
    probe.replace(full)
    items = _run("icupkg", "-l", str(full)).split()
    drop = [item for item in items if not wanted(item)]
    (work / "drop.lst").write_text("\n".join(drop) + "\n")
    small.unlink(missing_ok=True)
    _run("icupkg", "-r", str(work / "drop.lst"), str(full), str(small))
    source = work / "data.S"
    source.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
        f'{symbol}:\n\t.incbin "{small}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    out = work / library.name
    _run("cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(out), str(source))
    print(
        f"ICU 数据裁剪：{len(items)} 项留 {len(items) - len(drop)} 项，"
        f"{full.stat().st_size // 2**20} MB → {small.stat().st_size // 2**20} MB",
        file=sys.stderr,
    )
    return out


if __name__ == "__main__":
    print(trimmed(Path(sys.argv[1]), Path(sys.argv[2])))
