"""PySide6 reads the source of every module imported after it and keeps it.

Its import hook (``shibokensupport.feature``, PYSIDE-2029) asks ``inspect.getsource`` of each
newly imported module whether it mentions PySide6, and ``inspect`` leaves every file's lines in
``linecache``: SQLAlchemy, the ORM and the window's modules, about 20 MB the desk never reads
again (issue 11: the cold start's peak memory), and ~0.13 s of CPU splitting 378 files into
lines. The verdict is kept (does the source mention PySide6?) but a plain ``.py`` file is read
as bytes and searched, and anything else goes to PySide6's own check with the lines it cached
dropped after it. A frozen bundle has no sources, so there it costs nothing.

Nothing is imported inside the wrapper: it runs inside every import (pyzo's recursion, PR 851)."""

from __future__ import annotations

import linecache
from collections.abc import Callable
from types import ModuleType

import shiboken6  # noqa: F401  (loads shibokensupport, whose hook is wrapped below)


def forget_after_check() -> bool:
    """Make PySide6's per-import source check read less and leave no lines behind; False where
    this PySide6 has no such check (the hook is internal and may change)."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return False
    check: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "forgets_lines", False):
        return check is not None
    cache = linecache.cache

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):  # the file inspect would read
            try:
                with open(path, "rb") as source:  # ASCII "PySide6" in any source encoding
                    return b"PySide6" in source.read()
            except OSError:
                pass
        kept = len(cache)
        try:
            return check(module)
        finally:
            while len(cache) > kept:  # dicts pop their newest entries first
                cache.popitem()

    uses_pyside.forgets_lines = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
    return True
