"""Unexpected errors and unusable databases: a dialog and a way out, never a silent exit."""

import logging
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app import db as db_module
from app.errors import DatabaseUnavailable
from app.logs import setup_logging, shutdown_logging
from app.paths import backup_dir, database_path
from app.services import open_services
from app.services.backup import back_up_now
from app.ui.app import DesktopApp
from app.ui.crash import CrashDialog, CrashReporter
from app.ui.database_problem import BackupChooser, DatabaseProblemDialog
from tests.conftest import OFFICE


@pytest.fixture
def log_path(data_dir):
    path = setup_logging(data_dir)
    yield path
    shutdown_logging()


@pytest.fixture
def reporter(log_path):
    reporter = CrashReporter(log_path)
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()


def _raise_and_hook(reporter: CrashReporter, error: BaseException) -> None:
    try:
        raise error
    except type(error) as caught:
        reporter.excepthook(type(caught), caught, caught.__traceback__)


def test_an_unexpected_error_shows_what_happened_and_where_the_log_is(qtbot, reporter, log_path) -> None:
    _raise_and_hook(reporter, ZeroDivisionError("division by zero in the budget summary"))
    dialog = reporter.dialog
    assert isinstance(dialog, CrashDialog) and dialog.isVisible()
    assert "ZeroDivisionError: division by zero in the budget summary" in dialog.summary_label.text()
    assert str(log_path) in dialog.log_label.text()
    assert "Traceback" in dialog.details.toPlainText()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "division by zero in the budget summary" in log_path.read_text(encoding="utf-8")

    # A second error while the dialog is open is logged, not stacked as another dialog.
    _raise_and_hook(reporter, KeyError("second"))
    assert reporter.dialog is dialog and reporter.reported == 2

    dialog.continue_button.click()
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_quit_from_the_crash_dialog_ends_the_app_with_an_error_code(qtbot, log_path) -> None:
    codes = []
    reporter = CrashReporter(log_path, quit=codes.append)
    _raise_and_hook(reporter, RuntimeError("boom"))
    reporter.dialog.quit_button.click()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    assert codes == [1]


def test_an_error_in_a_worker_thread_reaches_the_dialog(qtbot, reporter) -> None:
    def work() -> None:
        raise ValueError("bad feed entry")

    thread = threading.Thread(target=work, name="feed-reader")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert "bad feed entry" in reporter.dialog.summary_label.text()
    reporter.dialog.continue_button.click()


def test_an_exception_escaping_a_slot_goes_through_the_hook(qtbot, reporter) -> None:
    from PySide6.QtCore import QTimer

    def slot() -> None:
        raise LookupError("missing journalist")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert "missing journalist" in reporter.dialog.summary_label.text()
    reporter.dialog.continue_button.click()


def _hold_exclusive_lock(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("BEGIN EXCLUSIVE")
    return connection


def test_a_locked_database_at_start_up_offers_retry_and_then_opens(qtbot, data_dir, monkeypatch) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    path = database_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    blocker = _hold_exclusive_lock(path)
    asked = []

    def ask(error):
        asked.append(error)
        dialog = DatabaseProblemDialog(error, path, at_start=True)
        qtbot.addWidget(dialog)
        assert dialog.retry_button is not None
        assert "khóa" in str(error)  # Vietnamese: the database is locked
        blocker.rollback()
        blocker.close()
        return "retry", None

    desktop = DesktopApp(data_dir, "vi")
    services = desktop.open_services(ask)
    try:
        assert len(asked) == 1
        assert isinstance(asked[0], DatabaseUnavailable) and asked[0].kind == "locked"
        assert services is not None and services.offices.current() is None
    finally:
        services.close()


def test_the_user_may_quit_when_the_database_stays_locked(qtbot, data_dir, monkeypatch) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    path = database_path(data_dir)
    blocker = _hold_exclusive_lock(path)
    try:
        desktop = DesktopApp(data_dir, "vi")
        assert desktop.open_services(lambda _error: ("quit", None)) is None
    finally:
        blocker.close()


def _make_database_with_backup(data_dir: Path) -> Path:
    services = open_services(data_dir, actor="tester")
    try:
        services.offices.set_up(dict(OFFICE))
        services.journalists.create({"full_name": "Lê Thị Hoa"})
        return back_up_now(services)
    finally:
        services.close()


def _corrupt(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    with path.open("r+b") as handle:
        handle.seek(0)
        handle.write(b"this is no longer a database" * 200)


def test_a_corrupt_database_at_start_up_is_restored_from_a_backup(qtbot, data_dir) -> None:
    backup = _make_database_with_backup(data_dir)
    path = database_path(data_dir)
    _corrupt(path)
    seen = []

    def ask(error):
        seen.append(error)
        dialog = DatabaseProblemDialog(error, path, at_start=True)
        qtbot.addWidget(dialog)
        assert dialog.restore_button is not None and dialog.restore_button.isDefault()
        chooser = BackupChooser(backup_dir(data_dir), dialog)
        qtbot.addWidget(chooser)
        assert chooser.list.count() >= 1
        assert Path(chooser.list.item(0).data(256)) == backup  # newest first
        return "restore", backup

    services = DesktopApp(data_dir, "vi").open_services(ask)
    try:
        assert [e.kind for e in seen] == ["corrupt"]
        assert [j.full_name for j in services.journalists.list()] == ["Lê Thị Hoa"]
    finally:
        services.close()
    damaged = list(backup_dir(data_dir).glob("damaged-*.sqlite3"))
    assert len(damaged) == 1 and damaged[0].read_bytes().startswith(b"this is no longer")


def test_a_database_damaged_during_work_is_recognised(qtbot, services) -> None:
    from app.ui.app import build_context

    ctx = build_context(services)
    recognised = []
    failures = []
    ctx.tasks.recognised_error.connect(recognised.append)

    def fail() -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    ctx.tasks.run_db(fail, None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], DatabaseUnavailable) and failures[0].kind == "corrupt"
    assert "bị hỏng" in str(failures[0])
    assert recognised == failures
    ctx.tasks.wait_for_done()
    QCoreApplication.processEvents()
    services.db.forbid_thread(None)
