"""Reporting periods in local time (Asia/Ho_Chi_Minh).

A quarter is either the calendar quarter or, under Decree 09/2019/NĐ-CP, the cut-off that runs
from the 15th of the month before the quarter to the 14th of its last month. The annual
spokesperson report (Decree 244/2026/NĐ-CP Art. 10) runs from 15 December to 14 December.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.models.enums import PeriodRule

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    """Whole local days ``first`` to ``last`` inclusive."""

    kind: str  # "quarter" or "year"
    year: int
    number: int  # quarter 1-4; 0 for a year
    first: date
    last: date

    @property
    def start_utc(self) -> datetime:
        return local_midnight_utc(self.first)

    @property
    def end_utc(self) -> datetime:
        """Exclusive end: local midnight after the last day."""
        return local_midnight_utc(self.last + timedelta(days=1))

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every calendar month the period touches, in order."""
        result = []
        year, month = self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "year": self.year,
            "number": self.number,
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Period:
        return cls(
            kind=str(data["kind"]),
            year=int(str(data["year"])),
            number=int(str(data["number"])),
            first=date.fromisoformat(str(data["first"])),
            last=date.fromisoformat(str(data["last"])),
        )


def local_midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time(0), LOCAL_TZ).astimezone(UTC)


def local_date(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()


def quarter_period(year: int, quarter: int, rule: str = PeriodRule.CALENDAR_QUARTER.value) -> Period:
    if quarter not in ROMAN:
        raise ValueError(f"quarter must be 1-4, not {quarter}")
    first_month = 3 * quarter - 2
    if rule == PeriodRule.CUTOFF_15TH.value:
        start_year, start_month = (year - 1, 12) if first_month == 1 else (year, first_month - 1)
        return Period(
            "quarter", year, quarter, date(start_year, start_month, 15), date(year, first_month + 2, 14)
        )
    first = date(year, first_month, 1)
    next_first = date(year + 1, 1, 1) if quarter == 4 else date(year, first_month + 3, 1)
    return Period("quarter", year, quarter, first, next_first - timedelta(days=1))


def next_quarter(period: Period, rule: str) -> Period:
    if period.number == 4:
        return quarter_period(period.year + 1, 1, rule)
    return quarter_period(period.year, period.number + 1, rule)


def spokesperson_year(year: int) -> Period:
    """15 December of the previous year to 14 December of ``year``."""
    return Period("year", year, 0, date(year - 1, 12, 15), date(year, 12, 14))


def quarter_of(day: date, rule: str = PeriodRule.CALENDAR_QUARTER.value) -> Period:
    """The reporting quarter that contains ``day``."""
    if rule == PeriodRule.CUTOFF_15TH.value:
        # From the 15th on, a day belongs to the next month's reporting month.
        year, month = day.year, day.month
        if day.day >= 15:
            year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
        return quarter_period(year, (month - 1) // 3 + 1, rule)
    return quarter_period(day.year, (day.month - 1) // 3 + 1, rule)


def period_title(period: Period) -> str:
    """'quý I năm 2026' or 'năm 2026' — as the subject line of the report says it."""
    if period.kind == "quarter":
        return f"quý {ROMAN[period.number]} năm {period.year}"
    return f"năm {period.year}"
