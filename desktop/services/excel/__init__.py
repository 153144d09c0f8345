"""Excel round trip with the units: report templates, validated import, ledger export and first-use import."""
