"""Small data sets for the calendar tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.services import Services
from app.services.recurrence import LOCAL_TZ


def local(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ)


def activity(services: Services, title: str, start: datetime, hours: float = 2, **values: Any) -> Any:
    from datetime import timedelta

    base = {
        "type": "press_conference_regular",
        "title": title,
        "starts_at": start,
        "ends_at": start + timedelta(hours=hours),
    }
    base.update(values)
    return services.calendar.create(base)


def person(services: Services, name: str) -> Any:
    return services.staff.create({"full_name": name, "roles": "spokesperson"})
