"""Excel round trip in the GUI: templates, import with a preview table, ledger export."""
