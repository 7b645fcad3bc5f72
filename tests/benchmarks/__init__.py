"""Benchmarks run by hand (``python -m tests.benchmarks.<name>``); pytest does not collect this folder."""
