"""公文: the document register and its drafts, drafts from the ledger, issuing (numbers, freezing), the characters' font check, the layout model's codec, rendering with the office's settings."""
