"""Benchmarks against the targets of DESIGN.md §5: run with `make bench`."""
