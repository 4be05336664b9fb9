"""Occurrences of recurring activities (RFC 5545 RRULE with exceptions) inside a period.

A series is stored once; an edited occurrence is its own row pointing at the series with the
start it replaces, and is counted as an ordinary activity. The series itself counts once per
remaining occurrence, with the series' type, status and topics.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Activity
from app.services.recurrence import RecurrenceError, occurrence_starts

log = logging.getLogger(__name__)
MAX_OCCURRENCES = 5000  # per series and period: a guard against a rule gone wild


@dataclass(frozen=True)
class Occurrence:
    series_id: str
    starts_at: datetime  # aware, UTC
    type: str
    status: str
    title: str
    location: str


def series_occurrences(session: Session, start: datetime, end: datetime) -> list[Occurrence]:
    """Occurrences in [start, end) of every live series, minus exceptions and edited ones."""
    series = session.execute(
        select(
            Activity.id,
            Activity.starts_at,
            Activity.rrule,
            Activity.exdates,
            Activity.type,
            Activity.status,
            Activity.title,
            Activity.location,
        ).where(
            Activity.deleted_at.is_(None),
            Activity.rrule != "",
            Activity.series_id.is_(None),
            Activity.starts_at < end,
        )
    ).all()
    if not series:
        return []
    replaced = {
        (series_id, moment.astimezone(UTC))  # type: ignore[union-attr]
        for series_id, moment in session.execute(
            select(Activity.series_id, Activity.recurrence_start).where(
                Activity.series_id.is_not(None), Activity.recurrence_start.is_not(None)
            )
        )
    }
    found: list[Occurrence] = []
    for row in series:
        try:
            starts = occurrence_starts(row.starts_at, None, row.rrule, row.exdates, start, end)
        except RecurrenceError as exc:
            log.warning("activity %s has an unreadable recurrence rule %r: %s", row.id, row.rrule, exc)
            continue
        for moment in starts[:MAX_OCCURRENCES]:
            if moment < start or (row.id, moment) in replaced:
                continue
            found.append(Occurrence(row.id, moment, row.type, row.status, row.title, row.location))
    return found
