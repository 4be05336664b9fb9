"""Settings → Calendar and deadlines → Holiday schedule: every desk reads the year's public
holidays with the published changes; a desk logged in with the central role adds, edits and
withdraws changes through the services (so they go to the outbox and sync)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import select

from app.errors import ValidationError
from app.models import HolidayOverride, OutboxEntry, new_id, utcnow
from app.models.enums import OutboxOp
from app.services import Services
from app.services.fields import LOCAL_TZ
from app.services.holidays import (
    EXTRA_DAY_OFF,
    HOLIDAY,
    HOLIDAY_CANCELLED,
    MAKE_UP_WORKDAY,
    ROLE_SETTING,
)
from app.ui.app import build_context, install_translations
from app.ui.calendar.holiday_form import HolidayOverrideForm
from app.ui.calendar.holiday_schedule import HolidaySchedulePanel
from app.ui.calendar.page import CalendarPage
from app.ui.context import UiContext
from app.ui.settings.page import SettingsPage

EXTRA_TET_DAY = date(2026, 2, 13)  # a Friday added to the Tết break
TET = date(2026, 2, 17)  # built in: Tết Nguyên Đán
CULTURE_DAY = date(2026, 11, 24)  # built in: Ngày Văn hóa Việt Nam, a Tuesday
ORDINARY_MONDAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def vietnamese_ui(qapp: Any) -> None:
    install_translations(qapp, "vi")  # conftest removes the translators after each test


@pytest.fixture
def central(services: Services) -> Services:
    services.settings.set(ROLE_SETTING, "central")
    return services


def open_panel(qtbot: Any, services: Services) -> tuple[UiContext, SettingsPage, HolidaySchedulePanel]:
    ctx = build_context(services)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 1300)
    page.show()
    panel = page.show_section("calendar").holidays
    panel.year.setValue(2026)
    qtbot.waitUntil(lambda: panel.loaded and panel.model.rowCount() > 0, timeout=10_000)
    return ctx, page, panel


def settle(ctx: UiContext, services: Services) -> None:
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def in_db(ctx: UiContext, services: Services, read: Callable[[], Any]) -> Any:
    """Read the database from the test for a moment (the GUI thread is otherwise refused)."""
    ctx.tasks.wait_for_done()
    db = services.db
    thread = db._forbidden_thread
    db.forbid_thread(None)
    try:
        return read()
    finally:
        db.forbid_thread(thread)


def outbox(services: Services) -> list[tuple[str, str]]:
    with services.db.session() as session:
        entries = session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity == "holiday_override").order_by(OutboxEntry.seq)
        )
        return [(entry.op, entry.row_id) for entry in entries]


def shown(panel: HolidaySchedulePanel) -> dict[date, tuple[str, str, str, str]]:
    """Day -> (date, weekday, name, kind) as the list shows them."""
    model = panel.model
    rows = {}
    for row in range(model.rowCount()):
        cells = [model.index(row, column).data() for column in range(4)]
        rows[model.row_at(row).day] = tuple(cells)
    return rows


def row_of(panel: HolidaySchedulePanel, day: date) -> int:
    return next(n for n in range(panel.model.rowCount()) if panel.model.row_at(n).day == day)


def save(qtbot: Any, form: HolidayOverrideForm) -> None:
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def save_refused(qtbot: Any, form: HolidayOverrideForm) -> list[str]:
    form.errors.clear()
    save(qtbot, form)
    qtbot.waitUntil(lambda: form.error_label.isVisible(), timeout=10_000)
    assert form.isVisible()
    return form.errors.fields_marked()


def fill(form: HolidayOverrideForm, day: date | None, kind: str | None, name: str) -> None:
    form.day.set_value(day)
    form.kind.setCurrentIndex(form.kind.findData(kind))
    form.name.setText(name)


def receive_from_central(services: Services, day: date, name: str) -> str:
    """A change published by the central office, as a sync pull stores it (another office's row)."""
    row_id = new_id()
    with services.db.session() as session, session.begin():
        session.add(
            HolidayOverride(
                id=row_id,
                office_id=new_id(),
                version=1,
                day=day,
                kind="day_off",
                name=name,
                name_en="",
                decision="Thông báo 6150/TB-BLĐTBXH",
                notes="",
                updated_at=utcnow(),
                updated_hlc="0000000000001-0000-central",
                updated_by="trung-uong",
            )
        )
    return row_id


def test_an_office_desk_reads_the_schedule_but_cannot_change_it(qtbot, services) -> None:
    receive_from_central(services, EXTRA_TET_DAY, "Nghỉ Tết Nguyên Đán (bổ sung)")
    ctx, _page, panel = open_panel(qtbot, services)
    rows = shown(panel)
    assert rows[EXTRA_TET_DAY] == ("13/02/2026", "Thứ Sáu", "Nghỉ Tết Nguyên Đán (bổ sung)", "Ngày nghỉ thêm")
    assert rows[TET] == ("17/02/2026", "Thứ Ba", "Tết Nguyên Đán", "Ngày lễ, Tết")
    assert rows[date(2026, 8, 22)][3] == "Ngày làm bù"  # built in: a Saturday worked for 31 August
    assert list(rows) == sorted(rows)
    source = panel.model.index(row_of(panel, EXTRA_TET_DAY), 4).data()
    assert source == "Thông báo 6150/TB-BLĐTBXH"
    assert panel.model.index(row_of(panel, TET), 4).data() == "Theo lịch có sẵn"
    assert "trung ương công bố" in panel.explanation.text() and "chỉ được xem" in panel.explanation.text()
    for button in (panel.add_button, panel.edit_button, panel.remove_button):
        assert not button.isVisibleTo(panel)
    panel.table.selectRow(row_of(panel, EXTRA_TET_DAY))
    panel.add_change()
    panel.edit_change()
    panel.table.doubleClicked.emit(panel.table.currentIndex())
    assert panel.dialog is None  # nothing to open on an office desk
    panel.year.setValue(2027)
    qtbot.waitUntil(lambda: date(2027, 2, 6) in shown(panel), timeout=10_000)
    assert EXTRA_TET_DAY not in shown(panel)
    settle(ctx, services)
    assert outbox(services) == []


def test_central_adds_edits_and_withdraws_a_change_through_the_outbox(qtbot, central, monkeypatch) -> None:
    services = central
    ctx, _page, panel = open_panel(qtbot, services)
    assert "vai trò trung ương" in panel.explanation.text()
    assert panel.add_button.isVisibleTo(panel) and not panel.edit_button.isEnabled()

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    form = panel.dialog
    assert isinstance(form, HolidayOverrideForm) and form.isVisible()
    form.day.setDate(QDate(2026, 2, 13))
    assert form.day_hint.text() == "Thứ Sáu, ngày làm việc"
    form.kind.setCurrentIndex(form.kind.findData("day_off"))
    form.name.setText("Nghỉ Tết Nguyên Đán (bổ sung)")
    form.name_en.setText("Lunar New Year (extra day)")
    form.decision.setText("Thông báo 6150/TB-BLĐTBXH")
    save(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: EXTRA_TET_DAY in shown(panel), timeout=10_000)
    assert shown(panel)[EXTRA_TET_DAY][2:] == ("Nghỉ Tết Nguyên Đán (bổ sung)", "Ngày nghỉ thêm")
    added = in_db(ctx, services, lambda: services.holidays.in_year(2026))
    assert [(row.day, row.kind, row.name_en, row.office_id) for row in added] == [
        (EXTRA_TET_DAY, "day_off", "Lunar New Year (extra day)", services.ctx.office_id)
    ]
    row_id = added[0].id
    assert in_db(ctx, services, lambda: outbox(services)) == [("insert", row_id)]

    # Edit: double-click the row, rename it.
    panel.table.selectRow(row_of(panel, EXTRA_TET_DAY))
    assert panel.edit_button.isEnabled() and panel.remove_button.isEnabled()
    panel.table.doubleClicked.emit(panel.table.currentIndex())
    form = panel.dialog
    assert isinstance(form, HolidayOverrideForm) and form.record is not None
    assert form.name.text() == "Nghỉ Tết Nguyên Đán (bổ sung)" and form.day.value() == EXTRA_TET_DAY
    form.name.setText("Nghỉ bù Tết Nguyên Đán")
    save(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: shown(panel)[EXTRA_TET_DAY][2] == "Nghỉ bù Tết Nguyên Đán", timeout=10_000)
    assert in_db(ctx, services, lambda: outbox(services)) == [("insert", row_id), ("update", row_id)]

    # Withdraw, answering the question first No, then Yes.
    panel.table.selectRow(row_of(panel, EXTRA_TET_DAY))
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    panel.remove_button.click()
    assert "13/02/2026" in asked[0] and "Nghỉ bù Tết Nguyên Đán" in asked[0]
    assert in_db(ctx, services, lambda: outbox(services)) == [("insert", row_id), ("update", row_id)]
    panel.remove_button.click()
    qtbot.waitUntil(lambda: EXTRA_TET_DAY not in shown(panel), timeout=10_000)
    settle(ctx, services)
    assert outbox(services) == [("insert", row_id), ("update", row_id), ("delete", row_id)]
    assert not services.holidays.day_calendar().is_day_off(EXTRA_TET_DAY)


def test_the_form_names_the_field_and_the_reason(qtbot, central) -> None:
    services = central
    services.holidays.create({"day": EXTRA_TET_DAY, "kind": "day_off", "name": "Nghỉ Tết (bổ sung)"})
    ctx, _page, panel = open_panel(qtbot, services)
    panel.add_change()
    form = panel.dialog
    assert isinstance(form, HolidayOverrideForm)

    fill(form, None, None, "  ")
    assert save_refused(qtbot, form) == ["day", "kind", "name"]
    text = form.error_label.text()
    assert "Ngày: bắt buộc nhập" in text and "Loại: bắt buộc nhập" in text and "Tên: bắt buộc nhập" in text

    fill(form, EXTRA_TET_DAY, "workday", "Đi làm")
    assert save_refused(qtbot, form) == ["day"]
    assert "đã có điều chỉnh cho ngày này" in form.error_label.text()

    fill(form, TET, "day_off", "Nghỉ Tết")
    assert form.day_hint.text() == "Thứ Ba, ngày lễ: Tết Nguyên Đán"
    assert save_refused(qtbot, form) == ["kind"]
    assert "17/02/2026 đã là ngày nghỉ lễ (Tết Nguyên Đán)" in form.error_label.text()

    fill(form, date(2026, 3, 14), "day_off", "Nghỉ")
    assert save_refused(qtbot, form) == ["kind"]
    assert "ngày cuối tuần" in form.error_label.text()

    fill(form, ORDINARY_MONDAY, "workday", "Đi làm")
    assert save_refused(qtbot, form) == ["kind"]
    assert "16/03/2026 vốn đã là ngày làm việc" in form.error_label.text()

    fill(form, CULTURE_DAY, "workday", "x" * 201)
    assert save_refused(qtbot, form) == ["name"]

    fill(form, CULTURE_DAY, "workday", "Đi làm (không nghỉ Ngày Văn hóa)")
    save(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: shown(panel)[CULTURE_DAY][3] == "Hủy ngày nghỉ lễ (đi làm)", timeout=10_000)
    culture = panel.model.row_at(row_of(panel, CULTURE_DAY))
    assert culture.replaces is not None and culture.replaces.vi == "Ngày Văn hóa Việt Nam"
    settle(ctx, services)
    assert [op for op, _row in outbox(services)] == ["insert", "insert"]  # nothing refused was written


def test_the_calendar_sees_a_change_added_from_the_screen(qtbot, central) -> None:
    services = central
    ctx, _page, panel = open_panel(qtbot, services)
    calendar = CalendarPage(ctx)
    qtbot.addWidget(calendar)
    calendar.resize(1200, 800)
    calendar.show()
    calendar.go_to(EXTRA_TET_DAY)
    qtbot.waitUntil(lambda: calendar.loaded, timeout=10_000)
    assert EXTRA_TET_DAY not in calendar.month.days.overrides

    panel.add_change()
    form = panel.dialog
    fill(form, EXTRA_TET_DAY, "day_off", "Nghỉ Tết Nguyên Đán (bổ sung)")
    save(qtbot, form)
    qtbot.waitUntil(lambda: EXTRA_TET_DAY in calendar.month.days.overrides, timeout=10_000)
    assert calendar.month.days.day_info(EXTRA_TET_DAY).holiday.vi == "Nghỉ Tết Nguyên Đán (bổ sung)"
    settle(ctx, services)
    start = datetime(2026, 2, 13, 9, tzinfo=LOCAL_TZ)
    assert [warning.kind for warning in services.calendar.conflicts(start, None)] == ["holiday"]


def test_the_year_schedule_puts_changes_in_place_of_built_in_days(central) -> None:
    services = central
    services.holidays.create({"day": CULTURE_DAY, "kind": "workday", "name": "Đi làm"})
    services.holidays.create({"day": date(2026, 2, 28), "kind": "workday", "name": "Làm bù cho ngày 13/02"})
    services.holidays.create({"day": date(2026, 8, 22), "kind": "day_off", "name": "Nghỉ, không làm bù"})
    schedule = {entry.day: entry for entry in services.holidays.year_schedule(2026)}
    assert schedule[TET].kind == HOLIDAY and schedule[TET].override is None
    assert schedule[CULTURE_DAY].kind == HOLIDAY_CANCELLED
    assert (
        schedule[date(2026, 2, 28)].kind == MAKE_UP_WORKDAY and schedule[date(2026, 2, 28)].replaces is None
    )
    saturday = schedule[date(2026, 8, 22)]
    assert saturday.kind == EXTRA_DAY_OFF and saturday.replaces is not None
    assert [entry.day for entry in services.holidays.year_schedule(2027) if entry.override] == []


def test_a_stored_change_can_be_renamed_even_if_it_no_longer_changes_the_day(central) -> None:
    """A change stored before the built-in calendar learned the same day off is refused only
    when its day or kind is edited, not when its name is corrected."""
    services = central
    with services.db.session() as session, session.begin():
        row = HolidayOverride(
            day=TET, kind="day_off", name="Tết", office_id=services.ctx.office_id, id=new_id()
        )
        services.ctx.record(session, row, OutboxOp.INSERT, {})
        session.add(row)
    renamed = services.holidays.update(row.id, {"name": "Tết Nguyên Đán"})
    assert renamed.name == "Tết Nguyên Đán"
    with pytest.raises(ValidationError) as refused:
        services.holidays.update(row.id, {"day": date(2026, 2, 18)})
    assert refused.value.fields() == ["kind"]


def screenshot(widget: Any, name: str) -> None:
    if os.environ.get("COMMDESK_SCREENSHOTS"):
        for _ in range(5):  # the list's new height laid out through the enclosing layouts first
            QApplication.processEvents()
        widget.grab().save(os.path.join(os.environ["COMMDESK_SCREENSHOTS"], name))


def test_no_english_for_a_central_desk_in_vietnamese(qtbot, central) -> None:
    from test_translations import _looks_english, _visible_texts

    services = central
    services.holidays.create(
        {"day": EXTRA_TET_DAY, "kind": "day_off", "name": "Nghỉ Tết Nguyên Đán (bổ sung)"}
    )
    services.holidays.create(
        {"day": CULTURE_DAY, "kind": "workday", "name": "Đi làm (không nghỉ Ngày Văn hóa)"}
    )
    ctx, page, panel = open_panel(qtbot, services)
    panel.table.selectRow(row_of(panel, TET))
    panel.add_change()
    form = panel.dialog
    fill(form, TET, "day_off", "")
    save_refused(qtbot, form)
    screenshot(page, "settings-holidays-vi.png")
    screenshot(form, "holiday-form-vi.png")
    english = [text for root in (page, form) for _where, text in _visible_texts(root) if _looks_english(text)]
    assert english == []
    settle(ctx, services)


def test_the_schedule_and_the_form_in_english(qtbot, services, qapp) -> None:
    from app.i18n import set_language

    set_language("en")
    install_translations(qapp, "en")
    ctx, page, panel = open_panel(qtbot, services)
    headers = [panel.model.headerData(n, Qt.Orientation.Horizontal) for n in range(5)]
    assert headers == ["Date", "Weekday", "Name", "Kind", "Source"]
    assert shown(panel)[TET] == ("17 Feb 2026", "Tuesday", "Lunar New Year", "Public holiday")
    assert panel.explanation.text().startswith("Changes to the holiday schedule are published by the central")
    screenshot(page, "settings-holidays-en.png")
    form = HolidayOverrideForm(ctx, day=TET)
    qtbot.addWidget(form)
    assert form.windowTitle() == "New holiday schedule change"
    assert form.day_hint.text() == "Tuesday, public holiday: Lunar New Year"
    assert form.kind.itemText(1).startswith("Day off")
    settle(ctx, services)
