"""Guard for the PySide6 6.12.0 / Python 3.11 None-refcount leak (PITFALLS.md).

If this fails, the installed PySide6 drops references to None and a day of use will abort the
program: keep the pin below 6.12 on Python 3.11.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_methods_do_not_drop_references_to_none() -> None:
    obj = QObject()
    obj.setObjectName("warm-up")
    before = sys.getrefcount(None)
    for index in range(1000):
        obj.setObjectName(f"对象{index}")
    after = sys.getrefcount(None)
    # Other threads may hold or release a few references; a leak loses about one per call.
    assert after >= before - 50, f"None refcount fell by {before - after} over 1000 calls"
