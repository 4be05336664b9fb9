"""Settings → Calendar: who approves on this computer, the legal rules the deadlines follow, and
the holiday schedule the calendar and its warnings use."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from app.ui.calendar.holiday_schedule import HolidaySchedulePanel
from app.ui.context import UiContext
from app.ui.settings.form import PreferencesForm


class CalendarSection(PreferencesForm):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_intro(
            self.tr(
                "Approving an activity is a manager's action. The legal deadlines and their basis change with the law; "
                "the defaults follow Decree 09/2017, Decree 244/2026 and the Press Law 2016."
            )
        )
        self.add_choice(
            "user.role", [("staff", self.tr("Staff")), ("manager", self.tr("Manager (can approve)"))]
        )
        self.add_number("compliance.press_conferences_per_quarter")
        self.add_text("compliance.press_conference_basis")
        self.add_number("compliance.information_per_month")
        self.add_text("compliance.information_basis")
        self.add_number("compliance.emergency_statement_hours", suffix=self.tr(" h"))
        self.add_text("compliance.emergency_basis")
        self.add_number("compliance.press_question_days", suffix=self.tr(" days"))
        self.add_text("compliance.press_question_basis")
        self.add_number("compliance.due_soon_days", suffix=self.tr(" days"))
        self.holidays = HolidaySchedulePanel(ctx)
        box = QGroupBox(self.tr("Holiday schedule"))
        QVBoxLayout(box).addWidget(self.holidays)
        self.column.addSpacing(12)
        self.column.addWidget(box)
        self.load()
