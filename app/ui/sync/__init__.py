"""Sync in the window: background rounds, the status-bar indicator, the Sync page and its inbox."""
