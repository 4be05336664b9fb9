"""The Calendar page driven through its real widgets."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app.models import AuditEntry
from app.services import Services
from app.services.recurrence import LOCAL_TZ, parse_exdates
from app.ui.app import build_context
from app.ui.calendar.agenda import AgendaModel
from app.ui.calendar.common import HOLIDAY_BACKGROUND
from app.ui.calendar.ical_dialogs import ExportDialog, ImportDialog, PreviewModel
from app.ui.calendar.invitees import InviteeModel, InviteeRow
from app.ui.calendar.page import CalendarPage
from app.ui.calendar.reminders import Reminders, due_reminders, startup_summary
from tests.calendar_fixtures import activity, local, person
from tests.ui_pages import direct, settle

MARCH = date(2026, 3, 10)


@pytest.fixture
def open_page(qtbot: Any, open_ui_page: Any) -> Callable[..., CalendarPage]:
    """``open_page(day)``: the Calendar page shown at ``day``'s month with its items loaded."""

    def open_at(day: date = MARCH) -> CalendarPage:
        page: CalendarPage = open_ui_page(CalendarPage, (1300, 820))
        page.go_to(day)
        qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
        settle(qtbot, page.ctx)
        return page

    return open_at


def mouse(widget: QWidget, kind: QMouseEvent.Type, point: QPoint, buttons: Qt.MouseButton) -> None:
    event = QMouseEvent(
        kind,
        QPointF(point),
        QPointF(widget.mapToGlobal(point)),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPoint, end: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    mouse(widget, QMouseEvent.Type.MouseButtonPress, start, left)
    steps = 6
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        mouse(widget, QMouseEvent.Type.MouseMove, point, left)
    mouse(widget, QMouseEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def wait_for(qtbot: Any, page: CalendarPage, check: Callable[[Services], bool]) -> None:
    def ok() -> bool:
        with direct(page.ctx.services, page.ctx) as services:
            return check(services)

    qtbot.waitUntil(ok, timeout=10_000)


def month_items(page: CalendarPage, day: date) -> list[str]:
    return [o.activity.title for o in page.month.occurrences_on(day)]


# ----- creating, editing, approving ----------------------------------------------------------


def test_create_a_press_conference_with_invitees_and_a_conflict_warning(
    qtbot: Any, services: Services, open_page: Any
) -> None:
    spokesperson = person(services, "Trần Thị Bình")
    activity(
        services,
        "Đối thoại doanh nghiệp",
        local(2026, 3, 12, 9),
        type="dialogue",
        spokesperson_id=spokesperson.id,
    )
    agency = services.agencies.create({"name": "Báo Nhân Dân", "kind": "newspaper", "level": "central"})
    journalist = services.journalists.create({"full_name": "Phạm Minh Đức", "agency_id": agency.id})
    page = open_page()
    editor = page.new_activity(local(2026, 3, 12, 9, 30))
    qtbot.waitUntil(lambda: editor.ready)
    seen: list[list[Any]] = []
    editor.accept_conflicts = lambda warnings: seen.append(warnings) or True
    editor.title.setText("Họp báo thường kỳ quý I")
    editor.type.setCurrentIndex(editor.type.findData("press_conference_regular"))
    editor.spokesperson.setCurrentIndex(editor.spokesperson.findData(spokesperson.id))
    assert editor.invitee_box.isVisibleTo(editor) and not editor.emergency_box.isVisibleTo(editor)
    editor.journalist_pick.setText("Phạm Minh Đức — Báo Nhân Dân")
    qtbot.mouseClick(editor.invite_button, Qt.MouseButton.LeftButton)
    editor.agency_pick.setText("Báo Nhân Dân")
    qtbot.mouseClick(editor.invite_button, Qt.MouseButton.LeftButton)
    assert editor.invitee_model.rowCount() == 2
    qtbot.waitUntil(lambda: editor.conflicts.isVisibleTo(editor))  # the live warning
    assert "Trần Thị Bình" in editor.conflicts.text()
    editor.save()
    qtbot.waitUntil(lambda: editor.saved_row is not None, timeout=10_000)
    assert seen and seen[0][0].kind == "double_booked"
    qtbot.waitUntil(lambda: "Họp báo thường kỳ quý I" in month_items(page, date(2026, 3, 12)))
    with direct(services, page.ctx):
        row = editor.saved_row
        assert row.spokesperson_id == spokesperson.id and row.status == "planned"
        invited = services.invitees.list({"activity_id": row.id})
        assert {(i.agency_id, i.journalist_id) for i in invited} == {(None, journalist.id), (agency.id, None)}
        timeline = services.interactions.list({"journalist_id": journalist.id})
        assert [i.kind for i in timeline] == ["invitation"]


def test_editor_refuses_bad_input_and_keeps_it(qtbot: Any, services: Services, open_page: Any) -> None:
    page = open_page()
    editor = page.new_activity(local(2026, 3, 12, 9))
    qtbot.waitUntil(lambda: editor.ready)
    editor.accept_conflicts = lambda _w: True
    editor.title.setText("   ")
    editor.planned_cost.setText("12 triệu")
    editor.save()
    qtbot.waitUntil(lambda: editor.error_label.isVisibleTo(editor), timeout=10_000)
    assert set(editor.errors.fields_marked()) >= {"title", "planned_cost"}
    assert editor.isVisible() and editor.planned_cost.text() == "12 triệu"


def test_emergency_statement_shows_the_24_hour_deadline(
    qtbot: Any, services: Services, open_page: Any
) -> None:
    page = open_page()
    editor = page.new_activity(local(2026, 3, 12, 9))
    qtbot.waitUntil(lambda: editor.ready)
    editor.type.setCurrentIndex(editor.type.findData("emergency_statement"))
    assert editor.emergency_box.isVisibleTo(editor) and editor.nature.currentData() == "ad_hoc"
    received = datetime.now(UTC) - timedelta(hours=3)
    from app.ui.calendar.editor import to_qt

    editor.case_known.setChecked(True)
    editor.case_received.setDateTime(to_qt(received))
    assert editor.deadline.text() == (received + timedelta(hours=24)).astimezone(LOCAL_TZ).strftime(
        "%H:%M %d/%m/%Y"
    )
    assert re.search(r"(20:5\d|21:00):\d\d", editor.countdown.text())


def test_edit_then_approve_through_the_details_panel(qtbot: Any, services: Services, open_page: Any) -> None:
    services.preferences.set("user.role", "manager")
    row = activity(services, "Họp báo quý I", local(2026, 3, 26, 14))
    page = open_page()
    occurrence = page.month.occurrences_on(date(2026, 3, 26))[0]
    editor = page.edit_occurrence(occurrence)
    qtbot.waitUntil(lambda: editor.ready)
    assert editor.title.text() == "Họp báo quý I"
    editor.accept_conflicts = lambda _w: True
    editor.title.setText("Họp báo định kỳ quý I năm 2026")
    editor.location.setText("Hội trường A")
    editor.save()
    qtbot.waitUntil(lambda: editor.saved_row is not None, timeout=10_000)
    qtbot.waitUntil(lambda: "Họp báo định kỳ quý I năm 2026" in month_items(page, date(2026, 3, 26)))
    page.month.select_occurrence(page.month.occurrences_on(date(2026, 3, 26))[0])
    qtbot.waitUntil(lambda: page.details.workflow_button("approved") is not None, timeout=10_000)
    qtbot.mouseClick(page.details.workflow_button("approved"), Qt.MouseButton.LeftButton)
    wait_for(qtbot, page, lambda s: s.activities.get(row.id).status == "approved")
    with direct(services, page.ctx), services.db.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.row_id == row.id)))
        assert actions == ["insert", "update", "status:approved"]


