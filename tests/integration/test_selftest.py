"""`duban self-test` from source: every check passes (or is skipped as not yet built), exit 0."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop import selftest


@pytest.mark.slow  # 90 s: the whole self-test (demo ledger, archive, OFD…); CI's slow stage
def test_self_test_from_source_passes_every_check() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,  # seconds on a quiet machine; minutes when 2 cores are shared with others
    )
    lines = done.stdout.strip().splitlines()
    checks, verdict = lines[:-1], lines[-1]
    assert done.returncode == 0, done.stdout + done.stderr
    assert verdict == "自检通过。"
    assert len(checks) == len(selftest.CHECKS)  # one line per check, none lost
    for line, check in zip(checks, selftest.CHECKS, strict=True):
        assert line.startswith(("ok   ", "skip ")), line
        assert check.name in line
        if line.startswith("skip"):
            assert selftest.NOT_YET in line


def test_a_failing_check_fails_the_run_and_the_others_still_run(monkeypatch, capsys) -> None:
    def broken(run: selftest.Run) -> str:
        raise RuntimeError("故意失败")

    def not_yet(run: selftest.Run) -> str:
        selftest.optional("desktop.services.no_such_area")
        return "unreachable"

    checks = [
        selftest.Check("坏的", broken, quick=True),
        selftest.Check("未实现", not_yet, quick=True),
        selftest.Check("翻译", selftest.check_translations, quick=True),
    ]
    monkeypatch.setattr(selftest, "CHECKS", checks)
    assert selftest.run_checks(quick=True) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("FAIL 坏的：RuntimeError: 故意失败")
    assert out[1].startswith(f"skip 未实现：{selftest.NOT_YET}")
    assert out[2].startswith("ok   翻译：")
