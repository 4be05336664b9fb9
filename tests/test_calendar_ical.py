"""iCalendar export and import: independent parsers, round trip, Outlook/Google files, bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import recurring_ical_events
import vobject

from app.cli import main as cli_main
from app.services import Services, open_services
from app.services.ical import build_calendar, import_ics, preview, rows_for_export
from app.services.recurrence import LOCAL_TZ
from tests.calendar_fixtures import activity, local

COMPARED = (
    "type", "nature", "status", "title", "description", "starts_at", "ends_at", "all_day", "location",
    "mode", "planned_cost", "actual_cost", "rrule", "exdates", "reminder_minutes", "case_received_at",
    "statement_deadline", "statement_made_at",
)  # fmt: skip


def sample(services: Services) -> dict[str, object]:
    series = activity(
        services,
        "Họp báo định kỳ quý",
        local(2026, 3, 26, 14),
        type="press_conference_regular",
        rrule="FREQ=MONTHLY;BYDAY=-1TH;BYMONTH=3,6,9,12;COUNT=4",
        location="Hội trường UBND tỉnh",
        description="Thông tin về kinh tế - xã hội;\nhỏi đáp, trả lời báo chí",
        planned_cost=12_500_000,
        reminder_minutes=60,
    )
    occurrences = services.calendar.occurrences(local(2026, 1, 1, 0), local(2027, 1, 1, 0))
    services.calendar.delete(occurrences[1], "this")  # 25/06 excluded
    services.calendar.edit(
        occurrences[2], {"title": "Họp báo quý III (dời)", "starts_at": local(2026, 9, 25, 9)}, "this"
    )
    emergency = activity(
        services,
        "Phát ngôn về sự cố",
        local(2026, 5, 10, 20),
        hours=1,
        type="emergency_statement",
        nature="ad_hoc",
        case_received_at=local(2026, 5, 10, 18),
        statement_made_at=local(2026, 5, 11, 8),
        actual_cost=0,
        mode="online",
    )
    all_day = activity(
        services, "Tập huấn kỹ năng phát ngôn", local(2026, 4, 6, 0), hours=48, type="training", all_day=True
    )
    return {"series": series, "emergency": emergency, "all_day": all_day}


def test_export_parses_with_independent_parsers(services: Services) -> None:
    sample(services)
    data = build_calendar(rows_for_export(services))
    text = data.decode()
    for needed in (
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Ho_Chi_Minh",
        "DTSTAMP:",
        "RRULE:FREQ=MONTHLY",
        "EXDATE;TZID=Asia/Ho_Chi_Minh:20260625T140000",
        "RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20260924T140000",
    ):
        assert needed in text, needed
    parsed = vobject.readOne(text)
    assert len(parsed.vevent_list) == 4
    assert {v.uid.value for v in parsed.vevent_list} and all(v.dtstamp.value for v in parsed.vevent_list)
    events = recurring_ical_events.of(__import__("icalendar").Calendar.from_ical(data)).between(
        datetime(2026, 1, 1), datetime(2027, 1, 1)
    )
    found = sorted(
        (e.decoded("DTSTART"), str(e.get("SUMMARY")))
        for e in events
        if isinstance(e.decoded("DTSTART"), datetime)
    )
    starts = [(d.astimezone(LOCAL_TZ).strftime("%d/%m %H:%M"), s) for d, s in found]
    assert starts == [
        ("26/03 14:00", "Họp báo định kỳ quý"),
        ("10/05 20:00", "Phát ngôn về sự cố"),
        ("25/09 09:00", "Họp báo quý III (dời)"),
        ("31/12 14:00", "Họp báo định kỳ quý"),
    ]


def test_round_trip_without_loss(services: Services, tmp_path: Path) -> None:
    sample(services)
    originals = rows_for_export(services)
    data = build_calendar(originals)
    other = open_services(tmp_path / "other", actor="tester")
    try:
        other.offices.set_up(
            {
                "code": "B",
                "name": "Văn phòng B",
                "province": "B",
                "symbol_suffix": "UBND",
                "period_rule": "calendar_quarter",
            }
        )
        result = import_ics(other, data)
        assert (result.created, result.updated, [p for p in result.problems if p.fatal]) == (4, 0, [])
        copies = rows_for_export(other)
        by_title = {r.title: r for r in copies}
        for original in originals:
            copy = by_title[original.title]
            for name in COMPARED:
                mine, theirs = getattr(copy, name), getattr(original, name)
                if name == "rrule":  # the same rule, its parts in iCalendar's order
                    mine, theirs = sorted(mine.split(";")), sorted(theirs.split(";"))
                assert mine == theirs, (original.title, name)
            assert (copy.series_id is None) == (original.series_id is None)
        # importing again updates by UID instead of duplicating
        again = import_ics(other, data)
        assert (again.created, again.updated) == (0, 4)
        assert len(rows_for_export(other)) == 4
        skipping = preview(other, data, update_existing=False)
        assert skipping.count("skip") == 4
    finally:
        other.close()


OUTLOOK = """BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
BEGIN:VTIMEZONE\r
TZID:Eastern Standard Time\r
BEGIN:STANDARD\r
DTSTART:16011104T020000\r
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r
TZOFFSETFROM:-0400\r
TZOFFSETTO:-0500\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010311T020000\r
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r
TZOFFSETFROM:-0500\r
TZOFFSETTO:-0400\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:040000008200E00074C5B7101A82E008000000001\r
SUMMARY:Phỏng vấn trực tuyến với VOA\r
DTSTART;TZID=Eastern Standard Time:20260301T090000\r
DTEND;TZID=Eastern Standard Time:20260301T100000\r
RRULE:FREQ=WEEKLY;UNTIL=20260322T130000Z\r
X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r
X-UNKNOWN-THING:whatever\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:no-start@google.com\r
SUMMARY:Không có giờ bắt đầu\r
END:VEVENT\r
this line is broken\r
BEGIN:VEVENT\r
UID:google-1@google.com\r
DTSTART;VALUE=DATE:20260415\r
DTEND;VALUE=DATE:20260416\r
COLOR:red\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:google-2@google.com\r
SUMMARY:Tọa đàm chính sách nhà ở xã hội\r
DTSTART:20260420T020000Z\r
DURATION:PT2H\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_import_outlook_and_google_with_problems(services: Services) -> None:
    plan = preview(services, OUTLOOK)
    assert [c.uid for c in plan.candidates] == [
        "040000008200E00074C5B7101A82E008000000001",
        "google-1@google.com",
        "google-2@google.com",
    ]
    messages = [p.message.en for p in plan.problems]
    assert any("DTSTART" in m for m in messages)  # the event without a start is refused
    assert any("Line 32 is malformed" in m for m in messages)
    assert any("no title" in m for m in messages)
    assert any("COLOR" in m for m in messages)  # unknown property reported, event kept
    result = import_ics(services, OUTLOOK)
    assert result.created == 3
    rows = {r.ical_uid: r for r in services.activities.list()}
    outlook = rows["040000008200E00074C5B7101A82E008000000001"]
    assert outlook.type == "interview"  # from the title "Phỏng vấn"
    assert outlook.rrule.startswith("DTSTART;TZID=America/New_York")
    found = services.calendar.occurrences(local(2026, 2, 1, 0), local(2026, 4, 1, 0))
    weekly = [o for o in found if o.activity.id == outlook.id]
    # 09:00 in New York on every Sunday: 21:00 Vietnam time before the clocks change, then 20:00
    assert [o.local_start().strftime("%d/%m %H:%M") for o in weekly] == [
        "01/03 21:00",
        "08/03 20:00",
        "15/03 20:00",
        "22/03 20:00",
    ]
    google = rows["google-1@google.com"]
    assert google.all_day and google.title == "(không có tiêu đề)"
    assert rows["google-2@google.com"].type == "talk_show"
    assert rows["google-2@google.com"].ends_at - rows["google-2@google.com"].starts_at == timedelta(hours=2)


def test_not_an_ics_file(services: Services) -> None:
    plan = preview(services, b"hello, world")
    assert plan.candidates == [] and plan.problems[0].fatal


def test_cli_export_and_import(services: Services, data_dir: Path, tmp_path: Path, capsys: object) -> None:
    sample(services)
    services.close()
    out = tmp_path / "lich.ics"
    assert (
        cli_main(
            [
                "--data-dir",
                str(data_dir),
                "export",
                "ics",
                "--out",
                str(out),
                "--from",
                "2026-05-01",
                "--to",
                "31/05/2026",
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "Phát ngôn về sự cố" in text and "Tập huấn" not in text
    assert cli_main(["--data-dir", str(tmp_path / "fresh"), "import", "ics", str(out)]) == 0
    fresh = open_services(tmp_path / "fresh")
    try:
        assert [r.title for r in fresh.activities.list()] == ["Phát ngôn về sự cố"]
        assert fresh.activities.list()[0].statement_made_at == datetime(2026, 5, 11, 1, tzinfo=UTC)
    finally:
        fresh.close()
