"""Vietnamese public holidays, official day swaps and lunar dates for calendar views.

Holidays and swapped working days come from the ``holidays`` package (it computes Tết and the
Hùng Kings' commemoration from the lunar calendar); lunar dates come from ``lunardate``. Changes the
government announces for a given year (an extra day off, a Saturday worked in exchange) are
published centrally as holiday overrides and applied on top by :class:`DayCalendar`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from app.i18n import Message


@dataclass(frozen=True)
class DayInfo:
    day: date
    lunar_day: int
    lunar_month: int
    lunar_leap: bool
    holiday: Message | None  # the public holiday's name, in both languages
    swapped_workday: bool  # a Saturday or Sunday worked in exchange for a day off

    @property
    def is_weekend(self) -> bool:
        return self.day.weekday() >= 5

    @property
    def is_day_off(self) -> bool:
        return self.holiday is not None or (self.is_weekend and not self.swapped_workday)

    def lunar_label(self) -> str:
        """``1/1`` on the first of a lunar month, otherwise the day; leap months marked ``N+``."""
        if self.lunar_day == 1:
            return f"{self.lunar_day}/{self.lunar_month}{'+' if self.lunar_leap else ''}"
        return str(self.lunar_day)


@lru_cache(maxsize=64)
def _holidays(year: int, language: str) -> dict[date, str]:
    import holidays  # loaded on first use: importing it costs a noticeable part of start-up

    return dict(holidays.country_holidays("VN", years=year, language=language).items())


@lru_cache(maxsize=64)
def _swapped_workdays(year: int) -> frozenset[date]:
    import holidays

    calendar = holidays.country_holidays("VN", years=year)
    return frozenset(d for d in getattr(calendar, "weekend_workdays", set()) if d.year == year)


def holiday_name(day: date) -> Message | None:
    vi = _holidays(day.year, "vi").get(day)
    if vi is None:
        return None
    return Message(vi, _holidays(day.year, "en_US").get(day, vi))


def public_holidays(year: int) -> dict[date, Message]:
    """The built-in public holidays of ``year`` (before any published override), by day."""
    return {day: holiday for day in sorted(_holidays(year, "vi")) if (holiday := holiday_name(day))}


def swapped_workdays(year: int) -> frozenset[date]:
    """The built-in weekend days of ``year`` worked in exchange for a day off."""
    return _swapped_workdays(year)


@lru_cache(maxsize=4096)
def day_info(day: date) -> DayInfo:
    from lunardate import LunarDate

    lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
    return DayInfo(
        day=day,
        lunar_day=lunar.day,
        lunar_month=lunar.month,
        lunar_leap=bool(lunar.is_leap_month),
        holiday=holiday_name(day),
        swapped_workday=day in _swapped_workdays(day.year),
    )


def is_day_off(day: date) -> bool:
    return day_info(day).is_day_off


DAY_OFF = "day_off"
WORKDAY = "workday"


@dataclass(frozen=True)
class DayOverride:
    kind: str  # DAY_OFF or WORKDAY
    name: Message


class DayCalendar:
    """The public holidays with the published overrides applied: a declared day off is a
    holiday, a declared working day is worked even on a holiday or a weekend."""

    def __init__(self, overrides: Mapping[date, DayOverride] | None = None) -> None:
        self.overrides = dict(overrides or {})

    def day_info(self, day: date) -> DayInfo:
        info = day_info(day)
        override = self.overrides.get(day)
        if override is None:
            return info
        if override.kind == DAY_OFF:
            return replace(info, holiday=override.name, swapped_workday=False)
        return replace(info, holiday=None, swapped_workday=info.is_weekend)

    def is_day_off(self, day: date) -> bool:
        return self.day_info(day).is_day_off


PLAIN_DAYS = DayCalendar()
