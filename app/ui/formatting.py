"""Dates, times, numbers and money as people in Vietnam write them (and as English readers expect).

Vietnamese: ``05/01/2026``, ``14:30 05/01/2026``, ``1.234.567``, ``12,5``, ``12.500.000 đ``.
English keeps day-before-month (the documents are Vietnamese) but spells the month:
``5 Jan 2026``. Aware datetimes are shown in Asia/Ho_Chi_Minh whatever the PC's zone.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.i18n import current_language
from app.services.money import format_vnd

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def local(moment: datetime) -> datetime:
    """An aware datetime in Vietnam's time; a naive one is taken as already local."""
    return moment.astimezone(LOCAL_TZ) if moment.tzinfo is not None else moment


def format_date(day: date | datetime | None) -> str:
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = local(day).date()
    if current_language() == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_day_month(day: date | datetime) -> str:
    """The short form for lists within the year: ``05/01`` in Vietnamese, ``5 Jan`` in English."""
    if isinstance(day, datetime):
        day = local(day).date()
    if current_language() == "vi":
        return f"{day.day:02d}/{day.month:02d}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]}"


def format_time(moment: datetime) -> str:
    moment = local(moment)
    return f"{moment.hour:02d}:{moment.minute:02d}"


def format_datetime(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return f"{format_time(moment)} {format_date(moment)}"


def weekday_name(day: date) -> str:
    names = _WEEKDAYS_VI if current_language() == "vi" else _WEEKDAYS_EN
    return names[day.weekday()]


def format_number(value: int | float, decimals: int = 0) -> str:
    """Thousands grouped with ``.`` and decimals after ``,`` in Vietnamese; ``,`` and ``.`` in English."""
    text = f"{value:,.{decimals}f}"
    if current_language() == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_percent(ratio: float, decimals: int = 1) -> str:
    return f"{format_number(ratio * 100, decimals)}%"


def format_money(amount: int | None) -> str:
    """Whole đồng, the same in both languages: ``12.500.000 đ``."""
    return "" if amount is None else format_vnd(amount)


def format_size(size: int) -> str:
    units = ("B", "KB", "MB", "GB")
    value = float(size)
    for unit in units:
        if value < 1024 or unit == units[-1]:
            return f"{format_number(value, 0 if unit == 'B' else 1)} {unit}"
        value /= 1024
    raise AssertionError("unreachable")
