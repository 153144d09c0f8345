"""The font files that come with the program, found in one place.

In the source tree they are plain ``resources/fonts/*.ttf``. The bundle carries them
xz-compressed instead (``*.ttf.xz``, 31.7 → 15 MB, build.spec), with ``fonts.sha256`` listing
each font's SHA-256 and size: the first use unpacks a font once into the per-user cache folder
(``<cache>/fonts/<first 16 hex digits of its hash>/<name>``), checking the hash before the file
takes its name, so a font there is either whole and right or absent. Later uses check the size
only (hashing 31 MB would cost every start a fifth of a second); ``verify=True`` (the
self-test) hashes again and unpacks anew what no longer matches.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import threading
from pathlib import Path

from desktop.services.errors import DomainError

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
MANIFEST = "fonts.sha256"  # "<sha256> <size> <name>" per line, beside the .xz files
_CHUNK = 1 << 20
_lock = threading.Lock()  # the preview's worker and the GUI thread may both ask at once


class FontUnpackError(DomainError):
    """A shipped font could not be made ready: a damaged install, or a cache folder that cannot
    take it (full, read-only, no permission)."""


def cache_root() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("duban", appauthor=False)) / "fonts"


def font_names(folder: Path | None = None) -> list[str]:
    """The shipped fonts' file names (``fangsong.ttf`` …), sorted, however they are stored."""
    folder = folder or FONT_DIR
    manifest = folder / MANIFEST
    if manifest.is_file():
        return sorted(_read_manifest(manifest))
    return sorted(path.name for path in folder.glob("*.tt[fc]"))


def shipped_fonts(
    folder: Path | None = None, cache: Path | None = None, *, verify: bool = False
) -> list[Path]:
    """Every shipped font as a plain file (unpacked first where needed), sorted by name."""
    return [shipped_font(name, folder, cache, verify=verify) for name in font_names(folder)]


def shipped_font(
    name: str, folder: Path | None = None, cache: Path | None = None, *, verify: bool = False
) -> Path:
    """The plain file of the shipped font ``name`` (``fangsong.ttf``); ``folder`` defaults to
    resources/fonts, ``cache`` to the per-user cache folder."""
    folder = folder or FONT_DIR
    plain = folder / name
    packed = folder / f"{name}.xz"
    if plain.is_file() or not packed.is_file():
        return plain  # the source tree (a missing font fails where it is opened, as before)
    digest, size = _read_manifest(folder / MANIFEST).get(name, ("", -1))
    if not digest:
        raise FontUnpackError(
            f"随程序提供的字体 {name} 不在 {MANIFEST} 中，安装不完整，请重新安装督办台"
        )
    target = (cache or cache_root()) / digest[:16] / name
    with _lock:
        if _ready(target, size) and (not verify or _sha256(target) == digest):
            return target
        _unpack(packed, target, digest)
    return target


def _read_manifest(manifest: Path) -> dict[str, tuple[str, int]]:
    """name -> (SHA-256, size) of the plain font."""
    try:
        lines = manifest.read_text("utf-8").splitlines()
    except OSError as error:
        raise FontUnpackError(
            f"无法读取 {manifest}（{error.strerror}），请重新安装督办台"
        ) from error
    found: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines, 1):
        digest, size, name = (line.split(" ", 2) + ["", ""])[:3]
        if len(digest) != 64 or not size.isdigit() or not name:
            raise FontUnpackError(f"{manifest} 第 {number} 行格式不对，请重新安装督办台")
        found[name] = (digest, int(size))
    return found


def _ready(target: Path, size: int) -> bool:
    try:
        return target.stat().st_size == size
    except OSError:
        return False


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _unpack(packed: Path, target: Path, digest: str) -> None:
    """Decompress beside the target under a temporary name, check the hash, fsync, rename."""
    import lzma

    temp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        seen = hashlib.sha256()
        with lzma.open(packed, "rb") as source, temp.open("wb") as out:
            while chunk := source.read(_CHUNK):
                seen.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if seen.hexdigest() != digest:
            raise FontUnpackError(
                f"随程序提供的字体 {target.name} 已损坏（{packed} 解压后校验值不符），请重新安装督办台"
            )
        try:
            os.replace(temp, target)
        except PermissionError:  # Windows: another copy of the desk has the same file open
            if _sha256(target) != digest:
                raise
    except (lzma.LZMAError, EOFError) as error:
        raise FontUnpackError(
            f"随程序提供的字体 {target.name} 已损坏（{packed}：{error}），请重新安装督办台"
        ) from error
    except OSError as error:
        raise FontUnpackError(
            f"无法把随程序提供的字体 {target.name} 解压到 {target.parent}：{_why(error)}。"
            "请腾出磁盘空间或让该文件夹可写，再重新打开督办台"
        ) from error
    finally:
        with contextlib.suppress(OSError):  # no folder to leave it in: nothing was written
            temp.unlink(missing_ok=True)


def _why(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足"
    if error.errno == errno.EROFS:
        return "磁盘只读"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "没有写入权限"
    return error.strerror or str(error)


def pack(source: Path, out: Path, cache: Path | None = None, preset: int = 6) -> list[Path]:
    """For build.spec: every ``source/*.ttf`` as ``out/<name>.xz`` plus ``out/fonts.sha256``.

    ``cache`` keeps each compressed font under its hash, so a rebuild with the same fonts
    skips the minute of xz. Returns the files to ship (the .xz files and the manifest)."""
    import lzma

    out.mkdir(parents=True, exist_ok=True)
    lines, files = [], []
    for font in sorted(source.glob("*.tt[fc]")):
        digest = _sha256(font)
        lines.append(f"{digest} {font.stat().st_size} {font.name}")
        shipped = out / f"{font.name}.xz"
        stored = cache / f"{digest}.xz" if cache else shipped
        if cache is None or not stored.is_file():
            stored.parent.mkdir(parents=True, exist_ok=True)
            temp = stored.with_name(f"{stored.name}.{os.getpid()}.part")
            with font.open("rb") as plain, lzma.open(temp, "wb", preset=preset) as packed:
                shutil.copyfileobj(plain, packed, _CHUNK)
            os.replace(temp, stored)
        if stored != shipped:
            shutil.copyfile(stored, shipped)
        files.append(shipped)
    (out / MANIFEST).write_text("\n".join(lines) + "\n", "utf-8")
    return [*files, out / MANIFEST]
