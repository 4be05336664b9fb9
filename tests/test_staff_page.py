"""The Staff workspace driven through its real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.ui.app import build_context
from app.ui.staff.page import StaffPage


@pytest.fixture
def page(qtbot, services):
    ctx = build_context(services)
    page = StaffPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    yield page
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def settle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.ctx.tasks.pending() == 0, timeout=10_000)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def in_db(page, operation):
    """Read the database directly from the test (the GUI thread is otherwise refused)."""
    page.ctx.tasks.wait_for_done()
    db = page.ctx.services.db
    thread = db._forbidden_thread
    db.forbid_thread(None)
    try:
        return operation()
    finally:
        db.forbid_thread(thread)


def test_add_and_edit_a_spokesperson(qtbot, page, qtmodeltester) -> None:
    tab = page.people
    settle(qtbot, page)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.full_name.insert("Trần Thị Bình")
    dialog.position.insert("Chánh Văn phòng")
    dialog.role_checks["spokesperson"].setChecked(True)
    dialog.decision_number.insert("15/QĐ-UBND")
    dialog.decision_date.setDate(QDate(2026, 1, 5))
    qtbot.keyClicks(dialog.email, "not an address")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible())
    assert "Thư điện tử" in dialog.error_label.text()
    assert dialog.errors.fields_marked() == ["email"]
    assert dialog.isVisible() and dialog.full_name.text() == "Trần Thị Bình"  # nothing lost
    dialog.email.setText("binh@example.gov.vn")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, page)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtbot.waitUntil(lambda: tab.model.row_at(0) is not None)
    member = tab.model.row_at(0)
    assert (member.full_name, member.roles, member.decision_date) == (
        "Trần Thị Bình",
        "spokesperson",
        date(2026, 1, 5),
    )
    qtmodeltester.check(tab.model)

    tab.table.selectRow(0)
    tab.edit_member()
    dialog = tab.dialog
    assert dialog.full_name.text() == "Trần Thị Bình" and dialog.role_checks["spokesperson"].isChecked()
    dialog.authorised_from.setDate(QDate(2026, 3, 1))
    dialog.authorised_to.setDate(QDate(2026, 2, 1))
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible())
    assert dialog.errors.fields_marked() == ["authorised_to"]
    dialog.authorised_to.setDate(QDate(2027, 2, 1))
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = in_db(page, lambda: page.ctx.services.staff.get(member.id))
    assert stored.authorised_to == date(2027, 2, 1)


def test_search_and_role_filter(qtbot, services, page) -> None:
    in_db(
        page,
        lambda: [
            services.staff.create({"full_name": "Nguyễn Văn Hùng", "roles": "dedicated"}),
            services.staff.create({"full_name": "Lê Thị Đào", "roles": "spokesperson"}),
        ],
    )
    tab = page.people
    tab.reload()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    qtbot.keyClicks(tab.search, "nguyen van hung")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.search.clear()
    tab.role.setCurrentIndex(tab.role.findData("spokesperson"))
    settle(qtbot, page)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.row_at(0) is not None)
    assert tab.model.row_at(0).full_name == "Lê Thị Đào"


def test_register_flags_and_exports(qtbot, services, page, tmp_path, qtmodeltester) -> None:
    from datetime import datetime

    from app.services.fields import LOCAL_TZ

    in_db(
        page,
        lambda: [
            services.staff.create(
                {
                    "full_name": "Trần Thị Bình",
                    "roles": "spokesperson",
                    "decision_number": "15/QĐ-UBND",
                    "decision_date": "2026-01-05",
                    "published_on_portal_at": datetime(2026, 1, 9, 8, tzinfo=LOCAL_TZ),
                }
            ),
            services.staff.create(
                {"full_name": "Lê Văn Cường", "roles": "authorised_speaker", "authorised_to": "2020-01-01"}
            ),
        ],
    )
    page.show_tab(page.register)
    qtbot.waitUntil(lambda: page.register.model.rowCount() == 2)
    model = page.register.model
    qtmodeltester.check(model)
    texts = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert "Published late" in texts[0] or "Đã công bố muộn" in texts[0]
    assert any(t.startswith(("Expired", "Hết hiệu lực")) for t in texts[1])
    assert "24" in page.register.summary.text()
    out = tmp_path / "register.pdf"
    page.register.export("pdf", out)
    qtbot.waitUntil(lambda: page.register.last_export == out, timeout=10_000)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Trần Thị Bình" in text and "Lê Văn Cường" not in text  # expired: not published


def test_units_and_focal_point_coverage(qtbot, services, page, qtmodeltester) -> None:
    person = in_db(page, lambda: services.staff.create({"full_name": "Ngô Thu Hà", "roles": "dedicated"}))
    in_db(page, lambda: services.units.create({"name": "Sở Y tế", "kind": "department"}))
    tab = page.show_tab(page.units)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert "0" in tab.coverage_label.text() and tab.coverage_bar.value() == 0
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.name.insert("Sở Tài chính")
    dialog.focal_point.setCurrentIndex(dialog.focal_point.findData(person.id))
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    qtbot.waitUntil(lambda: tab.coverage is not None and tab.coverage.covered == 1)
    assert tab.coverage_bar.value() == 1 and tab.coverage_bar.maximum() == 2
    qtmodeltester.check(tab.model)


def test_record_a_course_for_three_officers(qtbot, services, page, qtmodeltester) -> None:
    people = in_db(
        page,
        lambda: [
            services.staff.create({"full_name": name, "roles": "dedicated"})
            for name in ("Ngô Thu Hà", "Lê Văn Cường", "Trần Thị Bình", "Phạm Minh Đức")
        ],
    )
    tab = page.show_tab(page.training)
    tab.year.setValue(2026)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: len(tab.names) == 4)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible())
    assert "staff_id" in dialog.errors.fields_marked()
    qtbot.keyClicks(dialog.people_filter, "tran thi")
    visible = [
        dialog.people.item(r).text()
        for r in range(dialog.people.count())
        if not dialog.people.item(r).isHidden()
    ]
    assert visible == ["Trần Thị Bình"]
    dialog.people_filter.clear()
    for row in range(dialog.people.count()):
        item = dialog.people.item(row)
        if item.text() != "Phạm Minh Đức":
            item.setCheckState(Qt.CheckState.Checked)
    dialog.course.insert("Truyền thông khủng hoảng")
    dialog.starts_on.setDate(QDate(2026, 4, 10))
    dialog.ends_on.setDate(QDate(2026, 4, 11))
    dialog.hours.setValue(16)
    qtbot.keyClicks(dialog.cost, "1.500.000")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)
    qtbot.waitUntil(lambda: tab.hours_model.rowCount() == 3)
    assert {tab.hours_model.row_at(r).hours for r in range(3)} == {16}
    stored = in_db(page, lambda: services.trainings.list())
    assert {r.staff_id for r in stored} == {p.id for p in people[:3]}
    assert {r.cost for r in stored} == {1_500_000}
    for model in (tab.model, tab.hours_model, tab.expiring_model):
        qtmodeltester.check(model)
    assert "Phạm Minh Đức" in tab.plan.toPlainText()  # dedicated, no training yet


def test_workload_tab(qtbot, services, page, qtmodeltester) -> None:
    from datetime import datetime

    from app.services.fields import LOCAL_TZ

    def create():
        chair = services.staff.create({"full_name": "Trần Thị Bình", "roles": "head"})
        services.activities.create(
            {
                "type": "press_conference_regular",
                "nature": "regular",
                "status": "done",
                "mode": "in_person",
                "title": "Họp báo quý II",
                "starts_at": datetime(2026, 5, 5, 9, tzinfo=LOCAL_TZ),
                "chair_id": chair.id,
            }
        )

    in_db(page, create)
    tab = page.show_tab(page.workload)
    tab.year.setValue(2026)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.index(0, 2).data() == "1 · 0"
    assert tab.model.index(0, 5).data() == "1"
    qtmodeltester.check(tab.model)
