"""Read a package safely, from a folder, a ZIP or memory: no '..', no absolute paths, no links,
bounded counts and sizes (inflated bytes are counted while reading; header sizes are not trusted)."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Protocol

from desktop.services.errors import DomainError


class UnsafePackage(DomainError):
    """The package could write outside its folder, holds links, or is too big to be real."""

    check = "readable"  # the DA/T 70 check it fails (archive/checks.py)


class EncryptedEntry(UnsafePackage):
    """A ZIP entry is encrypted: it cannot be checked, and an archive may not be encrypted."""

    check = "plain"


@dataclass(frozen=True)
class Limits:
    entries: int = 50_000
    total: int = 4 * 1024**3  # a year of PDFs is far below this
    entry: int = 1024**3
    ratio: float = 100.0  # Apache POI's default; only checked past ``grace`` inflated bytes
    grace: int = 1024**2


DEFAULT_LIMITS = Limits()


def check_name(name: str) -> str:
    """A safe relative POSIX path or :class:`UnsafePackage`."""
    if not name or "\x00" in name:
        raise UnsafePackage(f"包内有无效的文件名：{name!r}。")
    if name.startswith(("/", "\\")) or "\\" in name or (len(name) > 1 and name[1] == ":"):
        raise UnsafePackage(f"包内文件“{name}”使用了绝对路径或盘符，已拒绝。")
    parts = name.split("/")
    if "" in parts or "." in parts:  # "a//b", "a/./b": normalised as a POSIX path is
        parts = list(PurePosixPath(name).parts)
    if ".." in parts or name.endswith("/"):
        raise UnsafePackage(f"包内文件“{name}”试图指向包外（含 ..），已拒绝。")
    return "/".join(parts)


class PackageReader(Protocol):
    label: str

    def names(self) -> list[str]: ...

    def read(self, name: str) -> bytes: ...

    def chunks(self, name: str) -> Iterator[bytes]:
        """The file as it is read, piece by piece: verify and import never hold it whole."""
        ...

    def close(self) -> None: ...


CHUNK = 1024 * 1024


class MemoryReader:
    """The files of a package still in memory: the same checks run before anything is written."""

    def __init__(
        self,
        files: dict[str, bytes],
        label: str = "（内存）",
        digests: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        self.files = files
        self.label = label
        # name → (SHA-256, SHA-256 of an embedded original or ""), taken as the files were made
        self.digests = digests or {}

    def names(self) -> list[str]:
        return sorted(self.files)

    def read(self, name: str) -> bytes:
        return self.files[check_name(name)]

    def chunks(self, name: str) -> Iterator[bytes]:
        yield self.read(name)

    def close(self) -> None:
        pass


class FolderReader:
    """A package folder; links and special files are refused, never followed."""

    def __init__(self, root: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        if root.is_symlink() or not root.is_dir():
            raise UnsafePackage(f"“{root}”不是文件夹（或是一个链接）。")
        self.root = root
        self.label = str(root)
        self.limits = limits
        self._read_total = 0
        self._folders: set[str] = set()  # checked not to be links

    def names(self) -> list[str]:
        found: list[str] = []
        # Folder by folder from the top, as os.walk goes (a folder that cannot be listed is
        # passed over, its files then missing), each entry's type from the listing itself.
        folders = [(str(self.root), "")]  # a stack: the next folder to list last
        while folders:
            folder, prefix = folders.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except OSError:
                continue
            below = []
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_symlink():
                    raise UnsafePackage(f"包内“{rel}”是一个链接，已拒绝。")
                if entry.is_dir(follow_symlinks=False):
                    below.append((entry.path, rel + "/"))
                elif not entry.is_file(follow_symlinks=False):
                    raise UnsafePackage(f"包内“{rel}”不是普通文件，已拒绝。")
                else:
                    found.append(check_name(rel))
            folders.extend(reversed(below))  # depth first, in listing order, as os.walk
            if len(found) > self.limits.entries:
                raise UnsafePackage(f"包内文件超过 {self.limits.entries} 个，不像真实的归档包。")
        return sorted(found)

    def read(self, name: str) -> bytes:
        return b"".join(self.chunks(name))

    def chunks(self, name: str) -> Iterator[bytes]:
        # Every component is checked for links, so nothing resolves outside the root (a folder
        # once: a package's 500 items share their first three). Plain strings, not Paths: the
        # export reads back a thousand files through here while it writes (issue 11).
        *folders, leaf = check_name(name).split("/")
        probe = str(self.root)
        for part in folders:
            probe = os.path.join(probe, part)
            if probe in self._folders:
                continue
            if os.path.islink(probe):
                raise UnsafePackage(f"包内“{name}”经过一个链接，已拒绝。")
            self._folders.add(probe)
        path = os.path.join(probe, leaf)
        found = os.lstat(path)  # the file itself: a link is refused, never followed
        if stat.S_ISLNK(found.st_mode):
            raise UnsafePackage(f"包内“{name}”经过一个链接，已拒绝。")
        size = found.st_size
        if size > self.limits.entry or self._read_total + size > self.limits.total:
            raise UnsafePackage(f"包内“{name}”过大（{size} 字节），已拒绝。")
        with open(path, "rb") as handle:
            left = self.limits.entry + 1
            while left > 0 and (chunk := handle.read(min(CHUNK, left))):
                left -= len(chunk)
                self._read_total += len(chunk)
                yield chunk

    def close(self) -> None:
        pass


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


class ZipReader:
    """A package as one ZIP; every entry is vetted before any is read."""

    def __init__(
        self, source: Path | IO[bytes], limits: Limits = DEFAULT_LIMITS, label: str = ""
    ) -> None:
        self.label = label or str(source)
        self.limits = limits
        self._inflated = 0
        try:
            self.zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnsafePackage(f"“{self.label}”不是可读的 ZIP 文件：{exc}") from exc
        try:
            self._entries = self._vet(self.zip.infolist())
        except BaseException:
            self.zip.close()
            raise

    def _vet(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        if len(infos) > self.limits.entries:
            raise UnsafePackage(
                f"ZIP 内条目超过 {self.limits.entries} 个，已拒绝（疑似压缩炸弹）。"
            )
        for info in infos:
            check_name(info.filename.rstrip("/") or info.filename)
            if _is_link(info):
                raise UnsafePackage(f"ZIP 内“{info.filename}”是一个链接，已拒绝。")
            if info.flag_bits & 0x1:
                raise EncryptedEntry(f"ZIP 内“{info.filename}”已加密，无法校验，已拒绝。")
        files = [i for i in infos if not i.is_dir()]
        # Stored or Deflate only: what every reader has; anything else is a finding (checks.py).
        self.unusual_compression = [
            i.filename
            for i in files
            if i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
        ]
        # One top folder (how the program writes it) is stripped; flat ZIPs are read as they are.
        tops = {i.filename.split("/", 1)[0] for i in infos}
        strip = len(tops) == 1 and all("/" in i.filename for i in files)
        entries: dict[str, zipfile.ZipInfo] = {}
        for info in files:
            name = info.filename.split("/", 1)[1] if strip else info.filename
            if name in entries:
                raise UnsafePackage(f"ZIP 内“{name}”出现了两次，已拒绝。")
            entries[check_name(name)] = info
        return entries

    def names(self) -> list[str]:
        return sorted(self._entries)

    def read(self, name: str) -> bytes:
        return b"".join(self.chunks(name))

    def chunks(self, name: str) -> Iterator[bytes]:
        info = self._entries.get(check_name(name))
        if info is None:
            raise KeyError(name)
        size = 0
        compressed = max(info.compress_size, 1)
        with self.zip.open(info) as stream:
            while chunk := stream.read(64 * 1024):
                size += len(chunk)
                self._inflated += len(chunk)
                if size > self.limits.entry or self._inflated > self.limits.total:
                    raise UnsafePackage(f"ZIP 内“{name}”解压后过大，已拒绝（疑似压缩炸弹）。")
                if size > self.limits.grace and size / compressed > self.limits.ratio:
                    raise UnsafePackage(
                        f"ZIP 内“{name}”压缩比超过 {self.limits.ratio:.0f} 倍，已拒绝（疑似压缩炸弹）。"
                    )
                yield chunk

    def close(self) -> None:
        self.zip.close()


def _sealed(path: Path) -> bool:
    from desktop.services.backup_crypto import is_encrypted  # cryptography: only when needed

    return is_encrypted(path)


def open_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> PackageReader:
    """A folder or a ZIP file; anything else is refused."""
    path = Path(path)
    if path.is_symlink():
        raise UnsafePackage(f"“{path}”是一个链接，已拒绝。")
    if path.is_dir():
        return FolderReader(path, limits)
    if path.is_file():
        if _sealed(path) and path.name.endswith(".sqlite3.enc"):
            raise UnsafePackage(f"“{path.name}”是加密的台账备份，不是归档包。")
        if _sealed(path):
            raise UnsafePackage(
                f"“{path.name}”是加密传递副本，不是归档包本身：请先用同一口令解密（文件 → "
                "解密传递副本…，或 duban archive decrypt-copy），再对解密得到的归档包操作。"
            )
        return ZipReader(path, limits)
    raise UnsafePackage(f"找不到归档包“{path}”。")
