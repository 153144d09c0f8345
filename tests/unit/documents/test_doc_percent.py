"""Printed percentages read as the unit reported them: 62.5%, and 60% (never 60.0% or 62%)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.documents.compose_common import pct, reported
from desktop.documents.compose_supervision import SupervisedTask, _fact
from desktop.services.percents import percent_text


def test_reported_percent_keeps_its_decimal_and_drops_a_zero_one() -> None:
    assert reported(Decimal("62.5")) == "62.5%"
    assert reported(Decimal("60.0")) == "60%"
    assert reported(None) == "—"
    assert pct(45.6) == "46%"  # a computed share (序时进度) stays in whole points
    assert percent_text(62.5) == "62.5" and percent_text(Decimal(100)) == "100"


def test_supervision_notice_states_the_reported_decimal() -> None:
    task = SupervisedTask(
        "04-02", "城镇燃气安全专项整治", 80.0, Decimal("62.5"), "red", ("滞后",), date(2026, 12, 31)
    )
    assert "序时进度80%，报送进度62.5%" in _fact(task)
