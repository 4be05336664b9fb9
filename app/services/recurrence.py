"""RFC 5545 recurrence for activities, expanded with python-dateutil for a visible range only.

An activity's ``rrule`` column holds the rule as iCalendar text. Most series are expanded in
Vietnam time and store only the RRULE value (``FREQ=WEEKLY;BYDAY=MO``). A series imported from
another time zone keeps that zone, so its wall-clock time survives daylight-saving changes:
``DTSTART;TZID=America/New_York:20260301T090000`` on the first line, ``RRULE:...`` on the next.
``exdates`` lists excluded occurrence starts, ISO 8601 in UTC, one per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr

LOCAL_TZ_NAME = "Asia/Ho_Chi_Minh"
LOCAL_TZ = ZoneInfo(LOCAL_TZ_NAME)
# Longest stretch a single activity may cover; it bounds the range query of a calendar view.
MAX_ACTIVITY_SPAN = timedelta(days=366)

_UNTIL = re.compile(r"UNTIL=(\d{8})(T\d{6})?(Z)?", re.IGNORECASE)
_COUNT = re.compile(r";?COUNT=\d+", re.IGNORECASE)
_TZID = re.compile(r"^DTSTART;TZID=([^:;]+)", re.IGNORECASE | re.MULTILINE)
_RRULE_LINE = re.compile(r"^RRULE:(.+)$", re.IGNORECASE | re.MULTILINE)


class RecurrenceError(ValueError):
    """The rule text is not a recurrence rule this program can expand."""


@dataclass(frozen=True)
class Rule:
    """A parsed ``rrule`` column: the RRULE value and the zone its wall-clock times live in."""

    value: str  # e.g. "FREQ=MONTHLY;BYDAY=-1TH;BYMONTH=3,6,9,12"
    tzid: str = LOCAL_TZ_NAME

    @property
    def zone(self) -> ZoneInfo:
        return zone(self.tzid)

    def count(self) -> int | None:
        match = re.search(r"COUNT=(\d+)", self.value, re.IGNORECASE)
        return int(match.group(1)) if match else None

    def until(self) -> datetime | None:
        match = _UNTIL.search(self.value)
        if not match:
            return None
        return datetime.strptime(match.group(1) + (match.group(2) or "T000000"), "%Y%m%dT%H%M%S").replace(
            tzinfo=UTC
        )

    def with_until(self, until_utc: datetime) -> Rule:
        """The same rule ending at ``until_utc`` (COUNT and any earlier UNTIL removed)."""
        value = _COUNT.sub("", _UNTIL.sub("", self.value))
        value = ";".join(part for part in value.split(";") if part)
        stamp = until_utc.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return Rule(f"{value};UNTIL={stamp}", self.tzid)

    def with_count(self, count: int) -> Rule:
        value = _COUNT.sub("", _UNTIL.sub("", self.value))
        value = ";".join(part for part in value.split(";") if part)
        return Rule(f"{value};COUNT={count}", self.tzid)

    def text(self, start: datetime) -> str:
        """The column text for a series starting at ``start``."""
        if self.tzid == LOCAL_TZ_NAME:
            return self.value
        local = start.astimezone(self.zone).strftime("%Y%m%dT%H%M%S")
        return f"DTSTART;TZID={self.tzid}:{local}\nRRULE:{self.value}"


def zone(tzid: str) -> ZoneInfo:
    try:
        return ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise RecurrenceError(f"unknown time zone {tzid!r}") from exc


def parse_rule(text: str) -> Rule | None:
    """The rule of an ``rrule`` column, or None when the activity does not repeat."""
    text = (text or "").strip()
    if not text:
        return None
    tz_match = _TZID.search(text)
    tzid = tz_match.group(1).strip() if tz_match else LOCAL_TZ_NAME
    line = _RRULE_LINE.search(text)
    value = line.group(1).strip() if line else text.removeprefix("RRULE:").strip()
    if "FREQ=" not in value.upper():
        raise RecurrenceError("a recurrence rule needs FREQ")
    rule = Rule(normalise_until(value.upper(), zone(tzid)), tzid)
    builder(rule.value, datetime(2000, 1, 1, tzinfo=rule.zone))  # raises on a malformed rule
    return rule


def normalise_until(value: str, tz: ZoneInfo) -> str:
    """UNTIL in UTC, as RFC 5545 requires with a zoned DTSTART (a date means the end of that day)."""
    match = _UNTIL.search(value)
    if not match or match.group(3):
        return value
    day = datetime.strptime(match.group(1), "%Y%m%d")
    if match.group(2):
        local = datetime.strptime(match.group(1) + match.group(2), "%Y%m%dT%H%M%S")
    else:
        local = datetime.combine(day.date(), time(23, 59, 59))
    stamp = local.replace(tzinfo=tz).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value[: match.start()] + f"UNTIL={stamp}" + value[match.end() :]


@lru_cache(maxsize=4096)
def builder(value: str, dtstart: datetime) -> rrule:
    """A cached dateutil rule, so repainting a view does not parse and re-walk every series."""
    try:
        result = rrulestr(value, dtstart=dtstart, cache=True)
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        raise RecurrenceError(str(exc)) from exc
    if not isinstance(result, rrule):
        raise RecurrenceError("one rule expected")
    return result


def parse_exdates(text: str) -> set[datetime]:
    found = set()
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            moment = datetime.fromisoformat(line)
        except ValueError:
            continue
        found.add(moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC))
    return found


def format_exdates(moments: Iterable[datetime]) -> str:
    unique = sorted({m.astimezone(UTC).replace(microsecond=0) for m in moments})
    return "\n".join(m.isoformat() for m in unique)


def occurrence_starts(
    start: datetime,
    end: datetime | None,
    rule_text: str,
    exdates_text: str,
    window_start: datetime,
    window_end: datetime,
) -> list[datetime]:
    """Starts (UTC) of the occurrences that overlap ``[window_start, window_end)``."""
    rule = parse_rule(rule_text)
    duration = (end - start) if end is not None else timedelta(0)
    if rule is None:
        finish = start + duration
        overlaps = start < window_end and (finish > window_start or start >= window_start)
        return [start] if overlaps else []
    dtstart = start.astimezone(rule.zone)
    recurrence = builder(rule.value, dtstart)
    excluded = parse_exdates(exdates_text)
    found = []
    for moment in recurrence.between(window_start - duration, window_end, inc=True):
        utc = moment.astimezone(UTC)
        if utc >= window_end or utc in excluded:
            continue
        if utc + duration <= window_start and not (duration == timedelta(0) and utc >= window_start):
            continue
        found.append(utc)
    return found


def starts_before(start: datetime, rule_text: str, moment: datetime) -> int:
    """How many occurrences (exceptions included) the series has before ``moment``."""
    rule = parse_rule(rule_text)
    if rule is None:
        return 1 if start < moment else 0
    recurrence = builder(rule.value, start.astimezone(rule.zone))
    return sum(1 for _ in recurrence.between(start - timedelta(seconds=1), moment, inc=False))


def last_start(start: datetime, rule_text: str) -> datetime | None:
    """The start of the last occurrence, or None for a series without end."""
    rule = parse_rule(rule_text)
    if rule is None:
        return start
    if rule.count() is None and rule.until() is None:
        return None
    recurrence = builder(rule.value, start.astimezone(rule.zone))
    last = None
    for last in recurrence:  # noqa: B007 - finite: COUNT or UNTIL is set
        pass
    return last.astimezone(UTC) if last is not None else None


def describe_local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()
