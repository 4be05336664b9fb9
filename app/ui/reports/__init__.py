"""The Reports workspace."""
