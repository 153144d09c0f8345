"""The error a ledger that cannot be opened raises (light: no SQLAlchemy behind it)."""


class LedgerError(Exception):
    """A ledger that cannot be opened; the message is Chinese and meant for the clerk."""
