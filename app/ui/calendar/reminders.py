"""Reminders while CommDesk runs: a tray notification before each activity, and a summary of
today's activities and everything overdue when the app starts."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle, QSystemTrayIcon, QWidget

from app.services.compliance import OverdueItem
from app.services.schedule import Occurrence
from app.ui.calendar.common import at_local, local_today, while_alive
from app.ui.context import UiContext
from app.ui.formatting import format_date, format_time

CHECK_EVERY_MS = 60_000
LOOK_AHEAD = timedelta(days=2)


@dataclass
class DueReminder:
    occurrence: Occurrence
    remind_at: datetime


@dataclass
class StartupSummary:
    today: list[Occurrence] = field(default_factory=list)
    not_closed: list[Occurrence] = field(default_factory=list)
    overdue: list[OverdueItem] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.today or self.not_closed or self.overdue)


def due_reminders(services: Any, now: datetime, default_minutes: int) -> list[DueReminder]:
    """Occurrences whose reminder time has come and which have not started yet."""
    found = []
    for occurrence in services.calendar.occurrences(now, now + LOOK_AHEAD):
        if occurrence.activity.status in ("cancelled", "postponed", "done") or occurrence.starts_at <= now:
            continue
        minutes = occurrence.activity.reminder_minutes
        minutes = default_minutes if minutes is None else minutes
        remind_at = occurrence.starts_at - timedelta(minutes=minutes)
        if remind_at <= now:
            found.append(DueReminder(occurrence, remind_at))
    return found


def startup_summary(services: Any, now: datetime | None = None) -> StartupSummary:
    now = now or datetime.now(UTC)
    today = now.astimezone(at_local(local_today()).tzinfo).date()
    occurrences = services.calendar.occurrences(at_local(today), at_local(today + timedelta(days=1)))
    return StartupSummary(
        today=[o for o in occurrences if o.activity.status not in ("cancelled", "postponed")],
        not_closed=services.compliance.not_closed(now),
        overdue=services.compliance.overdue(now),
    )


class Reminders(QObject):
    """Checks every minute on the database worker; notifies each occurrence once."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notified: set[str] = set()
        self.shown: list[tuple[str, str]] = []  # (title, message) of every notification
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            style = QApplication.style()
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation) if style else QIcon()
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("CommDesk")
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def check(self) -> None:
        services = self.ctx.services

        def find() -> list[DueReminder]:
            minutes = int(services.preferences.get("reminders.minutes_before"))
            return due_reminders(services, datetime.now(UTC), minutes)

        self.ctx.tasks.run_db(find, self._notify, lambda _error: None)

    @while_alive
    def _notify(self, due: list[DueReminder]) -> None:
        for reminder in due:
            occurrence = reminder.occurrence
            if occurrence.key in self.notified:
                continue
            self.notified.add(occurrence.key)
            activity = occurrence.activity
            title = self.tr("Coming up at %1").replace("%1", format_time(occurrence.starts_at))
            message = activity.title + (f" — {activity.location}" if activity.location else "")
            self.shown.append((title, message))
            if self.tray is not None:
                self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 15_000)


def summary_html(summary: StartupSummary) -> str:
    today = QCoreApplication.translate("Reminders", "Today")
    still_open = QCoreApplication.translate("Reminders", "Past activities still open")
    overdue = QCoreApplication.translate("Reminders", "Overdue")
    parts = []
    if summary.today:
        parts.append(f"<p><b>{today}</b></p><ul>")
        for occurrence in summary.today:
            when = (
                QCoreApplication.translate("Reminders", "all day")
                if occurrence.activity.all_day
                else format_time(occurrence.starts_at)
            )
            parts.append(f"<li>{when} — {html.escape(occurrence.activity.title)}</li>")
        parts.append("</ul>")
    if summary.not_closed:
        parts.append(f"<p><b>{still_open}</b></p><ul>")
        for occurrence in summary.not_closed[:15]:
            parts.append(
                f"<li>{format_date(occurrence.starts_at)} — {html.escape(occurrence.activity.title)}</li>"
            )
        parts.append("</ul>")
    if summary.overdue:
        parts.append(f"<p><b>{overdue}</b></p><ul>")
        for item in summary.overdue[:15]:
            parts.append(f"<li>{format_date(item.due)} — {html.escape(str(item.title))}</li>")
        parts.append("</ul>")
    return "".join(parts)


def show_startup_summary(ctx: UiContext, parent: QWidget) -> None:
    """Today's activities and everything overdue, once, when the main window opens."""
    services = ctx.services

    def shown(summary: StartupSummary) -> None:
        if summary.is_empty():
            return
        box = QMessageBox(parent)
        box.setObjectName("startupSummary")
        box.setWindowTitle(QCoreApplication.translate("Reminders", "Today and overdue"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(summary_html(summary))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    ctx.tasks.run_db(lambda: startup_summary(services), shown, lambda _error: None)


def start_reminders(ctx: UiContext, window: QWidget) -> Reminders:
    reminders = Reminders(ctx, window)
    reminders.start()
    show_startup_summary(ctx, window)
    ctx.extras["reminders"] = reminders
    return reminders
