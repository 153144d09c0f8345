"""Benchmarks: scripts that print figures next to their anchors measured in the same run.

Run from the repository root as `python -m bench.NAME`. Nothing here is a test; speed is never
asserted."""
