"""The sections of the Settings page, in order.

Each workspace with settings of its own adds **one line** here: a key, an English title
(wrapped in ``QT_TRANSLATE_NOOP("Settings", ...)`` so it is translated) and a factory, usually
``lazy("app.ui.<area>.<module>:<WidgetClass>")`` so nothing is imported before the page opens.
The widget receives the ``UiContext``; :class:`app.ui.settings.form.PreferencesForm` does the
loading, checking and saving of typed preferences for the common case.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.ui.context import UiContext

SectionFactory = Callable[[UiContext], QWidget]


@dataclass(frozen=True)
class SettingsSection:
    key: str
    title: str  # English source text, translated in the "Settings" context
    factory: SectionFactory


def lazy(target: str) -> SectionFactory:
    """``"package.module:Class"`` -> a factory importing it on first use."""
    module_name, _, attribute = target.partition(":")

    def factory(ctx: UiContext) -> QWidget:
        widget_class = getattr(importlib.import_module(module_name), attribute)
        widget = widget_class(ctx)
        assert isinstance(widget, QWidget)
        return widget

    return factory


SETTINGS_SECTIONS: list[SettingsSection] = [
    SettingsSection(
        "office", str(QT_TRANSLATE_NOOP("Settings", "Office")), lazy("app.ui.settings.sections:OfficeSection")
    ),
    SettingsSection(
        "reports",
        str(QT_TRANSLATE_NOOP("Settings", "Report defaults")),
        lazy("app.ui.settings.sections:ReportDefaultsSection"),
    ),
    SettingsSection(
        "language",
        str(QT_TRANSLATE_NOOP("Settings", "Language")),
        lazy("app.ui.settings.sections:LanguageSection"),
    ),
    SettingsSection(
        "reminders",
        str(QT_TRANSLATE_NOOP("Settings", "Reminders")),
        lazy("app.ui.settings.sections:RemindersSection"),
    ),
    SettingsSection(
        "calendar",
        str(QT_TRANSLATE_NOOP("Settings", "Calendar and deadlines")),
        lazy("app.ui.calendar.settings_section:CalendarSection"),
    ),
    SettingsSection(
        "budget", str(QT_TRANSLATE_NOOP("Settings", "Budget")), lazy("app.ui.settings.sections:BudgetSection")
    ),
    SettingsSection(
        "mail", str(QT_TRANSLATE_NOOP("Settings", "E-mail")), lazy("app.ui.media.mail_settings:MailSection")
    ),
    SettingsSection(
        "backup",
        str(QT_TRANSLATE_NOOP("Settings", "Backups")),
        lazy("app.ui.settings.backup_section:BackupSection"),
    ),
    SettingsSection(
        "sync", str(QT_TRANSLATE_NOOP("Settings", "Sync")), lazy("app.ui.sync.connection:ConnectionSection")
    ),
]
