"""Holiday-schedule overrides: published by the central role, received read-only by every office.

The government moves days off from year to year (an extra Tết day, a compensating day off, a
Saturday worked in exchange). A central desk records each change here; sync carries it to every
office as reference data, and the calendar's day logic (:class:`DayCalendar`) applies it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FieldProblem, NotFound
from app.i18n import Message
from app.models import HolidayOverride, Synced
from app.models import enums as e
from app.services.context import ServiceContext
from app.services.entity import EntityService
from app.services.fields import DATE, ENUM, TEXT, Field, Invalid, clean_value
from app.services.labels import field_label
from app.services.rows import to_row
from app.services.vn_days import (
    DAY_OFF,
    DayCalendar,
    DayOverride,
    day_info,
    public_holidays,
    swapped_workdays,
)

# The role of this desk's sync account, kept at login: only the central role publishes.
ROLE_SETTING = "sync.role"
CENTRAL = "central"

# What a day of the schedule means to people (a stored override says only "off" or "worked";
# a worked day cancels a holiday or makes up for one depending on the day it falls on).
HOLIDAY = "holiday"
MAKE_UP_WORKDAY = "make_up_workday"
EXTRA_DAY_OFF = "extra_day_off"
HOLIDAY_CANCELLED = "holiday_cancelled"
SCHEDULE_KINDS = {
    HOLIDAY: Message("Ngày lễ, Tết", "Public holiday"),
    MAKE_UP_WORKDAY: Message("Ngày làm bù", "Make-up working day"),
    EXTRA_DAY_OFF: Message("Ngày nghỉ thêm", "Extra day off"),
    HOLIDAY_CANCELLED: Message("Hủy ngày nghỉ lễ (đi làm)", "Holiday cancelled (working day)"),
}
MAKE_UP_NAME = Message("Đi làm bù cho ngày nghỉ", "Worked in exchange for a day off")


@dataclass(frozen=True)
class ScheduleDay:
    """One day of a year's holiday schedule: built in, or changed by a published override."""

    day: date
    name: Message
    kind: str  # a key of SCHEDULE_KINDS
    override: Any | None = None  # the published row; None for a built-in day
    replaces: Message | None = None  # the built-in day the override changes, if any

    @property
    def kind_label(self) -> Message:
        return SCHEDULE_KINDS[self.kind]


def schedule_kind(override_kind: str, day: date) -> str:
    if override_kind == DAY_OFF:
        return EXTRA_DAY_OFF
    return HOLIDAY_CANCELLED if day_info(day).holiday is not None else MAKE_UP_WORKDAY


