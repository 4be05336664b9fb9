"""The desktop shell: start-up, daily backup, restore while running, remembered window state."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services import open_services
from app.services.backup import BACKUP_PATTERN, back_up_now, daily_backup, list_backups, verify_backup
from app.ui.app import DesktopApp
from tests.conftest import OFFICE


def _prepare(data_dir: Path) -> None:
    services = open_services(data_dir, actor="tester")
    try:
        services.offices.set_up(dict(OFFICE))
    finally:
        services.close()


def _start(qtbot, desktop: DesktopApp) -> None:
    """Start as the app does: the frame at once, the data opened in the background."""
    with qtbot.waitSignal(desktop.ready, timeout=30_000):
        assert desktop.start()
        assert desktop.window is not None and desktop.window.isVisible()


def _settle(desktop: DesktopApp) -> None:
    assert desktop.window is not None
    desktop.window.ctx.tasks.wait_for_done()
    QCoreApplication.processEvents()


def test_start_shows_the_window_and_takes_the_daily_backup_once(qtbot, data_dir) -> None:
    _prepare(data_dir)
    desktop = DesktopApp(data_dir, "vi")
    try:
        _start(qtbot, desktop)
        window = desktop.window
        assert window.isVisible()
        qtbot.waitUntil(lambda: len(list((data_dir / "backups").glob(BACKUP_PATTERN))) == 1)
        desktop.daily_backup()
        _settle(desktop)
        assert len(list((data_dir / "backups").glob(BACKUP_PATTERN))) == 1
        assert [a.text() for a in window.file_menu.actions() if a.text()][:2] == [
            "&Sao lưu ngay",
            "&Khôi phục từ bản sao lưu…",
        ]
    finally:
        desktop.shutdown()


def test_window_geometry_and_page_are_remembered(qtbot, data_dir) -> None:
    _prepare(data_dir)
    desktop = DesktopApp(data_dir, "vi")
    try:
        _start(qtbot, desktop)
        desktop.window.resize(700, 500)
        desktop.window.show_page("settings")
        _settle(desktop)
        desktop.window.close()  # saves the state
    finally:
        desktop.shutdown()
    again = DesktopApp(data_dir, "vi")
    try:
        _start(qtbot, again)
        assert again.window.current_page_key() == "settings"
        assert again.window.size().width() == 700
    finally:
        again.shutdown()


def test_restore_while_running_closes_replaces_and_reopens(qtbot, data_dir) -> None:
    _prepare(data_dir)
    desktop = DesktopApp(data_dir, "vi")
    try:
        _start(qtbot, desktop)
        services = desktop.services
        ctx = desktop.window.ctx
        made = []
        ctx.tasks.run_db(lambda: services.journalists.create({"full_name": "Phạm Minh Tuấn"}), made.append)
        qtbot.waitUntil(lambda: bool(made))
        copies = []
        ctx.tasks.run_db(lambda: back_up_now(services), copies.append)
        qtbot.waitUntil(lambda: bool(copies))
        ctx.tasks.run_db(
            lambda: services.journalists.create({"full_name": "Added after the backup"}), made.append
        )
        qtbot.waitUntil(lambda: len(made) == 2)
        desktop.window.show_page("settings")
        old_window = desktop.window

        safety = desktop.replace_database(copies[0])

        assert desktop.window is not old_window and desktop.window.isVisible()
        assert desktop.window.current_page_key() == "settings"
        assert safety is not None and safety.name.startswith("pre-restore-")
        verify_backup(safety)
        _settle(desktop)
        desktop.services.db.forbid_thread(None)
        names = sorted(j.full_name for j in desktop.services.journalists.list())
        assert names == ["Phạm Minh Tuấn"]
    finally:
        desktop.shutdown()


def test_a_refused_backup_leaves_the_data_as_it_was(qtbot, data_dir, tmp_path) -> None:
    _prepare(data_dir)
    not_a_backup = tmp_path / "notes.sqlite3"
    not_a_backup.write_text("hello", encoding="utf-8")
    desktop = DesktopApp(data_dir, "vi")
    try:
        _start(qtbot, desktop)
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox

        def close_warning() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                assert "không phải cơ sở dữ liệu CommDesk" in box.text()
                box.accept()
            else:
                QTimer.singleShot(10, close_warning)

        QTimer.singleShot(0, close_warning)
        assert desktop.replace_database(not_a_backup) is None
        _settle(desktop)
        desktop.services.db.forbid_thread(None)
        assert desktop.services.offices.current().code == OFFICE["code"]
    finally:
        desktop.shutdown()


def test_daily_backup_keeps_the_newest_copies(services, tmp_path) -> None:
    from datetime import datetime, timedelta

    folder = tmp_path / "elsewhere"
    services.preferences.update({"backup.folder": str(folder), "backup.keep": 3})
    start = datetime(2026, 3, 1, 8, 0)
    for day in range(5):
        assert daily_backup(services, start + timedelta(days=day)) is not None
        assert daily_backup(services, start + timedelta(days=day, hours=3)) is None  # once a day
    kept = sorted(p.name for p in folder.glob(BACKUP_PATTERN))
    assert kept == [f"commdesk-2026030{d}-080000.sqlite3" for d in (3, 4, 5)]
    assert all(verify_backup(b.path) for b in list_backups(folder))
    services.preferences.set("backup.daily", False)
    assert daily_backup(services, start + timedelta(days=9)) is None


def test_self_test_checks_the_installation(qtbot, data_dir, capsys) -> None:
    from app.cli import main

    _prepare(data_dir)
    assert main(["--data-dir", str(data_dir), "self-test"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert "window: 9 workspaces" in out or "window:" in out
    assert "ok    start-up: window shown in" in out
    assert out.count("ok    ") == 6


def test_the_window_shows_before_the_data_is_open_then_fills_in(qtbot, data_dir) -> None:
    _prepare(data_dir)
    desktop = DesktopApp(data_dir, "vi")
    try:
        with qtbot.waitSignal(desktop.ready, timeout=30_000):
            desktop.start()
            window = desktop.window
            # Phase one: the frame, painted before the data layer answers.
            assert window.isVisible() and not window.is_attached()
            assert window.stack.currentWidget() is window.loading_page
            assert window.loading_page.status.text() == "Đang mở cơ sở dữ liệu…"
            assert "Tổng quan" in window.loading_page.heading.text()
            assert not window.backup_action.isEnabled()
            assert window.navigation.count() == 9
            window.show_page("calendar")  # navigating while it opens just shows the notice
            assert window.stack.currentWidget() is window.loading_page
            assert "Lịch" in window.loading_page.heading.text()
        assert window.is_attached() and desktop.services is not None
        assert window.stack.currentWidget() is window.page("calendar")
        assert window.backup_action.isEnabled() and window.restore_action.isEnabled()
        _settle(desktop)
    finally:
        desktop.shutdown()


def test_first_start_asks_for_the_office_and_cancelling_quits(qtbot, data_dir) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.office_dialog import OfficeDialog

    seen = []

    def cancel_office_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, OfficeDialog):
            seen.append(dialog.parent() is not None and dialog.parent().isVisible())
            dialog.reject()
        else:
            QTimer.singleShot(10, cancel_office_dialog)

    desktop = DesktopApp(data_dir, "vi")
    QTimer.singleShot(0, cancel_office_dialog)
    with qtbot.waitSignal(desktop.gave_up, timeout=30_000):
        desktop.start()
    assert seen == [True]  # over the window frame, which was already up
    assert desktop.window is None and desktop.services is None


def test_a_newer_database_is_refused_at_start_and_left_untouched(qtbot, data_dir) -> None:
    import sqlite3

    from app.errors import DatabaseTooNew
    from app.paths import database_path

    _prepare(data_dir)
    path = database_path(data_dir)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    asked = []
    desktop = DesktopApp(data_dir, "vi")
    desktop.ask_about_problem = lambda error: (asked.append(error), ("quit", None))[1]
    with qtbot.waitSignal(desktop.gave_up, timeout=30_000):
        desktop.start()
    assert len(asked) == 1 and isinstance(asked[0], DatabaseTooNew)
    assert "9999_from_the_future" in str(asked[0])
    assert path.read_bytes() == before
    assert desktop.window is None


def test_a_locked_database_at_start_is_retried_from_the_window(qtbot, data_dir, monkeypatch) -> None:
    import sqlite3

    from app import db as db_module
    from app.paths import database_path

    _prepare(data_dir)
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    path = database_path(data_dir)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("PRAGMA journal_mode = DELETE")
    blocker.execute("BEGIN EXCLUSIVE")
    kinds = []

    def ask(error):
        kinds.append(error.kind)
        assert desktop.window is not None and desktop.window.isVisible()
        blocker.rollback()
        blocker.close()
        return "retry", None

    desktop = DesktopApp(data_dir, "vi")
    desktop.ask_about_problem = ask
    try:
        with qtbot.waitSignal(desktop.ready, timeout=30_000):
            desktop.start()
        assert kinds == ["locked"]
        assert desktop.window.is_attached()
        _settle(desktop)
    finally:
        desktop.shutdown()


def test_closing_the_window_while_the_data_opens_closes_the_data_too(qtbot, data_dir) -> None:
    _prepare(data_dir)
    desktop = DesktopApp(data_dir, "vi")
    desktop.start()
    desktop.shutdown()  # at once: the opening thread finishes, its database is closed
    assert desktop.window is None and desktop.services is None
    QCoreApplication.processEvents()
    assert desktop.window is None


def test_a_language_changed_in_settings_applies_from_the_first_frame_after(qtbot, data_dir) -> None:
    services = open_services(data_dir, actor="tester")
    try:
        services.offices.set_up(dict(OFFICE))
        services.preferences.set("language", "en")
    finally:
        services.close()
    desktop = DesktopApp(data_dir)  # the window state still says Vietnamese (the default)
    try:
        with qtbot.waitSignal(desktop.ready, timeout=30_000):
            desktop.start()
        window = desktop.window
        assert window.is_attached() and window.navigation.item(0).text() == "Dashboard"
        _settle(desktop)
        assert desktop.state.value("language") == "en"
    finally:
        desktop.shutdown()
        from app.ui.app import install_translations

        install_translations(QCoreApplication.instance(), "vi")


def test_first_start_fills_the_window_once_the_office_is_given(qtbot, data_dir) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.office_dialog import OfficeDialog

    def fill_office_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, OfficeDialog):
            dialog.name.setText("Văn phòng UBND tỉnh Lâm Đồng")
            dialog.code.setText("UBND-LD")
            dialog.province.setText("Lâm Đồng")
            dialog.save()
        else:
            QTimer.singleShot(10, fill_office_dialog)

    desktop = DesktopApp(data_dir, "vi")
    QTimer.singleShot(0, fill_office_dialog)
    try:
        with qtbot.waitSignal(desktop.ready, timeout=30_000):
            desktop.start()
        assert desktop.window.is_attached()
        _settle(desktop)
        desktop.services.db.forbid_thread(None)
        assert desktop.services.offices.current().province == "Lâm Đồng"
    finally:
        desktop.shutdown()


def test_self_test_passes_on_a_fresh_installation(qtbot, data_dir, capsys) -> None:
    """Before the first-run dialog there is no office yet: the window is still built and checked."""
    from app.cli import main

    assert main(["--data-dir", str(data_dir), "self-test"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out and "ok    window: 9 workspaces" in out
    assert "ok    start-up: skipped" in out  # the first start asks for the office details


def test_the_office_of_a_sync_login_is_adopted_when_the_data_opens(data_dir) -> None:
    services = open_services(data_dir, actor="tester")
    try:
        assert services.offices.current() is None and services.ctx.office_id == ""
        services.settings.set("sync.office_id", "office-from-the-server")
    finally:
        services.close()
    again = open_services(data_dir, actor="tester")
    try:
        assert again.ctx.office_id == "office-from-the-server"
    finally:
        again.close()


def test_an_unexpected_failure_while_opening_is_reported_not_swallowed(qtbot, data_dir, monkeypatch) -> None:
    import sys

    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: reported.append(error))

    def broken(_self):
        raise RuntimeError("the models could not be mapped")

    monkeypatch.setattr(DesktopApp, "_try_open", broken)
    desktop = DesktopApp(data_dir, "vi")
    try:
        desktop.start()
        qtbot.waitUntil(lambda: bool(reported))
        assert "could not be mapped" in str(reported[0])
        status = desktop.window.loading_page.status.text()
        assert status.startswith("Không mở được dữ liệu") and "could not be mapped" in status
        assert not desktop.window.is_attached() and desktop.services is None
    finally:
        desktop.shutdown()