def test_staff_cannot_approve(qtbot: Any, services: Services, open_page: Any) -> None:
    activity(services, "Họp báo quý I", local(2026, 3, 26, 14))
    page = open_page()
    page.month.select_occurrence(page.month.occurrences_on(date(2026, 3, 26))[0])
    qtbot.waitUntil(lambda: page.details.workflow_button("postponed") is not None, timeout=10_000)
    assert page.details.workflow_button("approved") is None


# ----- drag, resize, undo --------------------------------------------------------------------


def test_drag_in_the_month_view_and_undo(qtbot: Any, services: Services, open_page: Any) -> None:
    row = activity(services, "Thông cáo báo chí", local(2026, 3, 10, 9), type="press_release")
    page = open_page()
    occurrence = page.month.occurrences_on(date(2026, 3, 10))[0]
    source = page.month.slot_rect(occurrence.key)
    assert source is not None
    target = page.month.cell_rect(date(2026, 3, 12)).center()
    drag(page.month, source.center(), target)
    wait_for(qtbot, page, lambda s: s.activities.get(row.id).starts_at == local(2026, 3, 12, 9))
    qtbot.waitUntil(lambda: "Thông cáo báo chí" in month_items(page, date(2026, 3, 12)))
    assert page.undo_stack.canUndo()
    page.undo_action.trigger()
    wait_for(qtbot, page, lambda s: s.activities.get(row.id).starts_at == local(2026, 3, 10, 9))
    page.redo_action.trigger()
    wait_for(qtbot, page, lambda s: s.activities.get(row.id).starts_at == local(2026, 3, 12, 9))


