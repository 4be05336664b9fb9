"""Date fields that may be left empty: a date picker whose lowest value means "no date"."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

EMPTY_DATE = QDate(1900, 1, 1)
VIETNAM = QTimeZone(b"Asia/Ho_Chi_Minh")


class OptionalDateEdit(QDateEdit):
    """Shows "—" when empty; ``value()`` is a ``date`` or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText("—")
        self.setDate(EMPTY_DATE)

    def value(self) -> date | None:
        current = self.date()
        return None if current == EMPTY_DATE else date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else EMPTY_DATE)

    def clear_value(self) -> None:
        self.setDate(EMPTY_DATE)


class OptionalDateTimeEdit(QDateTimeEdit):
    """A moment in Vietnam time, or "—"; ``value()`` is an aware ``datetime`` or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setTimeZone(VIETNAM)
        self.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.setMinimumDateTime(QDateTime(EMPTY_DATE, QTime(0, 0), VIETNAM))
        self.setSpecialValueText("—")
        self.setDateTime(self.minimumDateTime())

    def value(self) -> datetime | None:
        current = self.dateTime()
        if current == self.minimumDateTime():
            return None
        return datetime.fromtimestamp(current.toSecsSinceEpoch(), UTC)

    def set_value(self, value: datetime | None) -> None:
        if value is None:
            self.setDateTime(self.minimumDateTime())
            return
        self.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp()), VIETNAM))
