"""Offline-first synchronisation with the central server (DESIGN.md §3)."""
