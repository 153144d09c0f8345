"""The demo ledger of 江城市: its data, its build, and its escalation story."""
