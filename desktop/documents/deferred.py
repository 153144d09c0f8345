"""Modules that a library imports at its top but this program seldom uses, imported at their
first use instead (issue 11: CPU of a cold `duban notice circular`)."""

from __future__ import annotations

import importlib
import sys
import threading
from types import ModuleType


class DeferredModule(ModuleType):
    """A module imported at the first read of one of its attributes, then read through."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__spec__ = None  # the import system reads it; read here, it must not import
        self._lock = threading.Lock()

    def __getattr__(self, attribute: str) -> object:  # only for what the stand-in lacks
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        with self._lock:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)  # also rebinds the parent's name
        return getattr(real, attribute)


def defer(name: str) -> None:
    """Put a stand-in for ``name`` in sys.modules unless it is imported already; ``from
    package import name`` takes the stand-in, and its first attribute read imports the real
    module, unchanged."""
    if name not in sys.modules:
        sys.modules[name] = DeferredModule(name)


def defer_pil_image() -> None:
    """PIL.Image, which reportlab.lib.utils imports at its top (every reportlab import goes
    through it, via rl_config) and reads only for bitmaps (ImageReader, drawImage): ~0.01 s of
    CPU, its ExifTags enums and _imaging. No document here draws a bitmap; one that does (or
    ``import PIL.Image`` elsewhere) imports the real module at its first read. The stand-in is
    also the package's attribute, so that ``PIL.Image.open`` works after ``import PIL.Image``."""
    if "PIL.Image" in sys.modules:
        return
    try:
        import PIL
    except ImportError:
        return  # reportlab then fails as it would have
    defer("PIL.Image")
    PIL.Image = sys.modules["PIL.Image"]  # type: ignore[attr-defined]