def test_drag_and_resize_in_the_week_view(qtbot: Any, services: Services, open_page: Any) -> None:
    row = activity(services, "Trả lời phỏng vấn", local(2026, 3, 10, 10), hours=1, type="interview")
    page = open_page()
    qtbot.mouseClick(page.findChild(QWidget, "view_week"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            page.loaded
            and page.week.block_rect(f"{row.id}@{row.starts_at.astimezone(UTC).isoformat()}") is not None
        )
    )
    canvas = page.week.canvas
    rect = page.week.block_rect(f"{row.id}@{row.starts_at.astimezone(UTC).isoformat()}")
    assert rect is not None
    # the lower edge from 11:00 down to 12:00
    drag(
        canvas,
        QPoint(rect.center().x(), rect.bottom() - 2),
        QPoint(rect.center().x(), rect.bottom() - 2 + 44),
    )
    wait_for(qtbot, page, lambda s: s.activities.get(row.id).ends_at == local(2026, 3, 10, 12))
    qtbot.waitUntil(lambda: page.loaded)
    settle(qtbot, page.ctx)
    rect = page.week.block_rect(f"{row.id}@{row.starts_at.astimezone(UTC).isoformat()}")
    assert rect is not None
    # the body one day to the right and one hour down
    width = round(canvas.column_width())
    drag(
        canvas,
        QPoint(rect.center().x(), rect.top() + 10),
        QPoint(rect.center().x() + width, rect.top() + 10 + 44),
    )
    wait_for(qtbot, page, lambda s: s.activities.get(row.id).starts_at == local(2026, 3, 11, 11))
    with direct(services, page.ctx):
        assert services.activities.get(row.id).ends_at == local(2026, 3, 11, 13)
    page.undo_action.trigger()
    wait_for(qtbot, page, lambda s: s.activities.get(row.id).starts_at == local(2026, 3, 10, 10))


# ----- recurring series ----------------------------------------------------------------------


def weekly(page: CalendarPage) -> list[Any]:
    return sorted(
        (o for day in page.month.by_day.values() for o in day if o.activity.title.startswith("Giao ban")),
        key=lambda o: o.starts_at,
    )


