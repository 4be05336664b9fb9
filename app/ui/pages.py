"""The workspaces of the main window, in navigation order.

A workspace whose capability has not been built yet shows a plain notice saying so; each
capability replaces its entry's factory with its real page. Each entry also declares the
keyboard shortcuts its page defines, so that Help lists them before the page is first opened
(tests/test_main_window.py checks the declarations against the built pages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:  # the pages are built once the data layer is open; the registry stays light
    from app.ui.context import UiContext

PageFactory = Callable[["UiContext"], QWidget]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


@dataclass(frozen=True)
class ShortcutSpec:
    keys: str | QKeySequence.StandardKey  # portable text ("Ctrl+T") or a standard key
    text: str  # what it does: English source text, translated in the "Pages" context

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source text, translated in the "Pages" context
    factory: PageFactory
    shortcuts: tuple[ShortcutSpec, ...] = ()


class NotYetAvailablePage(QWidget):
    """Tells the user plainly that this workspace is not in this version."""

    def __init__(self, title: str, purpose: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{_tr(title)}</h2>")
        body = QLabel(
            _tr(purpose)
            + "<br><br>"
            + QCoreApplication.translate(
                "Pages", "This workspace is not available in this version of CommDesk yet."
            )
        )
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)


class LoadingPage(QWidget):
    """Stands in for every workspace while the data is being opened at start-up."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page_loading")
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel()
        self.status.setObjectName("loading_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #5f6b7a; font-size: 14px;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.show_opening()

    def set_title(self, title: str) -> None:
        self.heading.setText(f"<h2>{escape(title)}</h2>")

    def show_opening(self) -> None:
        self.status.setStyleSheet("color: #5f6b7a; font-size: 14px;")
        self.status.setText(self.tr("Opening the database…"))

    def show_problem(self, text: str) -> None:
        self.status.setStyleSheet("color: #b3261e; font-size: 14px;")
        self.status.setText(text)


def _list_shortcuts(
    new: bool = True, find: bool = True, edit: bool = True, delete: bool = True, refresh: bool = True
) -> tuple[ShortcutSpec, ...]:
    """The common list shortcuts (app/ui/shortcuts.py) that a page's tabs define."""
    from app.ui import shortcuts as s

    chosen = [
        (new, s.NEW_KEYS, s.NEW_TEXT),
        (find, s.FIND_KEYS, s.FIND_TEXT),
        (edit, s.EDIT_KEYS, s.EDIT_TEXT),
        (edit, s.OPEN_KEYS[0], s.OPEN_TEXT),
        (delete, s.DELETE_KEYS, s.DELETE_TEXT),
        (refresh, s.REFRESH_KEYS, s.REFRESH_TEXT),
    ]
    return tuple(ShortcutSpec(keys, text) for wanted, keys, text in chosen if wanted)


def _not_yet(title: str, purpose: object) -> PageFactory:
    return lambda _ctx: NotYetAvailablePage(title, str(purpose))


def _staff_page(ctx: UiContext) -> QWidget:
    from app.ui.staff.page import StaffPage

    return StaffPage(ctx)


def _calendar_page(ctx: UiContext) -> QWidget:
    from app.ui.calendar.page import CalendarPage

    return CalendarPage(ctx)


def _budget_page(ctx: UiContext) -> QWidget:
    from app.ui.budget.page import BudgetPage

    return BudgetPage(ctx)


def _media_page(ctx: UiContext) -> QWidget:
    from app.ui.media.page import MediaPage

    return MediaPage(ctx)


def _dashboard_page(ctx: UiContext) -> QWidget:
    from app.ui.dashboard.page import DashboardPage

    return DashboardPage(ctx)


def _reports_page(ctx: UiContext) -> QWidget:
    from app.ui.reports.page import ReportsPage

    return ReportsPage(ctx)


def _sync_page(ctx: UiContext) -> QWidget:
    from app.ui.sync.page import SyncPage

    return SyncPage(ctx)


def _settings_page(ctx: UiContext) -> QWidget:
    from app.ui.settings.page import SettingsPage

    return SettingsPage(ctx)


def _monitoring(ctx: UiContext) -> QWidget:
    from app.ui.monitoring import monitoring_page

    return monitoring_page(ctx)


PAGES: list[PageSpec] = [
    PageSpec("dashboard", str(QT_TRANSLATE_NOOP("Pages", "Dashboard")), _dashboard_page),
    PageSpec(
        "calendar",
        str(QT_TRANSLATE_NOOP("Pages", "Calendar")),
        _calendar_page,
        (
            ShortcutSpec("Ctrl+T", str(QT_TRANSLATE_NOOP("Pages", "Today"))),
            ShortcutSpec(QKeySequence.StandardKey.New, str(QT_TRANSLATE_NOOP("Pages", "New activity"))),
            ShortcutSpec(QKeySequence.StandardKey.Undo, str(QT_TRANSLATE_NOOP("Pages", "Undo"))),
            ShortcutSpec(QKeySequence.StandardKey.Redo, str(QT_TRANSLATE_NOOP("Pages", "Redo"))),
            ShortcutSpec("PgUp", str(QT_TRANSLATE_NOOP("Pages", "Previous period (in the agenda)"))),
            ShortcutSpec("PgDown", str(QT_TRANSLATE_NOOP("Pages", "Next period (in the agenda)"))),
        ),
    ),
    PageSpec("media", str(QT_TRANSLATE_NOOP("Pages", "Media")), _media_page, _list_shortcuts()),
    PageSpec("staff", str(QT_TRANSLATE_NOOP("Pages", "Staff")), _staff_page, _list_shortcuts()),
    PageSpec("budget", str(QT_TRANSLATE_NOOP("Pages", "Budget")), _budget_page, _list_shortcuts(find=False)),
    PageSpec(
        "monitoring",
        str(QT_TRANSLATE_NOOP("Pages", "Monitoring")),
        _monitoring,
        _list_shortcuts(delete=False),
    ),
    PageSpec(
        "reports",
        str(QT_TRANSLATE_NOOP("Pages", "Reports")),
        _reports_page,
        _list_shortcuts(new=False, find=False),
    ),
    PageSpec("sync", str(QT_TRANSLATE_NOOP("Pages", "Sync")), _sync_page),
    PageSpec("settings", str(QT_TRANSLATE_NOOP("Pages", "Settings")), _settings_page),
]
