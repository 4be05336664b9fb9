"""Holiday-schedule overrides: published by the central role, received read-only by every office.

The government moves days off from year to year (an extra Tết day, a compensating day off, a
Saturday worked in exchange). A central desk records each change here; sync carries it to every
office as reference data, and the calendar's day logic (:class:`DayCalendar`) applies it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
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
