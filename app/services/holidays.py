"""Holiday-schedule overrides: published by the central role, received read-only by every office.

The government moves days off from year to year (an extra Tết day, a compensating day off, a
Saturday worked in exchange). A central desk records each change here; sync carries it to every
office as reference data, and the calendar's day logic (:class:`DayCalendar`) applies it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldProblem
from app.i18n import Message
from app.models import HolidayOverride, Synced
from app.models import enums as e
from app.services.context import ServiceContext
from app.services.entity import EntityService
from app.services.fields import DATE, ENUM, TEXT, Field
from app.services.labels import field_label
from app.services.vn_days import DayCalendar, DayOverride

# The role of this desk's sync account, kept at login: only the central role publishes.
ROLE_SETTING = "sync.role"
CENTRAL = "central"


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
        self._calendar: DayCalendar | None = None
        self._lock = threading.Lock()
        ctx.bus.subscribe(self._changed)

    def _changed(self, tables: frozenset[str]) -> None:
        if self.table in tables:
            with self._lock:
                self._calendar = None

    def day_calendar(self) -> DayCalendar:
        """Holidays with every published override applied (read once, again after a change)."""
        with self._lock:
            if self._calendar is not None:
                return self._calendar
        overrides: dict[Any, DayOverride] = {}
        with self.ctx.db.session() as session:
            query = select(HolidayOverride).where(HolidayOverride.deleted_at.is_(None))
            for row in session.scalars(query.order_by(HolidayOverride.updated_hlc)):
                overrides[row.day] = DayOverride(row.kind, Message(row.name, row.name_en or row.name))
        calendar = DayCalendar(overrides)
        with self._lock:
            self._calendar = calendar
        return calendar

    def check(self, session: Session, merged: dict[str, Any], current: Synced | None) -> list[FieldProblem]:
        if self.role() != CENTRAL:
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
        return []
