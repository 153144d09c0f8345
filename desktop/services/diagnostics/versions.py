"""An installed package's version for the start-up banner, read from its .dist-info folder the
way importlib.metadata finds it, without importing importlib.metadata (with the email, zipfile
and csv modules it loads, about 40 ms of every cold `duban status`; issue 11).

Only the plain case is read here: sys.path folders holding .dist-info or .egg-info folders, no
other finder of distributions on sys.meta_path. Anything else (a zip or an .egg on sys.path, an
.egg-info file, a METADATA without a Version line, another finder) is left to importlib.metadata itself, so the
answer is always the one importlib.metadata gives."""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from importlib.machinery import PathFinder

_SEPARATORS = re.compile(r"[-_.]+")


class _Unsure(Exception):
    """This layout is importlib.metadata's to read."""


def version(package: str, missing: str) -> str:
    """importlib.metadata.version(package), or ``missing`` when it is not installed."""
    try:
        found = _from_dist_info(package)
    except _Unsure:
        found = _from_metadata(package)
    return missing if found is None else found


def _from_metadata(package: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _normalized(name: str) -> str:
    """importlib.metadata's Prepared.normalize."""
    return _SEPARATORS.sub("-", name).lower().replace("-", "_")


def _from_dist_info(package: str) -> str | None:
    if any(
        finder is not PathFinder and hasattr(finder, "find_distributions")
        for finder in sys.meta_path
    ):
        raise _Unsure
    wanted = _normalized(package)
    for entry in sys.path:
        folder = entry or "."
        if os.path.basename(entry).lower().endswith(".egg"):
            raise _Unsure
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError:  # not there: importlib.metadata skips it too
            continue
        found = _infos(folder, mtime).get(wanted)
        if found is not None:
            path = os.path.join(folder, found)
            if found.lower().endswith(".dist-info"):
                return _version_line(os.path.join(path, "METADATA"))
            if os.path.isdir(path) and not os.path.exists(os.path.join(path, "METADATA")):
                # An .egg-info folder (setuptools' editable install leaves one in the source
                # tree, first on sys.path when run from it): importlib.metadata reads PKG-INFO.
                return _version_line(os.path.join(path, "PKG-INFO"))
            raise _Unsure
    return None


@cache
def _infos(folder: str, mtime: int) -> dict[str, str]:
    """The first .dist-info or .egg-info child of ``folder`` per normalized name (the banner
    asks for four packages: one listing, as importlib.metadata caches per folder and mtime)."""
    try:
        children = os.listdir(folder)
    except NotADirectoryError:  # a zip on sys.path
        raise _Unsure from None
    except OSError:
        return {}
    found: dict[str, str] = {}
    for child in children:
        low = child.lower()
        if low.endswith((".dist-info", ".egg-info")):
            found.setdefault(_normalized(low.rpartition(".")[0].partition("-")[0]), child)
    return found


def _version_line(path: str) -> str:
    """The Version header of a METADATA file (headers end at the first empty line)."""
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    break
                name, colon, value = line.partition(":")
                if colon and name.strip().lower() == "version" and not line[0].isspace():
                    return value.strip()
    except (OSError, UnicodeDecodeError):
        pass
    raise _Unsure
