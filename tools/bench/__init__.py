"""Benchmarks: scripts that measure the figures the issues name (not timed tests)."""