class HolidayOverrideService(EntityService):
    model = HolidayOverride
    fields = {
        "day": Field(DATE, required=True),
        "kind": Field(ENUM, enum=e.HolidayOverrideKind, required=True),
        "name": Field(TEXT, required=True),
        "name_en": Field(TEXT),
        "decision": Field(TEXT),
        "notes": Field(TEXT, max_len=4000),
    }
    default_order = "day"

    def __init__(self, ctx: ServiceContext, role: Callable[[], str]) -> None:
        super().__init__(ctx)
        self.role = role
        self._calendar: tuple[Any, DayCalendar] | None = None
        self._lock = threading.Lock()

    def day_calendar(self) -> DayCalendar:
        """Holidays with every published override applied; read again only when the table changed
        (also when another process, such as a scheduled ``commdesk sync``, changed it)."""
        table = HolidayOverride
        with self.ctx.db.session() as session:
            fingerprint = tuple(
                session.execute(
                    select(func.count(), func.max(table.updated_hlc), func.total(table.version))
                ).one()
            )
            with self._lock:
                if self._calendar is not None and self._calendar[0] == fingerprint:
                    return self._calendar[1]
            overrides: dict[Any, DayOverride] = {}
            query = select(table).where(table.deleted_at.is_(None)).order_by(table.updated_hlc)
            for row in session.scalars(query):
                overrides[row.day] = DayOverride(row.kind, Message(row.name, row.name_en or row.name))
        calendar = DayCalendar(overrides)
        with self._lock:
            self._calendar = (fingerprint, calendar)
        return calendar

    def can_publish(self) -> bool:
        """Whether this desk may add, change and withdraw overrides (its sync account is central)."""
        return self.role() == CENTRAL

    def in_year(self, year: int) -> list[Any]:
        """The overrides of ``year`` this desk knows of (its own and those received), by day."""
        table = HolidayOverride
        query = self.query().where(table.day >= date(year, 1, 1), table.day <= date(year, 12, 31))
        with self.ctx.db.session() as session:
            return [to_row(row) for row in session.scalars(self._ordered(query, "day", False))]

    def year_schedule(self, year: int) -> list[ScheduleDay]:
        """The built-in public holidays and make-up working days of ``year`` with the published
        overrides in place of the built-in days they change, by day."""
        built_in = {day: ScheduleDay(day, name, HOLIDAY) for day, name in public_holidays(year).items()}
        for day in swapped_workdays(year):
            built_in[day] = ScheduleDay(day, MAKE_UP_NAME, MAKE_UP_WORKDAY)
        changed: list[ScheduleDay] = []
        for row in self.in_year(year):
            base = built_in.pop(row.day, None)
            name = Message(row.name, row.name_en or row.name)
            replaces = base.name if base is not None else None
            changed.append(ScheduleDay(row.day, name, schedule_kind(row.kind, row.day), row, replaces))
        return sorted([*built_in.values(), *changed], key=lambda entry: entry.day)

    def withdraw(self, day: date | str) -> date:
        """Withdraw this office's override of ``day`` (a date, or as typed: dd/mm/yyyy or yyyy-mm-dd)."""
        try:
            cleaned = clean_value(self.fields["day"], day)
        except Invalid as exc:
            raise NotFound(Message(f"Ngày {day}: {exc.reason.vi}", f"Day {day}: {exc.reason.en}")) from None
        rows = self.list(filters={"day": cleaned, "office_id": self.ctx.office_id})
        if not rows:
            raise NotFound(
                Message(
                    f"Đơn vị này chưa công bố điều chỉnh nào cho ngày {cleaned:%d/%m/%Y}.",
                    f"This office has published no change for {cleaned:%d/%m/%Y}.",
                )
            )
        with self.ctx.db.session() as session, session.begin():
            for row in rows:
                self.delete_in(session, row.id)
        self.ctx.bus.publish({self.table})
        return cleaned

    def check(self, session: Session, merged: dict[str, Any], current: Synced | None) -> list[FieldProblem]:
        if not self.can_publish():
            return [
                FieldProblem(
                    "day",
                    field_label(self.table),
                    Message(
                        "chỉ cơ quan trung ương công bố; đơn vị chỉ được xem",
                        "published by the central role only; offices can only view it",
                    ),
                )
            ]
        day = merged.get("day")
        query = select(HolidayOverride.id).where(
            HolidayOverride.day == day,
            HolidayOverride.deleted_at.is_(None),
            HolidayOverride.office_id == self.ctx.office_id,
        )
        if current is not None:
            query = query.where(HolidayOverride.id != current.id)
        if day is not None and session.scalar(query.limit(1)) is not None:
            return [
                FieldProblem(
                    "day",
                    field_label("day"),
                    Message("đã có điều chỉnh cho ngày này", "already has a change for this day"),
                )
            ]
        kind = merged.get("kind")
        if not isinstance(current, HolidayOverride) or (day, kind) != (current.day, current.kind):
            return _changes_nothing(day, kind)  # a stored change is not refused for a rename
        return []


def _changes_nothing(day: date | None, kind: str | None) -> list[FieldProblem]:
    """An override that would leave the day as it is (a day off declared on a holiday or a weekend,
    a working day on a working day) is a mistake in the day or the kind."""
    if day is None or kind is None:
        return []
    info = day_info(day)
    if kind == DAY_OFF and info.holiday is not None:
        reason = Message(
            f"ngày {day:%d/%m/%Y} đã là ngày nghỉ lễ ({info.holiday.vi})",
            f"{day:%d/%m/%Y} is already a public holiday ({info.holiday.en})",
        )
    elif kind == DAY_OFF and info.is_day_off:
        reason = Message(
            f"ngày {day:%d/%m/%Y} là ngày cuối tuần, vốn đã được nghỉ",
            f"{day:%d/%m/%Y} is a weekend day, already a day off",
        )
    elif kind != DAY_OFF and not info.is_day_off:
        reason = Message(
            f"ngày {day:%d/%m/%Y} vốn đã là ngày làm việc", f"{day:%d/%m/%Y} is already a working day"
        )
    else:
        return []
    return [FieldProblem("kind", field_label("kind"), reason)]
