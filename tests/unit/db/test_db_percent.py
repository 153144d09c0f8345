"""Migration 0015: completion percentages keep one decimal (62.5), whole ones survive the upgrade,
and a downgrade goes back to whole numbers without losing the lamp-order index."""

from __future__ import annotations

from decimal import Decimal

from alembic import command
from sqlalchemy import inspect, text

from db import migrate
from db.engine import Ledger

BEFORE = "0014"


def _seed(ledger: Ledger) -> None:
    """One task with two reports (whole percents, as every ledger before 0015 holds)."""
    with ledger.engine.begin() as connection:
        unit = connection.execute(
            text(
                "INSERT INTO unit (name, short_name, contact_person, contact_phone, sort_order)"
                " VALUES ('市公安局', '公安局', '', '', 1) RETURNING id"
            )
        ).scalar_one()
        project = connection.execute(
            text(
                "INSERT INTO project (code, name, description, lead_unit_id)"
                " VALUES ('01', '工程', '', :u) RETURNING id"
            ),
            {"u": unit},
        ).scalar_one()
        task = connection.execute(
            text(
                "INSERT INTO task (code, project_id, title, target, lead_unit_id,"
                " leader_in_charge, start, deadline, status, note)"
                " VALUES ('01-01', :p, '任务', '', :u, '', '2026-01-01', '2026-12-31',"
                " 'in_progress', '') RETURNING id"
            ),
            {"p": project, "u": unit},
        ).scalar_one()
        for period, percent in (("2026-09", 40), ("2026-10", 55)):
            connection.execute(
                text(
                    "INSERT INTO progress_report (task_id, period, percent, progress, problems,"
                    " next_steps, fall_reason, submitted_on, source, source_file,"
                    " source_sha256, recorded_at) VALUES (:t, :period, :percent, '', '', '', '',"
                    " '2026-10-05', 'manual', '', '', '2026-10-05 09:00:00')"
                ),
                {"t": task, "period": period, "percent": percent},
            )


def _percents(ledger: Ledger) -> list[object]:
    with ledger.engine.connect() as connection:
        return list(
            connection.execute(
                text("SELECT percent FROM progress_report ORDER BY period")
            ).scalars()
        )


def round_trip(ledger: Ledger) -> None:
    """Down to 0014, seed whole percents, up to head: kept; 62.5 stored; down again: 62."""
    config = migrate.config(ledger.engine)
    command.downgrade(config, BEFORE)
    _seed(ledger)
    migrate.upgrade(ledger.engine)
    assert [Decimal(str(p)) for p in _percents(ledger)] == [40, 55]
    with ledger.session() as session:
        from db.models import ProgressReport

        latest = session.query(ProgressReport).filter_by(period="2026-10").one()
        assert latest.percent == Decimal("55.0")
        latest.percent = Decimal("62.5")
        session.commit()
    with ledger.session() as session:
        from db.models import ProgressReport

        assert session.query(ProgressReport).filter_by(period="2026-10").one().percent == (
            Decimal("62.5")
        )
    indexes = {i["name"] for i in inspect(ledger.engine).get_indexes("task_lamp")}
    assert "ix_task_lamp_order" in indexes or ledger.engine.dialect.name == "sqlite"
    command.downgrade(config, BEFORE)
    assert [int(Decimal(str(p))) for p in _percents(ledger)] == [40, 62]  # rounded down
    migrate.upgrade(ledger.engine)
    assert migrate.current_revision(ledger.engine) == migrate.head_revision()


def test_percent_upgrade_keeps_whole_percents_and_stores_decimals(ledger: Ledger) -> None:
    round_trip(ledger)
    with ledger.engine.connect() as connection:  # the expression index (0008) survived the rebuild
        names = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'task_lamp'")
        ).scalars()
        assert "ix_task_lamp_order" in set(names)
