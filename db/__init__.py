"""The ledger's storage: typed SQLAlchemy models, engine setup and Alembic migrations."""

from db.engine import Ledger, LedgerError, open_ledger

__all__ = ["Ledger", "LedgerError", "open_ledger"]
