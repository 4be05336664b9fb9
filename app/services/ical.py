"""iCalendar (RFC 5545) export and import of activities, written and read with ``icalendar``.

Export: one VEVENT per activity with UID, DTSTAMP, DTSTART/DTEND in Asia/Ho_Chi_Minh (with its
VTIMEZONE), RRULE and EXDATE for series, RECURRENCE-ID for edited occurrences, VALARM for the
reminder, and ``X-COMMDESK-*`` properties carrying the fields iCalendar has no place for, so a
CommDesk file round-trips without loss.

Import (Outlook, Google or CommDesk files): each VEVENT is read on its own, so one broken event
does not stop the others; a preview lists what will be created, updated or skipped (by UID)
and every problem with its line; applying it writes everything in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from icalendar.timezone import tzid_from_dt
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from sqlalchemy import select

from app import __version__
from app.i18n import Message
from app.models import Activity
from app.models import enums as e
from app.services.labels import enum_label
from app.services.recurrence import (
    LOCAL_TZ,
    LOCAL_TZ_NAME,
    RecurrenceError,
    Rule,
    format_exdates,
    parse_exdates,
    parse_rule,
)
from app.services.rows import to_row
from app.text import fold

if TYPE_CHECKING:
    from app.services import Services

PRODID = f"-//CommDesk//CommDesk {__version__}//VI"
X = "X-COMMDESK-"
# Fields carried as X-COMMDESK-<NAME> (text as is, money and minutes as integers).
EXTRA_FIELDS = ("type", "nature", "status", "mode", "planned_cost", "actual_cost")
EXTRA_TIMES = ("case_received_at", "statement_deadline", "statement_made_at")
STATUS_TO_ICAL = {
    e.ActivityStatus.PLANNED: "TENTATIVE",
    e.ActivityStatus.APPROVED: "CONFIRMED",
    e.ActivityStatus.PREPARING: "CONFIRMED",
    e.ActivityStatus.DONE: "CONFIRMED",
    e.ActivityStatus.POSTPONED: "TENTATIVE",
    e.ActivityStatus.CANCELLED: "CANCELLED",
}
ICAL_TO_STATUS = {"TENTATIVE": "planned", "CONFIRMED": "approved", "CANCELLED": "cancelled"}
# Words in a title or category that tell an activity type (folded: no accents, lower case).
TYPE_KEYWORDS: list[tuple[str, str]] = [
    ("hop bao dinh ky", "press_conference_regular"),
    ("hop bao thuong ky", "press_conference_regular"),
    ("hop bao chuyen de", "press_conference_thematic"),
    ("hop bao dot xuat", "press_conference_adhoc"),
    ("hop bao", "press_conference_regular"),
    ("press conference", "press_conference_regular"),
    ("thong cao", "press_release"),
    ("press release", "press_release"),
    ("phong van", "interview"),
    ("interview", "interview"),
    ("doi thoai", "dialogue"),
    ("dialogue", "dialogue"),
    ("toa dam", "talk_show"),
    ("talk show", "talk_show"),
    ("giao ban", "press_briefing"),
    ("briefing", "press_briefing"),
    ("phat ngon khan", "emergency_statement"),
    ("cai chinh", "correction_request"),
    ("tra loi bang van ban", "written_reply"),
    ("lay y kien", "policy_consultation"),
    ("tap huan", "training"),
    ("boi duong", "training"),
    ("training", "training"),
    ("cong thong tin", "portal_post"),
    ("mang xa hoi", "social_post"),
    ("facebook", "social_post"),
]
KNOWN_PROPERTIES = frozenset(
    {
        "UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS",
        "RRULE", "EXDATE", "RECURRENCE-ID", "CATEGORIES", "SEQUENCE", "CREATED", "LAST-MODIFIED",
        "TRANSP", "CLASS", "PRIORITY", "ORGANIZER", "ATTENDEE", "URL",
    }
)  # fmt: skip


# ----- export ------------------------------------------------------------------------------


def uid_of(row: Any) -> str:
    return row.ical_uid or f"{row.id}@commdesk"


def _moment(value: datetime, all_day: bool, tz: ZoneInfo) -> date | datetime:
    local = value.astimezone(tz)
    return local.date() if all_day else local.replace(microsecond=0)


def _event(row: Any, stamp: datetime, uid: str) -> icalendar.Event:
    event = icalendar.Event()
    rule = parse_rule(row.rrule) if row.rrule else None
    tz = rule.zone if rule is not None else LOCAL_TZ
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", row.title)
    if row.description:
        event.add("description", row.description)
    if row.location:
        event.add("location", row.location)
    event.add("dtstart", _moment(row.starts_at, row.all_day, tz))
    if row.ends_at is not None:
        end = row.ends_at
        if row.all_day and end.astimezone(tz).time() != time(0):
            end = datetime.combine(end.astimezone(tz).date() + timedelta(days=1), time(0), tz)
        event.add("dtend", _moment(end, row.all_day, tz))
    event.add("status", STATUS_TO_ICAL.get(row.status, "TENTATIVE"))
    event.add("categories", [str(enum_label(e.ActivityType, row.type).vi)])
    event.add("last-modified", row.updated_at.astimezone(UTC).replace(microsecond=0))
    if rule is not None:
        event.add("rrule", icalendar.vRecur.from_ical(rule.value))
        for excluded in sorted(parse_exdates(row.exdates)):
            event.add("exdate", _moment(excluded, row.all_day, tz))
    for name in EXTRA_FIELDS:
        value = getattr(row, name)
        if value not in (None, ""):
            event.add(X + name.upper().replace("_", "-"), str(value))
    for name in EXTRA_TIMES:
        value = getattr(row, name)
        if value is not None:
            event.add(X + name.upper().replace("_", "-"), value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"))
    if row.reminder_minutes is not None:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", row.title)
        alarm.add("trigger", timedelta(minutes=-row.reminder_minutes))
        event.add_component(alarm)
    return event


def build_calendar(rows: Sequence[Any], name: str = "CommDesk") -> bytes:
    """An iCalendar file of ``rows`` (series, edited occurrences and single activities)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", LOCAL_TZ_NAME)
    stamp = datetime.now(UTC).replace(microsecond=0)
    by_id = {row.id: row for row in rows}
    for row in sorted(rows, key=lambda r: (r.series_id is not None, r.starts_at, r.id)):
        master = by_id.get(row.series_id) if row.series_id else None
        # an edited occurrence shares its series' UID; without its series it stands alone
        event = _event(row, stamp, uid_of(master) if master is not None else uid_of(row))
        if master is not None and row.recurrence_start is not None:
            rule = parse_rule(master.rrule)
            tz = rule.zone if rule is not None else LOCAL_TZ
            event.add("recurrence-id", _moment(row.recurrence_start, master.all_day, tz))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def rows_for_export(
    services: Services,
    window: tuple[datetime, datetime] | None = None,
    activity_ids: Iterable[str] | None = None,
    filters: Any = None,
) -> list[Any]:
    """Every activity (``window``/``filters`` None), those seen in a window, or a selection —
    always with the series of a chosen occurrence and the edited occurrences of a chosen series."""
    with services.db.session() as session:
        if window is None and activity_ids is None and filters is None:
            rows = session.scalars(select(Activity).where(Activity.deleted_at.is_(None))).all()
            return [to_row(r) for r in rows]
        wanted: set[str] = set(activity_ids or ())
        if window is not None or filters is not None:
            start, end = window or (datetime(1970, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))
            for occurrence in services.calendar.occurrences_in(session, start, end, filters):
                wanted.add(occurrence.series_id or occurrence.activity.id)
                wanted.add(occurrence.activity.id)
        chosen = session.scalars(select(Activity).where(Activity.id.in_(sorted(wanted)))).all()
        series_ids = {r.series_id for r in chosen if r.series_id} | {r.id for r in chosen if r.rrule}
        children = session.scalars(
            select(Activity).where(
                Activity.deleted_at.is_(None),
                (Activity.series_id.in_(sorted(series_ids))) | (Activity.id.in_(sorted(series_ids))),
            )
        ).all()
        found = {r.id: r for r in [*chosen, *children] if r.deleted_at is None}
        return [to_row(r) for r in found.values()]


