"""jieba's dictionary looked up on disk instead of loaded whole: a title needs a few hundred
lookups, while loading the whole prefix dictionary (half a million entries) takes about a second
of every cold `duban notice` and `duban pack` (issue 11).

The words and frequencies are jieba's own (its dict.txt), copied once into an SQLite index in
the user's cache folder; the tokenizer's ``FREQ`` answers the same questions as jieba's dict
(a word's frequency, 0 for a prefix of a word, absent otherwise), so the cut is jieba's."""

from __future__ import annotations

import contextlib
import lzma
import os
import sqlite3
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

from platformdirs import user_cache_dir

from .deferred import defer

_VERSION = 1  # of the index's layout


def load_jieba() -> ModuleType:
    """jieba, imported without setuptools' pkg_resources (about 0.1 s of CPU, issue 11): jieba
    reads its own files through pkg_resources when it can import it, else by path beside its
    __file__, the same files. The bundle leaves pkg_resources out for the same reason
    (build.spec); this gives a run from the sources the bundle's import."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import: ImportError
    try:
        _defer_hmm()
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _defer_hmm() -> None:
    """jieba.finalseg, the HMM for words not in the dictionary, imported when first used: its
    probability tables (prob_emit's 300,000 entries) cost ~0.025 s of CPU of every cold circular
    (issue 11), and titles are cut with HMM=False, which never reads them. jieba's ``from .
    import finalseg`` takes the stand-in below from sys.modules; jieba.cut with HMM (or add_word
    with freq=0) reads an attribute of it, which imports the real module, unchanged."""
    if "jieba" not in sys.modules and "jieba.finalseg" not in sys.modules:
        defer("jieba.finalseg")


def dictionary_file() -> Path:
    """jieba's dict.txt; in the bundle its xz copy dict.txt.xz (build.spec: 5 → 1.5 MB)."""
    jieba = load_jieba()
    plain = Path(str(jieba.__file__)).parent / "dict.txt"
    return plain if plain.exists() else plain.with_name("dict.txt.xz")


def _lines(source: Path):  # type: ignore[no-untyped-def]
    """The dictionary's lines as bytes, read from dict.txt or dict.txt.xz alike."""
    return lzma.open(source, "rb") if source.suffix == ".xz" else open(source, "rb")


def index_path(source: Path) -> Path:
    stat = source.stat()
    name = f"jieba-words-v{_VERSION}-{stat.st_size}-{int(stat.st_mtime)}.sqlite3"
    return Path(user_cache_dir("duban", appauthor=False)) / name


def build_index(source: Path, target: Path) -> None:
    """Words and frequencies as jieba reads them (the last line of a word wins; the total
    counts every line), under a temporary name, then renamed."""
    freq: dict[str, int] = {}
    total = 0
    with _lines(source) as lines:
        for line in lines:
            parts = line.strip().decode("utf-8").split(" ")
            if len(parts) < 2:
                continue
            freq[parts[0]] = int(parts[1])
            total += int(parts[1])
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.part")
    temp.unlink(missing_ok=True)
    db = sqlite3.connect(temp)
    try:
        db.execute("CREATE TABLE word (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
        db.execute("CREATE TABLE total (n INTEGER)")
        db.executemany("INSERT INTO word VALUES (?, ?)", sorted(freq.items()))
        db.execute("INSERT INTO total VALUES (?)", (total,))
        db.commit()
    finally:
        db.close()
    os.replace(temp, target)
    _forget_old_indexes(target)


def _forget_old_indexes(kept: Path, keep_others: int = 1, part_age: float = 3600.0) -> None:
    """A new index is built when jieba's dict.txt changes (the desk installed again or
    upgraded), so the older ones belong to an earlier install: the newest other one is kept (a
    second install of the desk on the PC goes on using its own), the rest are removed, and so
    are pieces (.part) left by a build that was stopped an hour or more ago. 6 MB each."""
    now = time.time()
    others: list[tuple[float, Path]] = []
    for path in kept.parent.glob("jieba-words-v*.sqlite3*"):
        with contextlib.suppress(OSError):
            modified = path.stat().st_mtime
            if path.name.endswith(".part"):
                if now - modified >= part_age:
                    path.unlink()
            elif path.name.endswith(".sqlite3") and path != kept:
                others.append((modified, path))
    for _modified, path in sorted(others, reverse=True)[keep_others:]:
        with contextlib.suppress(OSError):
            path.unlink()


class Frequencies:
    """jieba's ``FREQ`` for the words it is asked about; words added later are kept in memory."""

    def __init__(self, index: Path) -> None:
        self.db = sqlite3.connect(f"file:{index}?mode=ro", uri=True, check_same_thread=False)
        self.total = int(self.db.execute("SELECT n FROM total").fetchone()[0])
        self.added: dict[str, int] = {}
        self.seen: dict[str, int | None] = {}

    def _lookup(self, word: str) -> int | None:
        if word in self.added:
            return self.added[word]
        if word not in self.seen:
            found = self.db.execute(
                "SELECT word, freq FROM word WHERE word >= ? ORDER BY word LIMIT 1", (word,)
            ).fetchone()
            if found is None or not found[0].startswith(word):
                self.seen[word] = None
            else:
                self.seen[word] = found[1] if found[0] == word else 0
        return self.seen[word]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lookup(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self._lookup(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: int | None = None) -> int | None:
        found = self._lookup(word)
        return default if found is None else found

    def __setitem__(self, word: str, freq: int) -> None:
        self.added[word] = freq


def tokenizer():  # type: ignore[no-untyped-def]
    """A jieba tokenizer whose dictionary is the on-disk index (built on first use)."""
    jieba = load_jieba()
    made = jieba.Tokenizer()
    source = dictionary_file()
    index = index_path(source)
    try:
        if not index.exists():
            build_index(source, index)
        try:
            freq = Frequencies(index)
        except sqlite3.DatabaseError:  # a damaged cache file: build it again
            with contextlib.suppress(OSError):
                index.unlink()
            build_index(source, index)
            freq = Frequencies(index)
    except (OSError, sqlite3.Error):  # no writable cache folder: jieba loads its own, slowly
        if source.suffix == ".xz":  # jieba opens only a plain dict.txt itself
            made.FREQ, made.total = made.gen_pfdict(_lines(source))
            made.initialized = True
        else:
            made.initialize()
        return made
    made.FREQ = freq
    made.total = freq.total
    made.initialized = True
    return made
