"""The Settings page: a list of sections, each a widget; workspaces add theirs to the registry."""

from app.ui.settings.registry import SETTINGS_SECTIONS, SettingsSection, lazy

__all__ = ["SETTINGS_SECTIONS", "SettingsSection", "lazy"]
