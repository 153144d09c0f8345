"""The ledger's storage: typed SQLAlchemy models, engine setup and Alembic migrations.

Nothing is imported here: ``import db.chain`` or ``db.private`` must not load SQLAlchemy (the
window paints its sign-in before the ORM is imported, issue 11). Use ``db.engine`` for the engine."""
