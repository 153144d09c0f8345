"""公文: the document register, drafts from the ledger, the layout model's codec, rendering with the office's settings."""
