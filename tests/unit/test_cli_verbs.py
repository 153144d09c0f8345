"""`duban VERB …` parses with the verb's own module alone (issue 11: every area's module cost a
second of imports before `duban status` read a row), and that module is the one registering it."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from desktop import cli

ROOT = Path(__file__).resolve().parents[2]


def test_each_verb_is_looked_up_in_the_module_that_registers_it() -> None:
    registered = {}
    for module in cli.command_modules():
        commands = argparse.ArgumentParser().add_subparsers()
        module.register(commands)
        registered.update(dict.fromkeys(commands.choices, module.__name__.rsplit(".", 1)[1]))
    assert registered == cli.VERB_MODULES


def test_a_verb_parses_as_with_the_whole_parser() -> None:
    argv = ["--database", "x.sqlite3", "--today", "2026-11-28", "status"]
    one, whole = cli.parse(argv), cli.build_parser().parse_args(argv)
    assert vars(one) == vars(whole)


def test_duban_status_loads_no_other_area(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom desktop.cli import parse\nparse(['--database', 'x', 'status'])\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('desktop.cli.'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    areas = {name.rsplit(".", 1)[1] for name in done.stdout.split()} & set(
        cli.VERB_MODULES.values()
    )
    assert areas == {"status_cmds"}