def test_recurring_series_created_and_edited_through_the_editor(
    qtbot: Any, services: Services, open_page: Any
) -> None:
    page = open_page()
    editor = page.new_activity(local(2026, 3, 2, 8, 30))
    qtbot.waitUntil(lambda: editor.ready)
    editor.accept_conflicts = lambda _w: True
    editor.title.setText("Giao ban báo chí")
    editor.type.setCurrentIndex(editor.type.findData("press_briefing"))
    recurrence = editor.recurrence
    recurrence.frequency.setCurrentIndex(recurrence.frequency.findData("weekly"))
    recurrence.end_mode.setCurrentIndex(recurrence.end_mode.findData("count"))
    recurrence.count.setValue(5)
    assert recurrence.rule_value() == "FREQ=WEEKLY;BYDAY=MO;COUNT=5"
    editor.save()
    qtbot.waitUntil(lambda: len(weekly(page)) == 5, timeout=10_000)

    # this occurrence only
    third = weekly(page)[2]
    editor = page.edit_occurrence(third)
    qtbot.waitUntil(lambda: editor.ready)
    editor.accept_conflicts = lambda _w: True
    editor.choose_scope = lambda: "this"
    editor.title.setText("Giao ban đặc biệt")
    editor.save()
    qtbot.waitUntil(
        lambda: [o.activity.title for o in weekly(page)].count("Giao ban đặc biệt") == 1, timeout=10_000
    )
    assert len(weekly(page)) == 5

    # this and the following ones
    fourth = weekly(page)[3]
    editor = page.edit_occurrence(fourth)
    qtbot.waitUntil(lambda: editor.ready)
    assert editor.recurrence.rule_value() == "FREQ=WEEKLY;BYDAY=MO;COUNT=5"
    editor.accept_conflicts = lambda _w: True
    editor.choose_scope = lambda: "following"
    editor.location.setText("Phòng họp số 2")
    editor.save()
    qtbot.waitUntil(
        lambda: [o.activity.location for o in weekly(page)][3:] == ["Phòng họp số 2"] * 2, timeout=10_000
    )
    assert len(weekly(page)) == 5
    assert len({o.series_id for o in weekly(page)}) == 2

    # delete one occurrence
    page.choose_scope = lambda _verb: "this"
    page.delete_occurrence(weekly(page)[1])
    qtbot.waitUntil(lambda: len(weekly(page)) == 4, timeout=10_000)
    with direct(services, page.ctx):
        first = services.activities.get(weekly(page)[0].series_id)
        assert parse_exdates(first.exdates) == {local(2026, 3, 9, 8, 30).astimezone(UTC)}


# ----- agenda and filters --------------------------------------------------------------------


def test_agenda_loads_only_the_months_that_fill_the_view(
    qtbot: Any, services: Services, open_page: Any
) -> None:
    for day in range(1, 29):
        for hour in (8, 10, 14, 16):
            activity(
                services, f"Đăng tin ngày {day} lúc {hour} giờ", local(2026, 3, day, hour), type="portal_post"
            )
    activity(services, "Thông cáo tháng chín", local(2026, 9, 5, 9), type="press_release")
    page = open_page()
    qtbot.mouseClick(page.findChild(QWidget, "view_agenda"), Qt.MouseButton.LeftButton)
    model = page.agenda_model
    qtbot.waitUntil(lambda: model.rowCount() >= 112 and not model.is_loading())
    qtbot.wait(300)  # the view would ask for more now if it still had room
    assert model.loaded_until <= date(2026, 4, 1)
    assert model.canFetchMore(model.index(-1, -1))


