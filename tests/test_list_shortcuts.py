"""The common list shortcuts pressed on the real workspaces of the main window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.ui.app import create_main_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, services):
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.ctx.tasks.pending() == 0, timeout=10_000)


def in_db(window, operation):
    window.ctx.tasks.wait_for_done()
    db = window.ctx.services.db
    thread = db._forbidden_thread
    db.forbid_thread(None)
    try:
        return operation()
    finally:
        db.forbid_thread(thread)


def press_for_dialog(
    qtbot, window, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier
) -> QDialog:
    """Press ``key`` on ``widget`` and return the dialog it opens (closed again, modal or not)."""
    seen: list[QDialog] = []

    def close_when_open(tries: int = 200) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            seen.append(dialog)
            dialog.reject()
        elif tries:
            QTimer.singleShot(20, lambda: close_when_open(tries - 1))

    QTimer.singleShot(0, close_when_open)
    qtbot.keyClick(widget, key, modifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    settle(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return seen[0]


def asked_before_delete(qtbot, monkeypatch, widget: QWidget) -> list[Any]:
    """Press Delete on ``widget``, answering No to the confirmation; what was asked."""
    asked: list[Any] = []

    def question(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(asked))
    return asked


def test_staff_list_keys(qtbot, window, monkeypatch) -> None:
    services = window.ctx.services
    in_db(window, lambda: services.staff.create({"full_name": "Trần Thị Bình", "position": "Chuyên viên"}))
    page = window.show_page("staff")
    tab = page.people
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    tab.table.setFocus()

    dialog = press_for_dialog(qtbot, window, tab.table, Qt.Key.Key_N, CTRL)
    assert "Bình" not in dialog.full_name.text()  # a new, empty record

    qtbot.keyClick(tab.table, Qt.Key.Key_F, CTRL)
    assert tab.search.hasFocus()

    tab.table.setFocus()
    tab.table.selectRow(0)
    dialog = press_for_dialog(qtbot, window, tab.table, Qt.Key.Key_Return)
    assert dialog.full_name.text() == "Trần Thị Bình"
    dialog = press_for_dialog(qtbot, window, tab.table, Qt.Key.Key_E, CTRL)
    assert dialog.full_name.text() == "Trần Thị Bình"

    tab.table.setFocus()
    asked = asked_before_delete(qtbot, monkeypatch, tab.table)
    assert "Trần Thị Bình" in asked[0][2]
    assert in_db(window, lambda: services.staff.count()) == 1

    with qtbot.waitSignal(tab.actions_.refresh.triggered):
        qtbot.keyClick(tab.table, Qt.Key.Key_F5)


def test_the_keys_act_only_on_the_tab_that_has_the_focus(qtbot, window) -> None:
    page = window.show_page("staff")
    settle(qtbot, window)
    page.people.table.setFocus()
    fired: list[str] = []
    page.people.actions_.new.triggered.connect(lambda: fired.append("people"))
    page.units.actions_.new.triggered.connect(lambda: fired.append("units"))
    press_for_dialog(qtbot, window, page.people.table, Qt.Key.Key_N, CTRL)
    assert fired == ["people"]


def test_return_in_the_search_box_does_not_open_a_record(qtbot, window) -> None:
    page = window.show_page("staff")
    settle(qtbot, window)
    opened: list[bool] = []
    page.people.actions_.open.triggered.connect(lambda: opened.append(True))
    page.people.search.setFocus()
    qtbot.keyClick(page.people.search, Qt.Key.Key_Return)
    assert opened == []


def test_budget_list_keys(qtbot, window, monkeypatch) -> None:
    services = window.ctx.services
    in_db(
        window,
        lambda: services.allocations.create(
            {
                "fiscal_year": 2026,
                "funding_source": "programme",
                "task_category": "training",
                "amount": 5_000_000,
            }
        ),
    )
    page = window.show_page("budget")
    page.set_year(2026)
    tab = page.allocations
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    tab.table.setFocus()
    press_for_dialog(qtbot, window, tab.table, Qt.Key.Key_N, CTRL)
    tab.table.setFocus()
    tab.table.selectRow(0)
    press_for_dialog(qtbot, window, tab.table, Qt.Key.Key_Return)
    tab.table.setFocus()
    assert asked_before_delete(qtbot, monkeypatch, tab.table)
    assert in_db(window, lambda: services.allocations.count()) == 1


def test_media_list_keys(qtbot, window, monkeypatch) -> None:
    services = window.ctx.services
    in_db(window, lambda: services.journalists.create({"full_name": "Hoàng Văn Nam"}))
    page = window.show_page("media")
    tab = page.journalists
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    tab.table.setFocus()
    press_for_dialog(qtbot, window, tab.table, Qt.Key.Key_N, CTRL)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F, CTRL)
    assert tab.search.hasFocus()
    tab.table.setFocus()
    tab.table.selectRow(0)
    press_for_dialog(qtbot, window, tab.table, Qt.Key.Key_Return)
    tab.table.setFocus()
    assert asked_before_delete(qtbot, monkeypatch, tab.table)
    assert in_db(window, lambda: services.journalists.count()) == 1

    page.tabs.setCurrentWidget(page.agencies)
    page.agencies.table.setFocus()
    press_for_dialog(qtbot, window, page.agencies.table, Qt.Key.Key_N, CTRL)
    page.agencies.table.setFocus()
    qtbot.keyClick(page.agencies.table, Qt.Key.Key_F, CTRL)
    assert page.agencies.search.hasFocus()


def test_monitoring_and_reports_keys(qtbot, window) -> None:
    page = window.show_page("monitoring")
    settle(qtbot, window)
    page.log.table.setFocus()
    press_for_dialog(qtbot, window, page.log.table, Qt.Key.Key_N, CTRL)
    page.log.table.setFocus()
    qtbot.keyClick(page.log.table, Qt.Key.Key_F, CTRL)
    assert page.log.search.hasFocus()

    reports = window.show_page("reports")
    reports.tabs.setCurrentWidget(reports.history)
    settle(qtbot, window)
    reports.history.table.setFocus()
    with qtbot.waitSignal(reports.history.actions_.refresh.triggered):
        qtbot.keyClick(reports.history.table, Qt.Key.Key_F5)


def test_help_lists_the_list_keys_of_each_page_once(qtbot) -> None:
    from app.ui.help import collect_shortcuts
    from app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    groups = {title: dict(entries) for title, entries in collect_shortcuts(window).items()}
    assert groups["Media · Staff"]["Find (go to the search box)"] == "Ctrl+F"
    assert groups["Budget"]["Delete the selected record (asks first)"] == "Del"
    assert "Find (go to the search box)" not in groups["Budget"]
    assert groups["Monitoring"]["Refresh the list"] == "F5"
    assert "Delete the selected record (asks first)" not in groups["Monitoring"]
    assert groups["Reports"]["Edit the selected record (in the list)"] == "Return"


def row_of(window, key: str) -> int:
    return next(i for i, spec in enumerate(window._specs) if spec.key == key)


def choose_with_the_mouse(qtbot, window, key: str) -> QWidget:
    navigation = window.navigation
    rect = navigation.visualItemRect(navigation.item(row_of(window, key)))
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == key
    settle(qtbot, window)
    return window.page(key)


def choose_with_the_arrow_keys(qtbot, window, key: str) -> QWidget:
    navigation = window.navigation
    navigation.setFocus()
    while navigation.currentRow() != row_of(window, key):
        down = navigation.currentRow() < row_of(window, key)
        qtbot.keyClick(navigation, Qt.Key.Key_Down if down else Qt.Key.Key_Up)
    settle(qtbot, window)
    return window.page(key)


def test_a_page_chosen_with_the_mouse_takes_its_keys_at_once(qtbot, window, monkeypatch) -> None:
    services = window.ctx.services
    in_db(window, lambda: services.staff.create({"full_name": "Trần Thị Bình", "position": "Chuyên viên"}))
    media, calendar = window.page("media"), window.page("calendar")  # built, then hidden
    page = choose_with_the_mouse(qtbot, window, "staff")
    qtbot.waitUntil(lambda: page.people.model.rowCount() == 1, timeout=10_000)
    page.people.table.selectRow(0)
    assert window.navigation.hasFocus()
    fired: list[str] = []
    page.people.actions_.new.triggered.connect(lambda: fired.append("staff"))
    page.units.actions_.new.triggered.connect(lambda: fired.append("units tab, hidden"))
    media.journalists.actions_.new.triggered.connect(lambda: fired.append("media, hidden"))
    calendar.new_button.clicked.connect(lambda: fired.append("calendar, hidden"))

    dialog = press_for_dialog(qtbot, window, window.navigation, Qt.Key.Key_N, CTRL)
    assert fired == ["staff"]
    assert "Bình" not in dialog.full_name.text()
    dialog = press_for_dialog(qtbot, window, window.navigation, Qt.Key.Key_E, CTRL)
    assert dialog.full_name.text() == "Trần Thị Bình"
    assert window.navigation.hasFocus()
    assert "Trần Thị Bình" in asked_before_delete(qtbot, monkeypatch, window.navigation)[0][2]
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, CTRL)
    assert page.people.search.hasFocus()


def test_a_page_chosen_with_the_arrow_keys_takes_its_keys_and_the_arrows_keep_moving(qtbot, window) -> None:
    navigation = window.navigation
    staff = choose_with_the_arrow_keys(qtbot, window, "staff")
    press_for_dialog(qtbot, window, navigation, Qt.Key.Key_N, CTRL)
    assert navigation.hasFocus()

    qtbot.keyClick(navigation, Qt.Key.Key_Down)
    assert window.current_page_key() == "budget"
    budget = window.page("budget")
    settle(qtbot, window)
    fired: list[str] = []
    staff.people.actions_.refresh.triggered.connect(lambda: fired.append("staff, hidden"))
    with qtbot.waitSignal(budget.allocations.actions_.refresh.triggered):
        qtbot.keyClick(navigation, Qt.Key.Key_F5)
    assert fired == []
    qtbot.keyClick(navigation, Qt.Key.Key_Up)
    assert window.current_page_key() == "staff"

    reports = choose_with_the_arrow_keys(qtbot, window, "reports")
    reports.tabs.setCurrentWidget(reports.history)  # the keys of the tab that is shown
    with qtbot.waitSignal(reports.history.actions_.refresh.triggered):
        qtbot.keyClick(navigation, Qt.Key.Key_F5)


def test_the_navigation_list_keeps_its_own_keys(qtbot, window) -> None:
    navigation = window.navigation
    staff = choose_with_the_arrow_keys(qtbot, window, "staff")
    fired: list[str] = []
    greedy = QAction("A tab key the list needs too", staff.people)
    greedy.setShortcut(QKeySequence("Down"))
    greedy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    greedy.triggered.connect(lambda: fired.append("Down"))
    staff.people.addAction(greedy)
    qtbot.keyClick(navigation, Qt.Key.Key_Down)
    assert window.current_page_key() == "budget" and fired == []

    reports = choose_with_the_arrow_keys(qtbot, window, "reports")
    reports.tabs.setCurrentWidget(reports.history)
    navigation.setFocus()
    reports.history.actions_.open.triggered.connect(lambda: fired.append("Return"))
    qtbot.keyClick(navigation, Qt.Key.Key_Return)  # opens a report only from the list of reports
    assert fired == []

    choose_with_the_arrow_keys(qtbot, window, "calendar")  # its Page Up/Down belong to its agenda
    qtbot.keyClick(navigation, Qt.Key.Key_PageDown)
    assert navigation.currentRow() == navigation.count() - 1
    qtbot.keyClick(navigation, Qt.Key.Key_Home)
    assert navigation.currentRow() == 0
