"""全文检索: one search over the whole record (tasks to documents), and the lamps' forecast."""
