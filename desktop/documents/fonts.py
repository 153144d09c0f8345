"""Font resolution: the PC's official fonts first, the clerk's choice, then the shipped ones."""

from __future__ import annotations

import os
import threading
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from .shipped_fonts import FONT_DIR, shipped_font

# reportlab keeps each registered TrueType font's subset tables on the shared font object, so two
# PDFs drawn at once (the live preview's worker thread and an issue on the GUI thread) corrupt
# each other's subsets. Everything that draws with the registered fonts holds this lock.
reportlab_lock = threading.RLock()

SHIPPED_DIR = FONT_DIR  # the licences; the fonts themselves through shipped_font()


class FontRole(StrEnum):
    FANGSONG = "fangsong"  # 仿宋: body
    XIAOBIAOSONG = "xiaobiaosong"  # 小标宋: issuer mark, titles
    HEITI = "heiti"  # 黑体: 一、 headings, 密级, labels
    KAITI = "kaiti"  # 楷体: （一） headings, 签发人 name
    SONGTI = "songti"  # 宋体: page numbers; also the last-resort fallback (GBK coverage)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - marks a label for pyside6-lupdate, without Qt
    return text


# The role's name (translated on screen) and the official font's own name (never translated).
ROLE_LABEL = {
    FontRole.FANGSONG: (QT_TR_NOOP("仿宋"), "仿宋_GB2312"),
    FontRole.XIAOBIAOSONG: (QT_TR_NOOP("小标宋"), "方正小标宋简体"),
    FontRole.HEITI: (QT_TR_NOOP("黑体"), "黑体"),
    FontRole.KAITI: (QT_TR_NOOP("楷体"), "楷体_GB2312"),
    FontRole.SONGTI: (QT_TR_NOOP("宋体"), "宋体"),
}

SHIPPED = {
    FontRole.FANGSONG: ("fangsong.ttf", "FandolFang"),
    FontRole.XIAOBIAOSONG: ("xiaobiaosong.ttf", "Noto Serif CJK SC Bold"),
    FontRole.HEITI: ("heiti.ttf", "文泉驿微米黑"),
    FontRole.KAITI: ("kaiti.ttf", "AR PL KaitiM GB"),
    FontRole.SONGTI: ("songti.ttf", "Noto Serif CJK SC"),
}

# Lower-case file-name stems of the official fonts, best first. Windows ships simfang/simhei/
# simkai/simsun; offices install the *_GB2312 and 方正 fonts; Kylin/UOS use the same names.
# Kylin and UOS carry the CESI (中国电子技术标准化研究院) faces, GB18030 ones first.
OFFICIAL_NAMES = {
    FontRole.FANGSONG: [
        "cesi_fs_gb18030",
        "cesi_fs_gb13000",
        "cesi_fs_gb2312",
        "仿宋_gb2312",
        "fangsong_gb2312",
        "fs_gb2312",
        "simfang",
        "仿宋",
        "stfangso",
    ],
    FontRole.XIAOBIAOSONG: [
        "fzxbsjw",
        "方正小标宋简体",
        "方正小标宋_gbk",
        "fzxbsk",
        "方正小标宋",
        "cesi_xbs_gb18030",
        "cesi_xbs_gb13000",
        "cesi_xbs_gb2312",
    ],
    FontRole.HEITI: [
        "simhei",
        "黑体",
        "方正黑体_gbk",
        "fzhtk",
        "cesi_ht_gb18030",
        "cesi_ht_gb13000",
        "cesi_ht_gb2312",
    ],
    FontRole.KAITI: [
        "楷体_gb2312",
        "kaiti_gb2312",
        "kt_gb2312",
        "simkai",
        "楷体",
        "stkaiti",
        "cesi_kt_gb18030",
        "cesi_kt_gb13000",
        "cesi_kt_gb2312",
    ],
    FontRole.SONGTI: [
        "simsun",
        "宋体",
        "方正书宋_gbk",
        "fzssk",
        "cesi_ss_gb18030",
        "cesi_ss_gb13000",
        "cesi_ss_gb2312",
    ],
}

FALLBACK_ORDER = [
    FontRole.FANGSONG,
    FontRole.SONGTI,
    FontRole.KAITI,
    FontRole.HEITI,
    FontRole.XIAOBIAOSONG,
]
# A character a role's font lacks is drawn in the nearest style that has it: 仿宋 → 宋体-style
# serifs → the full-coverage serif; a sans (黑体) never stands in inside body text.
SAME_STYLE = {
    FontRole.FANGSONG: [FontRole.SONGTI, FontRole.KAITI, FontRole.XIAOBIAOSONG],
    FontRole.KAITI: [FontRole.FANGSONG, FontRole.SONGTI],
    FontRole.XIAOBIAOSONG: [FontRole.SONGTI],
    FontRole.SONGTI: [FontRole.FANGSONG],
    FontRole.HEITI: [FontRole.SONGTI],
}
# Full-coverage faces for characters outside GBK, wherever the PC has them (Windows: SimSun's
# Ext-B companion; fonts an office installs), tried after the role's own style.
EXTRA_NAMES = [
    "simsunb",
    "simsun-extb",
    "simsun",
    "nsimsun",
    "方正书宋_gbk",
    "fzssk",
    "songti-full",
]


