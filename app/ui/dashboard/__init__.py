"""The Dashboard: what needs attention today."""
