"""The anchor of `duban status`: the same rows by a bare SQL script (sqlite3, the lamp cache
the program keeps), printed as plain lines. `python bench/status_sql.py LEDGER`."""

import json
import sqlite3
import sys

COUNTS = (
    "SELECT {key}, count(*), sum(l.color = 'green'), sum(l.color = 'yellow'),"
    " sum(l.color = 'red') FROM task t JOIN task_lamp l ON l.task_id = t.id GROUP BY {key}"
)


def main(path: str) -> None:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    out = [f"tasks {db.execute('SELECT count(*) FROM task').fetchone()[0]}"]
    names = dict(db.execute("SELECT id, code || ' ' || name FROM project"))
    for owner, n, green, yellow, red in db.execute(COUNTS.format(key="t.project_id")):
        out.append(f"{names[owner]}  {n}  {green}  {yellow}  {red}")
    units = dict(db.execute("SELECT id, name FROM unit"))
    for owner, n, green, yellow, red in db.execute(COUNTS.format(key="t.lead_unit_id")):
        out.append(f"{units[owner]}  {n}  {green}  {yellow}  {red}")
    reds = db.execute(
        "SELECT t.code, t.title, u.name, l.reasons FROM task t"
        " JOIN task_lamp l ON l.task_id = t.id JOIN unit u ON u.id = t.lead_unit_id"
        " WHERE l.color = 'red' ORDER BY t.code, t.id"
    )
    out += [f"  {c} {t}（{u}）：{'；'.join(json.loads(r))}" for c, t, u, r in reds]
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
