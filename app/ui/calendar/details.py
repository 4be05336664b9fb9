"""The details of the selected activity, its status workflow buttons and the live countdown."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.models import enums as e
from app.services.labels import enum_label
from app.services.schedule import ActivityDetails, Occurrence
from app.services.vn_days import PLAIN_DAYS, DayCalendar
from app.ui.calendar.common import status_label, type_colour, type_label, while_alive
from app.ui.calendar.editor import countdown_text
from app.ui.context import UiContext
from app.ui.formatting import format_date, format_datetime, format_money, format_time, weekday_name


class DetailsPanel(QWidget):
    edit_requested = Signal(object)  # Occurrence
    delete_requested = Signal(object)  # Occurrence
    status_requested = Signal(object, str)  # Occurrence, status code

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("detailsPanel")
        self.days: DayCalendar = PLAIN_DAYS  # holidays with the published overrides
        self.occurrence: Occurrence | None = None
        self.details: ActivityDetails | None = None
        self.allowed: list[str] = []
        self.text = QLabel()
        self.text.setObjectName("detailsText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.countdown = QLabel()
        self.countdown.setObjectName("detailsCountdown")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.workflow = QGridLayout()
        self.workflow_box = QWidget()
        self.workflow_box.setLayout(self.workflow)
        self.workflow.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        scroller = QScrollArea()
        scroller.setWidget(self.text)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.workflow_box)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(
            lambda: self.occurrence and self.edit_requested.emit(self.occurrence)
        )
        self.delete_button.clicked.connect(
            lambda: self.occurrence and self.delete_requested.emit(self.occurrence)
        )
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        self.show_day(None)

    @while_alive
    def show_day(self, day: object) -> None:
        """Nothing selected: the day's lunar date and holiday, or a hint."""
        self.occurrence, self.details = None, None
        self.edit_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self._set_workflow([])
        self.countdown.clear()
        from datetime import date

        swap = self.tr("A weekend day worked in exchange for a day off")
        hint = self.tr("Double-click a day or press Enter to add an activity.")
        choose = self.tr("Select an activity to see its details.")
        if isinstance(day, date):
            info = self.days.day_info(day)
            lines = [f"<h3>{weekday_name(day)}, {format_date(day)}</h3>"]
            lunar = f"{info.lunar_day}/{info.lunar_month}" + (
                self.tr(" (leap month)") if info.lunar_leap else ""
            )
            lines.append(self.tr("Lunar date: %1").replace("%1", lunar))
            if info.holiday is not None:
                lines.append(f"<p style='color:#c62828'><b>{html.escape(str(info.holiday))}</b></p>")
            elif info.swapped_workday:
                lines.append(f"<p style='color:#8d6e00'>{swap}</p>")
            lines.append(f"<p style='color:#666'>{hint}</p>")
            self.text.setText("".join(lines))
        else:
            self.text.setText(f"<p style='color:#666'>{choose}</p>")

    def show_occurrence(self, occurrence: Occurrence | None) -> None:
        if occurrence is None:
            self.show_day(None)
            return
        self.occurrence = occurrence
        calendar = self.ctx.services.calendar
        wanted = occurrence.key

        def load() -> tuple[ActivityDetails, list[str]]:
            details = calendar.details(occurrence.activity.id)
            return details, calendar.allowed_statuses(details.activity.status)

        def loaded(result: tuple[ActivityDetails, list[str]]) -> None:
            if self.occurrence is None or self.occurrence.key != wanted:
                return
            self.details, allowed = result
            self._render(occurrence, self.details, allowed)

        self.ctx.tasks.run_db(load, loaded, lambda _error: self.show_day(None))

    @while_alive
    def _render(self, occurrence: Occurrence, details: ActivityDetails, allowed: list[str]) -> None:
        row = details.activity
        colour = type_colour(row.type).name()
        if row.all_day:
            days = occurrence.local_days()
            when = format_date(days[0]) + (f" – {format_date(days[-1])}" if len(days) > 1 else "")
        else:
            end = occurrence.ends_at or occurrence.starts_at
            when = f"{format_time(occurrence.starts_at)}–{format_time(end)}, {weekday_name(occurrence.local_start().date())} {format_date(occurrence.starts_at)}"
        esc = html.escape
        lines = [
            f"<h3 style='margin-bottom:2px'>{esc(row.title)}</h3>",
            f"<span style='color:{colour}'>■</span> {esc(type_label(row.type))} · "
            f"{esc(str(enum_label(e.ActivityNature, row.nature)))} · <b>{esc(status_label(row.status))}</b>",
            f"<p>{esc(when)}</p>",
        ]
        series = self.tr("Part of a repeating series")
        invited = self.tr("Invited")
        if occurrence.is_recurring:
            lines.append(f"<p>↻ {series}</p>")
        facts = []
        if row.location:
            facts.append((self.tr("Location"), row.location))
        facts.append((self.tr("Mode"), str(enum_label(e.ActivityMode, row.mode))))
        if details.chair_name:
            facts.append((self.tr("Chair"), details.chair_name))
        if details.spokesperson_name:
            facts.append((self.tr("Spokesperson"), details.spokesperson_name))
        if details.topic_names:
            facts.append((self.tr("Topics"), ", ".join(details.topic_names)))
        if row.planned_cost or row.actual_cost:
            facts.append(
                (self.tr("Cost"), f"{format_money(row.planned_cost)} / {format_money(row.actual_cost)}")
            )
        if row.case_received_at:
            facts.append((self.tr("Case received"), format_datetime(row.case_received_at)))
            facts.append((self.tr("Deadline"), format_datetime(row.statement_deadline)))
        if row.statement_made_at:
            facts.append((self.tr("Statement made"), format_datetime(row.statement_made_at)))
        lines.append("<table cellspacing='2'>")
        for label, value in facts:
            lines.append(f"<tr><td style='color:#666'>{esc(label)}</td><td>{esc(value)}</td></tr>")
        lines.append("</table>")
        if details.invitees:
            lines.append(f"<p><b>{invited}</b> ({len(details.invitees)})</p><ul style='margin:0'>")
            for invitee in details.invitees[:12]:
                attendance = str(enum_label(e.Attendance, invitee.attendance))
                lines.append(f"<li>{esc(invitee.name)} — {esc(attendance)}</li>")
            lines.append("</ul>")
        if row.description:
            lines.append(f"<p style='white-space:pre-wrap'>{esc(row.description[:1500])}</p>")
        self.text.setText("".join(lines))
        self.edit_button.setEnabled(True)
        self.delete_button.setEnabled(True)
        self._set_workflow(allowed)
        self._tick()

    def _set_workflow(self, allowed: list[str]) -> None:
        while self.workflow.count():
            item = self.workflow.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.allowed = allowed
        verbs = {
            "approved": self.tr("Approve"),
            "preparing": self.tr("Start preparing"),
            "done": self.tr("Mark done"),
            "postponed": self.tr("Postpone"),
            "cancelled": self.tr("Cancel activity"),
            "planned": self.tr("Plan again"),
        }
        for position, code in enumerate(allowed):
            button = QPushButton(verbs.get(code, code))
            button.setObjectName(f"status_{code}")
            button.clicked.connect(lambda _c=False, s=code: self._emit_status(s))
            self.workflow.addWidget(button, position // 3, position % 3)

    def _emit(self, signal: Any) -> None:
        if self.occurrence is not None:
            signal.emit(self.occurrence)

    def _emit_status(self, code: str) -> None:
        if self.occurrence is not None:
            self.status_requested.emit(self.occurrence, code)

    def workflow_button(self, code: str) -> QPushButton | None:
        return self.workflow_box.findChild(QPushButton, f"status_{code}")

    def _tick(self) -> None:
        row = self.details.activity if self.details is not None else None
        if row is None or row.statement_deadline is None or row.statement_made_at is not None:
            self.countdown.clear()
            return
        left = row.statement_deadline - datetime.now(UTC)
        text = (
            self.tr("Statement due in %1")
            if left.total_seconds() >= 0
            else self.tr("Statement overdue by %1")
        )
        self.countdown.setText(text.replace("%1", countdown_text(abs(left))))
        self.countdown.setStyleSheet("color: #c62828; font-weight: bold;")
