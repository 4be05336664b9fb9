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


def _settle(desktop: DesktopApp) -> None:
    assert desktop.window is not None
    desktop.window.ctx.tasks.wait_for_done()
    QCoreApplication.processEvents()


def test_start_shows_the_window_and_takes_the_daily_backup_once(qtbot, data_dir) -> None:
    _prepare(data_dir)
    desktop = DesktopApp(data_dir, "vi")
    try:
        assert desktop.start()
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
        assert desktop.start()
        desktop.window.resize(700, 500)
        desktop.window.show_page("settings")
        _settle(desktop)
        desktop.window.close()  # saves the state
    finally:
        desktop.shutdown()
    again = DesktopApp(data_dir, "vi")
    try:
        assert again.start()
        assert again.window.current_page_key() == "settings"
        assert again.window.size().width() == 700
    finally:
        again.shutdown()


def test_restore_while_running_closes_replaces_and_reopens(qtbot, data_dir) -> None:
    _prepare(data_dir)
    desktop = DesktopApp(data_dir, "vi")
    try:
        assert desktop.start()
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
        assert desktop.start()
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
    assert out.count("ok    ") == 5
