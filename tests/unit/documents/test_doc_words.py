"""jieba's dictionary looked up on disk (desktop/documents/words.py) cuts as jieba itself does."""

from __future__ import annotations

import json
import logging
import lzma
import os
import subprocess
import sys
import time
from pathlib import Path

import jieba
import pytest

from desktop.documents import words

TITLES = [
    "关于2026年11月补短板强弱项十大重点工程工作进展情况的通报",
    "关于对市公安局交通管理支队智能化交通管理系统建设进展滞后问题的约谈通知书",
    "中华人民共和国国务院办公厅关于印发国家突发公共事件总体应急预案的通知",
]


def test_the_on_disk_dictionary_cuts_as_jieba_does() -> None:
    jieba.setLogLevel(logging.WARNING)
    whole = jieba.Tokenizer()
    on_disk = words.tokenizer()
    assert isinstance(on_disk.FREQ, words.Frequencies)
    for tokenizer in (whole, on_disk):
        tokenizer.add_word("市公安局交通管理支队", freq=100_000)
    for title in TITLES:
        assert list(on_disk.cut(title, HMM=False)) == list(whole.cut(title, HMM=False))
    assert "市公安局交通管理支队" in list(on_disk.cut(TITLES[1], HMM=False))


def test_a_damaged_index_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("平安 100 n\n建设 100 n\n领导 80 n\n小组 80 n\n领导小组 50 n\n", "utf-8")
    index = tmp_path / "cache" / "words.sqlite3"
    index.parent.mkdir()
    index.write_bytes(b"not a database")
    monkeypatch.setattr(words, "dictionary_file", lambda: source)
    monkeypatch.setattr(words, "index_path", lambda _source: index)
    tokenizer = words.tokenizer()
    assert list(tokenizer.cut("平安建设领导小组", HMM=False)) == ["平安", "建设", "领导小组"]
    assert tokenizer.total == 410 and tokenizer.FREQ["领导"] == 80 and tokenizer.FREQ["领导小"] == 0


def test_indexes_of_earlier_installs_do_not_pile_up(tmp_path: Path) -> None:
    """Each install or upgrade of the desk changes dict.txt and so builds a new 6 MB index:
    building one keeps the newest earlier index (a second install on the PC) and removes the
    older ones and pieces left by a stopped build, but not a build still running."""
    source = tmp_path / "dict.txt"
    source.write_text("平安 100 n\n建设 100 n\n", "utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    old = [cache / f"jieba-words-v1-10-{n}.sqlite3" for n in (1, 2, 3)]
    stale_part = cache / "jieba-words-v1-10-4.sqlite3.77.1.part"
    running_part = cache / "jieba-words-v1-10-5.sqlite3.78.1.part"
    unrelated = cache / "font-faces.json"
    for path in [*old, stale_part, running_part, unrelated]:
        path.write_bytes(b"x")
    for path, hours_ago in zip([*old, stale_part], (30, 20, 10, 2), strict=True):
        stamp = time.time() - hours_ago * 3600
        os.utime(path, (stamp, stamp))
    target = cache / "jieba-words-v1-10-9.sqlite3"
    words.build_index(source, target)
    left = sorted(path.name for path in cache.iterdir())
    assert left == sorted([target.name, old[2].name, running_part.name, unrelated.name])
    assert words.Frequencies(target)["平安"] == 100


def test_the_bundles_xz_dictionary_cuts_every_title_as_jieba_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundle ships jieba's dict.txt xz-compressed (build.spec); the index built from it
    is the plain one's, so every title splits the same, with or without a cache folder."""
    jieba.setLogLevel(logging.WARNING)
    plain = words.dictionary_file()
    packed = tmp_path / "dict.txt.xz"
    packed.write_bytes(lzma.compress(plain.read_bytes(), preset=0))
    whole = jieba.Tokenizer()
    monkeypatch.setattr(words, "dictionary_file", lambda: packed)
    monkeypatch.setattr(words, "index_path", lambda _source: tmp_path / "cache" / "w.sqlite3")
    from_index = words.tokenizer()
    assert isinstance(from_index.FREQ, words.Frequencies)
    monkeypatch.setattr(words, "index_path", lambda _source: tmp_path / "file" / "w.sqlite3")
    (tmp_path / "file").write_text("not a folder", "utf-8")  # no cache folder can be made
    from_file = words.tokenizer()
    assert not isinstance(from_file.FREQ, words.Frequencies)
    for title in TITLES:
        assert list(from_index.cut(title, HMM=False)) == list(whole.cut(title, HMM=False))
        assert list(from_file.cut(title, HMM=False)) == list(whole.cut(title, HMM=False))
    assert from_index.total == from_file.total == whole.total


HMM_SCRIPT = """
import json, sys
from desktop.documents import words
words.load_jieba().setLogLevel(40)
tokenizer = words.tokenizer()
plain = list(tokenizer.cut(sys.argv[1], HMM=False))
loaded = "jieba.finalseg.prob_emit" in sys.modules
print(json.dumps([plain, loaded, list(tokenizer.cut(sys.argv[2]))]))
"""


def test_jiebas_hmm_is_loaded_only_for_a_cut_that_uses_it() -> None:
    """A title cut with HMM=False leaves jieba's HMM tables unread (issue 11); a cut with the
    HMM still finds a word no dictionary has, as jieba does."""
    unknown = "我来到北京清华大学杭研大厦"
    done = subprocess.run(
        [sys.executable, "-c", HMM_SCRIPT, TITLES[0], unknown],
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    plain, loaded, with_hmm = json.loads(done.stdout)
    assert not loaded
    jieba.setLogLevel(logging.WARNING)
    whole = jieba.Tokenizer()
    assert plain == list(whole.cut(TITLES[0], HMM=False))
    assert with_hmm == list(whole.cut(unknown)) and "杭研" in with_hmm
