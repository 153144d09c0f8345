"""考核: the yearly scheme, its rules and formulas, facts from the ledger, results, and the 考核结果通报."""