def test_agenda_is_lazy_and_filters(
    qtbot: Any, services: Services, open_page: Any, qtmodeltester: Any
) -> None:
    staff = person(services, "Hoàng Thu Hà")
    activity(
        services, "Phỏng vấn chuyển đổi số", local(2026, 3, 3, 9), type="interview", spokesperson_id=staff.id
    )
    activity(services, "Họp báo thường kỳ", local(2026, 3, 5, 9))
    activity(services, "Thông cáo tháng chín", local(2026, 9, 5, 9), type="press_release", status="done")
    page = open_page()
    qtbot.mouseClick(page.findChild(QWidget, "view_agenda"), Qt.MouseButton.LeftButton)
    model = page.agenda_model
    assert model.end == date(2027, 1, 1)
    qtbot.waitUntil(lambda: model.rowCount() >= 2)
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
        qtbot.waitUntil(lambda: not model.is_loading())
    assert [model.occurrence(i).activity.title for i in range(model.rowCount())] == [
        "Phỏng vấn chuyển đổi số",
        "Họp báo thường kỳ",
        "Thông cáo tháng chín",
    ]
    assert model.data(model.index(0, 5)) == "Hoàng Thu Hà"
    qtmodeltester.check(model)

    page.type_filter.setCurrentIndex(page.type_filter.findData("interview"))
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.occurrence(0).activity.type == "interview")
    page.type_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("done"))
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.occurrence(0).activity.title == "Thông cáo tháng chín",
        timeout=10_000,
    )
    page.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.staff_filter.count() > 1)
    page.staff_filter.setCurrentIndex(page.staff_filter.findData(staff.id))
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.occurrence(0).activity.spokesperson_id == staff.id
    )
    page.staff_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "thong cao")
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.occurrence(0).activity.title == "Thông cáo tháng chín",
        timeout=10_000,
    )


def test_models_pass_the_model_tester(qtbot: Any, services: Services, qtmodeltester: Any) -> None:
    invitees = InviteeModel()
    invitees.add(InviteeRow(None, None, "j1", "Phạm Minh Đức", "Báo Nhân Dân"))
    invitees.add(InviteeRow("i2", "a1", None, "Báo Tuổi Trẻ", "Báo Tuổi Trẻ", "confirmed", "confirmed"))
    assert invitees.setData(invitees.index(1, 2), "attended")
    assert not invitees.setData(invitees.index(1, 2), "maybe")
    qtmodeltester.check(invitees)
    assert [r.id for r in invitees.changed_rows()] == ["i2"]
    from app.services.ical import read_ics
    from tests.test_calendar_ical import OUTLOOK

    preview = PreviewModel()
    preview.set_plan(read_ics(OUTLOOK))
    qtmodeltester.check(preview)
    ctx = build_context(services)
    empty = AgendaModel(ctx)
    qtmodeltester.check(empty)
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


# ----- month view: holidays, lunar dates, keyboard ------------------------------------------


def test_month_view_of_february_2026_shows_tet(qtbot: Any, services: Services, open_page: Any) -> None:
    page = open_page(date(2026, 2, 10))
    month = page.month
    assert month.first_day == date(2026, 1, 26)  # weeks start on Monday
    image = month.grab().toImage()
    cell = month.cell_rect(date(2026, 2, 17))
    inside = cell.bottomRight() - QPoint(6, 6)
    assert QColor(image.pixel(inside)) == HOLIDAY_BACKGROUND
    assert QColor(image.pixel(month.cell_rect(date(2026, 2, 24)).bottomRight() - QPoint(6, 6))) == QColor(
        "white"
    )
    from app.services.vn_days import day_info

    assert str(day_info(date(2026, 2, 17)).holiday) == "Tết Nguyên Đán"
    assert day_info(date(2026, 2, 17)).lunar_label() == "1/1"
    month.select_date(date(2026, 2, 17))
    assert "Tết Nguyên Đán" in page.details.text.text() and "1/1" in page.details.text.text()


def test_keyboard_navigation(qtbot: Any, services: Services, open_page: Any) -> None:
    page = open_page()
    month = page.month
    month.setFocus()
    month.selected_date = date(2026, 3, 10)
    qtbot.keyClick(month, Qt.Key.Key_Right)
    assert month.selected_date == date(2026, 3, 11)
    qtbot.keyClick(month, Qt.Key.Key_Down)
    assert month.selected_date == date(2026, 3, 18)
    qtbot.keyClick(month, Qt.Key.Key_PageDown)
    assert month.selected_date == date(2026, 4, 18) and (month.year, month.month) == (2026, 4)
    assert "04/2026" in page.period.text()
    qtbot.keyClick(month, Qt.Key.Key_PageUp)
    assert (month.year, month.month) == (2026, 3)
    qtbot.keyClick(month, Qt.Key.Key_Home)
    today = datetime.now(LOCAL_TZ).date()
    assert month.selected_date == today and (month.year, month.month) == (today.year, today.month)
    qtbot.keyClick(month, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.editor is not None)
    editor = page.editor
    assert editor is not None
    editor.reject()  # closed before its choices arrive: the late answer is ignored