def export_ics(services: Services, path: Any, **criteria: Any) -> int:
    rows = rows_for_export(services, **criteria)
    office = services.offices.current()
    data = build_calendar(rows, office.name if office is not None else "CommDesk")
    with open(path, "wb") as handle:
        handle.write(data)
    return len(rows)


# ----- import ------------------------------------------------------------------------------


@dataclass
class ImportProblem:
    line: int  # 1-based line of the event (0: the file as a whole)
    uid: str
    message: Message
    fatal: bool  # the event was not imported


@dataclass
class Candidate:
    """One event of the file as it would be stored."""

    line: int
    uid: str
    values: dict[str, Any]
    recurrence_id: datetime | None = None  # an edited occurrence of the series ``uid``
    existing_id: str | None = None  # the activity with this UID already here
    action: str = "create"  # "create", "update", "skip"
    type_guessed: bool = False


@dataclass
class ImportPlan:
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for c in self.candidates if c.action == action)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    problems: list[ImportProblem] = field(default_factory=list)


_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:", re.ASCII)


def _unfold(text: str) -> list[tuple[int, str]]:
    """Content lines with the number of their first physical line (RFC 5545 §3.1 folding)."""
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + raw[1:])
        elif raw.strip():
            lines.append((number, raw))
    return lines


