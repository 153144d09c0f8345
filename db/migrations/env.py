"""Alembic environment: uses the engine handed over by db.migrate; never reconfigures logging.

The whole upgrade (or downgrade) runs in one transaction, on SQLite too: db.migrate hands out a
connection whose driver leaves transactions to us, so a kill at any statement leaves the ledger
at the revision it had before (PITFALLS.md: pysqlite would otherwise commit each DDL statement).
"""

from alembic import context

import db.models  # noqa: F401  (registers every table)
from db import migrate, search
from db.base import Base

config = context.config

with migrate.migration_connection(config.attributes["engine"]) as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        transactional_ddl=True,  # alembic assumes SQLite can't; with BEGIN emitted by us it can
        include_name=search.is_index_structure,  # FTS5's own tables are not models
    )
    with context.begin_transaction():
        context.run_migrations()
        migrate.check_foreign_keys(connection)
