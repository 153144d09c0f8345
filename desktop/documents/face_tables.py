"""What a face from the cache hands reportlab in place of whole tables: the font file read where
it is sliced, hmetrics and the character dicts over their arrays, made as they are read."""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from contextlib import suppress
from typing import Any, BinaryIO, overload


class FileBytes:
    """A font file as reportlab reads its ``_ttf_data`` (slices and single bytes), read from the
    open file where it is sliced: a face from the cache reads a few tables and the glyphs a
    subset needs, not the whole file (the five shipped fonts are 31 MB, ~0.03 s of a cold
    command's CPU to read, issue 11). A file cut short since gives short reads, so reportlab's
    own errors, never a crash (as an mmap would give)."""

    def __init__(self, handle: BinaryIO, size: int, start: int = 0) -> None:
        self._handle, self._fd, self._size, self._start = handle, handle.fileno(), size, start

    def window(self, start: int, size: int) -> FileBytes:
        """``size`` bytes from ``start`` on, read where sliced as the whole is."""
        size = max(0, min(size, self._size - start))
        return FileBytes(self._handle, size, self._start + start)

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> bytes: ...
    def __getitem__(self, index: int | slice) -> int | bytes:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._size)
            if step != 1:
                raise ValueError("a font file is read forwards")
            return os.pread(self._fd, max(0, stop - start), self._start + start)
        at = index + self._size if index < 0 else index
        byte = os.pread(self._fd, 1, self._start + at) if 0 <= at < self._size else b""
        if not byte:
            raise IndexError(index)
        return byte[0]

    def __bytes__(self) -> bytes:
        return self[:]


class Metrics(Sequence[tuple[int, int]]):
    """hmetrics as reportlab reads it, (advance, left side bearing) by glyph index, over the two
    arrays: makeSubset looks up a few hundred glyphs, so no tuple is made for the other 30,000."""

    def __init__(self, advances: array[Any], bearings: array[Any]) -> None:
        self._advances, self._bearings = advances, bearings

    def __len__(self) -> int:
        return len(self._advances)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return list(zip(self._advances[index], self._bearings[index], strict=True))
        return self._advances[index], self._bearings[index]


class Lookup(dict[int, Any]):
    """charToGlyph or charWidths over its two arrays (keys ascending): an entry is made when a
    character is first looked up, and the whole dict only when something reads it whole.
    Making the five fonts' dicts at once cost a cold command ~0.02 s of CPU (issue 11) for the
    few hundred characters a document uses. reportlab's C stringWidth reads the dict's own
    entries (PyDict_GetItem, no __missing__), so _Font.stringWidth looks its text up first."""

    def __init__(self, keys: array[Any], values: array[Any]) -> None:
        super().__init__()
        self._keys, self._values, self._whole = keys, values, False

    def _find(self, key: Any) -> Any:
        if type(key) is int and not self._whole:
            at = bisect_left(self._keys, key)
            if at < len(self._keys) and self._keys[at] == key:
                value = self._values[at]
                dict.__setitem__(self, key, value)
                return value
        raise KeyError(key)

    def want(self, text: str) -> None:
        """Make the entries of the characters in ``text`` (those the font has)."""
        for ch in text:
            code = ord(ch)
            if not dict.__contains__(self, code):
                with suppress(KeyError):
                    self._find(code)

    def whole(self) -> Lookup:
        """Every entry made (those set since win over the arrays'); the arrays let go."""
        if not self._whole:
            made = dict(zip(self._keys, self._values, strict=True))
            made.update(dict.items(self))
            dict.clear(self)
            dict.update(self, made)
            self._whole = True
        return self

    def __bool__(self) -> bool:  # reportlab asks `if charToGlyph:` of every new PDF's font
        return bool(len(self._keys)) or dict.__len__(self) > 0

    def __missing__(self, key: Any) -> Any:
        return self._find(key)

    def __contains__(self, key: object) -> bool:
        if dict.__contains__(self, key):
            return True
        try:
            self._find(key)
        except KeyError:
            return False
        return True

    def get(self, key: Any, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default

    def setdefault(self, key: Any, default: Any = None) -> Any:  # type: ignore[override]
        if key in self:
            return self[key]
        self[key] = default
        return default


def _whole(name: str) -> Any:
    method = getattr(dict, name)

    def whole(self: Lookup, *args: Any, **kwargs: Any) -> Any:
        return method(self.whole(), *args, **kwargs)

    whole.__name__ = name
    return whole


# What reads the dict whole (or removes from it) sees every entry.
for _name in ("__iter__", "__len__", "__reversed__", "__eq__", "__ne__", "__repr__", "__or__",
              "__ror__", "__delitem__", "keys", "values", "items", "copy", "pop", "popitem"):  # fmt: skip
    setattr(Lookup, _name, _whole(_name))
