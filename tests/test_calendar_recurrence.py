"""Recurrence per RFC 5545: expansion in a window, edge cases, series edits and deletions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.errors import ValidationError
from app.services import Services
from app.services.recurrence import LOCAL_TZ, occurrence_starts, parse_exdates, parse_rule
from tests.calendar_fixtures import activity, local


def days(occurrences: list) -> list[date]:
    return [o.local_start().date() for o in occurrences]


def year_window(year: int) -> tuple[datetime, datetime]:
    return local(year, 1, 1, 0), local(year + 1, 1, 1, 0)


def test_31st_is_skipped_in_short_months_and_last_day_is_kept() -> None:
    start = local(2026, 1, 31, 9)
    found = occurrence_starts(start, None, "FREQ=MONTHLY;COUNT=6", "", *year_window(2026))
    assert [d.astimezone(LOCAL_TZ).date() for d in found] == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
        date(2026, 7, 31),
        date(2026, 8, 31),
        date(2026, 10, 31),
    ]
    last_day = occurrence_starts(start, None, "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", "", *year_window(2026))
    assert [d.astimezone(LOCAL_TZ).date() for d in last_day] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    ]


def test_29_february_repeats_only_in_leap_years() -> None:
    start = local(2024, 2, 29, 8)
    window = (local(2024, 1, 1, 0), local(2033, 1, 1, 0))
    found = occurrence_starts(start, None, "FREQ=YEARLY", "", *window)
    assert [d.astimezone(LOCAL_TZ).date() for d in found] == [
        date(2024, 2, 29),
        date(2028, 2, 29),
        date(2032, 2, 29),
    ]


def test_last_thursday_of_every_quarter() -> None:
    start = local(2026, 1, 1, 14)
    rule = "FREQ=MONTHLY;BYDAY=-1TH;BYMONTH=3,6,9,12"
    found = occurrence_starts(start, None, rule, "", *year_window(2026))
    assert [d.astimezone(LOCAL_TZ).date() for d in found] == [
        date(2026, 3, 26),
        date(2026, 6, 25),
        date(2026, 9, 24),
        date(2026, 12, 31),
    ]
    assert all(d.astimezone(LOCAL_TZ).hour == 14 for d in found)


def test_last_weekday_of_the_month() -> None:
    start = local(2026, 1, 1, 16)
    rule = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4"
    found = occurrence_starts(start, None, rule, "", *year_window(2026))
    assert [d.astimezone(LOCAL_TZ).date() for d in found] == [
        date(2026, 1, 30),
        date(2026, 2, 27),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]


def test_exceptions_are_left_out_and_only_the_window_is_expanded() -> None:
    start = local(2026, 1, 5, 9)  # a Monday
    skipped = local(2026, 1, 12, 9).astimezone(UTC).isoformat()
    found = occurrence_starts(
        start, start + timedelta(hours=1), "FREQ=WEEKLY", skipped, local(2026, 1, 1, 0), local(2026, 2, 1, 0)
    )
    assert [d.astimezone(LOCAL_TZ).day for d in found] == [5, 19, 26]
    # a far window of an endless series expands only what is inside it
    far = occurrence_starts(start, None, "FREQ=WEEKLY", "", local(2030, 6, 1, 0), local(2030, 6, 8, 0))
    assert len(far) == 1


def test_series_from_a_daylight_saving_zone_keeps_its_wall_clock() -> None:
    new_york = ZoneInfo("America/New_York")
    start = datetime(2026, 3, 1, 9, 0, tzinfo=new_york)
    text = "DTSTART;TZID=America/New_York:20260301T090000\nRRULE:FREQ=WEEKLY;UNTIL=20260322"
    rule = parse_rule(text)
    assert rule is not None and rule.tzid == "America/New_York"
    assert "UNTIL=20260323T035959Z" in rule.value  # the date-only UNTIL is the end of that day there
    found = occurrence_starts(start, None, text, "", local(2026, 2, 1, 0), local(2026, 4, 1, 0))
    assert [d.astimezone(new_york).hour for d in found] == [9, 9, 9, 9]
    assert [d.hour for d in found] == [14, 13, 13, 13]  # UTC moves when the clocks change on 8 March


def test_bad_rules_are_refused_with_the_field(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        activity(services, "Lặp sai", local(2026, 3, 2), rrule="FREQ=SOMETIMES")
    assert caught.value.fields() == ["rrule"]


def weekly_series(services: Services) -> object:
    return activity(
        services,
        "Giao ban báo chí hằng tuần",
        local(2026, 3, 2, 9),  # Monday
        hours=1,
        type="press_briefing",
        rrule="FREQ=WEEKLY;COUNT=8",
    )


def march(services: Services) -> list:
    return services.calendar.occurrences(local(2026, 3, 1, 0), local(2026, 5, 1, 0))


def test_edit_this_occurrence_makes_an_exception(services: Services) -> None:
    series = weekly_series(services)
    third = march(services)[2]
    services.calendar.edit(third, {"title": "Giao ban đặc biệt", "starts_at": local(2026, 3, 17, 15)}, "this")
    found = march(services)
    assert len(found) == 8
    assert [o.activity.title for o in found].count("Giao ban đặc biệt") == 1
    moved = next(o for o in found if o.activity.title == "Giao ban đặc biệt")
    assert moved.series_id == series.id and moved.local_start() == local(2026, 3, 17, 15)
    assert local(2026, 3, 16, 9) not in [o.local_start() for o in found]


def test_edit_this_and_following_splits_the_series(services: Services) -> None:
    series = weekly_series(services)
    fifth = march(services)[4]
    services.calendar.edit(
        fifth, {"starts_at": local(2026, 3, 30, 14), "location": "Hội trường B"}, "following"
    )
    found = march(services)
    assert len(found) == 8  # COUNT is shared between the two halves
    assert [o.local_start().hour for o in found] == [9, 9, 9, 9, 14, 14, 14, 14]
    assert {o.series_id for o in found[:4]} == {series.id}
    assert len({o.series_id for o in found[4:]}) == 1 and found[4].series_id != series.id
    assert all(o.activity.location == "Hội trường B" for o in found[4:])


def test_edit_following_on_an_endless_series_sets_until(services: Services) -> None:
    series = activity(
        services, "Tin hằng tuần", local(2026, 3, 2, 9), type="portal_post", rrule="FREQ=WEEKLY"
    )
    services.calendar.edit(march(services)[3], {"title": "Tin hằng tuần (mới)"}, "following")
    old = services.activities.get(series.id)
    assert "UNTIL=20260323T015959Z" in old.rrule  # one second before 23/03 09:00 Vietnam time
    titles = [o.activity.title for o in march(services)]
    assert titles[:3] == ["Tin hằng tuần"] * 3 and set(titles[3:]) == {"Tin hằng tuần (mới)"}


def test_edit_all_moves_every_occurrence_and_keeps_exceptions(services: Services) -> None:
    weekly_series(services)
    found = march(services)
    services.calendar.delete(found[1], "this")
    services.calendar.edit(
        march(services)[0], {"starts_at": local(2026, 3, 2, 10), "ends_at": local(2026, 3, 2, 11)}, "all"
    )
    after = march(services)
    assert len(after) == 7
    assert all(o.local_start().hour == 10 for o in after)
    assert local(2026, 3, 9, 10) not in [o.local_start() for o in after]  # the exception moved with it


def test_delete_this_following_and_all(services: Services) -> None:
    series = weekly_series(services)
    services.calendar.delete(march(services)[2], "this")
    assert len(march(services)) == 7
    row = services.activities.get(series.id)
    assert parse_exdates(row.exdates) == {local(2026, 3, 16, 9).astimezone(UTC)}
    services.calendar.delete(march(services)[4], "following")
    assert len(march(services)) == 4
    services.calendar.delete(march(services)[1], "all")
    assert march(services) == []


def test_deleting_an_edited_occurrence_does_not_bring_the_original_back(services: Services) -> None:
    weekly_series(services)
    services.calendar.edit(march(services)[0], {"title": "Đã sửa"}, "this")
    edited = march(services)[0]
    assert edited.is_exception
    services.calendar.delete(edited, "this")
    found = march(services)
    assert len(found) == 7 and found[0].local_start() == local(2026, 3, 9, 9)


def test_move_and_undo_a_series_occurrence(services: Services) -> None:
    weekly_series(services)
    occurrence = march(services)[1]
    result = services.calendar.move(occurrence, local(2026, 3, 10, 9), local(2026, 3, 10, 10))
    assert local(2026, 3, 10, 9) in [o.local_start() for o in march(services)]
    services.calendar.undo_move(result)
    starts = [o.local_start() for o in march(services)]
    assert local(2026, 3, 9, 9) in starts and local(2026, 3, 10, 9) not in starts
