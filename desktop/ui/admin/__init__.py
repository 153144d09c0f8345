"""The admin's desk: user accounts, one's own password, and the About dialog."""
