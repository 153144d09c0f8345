"""What IT needs when something went wrong: the log from the first line, crash files, reference
numbers for unexpected errors, and one zip that holds all of it (never ledger content or
passwords). No Qt here: the GUI adds Qt's own facts (version, fonts) as plain text."""
