"""Holiday-schedule overrides: the central role publishes them, every office receives them
read-only, and the calendar's day logic applies them (views, scheduling warnings)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from sync_harness import (  # noqa: F401  (fixtures)
    PASSWORD,
    Desk,
    Harness,
    harness_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    quick_argon2_fixture,
    server_kind_fixture,
    server_rows,
)

from app.errors import ValidationError
from app.i18n import Message
from app.services.fields import LOCAL_TZ
from app.services.holidays import ROLE_SETTING
from app.services.vn_days import DAY_OFF, WORKDAY, DayCalendar, DayOverride, day_info

EXTRA_TET_DAY = date(2026, 2, 13)  # a Friday the government adds to the Tết break
MAKE_UP_SATURDAY = date(2026, 2, 28)  # the Saturday worked in exchange


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread() -> Iterator[None]:
    """Set up first, torn down last (after qtbot closed the widgets): collect the test's Qt garbage
    here, on the GUI thread, rather than whenever a worker thread happens to trigger a collection."""
    yield
    gc.collect()


def central_desk(harness: Harness) -> Desk:
    harness.office("TW")
    desk = harness.desk("trung-uong", office="TW", set_up=True, login=False)
    harness.user("trung-uong", office="TW", role="central")
    desk.sync.login(harness.server.url, "trung-uong", PASSWORD)
    return desk


def publish(desk: Desk) -> tuple[str, str]:
    extra = desk.services.holidays.create(
        {
            "day": EXTRA_TET_DAY,
            "kind": DAY_OFF,
            "name": "Nghỉ Tết Nguyên Đán (bổ sung)",
            "name_en": "Lunar New Year (extra day)",
            "decision": "Thông báo 6150/TB-BLĐTBXH",
        }
    )
    saturday = desk.services.holidays.create(
        {"day": MAKE_UP_SATURDAY, "kind": WORKDAY, "name": "Làm bù cho ngày 13/02"}
    )
    return extra.id, saturday.id


def warnings_on(desk: Desk, day: date) -> list[str]:
    start = datetime(day.year, day.month, day.day, 9, tzinfo=LOCAL_TZ)
    return [w.kind for w in desk.services.calendar.conflicts(start, None)]


def test_a_central_desk_that_logs_out_can_no_longer_publish(harness: Harness) -> None:
    central = central_desk(harness)
    assert central.services.holidays.can_publish()
    central.sync.logout()
    assert not central.services.holidays.can_publish()


def test_overrides_published_centrally_reach_every_office_read_only(harness: Harness) -> None:
    # Without overrides: an ordinary Friday and a weekend Saturday.
    assert day_info(EXTRA_TET_DAY).holiday is None and not day_info(EXTRA_TET_DAY).is_day_off
    assert day_info(MAKE_UP_SATURDAY).is_day_off

    central = central_desk(harness)
    extra_id, saturday_id = publish(central)
    with pytest.raises(ValidationError) as twice:  # one change per day
        central.services.holidays.create({"day": EXTRA_TET_DAY, "kind": WORKDAY, "name": "Đi làm"})
    assert twice.value.fields() == ["day"]
    central.ok_round()

    a = harness.desk("an", office="UBND-A", set_up=True)
    b = harness.desk("binh", office="UBND-B", set_up=True)
    assert warnings_on(a, EXTRA_TET_DAY) == []  # not received yet
    for desk in (a, b):
        desk.ok_round()
        days = desk.services.holidays.day_calendar()
        extra = days.day_info(EXTRA_TET_DAY)
        assert extra.is_day_off and extra.holiday == Message(
            "Nghỉ Tết Nguyên Đán (bổ sung)", "Lunar New Year (extra day)"
        )
        saturday = days.day_info(MAKE_UP_SATURDAY)
        assert not saturday.is_day_off and saturday.swapped_workday and saturday.holiday is None
        # Scheduling warnings follow: a holiday on the Friday, no weekend on the worked Saturday.
        assert warnings_on(desk, EXTRA_TET_DAY) == ["holiday"]
        assert warnings_on(desk, MAKE_UP_SATURDAY) == []
        # Offices cannot change, remove or add to the schedule.
        with pytest.raises(ValidationError):
            desk.services.holidays.update(extra_id, {"name": "đổi"})
        with pytest.raises(ValidationError):
            desk.services.holidays.delete(saturday_id)
        with pytest.raises(ValidationError) as refused:
            desk.services.holidays.create({"day": date(2026, 3, 2), "kind": DAY_OFF, "name": "Nghỉ riêng"})
        assert refused.value.fields() == ["day"]
        # The reference rows are not the office's own: its sanity check stays clean.
        assert "holiday_override" not in desk.sync.store.digests(desk.services.ctx.office_id)
    assert b.ok_round().repaired == []

    # The centre corrects one and withdraws the other: the next round brings both changes.
    central.services.holidays.update(extra_id, {"name": "Nghỉ bù Tết Nguyên Đán"})
    central.services.holidays.delete(saturday_id)
    central.ok_round()
    result = a.ok_round()
    assert result.pulled == 2 and result.repaired == []
    days = a.services.holidays.day_calendar()
    assert days.day_info(EXTRA_TET_DAY).holiday.vi == "Nghỉ bù Tết Nguyên Đán"
    assert days.day_info(MAKE_UP_SATURDAY).is_day_off  # back to an ordinary weekend
    assert warnings_on(a, MAKE_UP_SATURDAY) == ["weekend"]


def test_the_server_refuses_overrides_from_an_office_account(harness: Harness) -> None:
    central_desk(harness)
    a = harness.desk("an", office="UBND-A", set_up=True)
    b = harness.desk("binh", office="UBND-A")
    # A desk whose stored role was tampered with can write locally, but the server refuses it.
    a.services.settings.set(ROLE_SETTING, "central")
    forged = a.services.holidays.create({"day": EXTRA_TET_DAY, "kind": DAY_OFF, "name": "Tự ý nghỉ"})
    result = a.round()
    assert result.rejected == 1
    assert [letter["row_id"] for letter in a.sync.store.dead_letters()] == [forged.id]
    assert forged.id not in server_rows(harness.server)
    b.ok_round()
    assert not b.services.holidays.day_calendar().day_info(EXTRA_TET_DAY).is_day_off


def test_a_declared_working_day_cancels_a_holiday_and_a_day_off_needs_no_weekend() -> None:
    substituted = date(2026, 8, 31)  # a Monday off in exchange for Saturday 22 August
    assert day_info(substituted).is_day_off and day_info(date(2026, 8, 22)).swapped_workday
    days = DayCalendar(
        {
            substituted: DayOverride(WORKDAY, Message("Đi làm", "Working day")),
            date(2026, 8, 22): DayOverride(DAY_OFF, Message("Nghỉ", "Day off")),
        }
    )
    assert not days.is_day_off(substituted) and days.day_info(substituted).holiday is None
    assert days.is_day_off(date(2026, 8, 22)) and not days.day_info(date(2026, 8, 22)).swapped_workday
    assert days.day_info(date(2026, 2, 17)) == day_info(date(2026, 2, 17))  # untouched days as before


def test_the_calendar_view_shows_published_overrides_and_follows_changes(qtbot, harness: Harness) -> None:
    import os

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication

    from app.ui.app import build_context
    from app.ui.calendar.month_view import HOLIDAY_BACKGROUND, SWAPPED_BACKGROUND
    from app.ui.calendar.page import CalendarPage

    central = central_desk(harness)
    extra_id, _saturday_id = publish(central)
    central.ok_round()
    a = harness.desk("an", office="UBND-A", set_up=True)
    a.ok_round()
    ctx = build_context(a.services)
    page = CalendarPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 820)
    page.show()
    page.go_to(date(2026, 2, 10))
    try:
        qtbot.waitUntil(lambda: page.loaded and EXTRA_TET_DAY in page.month.days.overrides, timeout=30_000)
        month = page.month

        def colour(day: date) -> QColor:
            image = month.grab().toImage()
            return QColor(image.pixel(month.cell_rect(day).bottomRight() - QPoint(6, 6)))

        assert colour(EXTRA_TET_DAY) == HOLIDAY_BACKGROUND
        assert colour(MAKE_UP_SATURDAY) == SWAPPED_BACKGROUND
        if os.environ.get("COMMDESK_SCREENSHOTS"):
            month.grab().save(
                os.path.join(os.environ["COMMDESK_SCREENSHOTS"], "calendar-holiday-override.png")
            )
        month.select_date(EXTRA_TET_DAY)
        assert "Nghỉ Tết Nguyên Đán (bổ sung)" in page.details.text.text()
        # A later round withdraws the extra day: the open view follows without being reopened.
        central.services.holidays.delete(extra_id)
        central.ok_round()
        box: list[object] = []
        ctx.tasks.run_db(a.round, box.append, box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=30_000)
        qtbot.waitUntil(lambda: EXTRA_TET_DAY not in page.month.days.overrides, timeout=30_000)
        assert colour(EXTRA_TET_DAY) == QColor("white")
    finally:
        app = QApplication.instance()
        while ctx.tasks.pending():
            ctx.tasks.wait_for_done()
            app.processEvents()
        a.services.db.forbid_thread(None)


def test_a_desk_upgraded_after_publication_reads_the_overrides_again(harness: Harness) -> None:
    """A desk whose earlier version skipped the overrides in its reference pulls gets them once it
    is upgraded: the migration that brings the table also restarts the reference cursor."""
    from alembic import command

    from app.db import alembic_config, make_engine
    from app.sync.local import REFERENCE_CURSOR

    central = central_desk(harness)
    publish(central)
    central.ok_round()
    a = harness.desk("an", office="UBND-A", set_up=True)
    a.ok_round()
    assert int(a.sync.store.get_state(REFERENCE_CURSOR, "0")) > 0
    engine = make_engine(a.services.db.path)
    config = alembic_config(engine)
    a.services.db.engine.dispose()
    command.downgrade(config, "0007_calendar")  # the version before overrides existed
    command.upgrade(config, "head")
    engine.dispose()
    assert a.sync.store.get_state(REFERENCE_CURSOR, "") == ""
    a.ok_round()
    assert a.services.holidays.day_calendar().is_day_off(EXTRA_TET_DAY)


def test_publishing_from_the_command_line(harness: Harness, capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main as commdesk

    central = central_desk(harness)
    a = harness.desk("an", office="UBND-A", set_up=True)
    central_dir = str(central.services.db.path.parent)
    office_dir = str(a.services.db.path.parent)
    added = commdesk(
        ["--data-dir", central_dir, "holidays", "add", "13/02/2026", "--kind", "day_off"]
        + ["--name", "Nghỉ Tết Nguyên Đán (bổ sung)", "--decision", "Thông báo 6150/TB-BLĐTBXH"]
    )
    assert added == 0 and "13/02/2026" in capsys.readouterr().out
    assert commdesk(["--data-dir", central_dir, "sync"]) == 0
    assert commdesk(["--data-dir", office_dir, "sync"]) == 0
    capsys.readouterr()
    assert commdesk(["--data-dir", office_dir, "holidays", "list", "--year", "2026"]) == 0
    listed = capsys.readouterr().out
    assert "13/02/2026" in listed and "Nghỉ Tết Nguyên Đán (bổ sung)" in listed and "trung ương" in listed
    assert a.services.holidays.day_calendar().is_day_off(EXTRA_TET_DAY)
    # An office cannot publish or withdraw, and says why.
    assert (
        commdesk(
            ["--data-dir", office_dir, "holidays", "add", "02/03/2026", "--kind", "day_off"]
            + ["--name", "Nghỉ"]
        )
        == 2
    )
    assert "trung ương" in capsys.readouterr().err
    assert commdesk(["--data-dir", office_dir, "holidays", "remove", "13/02/2026"]) == 2
    assert commdesk(["--data-dir", central_dir, "holidays", "remove", "31/02/2026"]) == 2
    assert "31/02/2026" in capsys.readouterr().err
    # The centre withdraws it; the office's next sync restores the ordinary Friday.
    assert commdesk(["--data-dir", central_dir, "holidays", "remove", "2026-02-13"]) == 0
    assert commdesk(["--data-dir", central_dir, "sync"]) == 0
    assert commdesk(["--data-dir", office_dir, "sync"]) == 0
    assert not a.services.holidays.day_calendar().is_day_off(EXTRA_TET_DAY)