@dataclass(frozen=True)
class FontChoice:
    """One font file standing for one role."""

    role: FontRole
    path: Path
    subfont_index: int = 0
    display_name: str = ""
    shipped: bool = False

    @property
    def reportlab_name(self) -> str:
        return register(self.path, self.subfont_index)


@dataclass
class FontSet:
    """The five role fonts plus the notes telling the clerk what stood in for what."""

    fonts: dict[FontRole, FontChoice]
    notes: list[str] = field(default_factory=list)
    # Shipped fonts, tried in order when a role font lacks a character.
    fallbacks: list[FontChoice] = field(default_factory=list)

    # Full-coverage fonts found on the PC (SimSun-ExtB …), tried after a role's own style.
    extras: list[FontChoice] = field(default_factory=list)

    def __getitem__(self, role: FontRole) -> FontChoice:
        return self.fonts[role]

    def fallbacks_for(self, role: FontRole) -> list[FontChoice]:
        """Fonts tried, in order, for a character ``role``'s font lacks: same style first (the
        PC's, then the shipped), then full-coverage faces; never a sans for a serif role."""
        shipped = {c.role: c for c in self.fallbacks}
        order: list[FontChoice] = []
        for other in SAME_STYLE[role]:
            order.append(self.fonts[other])
            if other in shipped:
                order.append(shipped[other])
        if role in shipped:
            order.append(shipped[role])
        order += self.extras
        if FontRole.SONGTI in shipped:
            order.append(shipped[FontRole.SONGTI])  # the shipped full-coverage serif, last
        seen: set[Path] = set()
        out = []
        for choice in order:
            if choice.path not in seen and choice != self.fonts[role]:
                seen.add(choice.path)
                out.append(choice)
        return out

    @classmethod
    def shipped(cls) -> FontSet:
        """Only the fonts that come with the program (deterministic: used by tests)."""
        fonts = {role: _shipped_choice(role) for role in FontRole}
        return cls(fonts, [], [fonts[r] for r in FALLBACK_ORDER])

    @classmethod
    def resolve(
        cls,
        chosen: Mapping[str, str | os.PathLike[str]] | None = None,
        *,
        search_dirs: Iterable[str | os.PathLike[str]] | None = None,
        extra_dirs: Iterable[str | os.PathLike[str]] = (),
    ) -> FontSet:
        """Pick a font for every role: the clerk's file, then the PC's, then the shipped one.

        ``chosen`` maps a role value ("fangsong", …) to a file path from the settings.
        ``search_dirs`` replaces the platform's font folders (tests use it); ``extra_dirs``
        (the office's fonts folder from 设置) are searched before them.
        """
        dirs = tuple(str(d) for d in search_dirs) if search_dirs is not None else None
        installed = dict(_installed_fonts(dirs))
        office = _installed_fonts(tuple(str(d) for d in extra_dirs)) if extra_dirs else {}
        installed = {**installed, **office}  # the office's folder wins
        fonts: dict[FontRole, FontChoice] = {}
        notes: list[str] = []
        for role in FontRole:
            label, official = ROLE_LABEL[role]
            path = (chosen or {}).get(role.value)
            if path:
                choice, problem = _try_file(role, Path(path))
                if choice:
                    fonts[role] = choice
                    continue
                notes.append(f"{label}：所选字体文件“{path}”无法使用（{problem}），改用其他字体")
            for candidate in _candidates(role, installed):
                choice, _ = _try_file(role, candidate)
                if choice:
                    fonts[role] = choice
                    break
            else:
                fonts[role] = _shipped_choice(role)
                notes.append(
                    f"{label}：未找到系统字体“{official}”，使用随程序提供的"
                    f" {fonts[role].display_name}"
                )
        shipped = [_shipped_choice(r) for r in FALLBACK_ORDER]
        extras = []
        for stem in EXTRA_NAMES:
            if stem in installed:
                choice, _ = _try_file(FontRole.SONGTI, installed[stem])
                if choice:
                    extras.append(choice)
        return cls(fonts, notes, shipped, extras)


def _shipped_choice(role: FontRole) -> FontChoice:
    file, name = SHIPPED[role]
    return FontChoice(role, shipped_font(file), 0, name, shipped=True)


def _default_dirs() -> tuple[str, ...]:
    if os.name == "nt":
        windir = os.environ.get("WINDIR", "C:/Windows")
        local = os.environ.get("LOCALAPPDATA", "")
        return (f"{windir}/Fonts", f"{local}/Microsoft/Windows/Fonts")
    home = Path.home()
    return (
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        f"{home}/.local/share/fonts",
        f"{home}/.fonts",
    )


@lru_cache(maxsize=8)
def _installed_fonts(dirs: tuple[str, ...] | None) -> dict[str, Path]:
    """Lower-case stem -> path of every TrueType file under the font folders (scanned once)."""
    found: dict[str, Path] = {}
    for d in dirs if dirs is not None else _default_dirs():
        root = Path(d)
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for f in files:
                p = Path(dirpath, f)
                if p.suffix.lower() in (".ttf", ".ttc"):
                    found.setdefault(p.stem.lower(), p)
    return found


