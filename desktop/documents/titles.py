"""Splitting a title into lines by meaning and by measured width: 梯形 or 菱形 (§7.3.1).

Break points are word boundaries from jieba (a well-kept segmenter), with the office's unit
and project names added as words; a number with its unit, a run of Latin letters and digits
(``GB/T 28181-2022``) and punctuation with its neighbour are never cut. Among the splits whose
lines fit the type area, the fewest lines win, then a shape with longer lines above (正梯形) or
the middle longest (菱形) — never an hourglass — then the most even widths.
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
from collections.abc import Callable, Iterable

from .lines import CANNOT_END, CANNOT_START, NUMBER_UNITS

# Words of this domain that a general dictionary may cut, added to jieba with a high weight.
DOMAIN_WORDS = (
    "补短板",
    "强弱项",
    "十大重点工程",
    "平安建设",
    "领导小组",
    "成员单位",
    "牵头单位",
    "责任单位",
    "限期整改",
    "约谈通知书",
    "整改通知书",
    "催办单",
    "督办通知",
    "工作进展",
    "考核结果",
    "亮灯",
    "红黄绿",
    "序时进度",
    "台账",
    "月度",
    "智能化",
    "机制",
)
GOOD_BEFORE = ("的", "关于", "和", "与", "及")  # a line may well start with these
MAX_LINES = 5  # a 70-character title with long unit names needs five
# A Latin word or number, with a number after a space (GB/T 28181-2022, ISO 9001:2015).
ASCII = re.compile(r"[0-9A-Za-z][0-9A-Za-z./:_+#%\-]*(?: \d[0-9A-Za-z./:_+#%\-]*)*")
NUMBER = re.compile(r"第?\d+(?:\.\d+)?\s?(?:[%％" + "".join(sorted(NUMBER_UNITS)) + r"])?")

_lock = threading.Lock()
_tokenizer = None
_added: set[str] = set()


def _segmenter(words: Iterable[str]):
    """One jieba tokenizer per process, its dictionary looked up on disk (words.py)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            from desktop.documents import words as dictionary

            jieba = dictionary.load_jieba()
            jieba.setLogLevel(logging.WARNING)
            _tokenizer = dictionary.tokenizer()
            for w in DOMAIN_WORDS:
                _tokenizer.add_word(w, freq=100_000)
        for w in words:
            w = w.strip()
            if len(w) > 1 and w not in _added:
                _tokenizer.add_word(w, freq=100_000)
                _added.add(w)
        return _tokenizer


def char_units(ch: str) -> float:
    """A measure for tests and callers without fonts: full-width 1, ASCII ½."""
    return 0.5 if ch.isascii() else 1.0


def break_points(text: str, words: Iterable[str] = ()) -> list[int]:
    """Positions where a title may be cut: word boundaries, none inside a kept span."""
    words = [w for w in words if w.strip()]
    cuts: set[int] = set()
    pos = 0
    tokenizer = _segmenter(words)
    with _lock:
        tokens = list(tokenizer.cut(text, HMM=False))
    for tok in tokens[:-1]:
        pos += len(tok)
        cuts.add(pos)
    kept: list[tuple[int, int]] = []
    for pattern in (ASCII, NUMBER):
        kept += [m.span() for m in pattern.finditer(text)]
    for w in (*words, *DOMAIN_WORDS):
        kept += [m.span() for m in re.finditer(re.escape(w.strip()), text)]
    for start, end in kept:
        cuts -= set(range(start + 1, end))
    for i in list(cuts):
        before, after = text[i - 1], text[i]
        if after in CANNOT_START or before in CANNOT_END:
            cuts.discard(i)
    return sorted(c for c in cuts if 0 < c < len(text))


def split_title(
    text: str,
    max_width: float = 20.0,
    char_width: Callable[[str], float] = char_units,
    words: Iterable[str] = (),
) -> list[str]:
    """Lines of the title, each at most ``max_width`` wide (the sum of ``char_width``)."""
    text = re.sub(r"\s+", " ", text).strip()
    prefix = [0.0, *itertools.accumulate(char_width(ch) for ch in text)]
    if prefix[-1] <= max_width:
        return [text]

    def span(a: int, b: int) -> tuple[int, int]:
        while a < b and text[a] == " ":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
        return a, b

    cuts = break_points(text, words)
    best: tuple[tuple[float, float], list[str]] | None = None
    for lines in range(2, MAX_LINES + 1):
        for chosen in itertools.combinations(cuts, lines - 1):
            spans = [span(a, b) for a, b in itertools.pairwise((0, *chosen, len(text)))]
            widths = [prefix[b] - prefix[a] for a, b in spans]
            if max(widths) > max_width + 1e-6:
                continue
            parts = [text[a:b] for a, b in spans]
            key = (_shape_penalty(widths, max_width), _cost(parts, widths, max_width))
            if best is None or key < best[0]:
                best = (key, parts)
        if best is not None and best[0][0] == 0:
            return best[1]  # the fewest lines that make a good shape
    if best is not None:
        return best[1]
    return _by_width(text, max_width, prefix)  # no word boundary fits: cut by width


def _shape_penalty(widths: list[float], max_width: float) -> float:
    """0 for a 梯形 (each line at most a little wider than the one above) or a 菱形."""
    tol = max_width * 0.05  # about one character: lines that differ by one look even
    down = all(b <= a + tol for a, b in itertools.pairwise(widths))
    if down:
        return 0.0
    peak = widths.index(max(widths))
    diamond = (
        0 < peak < len(widths) - 1
        and widths[0] < widths[peak] - tol / 2
        and widths[-1] < widths[peak] - tol / 2
        and all(b >= a - tol for a, b in itertools.pairwise(widths[: peak + 1]))
        and all(b <= a + tol for a, b in itertools.pairwise(widths[peak:]))
    )
    if diamond:
        return 0.0
    return sum(max(0.0, b - a) for a, b in itertools.pairwise(widths)) + 1.0


def _cost(parts: list[str], widths: list[float], max_width: float) -> float:
    mean = sum(widths) / len(widths)
    cost = sum((w - mean) ** 2 for w in widths) / max_width
    if widths[-1] < max_width * 0.25:
        cost += 5.0  # a lone 通知 on the last line
    for part in parts[1:]:
        if part.startswith(GOOD_BEFORE):
            cost -= 0.5
    return cost


def _by_width(text: str, max_width: float, prefix: list[float]) -> list[str]:
    lines, start = [], 0
    for i in range(1, len(text) + 1):
        if prefix[i] - prefix[start] > max_width and i - 1 > start:
            lines.append(text[start : i - 1].strip())
            start = i - 1
    return [*lines, text[start:].strip()]
