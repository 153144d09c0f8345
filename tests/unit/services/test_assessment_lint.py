"""减负 lint: the demo scheme passes; indicators scoring 批示, 报道, 会议, 发文 or 留痕 are named."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from desktop.cli import main
from desktop.services.assessment import views
from desktop.services.assessment.lint import lint
from desktop.services.assessment.rules import IndicatorSpec, ItemSpec


def test_the_demo_scheme_passes_and_forbidden_measures_are_named(demo_session) -> None:
    year = demo_session.info["clock"].today().year
    scheme = views.get_scheme(demo_session, year)
    assert lint(scheme) == []
    bad = replace(
        scheme,
        indicators=(*scheme.indicators, IndicatorSpec("X1", "获领导批示肯定次数", 5)),
        items=(
            *scheme.items,
            ItemSpec("X2", "省级以上媒体报道加分", "manual", Decimal(1)),
            ItemSpec("X3", "工作照片和台账资料齐全", "manual", Decimal(1)),
            ItemSpec("X4", "召开专题会议次数", "manual", Decimal(1)),
        ),
    )
    found = {(w.code, w.problem) for w in lint(bad)}
    assert found == {
        ("X1", "以领导批示计分"),
        ("X2", "以媒体报道计分"),
        ("X3", "以留痕计分"),
        ("X4", "以开会多少计分"),
    }


def test_assess_lint_prints_the_verdict(demo_ledger, capsys) -> None:
    path = str(demo_ledger.path)
    demo_ledger.dispose()
    assert main(["--database", path, "--today", "2026-11-28", "assess", "2026", "--lint"]) == 0
    out = capsys.readouterr().out
    assert "减负检查：未发现" in out and "各单位被要求报送材料次数" in out
