"""审计: the audit log page."""
