"""The escalation chain (催办 → 督办 → 约谈): the next step proposed, its documents, its timeline."""
