"""jieba's dictionary looked up on disk (desktop/documents/words.py) cuts as jieba itself does."""

from __future__ import annotations

import logging
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
