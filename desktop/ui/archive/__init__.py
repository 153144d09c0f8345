"""Archives and backups in the GUI: export to a stick, verify, browse, back up, restore."""
