"""Occurrences of recurring activities (RFC 5545 RRULE with exceptions) inside a period.

A series is stored once; an edited occurrence is its own row pointing at the series with the
start it replaces, and is counted as an ordinary activity. The series itself counts once per
remaining occurrence, with the series' type, status and topics.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from dateutil.rrule import rrulestr
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Activity
from app.reports.periods import LOCAL_TZ

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


def _exdates(text: str) -> set[datetime]:
    found = set()
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            moment = datetime.fromisoformat(line)
        except ValueError:
            continue
        found.add((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC))
    return found


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
        ).where(Activity.deleted_at.is_(None), Activity.rrule != "", Activity.starts_at < end)
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
        dtstart = row.starts_at.astimezone(LOCAL_TZ)  # weekdays and month days are local
        try:
            rule = rrulestr(row.rrule, dtstart=dtstart, forceset=True)
        except (ValueError, TypeError) as exc:
            log.warning("activity %s has an unreadable recurrence rule %r: %s", row.id, row.rrule, exc)
            continue
        excluded = _exdates(row.exdates)
        moments = rule.between(start.astimezone(LOCAL_TZ), end.astimezone(LOCAL_TZ), inc=True)
        for moment in moments[:MAX_OCCURRENCES]:
            utc = moment.astimezone(UTC)
            if utc >= end or utc in excluded or (row.id, utc) in replaced:
                continue
            found.append(Occurrence(row.id, utc, row.type, row.status, row.title, row.location))
    return found