def _candidates(role: FontRole, installed: dict[str, Path]) -> list[Path]:
    return [installed[n] for n in OFFICIAL_NAMES[role] if n in installed]


def _try_file(role: FontRole, path: Path) -> tuple[FontChoice | None, str]:
    if not path.is_file():
        return None, "文件不存在"
    try:
        register(path, 0)
    except Exception as exc:  # reportlab raises TTFError or bare Exceptions on odd files
        return None, _reason(exc)
    return FontChoice(role, path, 0, path.stem), ""


def _reason(exc: Exception) -> str:
    text = str(exc)
    if "postscript outlines" in text:
        return "OpenType/CFF 字体无法嵌入，请选用 TrueType 字体"
    if "not allow" in text or "restricted" in text.lower():
        return "字体不允许嵌入"
    return "不是可用的 TrueType 字体"


def codec_chars(codec: str) -> frozenset[int]:
    """Every printable character of a double-byte Chinese codec (gb2312, gbk)."""
    lead = range(0xA1, 0xF8) if codec == "gb2312" else range(0x81, 0xFF)
    trail = range(0xA1, 0xFF) if codec == "gb2312" else range(0x40, 0xFF)
    out = set()
    for a in lead:
        for b in trail:
            try:
                ch = bytes([a, b]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and ch.isprintable():
                out.add(ord(ch))
    return frozenset(out)


@lru_cache(maxsize=1)
def _standards() -> dict[str, frozenset[int]]:
    """The character sets offices ask about; GB 18030 as its CJK part (BMP + Extension A)."""
    gb18030 = frozenset(range(0x4E00, 0x9FA6)) | frozenset(range(0x3400, 0x4DB6))
    return {"GB2312": codec_chars("gb2312"), "GBK": codec_chars("gbk"), "GB 18030": gb18030}


def coverage(fonts: FontSet, role: FontRole) -> dict[str, tuple[float, float]]:
    """Per standard: (share the role's own font draws, share it and its fallbacks draw)."""
    with reportlab_lock:
        own = _cmap(fonts[role].reportlab_name)
        chain = set(own)
        for choice in fonts.fallbacks_for(role):
            chain |= _cmap(choice.reportlab_name)
    out = {}
    for name, chars in _standards().items():
        out[name] = (len(chars & own) / len(chars), len(chars & chain) / len(chars))
    return out


@lru_cache(maxsize=64)
def _register_cached(path: str, index: int) -> str:
    # reportlab keeps fonts in a process-wide registry; one name per file keeps it stable.
    from reportlab.pdfbase import pdfmetrics  # here, so that naming a font role costs no reportlab

    from .face_cache import load_font
    from .subsets import install

    name = f"dbd-{Path(path).stem}-{index}-{abs(hash(path)) % 10_000_000}"
    font = load_font(name, path, index)  # parsed once per font file, then from the cache
    install(font)  # its subsets are made once per process, not once per PDF
    pdfmetrics.registerFont(font)
    return name


def register(path: Path, index: int = 0) -> str:
    """Register a TrueType file with reportlab once; return its reportlab font name."""
    # lru_cache does not stop two threads registering the same file at once; a second
    # registration would swap the font object under a render already using the first.
    with reportlab_lock:
        return _register_cached(str(path), index)


def covers(font_name: str, ch: str) -> bool:
    """True if the font's cmap maps the character (reportlab would draw nothing otherwise)."""
    return ord(ch) in _chars(font_name)


@lru_cache(maxsize=64)
def _chars(font_name: str) -> Container[int]:
    """The font's charToGlyph itself: a face from the cache makes its entries as they are asked
    for (face_cache.Lookup), where a frozenset would make all 30,000 of them (issue 11)."""
    from reportlab.pdfbase import pdfmetrics

    chars: Container[int] = pdfmetrics.getFont(font_name).face.charToGlyph
    return chars


@lru_cache(maxsize=256)
def ink_extent(font_name: str, ch: str) -> tuple[float, float]:
    """(bottom, top) of a character's outline above the baseline, in em (from the glyf header).

    The page number's 一字线 is placed by its ink, not its em box: §7.5 measures 7 mm from the
    type area to the dash itself.
    """
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(font_name).face
    glyph = face.charToGlyph.get(ord(ch))
    if glyph is None:
        return 0.0, 0.0
    start = face.get_table_pos("glyf")[0] + face.glyphPos[glyph]
    if face.glyphPos[glyph + 1] - face.glyphPos[glyph] < 10:
        return 0.0, 0.0  # an empty outline (a space)
    header = face.get_chunk(start, 10)
    y_min = int.from_bytes(header[4:6], "big", signed=True)
    y_max = int.from_bytes(header[8:10], "big", signed=True)
    return y_min / face.unitsPerEm, y_max / face.unitsPerEm


@lru_cache(maxsize=64)
def _cmap(font_name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)
