"""全文检索 in the window: the search dialog (Ctrl+Shift+F) and opening what it finds."""
