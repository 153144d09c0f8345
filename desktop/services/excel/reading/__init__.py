"""Reading spreadsheets that come from outside: safety checks first, then cell parsing."""