def test_plus_more_when_a_day_is_full(qtbot: Any, services: Services, open_page: Any) -> None:
    for hour in range(8, 18):
        activity(services, f"Đăng tin {hour}", local(2026, 3, 10, hour), hours=0.5, type="portal_post")
    page = open_page()
    assert page.month.more_count(date(2026, 3, 10)) > 0


# ----- reminders, export and import ---------------------------------------------------------


def test_reminders_and_startup_summary(qtbot: Any, services: Services) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    soon = activity(services, "Họp báo sắp diễn ra", now + timedelta(minutes=20), reminder_minutes=30)
    activity(services, "Chưa đến giờ nhắc", now + timedelta(hours=5))
    activity(services, "Họp báo tuần trước", now - timedelta(days=3))
    due = due_reminders(services, now, 30)
    assert [d.occurrence.activity.id for d in due] == [soon.id]
    summary = startup_summary(services, now)
    assert "Họp báo tuần trước" in [o.activity.title for o in summary.not_closed]
    ctx = build_context(services)
    reminders = Reminders(ctx)
    reminders.check()
    qtbot.waitUntil(lambda: len(reminders.shown) == 1)
    assert reminders.shown[0][1] == "Họp báo sắp diễn ra"
    reminders.check()
    ctx.tasks.wait_for_done()
    qtbot.wait(50)
    assert len(reminders.shown) == 1  # once per occurrence
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def test_export_and_import_dialogs(qtbot: Any, services: Services, open_page: Any, tmp_path: Path) -> None:
    activity(services, "Họp báo thường kỳ", local(2026, 3, 5, 9))
    page = open_page()
    target = tmp_path / "lich.ics"
    export = ExportDialog(page.ctx, (local(2026, 3, 1, 0), local(2026, 4, 1, 0)), page.filters, None, page)
    qtbot.addWidget(export)
    export.path.setText(str(target))
    export.export()
    qtbot.waitUntil(lambda: target.exists() and export.message.text() != "", timeout=10_000)
    assert "Họp báo thường kỳ" in target.read_text(encoding="utf-8")
    source = tmp_path / "outlook.ics"
    from tests.test_calendar_ical import OUTLOOK

    source.write_text(OUTLOOK, encoding="utf-8")
    dialog = ImportDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.load(source)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    assert dialog.problems.count() >= 3 and dialog.import_button.isEnabled()
    dialog.default_type.setCurrentIndex(dialog.default_type.findData("press_release"))
    dialog.run_import()
    wait_for(qtbot, page, lambda s: s.activities.count() == 4)
    with direct(services, page.ctx):
        untitled = [r for r in services.activities.list() if r.ical_uid == "google-1@google.com"]
        assert untitled[0].type == "press_release"  # the chosen type for what was not recognised


@pytest.fixture(autouse=True)
def _no_leftover_windows(qtbot: Any) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.windowTitle():
            widget.close()


def test_calendar_settings_section_sets_the_role(qtbot: Any, services: Services) -> None:
    from app.ui.calendar.settings_section import CalendarSection

    ctx = build_context(services)
    section = CalendarSection(ctx)
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section._loaded != {}, timeout=10_000)
    combo = section._editors["user.role"].widget
    combo.setCurrentIndex(combo.findData("manager"))
    section.save()
    ctx.tasks.wait_for_done()
    qtbot.waitUntil(lambda: ctx.tasks.pending() == 0)
    services.db.forbid_thread(None)
    assert services.calendar.role() == "manager"
    assert services.calendar.allowed_statuses("planned")[0] == "approved"