def _blocks(text: str, problems: list[ImportProblem]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The VTIMEZONE blocks and the VEVENT blocks (with their first line); broken lines reported."""
    timezones: list[str] = []
    events: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    kind = ""
    start_line = 0
    depth = 0
    for number, line in _unfold(text):
        if not _CONTENT_LINE.match(line):
            problems.append(
                ImportProblem(
                    number,
                    "",
                    Message(
                        f"Dòng {number} không đúng định dạng, đã bỏ qua.",
                        f"Line {number} is malformed; skipped.",
                    ),
                    False,
                )
            )
            continue
        upper = line.upper()
        if current is None:
            if upper in ("BEGIN:VEVENT", "BEGIN:VTIMEZONE"):
                current, kind, start_line, depth = [line], upper[6:], number, 1
            continue
        current.append(line)
        if upper.startswith("BEGIN:"):
            depth += 1
        elif upper.startswith("END:"):
            depth -= 1
            if depth == 0:
                if kind == "VEVENT":
                    events.append((start_line, current))
                else:
                    timezones.append("\r\n".join(current))
                current = None
    if current is not None:
        problems.append(
            ImportProblem(
                start_line,
                "",
                Message(
                    f"Sự kiện ở dòng {start_line} không có dòng kết thúc; đã đọc phần có được.",
                    f"The event at line {start_line} has no END line; read what was there.",
                ),
                False,
            )
        )
        if kind == "VEVENT":
            current.append("END:VEVENT")
            events.append((start_line, current))
    return timezones, events


def _zone_name(value: datetime) -> str | None:
    """The IANA name of a datetime's zone (Windows names mapped), or None when unknown."""
    if value.tzinfo is None:
        return None
    key = getattr(value.tzinfo, "key", None) or tzid_from_dt(value) or ""
    key = WINDOWS_TO_OLSON.get(key, key)
    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return key


def _as_utc(value: date | datetime, tz: ZoneInfo = LOCAL_TZ) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:  # floating time: the office's local time
            return value.replace(tzinfo=tz).astimezone(UTC)
        return value.astimezone(UTC)
    return datetime.combine(value, time(0), tz).astimezone(UTC)


def guess_type(*texts: str) -> str | None:
    folded = " ".join(fold(t) for t in texts if t)
    for words, code in TYPE_KEYWORDS:
        if words in folded:
            return code
    return None


def _text(event: Any, name: str) -> str:
    value = event.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip()


def _read_event(event: Any, line: int, problems: list[ImportProblem]) -> Candidate | None:
    uid = _text(event, "UID")

    def note(vi: str, en: str, fatal: bool = False) -> None:
        problems.append(ImportProblem(line, uid, Message(vi, en), fatal))

    try:
        start_value = event.decoded("DTSTART")
    except (KeyError, ValueError, TypeError):
        note(
            "Sự kiện thiếu hoặc sai thời điểm bắt đầu (DTSTART); không nhập.",
            "No valid start (DTSTART); not imported.",
            True,
        )
        return None
    all_day = not isinstance(start_value, datetime)
    zone_name = _zone_name(start_value) if isinstance(start_value, datetime) else None
    if isinstance(start_value, datetime) and start_value.tzinfo is not None and zone_name is None:
        note(
            "Múi giờ của sự kiện không rõ; giữ đúng thời điểm, lặp lại theo giờ Việt Nam.",
            "Unknown time zone; the moment is kept and repeats follow Vietnam time.",
        )
    start = _as_utc(start_value)
    end: datetime | None = None
    try:
        if "DTEND" in event:
            end = _as_utc(event.decoded("DTEND"))
        elif "DURATION" in event:
            end = start + event.decoded("DURATION")
    except (ValueError, TypeError):
        note("Thời điểm kết thúc sai; đã bỏ qua.", "Invalid end; ignored.")
    if end is not None and end < start:
        note("Kết thúc trước bắt đầu; đã bỏ thời điểm kết thúc.", "Ends before it starts; end dropped.")
        end = None
    title = _text(event, "SUMMARY")
    if not title:
        title = "(không có tiêu đề)"
        note("Sự kiện không có tiêu đề (SUMMARY).", "The event has no title (SUMMARY).")
    categories = ""
    if "CATEGORIES" in event:
        cats = event.get("CATEGORIES")
        cats = cats if isinstance(cats, list) else [cats]
        categories = " ".join(str(c) for item in cats for c in getattr(item, "cats", [item]))
    values: dict[str, Any] = {
        "title": title[:300],
        "description": _text(event, "DESCRIPTION"),
        "location": _text(event, "LOCATION")[:300],
        "starts_at": start,
        "ends_at": end,
        "all_day": all_day,
        "ical_uid": uid[:255],
    }
    guessed = False
    kind = _text(event, X + "TYPE")
    if kind not in {t.value for t in e.ActivityType}:
        kind = guess_type(title, categories) or ""
        guessed = True
    values["type"] = kind or e.ActivityType.OTHER.value
    status = _text(event, X + "STATUS") or ICAL_TO_STATUS.get(_text(event, "STATUS").upper(), "planned")
    values["status"] = status if status in {s.value for s in e.ActivityStatus} else "planned"
    for name in ("nature", "mode"):
        text = _text(event, X + name.upper())
        if text:
            values[name] = text
    for name in ("planned_cost", "actual_cost"):
        text = _text(event, X + name.upper().replace("_", "-"))
        if text:
            values[name] = text
    for name in EXTRA_TIMES:
        text = _text(event, X + name.upper().replace("_", "-"))
        if text:
            try:
                values[name] = datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            except ValueError:
                note(f"Giá trị {name} sai; đã bỏ qua.", f"Invalid {name}; ignored.")
    for alarm in event.walk("VALARM"):
        try:
            trigger = alarm.decoded("TRIGGER")
        except (KeyError, ValueError, TypeError):
            continue
        if isinstance(trigger, timedelta) and trigger <= timedelta(0):
            values["reminder_minutes"] = int(-trigger.total_seconds() // 60)
            break
    if "RRULE" in event:
        rrule = event.get("RRULE")
        rrule = rrule[0] if isinstance(rrule, list) else rrule
        tzid = zone_name or LOCAL_TZ_NAME
        try:
            rule = parse_rule(Rule(rrule.to_ical().decode(), tzid).text(start))
            assert rule is not None
            values["rrule"] = rule.text(start)
        except (RecurrenceError, ValueError) as exc:
            note(
                f"Quy tắc lặp không đọc được ({exc}); nhập như một lần.",
                f"Unreadable RRULE ({exc}); imported once.",
            )
            rule = None
        if rule is not None:
            excluded: list[datetime] = []
            exdates = event.get("EXDATE")
            for item in exdates if isinstance(exdates, list) else [exdates] if exdates is not None else []:
                for value in getattr(item, "dts", []):
                    excluded.append(_as_utc(value.dt, rule.zone))
            values["exdates"] = format_exdates(excluded)
    recurrence_id = None
    if "RECURRENCE-ID" in event:
        try:
            recurrence_id = _as_utc(event.decoded("RECURRENCE-ID"))
        except (ValueError, TypeError):
            note("RECURRENCE-ID sai; nhập như sự kiện riêng.", "Invalid RECURRENCE-ID; imported on its own.")
    unknown = sorted({name for name in event if name not in KNOWN_PROPERTIES and not name.startswith("X-")})
    if unknown:
        note(
            "Bỏ qua thuộc tính không dùng: " + ", ".join(unknown),
            "Ignored properties: " + ", ".join(unknown),
        )
    if not uid:
        note("Sự kiện không có UID; không thể chống trùng lặp.", "No UID; duplicates cannot be detected.")
    return Candidate(line, uid, values, recurrence_id, type_guessed=guessed)


def read_ics(data: bytes | str) -> ImportPlan:
    """Every event the file holds, with the problems found; nothing is written."""
    plan = ImportPlan()
    if isinstance(data, bytes):
        text = data.decode("utf-8", errors="replace")
        if "\ufffd" in text:
            plan.problems.append(
                ImportProblem(
                    0, "", Message("Tệp có ký tự không phải UTF-8.", "The file has non-UTF-8 bytes."), False
                )
            )
    else:
        text = data
    if "BEGIN:VCALENDAR" not in text.upper():
        plan.problems.append(
            ImportProblem(
                0,
                "",
                Message("Đây không phải tệp iCalendar (.ics).", "This is not an iCalendar (.ics) file."),
                True,
            )
        )
        return plan
    timezones, events = _blocks(text, plan.problems)
    header = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:import\r\n" + "".join(t + "\r\n" for t in timezones)
    for line, lines in events:
        wrapped = header + "\r\n".join(lines) + "\r\nEND:VCALENDAR\r\n"
        try:
            calendar = icalendar.Calendar.from_ical(wrapped)
            event = calendar.walk("VEVENT")[0]
        except Exception as exc:  # icalendar raises many kinds on bad input
            plan.problems.append(
                ImportProblem(
                    line,
                    "",
                    Message(
                        f"Sự kiện ở dòng {line} không đọc được: {exc}",
                        f"The event at line {line} is unreadable: {exc}",
                    ),
                    True,
                )
            )
            continue
        candidate = _read_event(event, line, plan.problems)
        if candidate is not None:
            plan.candidates.append(candidate)
    plan.candidates.sort(key=lambda c: c.recurrence_id is not None)  # series before their edits
    return plan


def preview(services: Services, data: bytes | str, update_existing: bool = True) -> ImportPlan:
    """Read the file and decide, by UID, what would be created, updated or skipped."""
    plan = read_ics(data)
    uids = {c.uid for c in plan.candidates if c.uid}
    own_ids = {u.removesuffix("@commdesk") for u in uids if u.endswith("@commdesk")}
    with services.db.session() as session:
        rows = session.scalars(
            select(Activity).where(
                Activity.deleted_at.is_(None),
                Activity.series_id.is_(None),
                Activity.ical_uid.in_(sorted(uids)) | Activity.id.in_(sorted(own_ids)),
            )
        ).all()
        existing = {uid_of(r): r.id for r in rows} | {f"{r.id}@commdesk": r.id for r in rows}
        occurrences = session.execute(
            select(Activity.id, Activity.series_id, Activity.recurrence_start).where(
                Activity.deleted_at.is_(None), Activity.series_id.in_(sorted(set(existing.values())))
            )
        ).all()
    edited = {(series, start): row_id for row_id, series, start in occurrences}
    seen: set[tuple[str, datetime | None]] = set()
    for candidate in plan.candidates:
        key = (candidate.uid, candidate.recurrence_id)
        if candidate.uid and key in seen:
            candidate.action = "skip"
            plan.problems.append(
                ImportProblem(
                    candidate.line,
                    candidate.uid,
                    Message(
                        "UID lặp lại trong tệp; bỏ qua bản sau.",
                        "UID repeated in the file; later copy skipped.",
                    ),
                    False,
                )
            )
            continue
        seen.add(key)
        master = existing.get(candidate.uid) if candidate.uid else None
        if candidate.recurrence_id is not None:
            candidate.existing_id = edited.get((master, candidate.recurrence_id)) if master else None
        else:
            candidate.existing_id = master
        if candidate.existing_id is not None:
            candidate.action = "update" if update_existing else "skip"
    return plan


def apply(services: Services, plan: ImportPlan, default_type: str | None = None) -> ImportResult:
    """Write the plan in one transaction: every chosen event or, on a database error, none."""
    result = ImportResult(problems=list(plan.problems))
    from app.errors import ValidationError

    with services.db.session() as session, session.begin():
        masters: dict[str, str] = {}
        for candidate in plan.candidates:
            if candidate.action == "skip":
                result.skipped += 1
                continue
            values = dict(candidate.values)
            if candidate.type_guessed and default_type and values["type"] == e.ActivityType.OTHER.value:
                values["type"] = default_type
            if candidate.recurrence_id is not None:
                series = masters.get(candidate.uid) or _series_id(session, candidate.uid)
                if series is None:
                    result.problems.append(
                        ImportProblem(
                            candidate.line,
                            candidate.uid,
                            Message(
                                "Lần lặp đã sửa mà không có chuỗi lặp; nhập như sự kiện riêng.",
                                "An edited occurrence without its series; imported on its own.",
                            ),
                            False,
                        )
                    )
                else:
                    values.update(series_id=series, recurrence_start=candidate.recurrence_id, ical_uid="")
                    values.pop("rrule", None)
            try:
                with session.begin_nested():
                    if candidate.existing_id is not None:
                        if candidate.recurrence_id is None:
                            values.pop("ical_uid", None)
                        services.activities.update_in(session, candidate.existing_id, values)
                        result.updated += 1
                        row_id = candidate.existing_id
                    else:
                        row = services.activities.create_in(session, services.calendar._with_defaults(values))
                        result.created += 1
                        row_id = row.id
            except ValidationError as exc:
                result.problems.append(ImportProblem(candidate.line, candidate.uid, exc.message, True))
                continue
            if candidate.recurrence_id is None and candidate.uid:
                masters[candidate.uid] = row_id
    services.bus.publish({"activity"})
    return result


def _series_id(session: Any, uid: str) -> str | None:
    if not uid:
        return None
    found = session.scalar(
        select(Activity.id).where(
            Activity.deleted_at.is_(None),
            Activity.series_id.is_(None),
            (Activity.ical_uid == uid) | (Activity.id == uid.removesuffix("@commdesk")),
        )
    )
    return str(found) if found is not None else None


def import_ics(services: Services, data: bytes | str, update_existing: bool = True) -> ImportResult:
    return apply(services, preview(services, data, update_existing))
