"""What the calendar views share: colours by activity type, labels, and time helpers."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import shiboken6
from PySide6.QtGui import QColor

from app.models import enums as e
from app.services.labels import enum_label
from app.services.recurrence import LOCAL_TZ
from app.services.schedule import Occurrence

TYPE_COLOURS: dict[str, str] = {
    "press_conference_regular": "#1f4e8c",
    "press_conference_thematic": "#3a6fc4",
    "press_conference_adhoc": "#5b8def",
    "press_release": "#2e7d32",
    "interview": "#8e24aa",
    "dialogue": "#00838f",
    "talk_show": "#00897b",
    "portal_post": "#6d8b2f",
    "social_post": "#7cb342",
    "press_briefing": "#ef6c00",
    "written_reply": "#6d4c41",
    "correction_request": "#ad1457",
    "emergency_statement": "#c62828",
    "policy_consultation": "#5e35b1",
    "training": "#f9a825",
    "other": "#607d8b",
}
HOLIDAY_BACKGROUND = QColor("#fdecea")
WEEKEND_BACKGROUND = QColor("#f6f7f9")
SWAPPED_BACKGROUND = QColor("#fff8e1")
TODAY_COLOUR = QColor("#1f4e8c")
MUTED = QColor("#8a8f98")
HOLIDAY_TEXT = QColor("#c62828")


def type_colour(code: str) -> QColor:
    return QColor(TYPE_COLOURS.get(code, TYPE_COLOURS["other"]))


def type_label(code: str) -> str:
    return str(enum_label(e.ActivityType, code))


def status_label(code: str) -> str:
    return str(enum_label(e.ActivityStatus, code))


def is_inactive(occurrence: Occurrence) -> bool:
    return occurrence.activity.status in (e.ActivityStatus.CANCELLED, e.ActivityStatus.POSTPONED)


def local_today() -> date:
    return datetime.now(LOCAL_TZ).date()


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def at_local(day: date, hour: int = 0, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), LOCAL_TZ)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + (month == 12), 1 if month == 12 else month + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def month_grid_start(year: int, month: int) -> date:
    """The Monday on or before the first of the month (Vietnamese weeks start on Monday)."""
    return monday_of(date(year, month, 1))


def while_alive(method: Callable[..., Any]) -> Callable[..., Any]:
    """For callbacks of background work: do nothing if the widget was closed and deleted meanwhile."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any) -> Any:
        if not shiboken6.isValid(self):
            return None
        return method(self, *args)

    return wrapper
