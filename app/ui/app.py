"""Starting the desktop application and keeping it safe while it runs.

:class:`DesktopApp` owns the open database and the main window. Start-up has two phases: the
window frame (title, navigation, menus, status bar, an "Opening the database…" notice) is shown
first, from modules that do not load the data layer; SQLAlchemy, the models, the services and
the migration check then run on a background thread, and the pages fill in when they are done.
It opens the database (and offers a way out when it cannot: retry, restore a backup, quit), takes the daily backup,
restores a backup by closing everything, replacing the file and opening it again, remembers
the window's geometry and page, and installs the crash handlers and the log file.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QProcess,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app import __version__
from app.errors import CommDeskError, DatabaseTooNew, DatabaseUnavailable
from app.i18n import SUPPORTED_LANGUAGES, set_language
from app.logs import enable_native_crash_report, log_file, previous_native_crash, setup_logging
from app.paths import backup_dir, database_path
from app.ui.garbage import GuiThreadCollector
from app.ui.main_window import MainWindow

if TYPE_CHECKING:  # the data layer is imported off the GUI thread, after the first paint
    from app.services import Services
    from app.ui.context import UiContext

log = logging.getLogger(__name__)

_translators: list[QTranslator] = []

BACKUP_CHECK_MS = 60 * 60 * 1000  # a PC left on overnight still gets the next day's backup
STATE_FILE = "window-state.ini"


def install_translations(app: QCoreApplication, language: str) -> None:
    """Load our .qm files and Qt's own for ``language`` (English needs none).

    PySide6 ships no ``qtbase_vi.qm``; our own ``qt_vi.qm`` (from ``resources/i18n/qt/vi.json``)
    translates the strings of Qt's standard buttons and dialogs, and is loaded after Qt's so
    it wins wherever both exist.
    """
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    set_language(language)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    if language == "en":
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", qt_dir):
            app.installTranslator(translator)
            _translators.append(translator)
    for name in (f"qt_{language}", f"commdesk_{language}"):
        ours = files("app.resources") / "i18n" / f"{name}.qm"
        translator = QTranslator(app)
        if ours.is_file() and translator.load(str(ours)):
            app.installTranslator(translator)
            _translators.append(translator)


def app_icon() -> QIcon:
    return QIcon(str(files("app.resources") / "icons" / "commdesk.svg"))


@dataclass
class _Opened:
    """What the opening thread hands to the GUI thread."""

    services: Services | None
    error: BaseException | None
    language: str
    has_office: bool


def _warm_up() -> None:
    """Import, off the GUI thread, the modules the GUI thread needs next to fill the window."""
    import app.ui.context
    import app.ui.dashboard.page
    import app.ui.sync.indicator  # noqa: F401


def build_context(services: Services) -> UiContext:
    from app.db import classify_sqlite_error
    from app.ui.context import DataChangedRelay, UiContext
    from app.ui.tasks import TaskRunner

    path = services.db.path
    tasks = TaskRunner(translate_error=lambda error: classify_sqlite_error(error, path))
    relay = DataChangedRelay(services)
    services.db.forbid_thread(threading.get_ident())
    return UiContext(services=services, tasks=tasks, data_changed=relay)


def create_main_window(services: Services) -> MainWindow:
    return MainWindow(build_context(services))


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with crisp rendering on high-DPI screens (fractional scaling kept)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("CommDesk")
    app.setOrganizationName("CommDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("vn.gov.commdesk")
    app.setWindowIcon(app_icon())
    GuiThreadCollector(app)
    return app


class DesktopApp(QObject):
    ready = Signal()  # the data is open and the window's workspaces are real
    gave_up = Signal()  # the user chose to quit before the data was open (or the first-run dialog)
    _opened = Signal()  # from the opening thread: the result waits in ``_opening_result``

    def __init__(self, data_dir: Path, language: str | None = None, log_path: Path | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.language_override = language
        self.log_path = log_path or log_file(data_dir)
        self.state = QSettings(str(data_dir / STATE_FILE), QSettings.Format.IniFormat)
        self.services: Services | None = None
        self.window: MainWindow | None = None
        self.ask_about_problem: Callable[[CommDeskError], tuple[str, Path | None]] = self._ask_about_problem
        self._problem_open = False
        self._frame_language = ""
        self._crashed_last_time: Path | None = None
        self._opener: threading.Thread | None = None
        self._opening_result: _Opened | None = None
        self._opened.connect(self._data_opened)
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self.daily_backup)

    # -- language -----------------------------------------------------------------------------
    def _language(self, services: Services | None) -> str:
        chosen = self.language_override
        if chosen is None and services is not None:
            chosen = services.preferences.get("language")
        if chosen is None:
            chosen = str(self.state.value("language", "vi"))
        return chosen if chosen in SUPPORTED_LANGUAGES else "vi"

    # -- opening the database -------------------------------------------------------------------
    def open_services(
        self, ask: Callable[[CommDeskError], tuple[str, Path | None]] | None = None
    ) -> Services | None:
        """Open the database here and now; on a problem ask the user (retry / restore / quit)."""
        ask = ask or self.ask_about_problem
        install_translations(QCoreApplication.instance() or QApplication([]), self._language(None))
        while True:
            try:
                return self._try_open()
            except (DatabaseUnavailable, DatabaseTooNew) as exc:
                log.warning("cannot open the database: %s", exc.message.en)
                choice, backup = ask(exc)
                if choice == "retry":
                    continue
                if choice == "restore" and backup is not None:
                    self._restore_or_warn(backup)
                    continue
                return None

    def _try_open(self) -> Services:
        from app.db import classify_sqlite_error
        from app.services import open_services

        path = database_path(self.data_dir)
        try:
            return open_services(self.data_dir)
        except CommDeskError:
            raise
        except Exception as exc:
            unavailable = classify_sqlite_error(exc, path)
            if unavailable is None:
                raise
            raise unavailable from exc

    def _restore_or_warn(self, backup: Path) -> None:
        try:
            self._restore_file(backup)
        except CommDeskError as problem:
            QMessageBox.warning(self.window, "CommDesk", str(problem))

    def _ask_about_problem(self, error: CommDeskError) -> tuple[str, Path | None]:
        from app.ui.database_problem import DatabaseProblemDialog

        dialog = DatabaseProblemDialog(error, database_path(self.data_dir), at_start=True, parent=self.window)
        dialog.exec()
        return dialog.choice, dialog.backup

    # -- the window ---------------------------------------------------------------------------
    def start(self, crashed_last_time: Path | None = None) -> bool:
        """Show the window frame now and open the data on a background thread.

        Returns True once the frame is shown. What follows is signalled: ``ready`` when the
        workspaces are filled, ``gave_up`` when the user chose to quit instead (a database that
        cannot be opened, the first-run office details cancelled).
        """
        self._frame_language = self._language(None)
        install_translations(QCoreApplication.instance(), self._frame_language)  # type: ignore[arg-type]
        self._crashed_last_time = crashed_last_time
        self._show_frame()
        self._open_in_background()
        return True

    def _show_frame(self, like: MainWindow | None = None) -> MainWindow:
        window = MainWindow(database=database_path(self.data_dir))
        window.closing.connect(self._save_window_state)
        if like is None:
            self._restore_window_state(window)
        else:
            window.restoreGeometry(like.saveGeometry())
            window.navigation.setCurrentRow(like.navigation.currentRow())
        self.window = window
        window.show()
        return window

    def _open_in_background(self) -> None:
        def work() -> None:
            try:
                services = self._try_open()
                try:
                    opened = _Opened(
                        services, None, self._language(services), services.offices.current() is not None
                    )
                    _warm_up()
                except BaseException:
                    services.close()
                    raise
            except BaseException as exc:
                opened = _Opened(None, exc, "", False)
            self._opening_result = opened
            self._opened.emit()

        self._opener = threading.Thread(target=work, name="open-database", daemon=True)
        self._opener.start()

    @Slot()
    def _data_opened(self) -> None:
        opened, self._opening_result = self._opening_result, None
        if opened is None:
            return  # already taken by shutdown()
        if self.window is None:  # the window was closed while the data was opening
            if opened.services is not None:
                opened.services.close()
            return
        if opened.services is None:
            assert opened.error is not None
            self._opening_failed(opened.error)
        else:
            self._attach(opened)

    def _opening_failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailable | DatabaseTooNew):
            log.warning("cannot open the database: %s", error.message.en)
            choice, backup = self.ask_about_problem(error)
            if choice == "restore" and backup is not None:
                self._restore_or_warn(backup)
            if choice in ("retry", "restore") and self.window is not None:
                self._open_in_background()
                return
            self._give_up()
            return
        assert self.window is not None
        self.window.show_loading_problem(
            self.tr("The data could not be opened: %1. The log file has the details.").replace(
                "%1", str(error)
            )
        )
        sys.excepthook(type(error), error, error.__traceback__)

    def _attach(self, opened: _Opened) -> None:
        services = opened.services
        assert services is not None and self.window is not None
        window = self.window
        if opened.language != self._frame_language:  # changed in Settings since the last start
            self._frame_language = opened.language
            install_translations(QCoreApplication.instance(), opened.language)  # type: ignore[arg-type]
            window = self._show_frame(like=window)
            self._drop_frame_before(window)
        self.state.setValue("language", opened.language)
        self.services = services
        ctx = self._context(services)
        if not opened.has_office:  # asked before the workspaces, which need to know the office
            from app.ui.office_dialog import OfficeDialog

            if OfficeDialog(ctx, window).exec() != QDialog.DialogCode.Accepted:
                ctx.tasks.wait_for_done()
                ctx.data_changed.detach()
                self._give_up()
                return
        window.attach(ctx)
        self._start_background_work(window)
        QTimer.singleShot(0, self.daily_backup)
        crashed = self._crashed_last_time
        if crashed is not None:
            QTimer.singleShot(0, lambda: self._tell_about_crash(crashed))
        self.ready.emit()

    def _drop_frame_before(self, window: MainWindow) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget is not window and not widget.is_attached():
                widget.closing.disconnect(self._save_window_state)
                widget.close()
                widget.deleteLater()

    def _give_up(self) -> None:
        self.shutdown()
        self.gave_up.emit()

    def _start_background_work(self, window: MainWindow) -> None:
        start_reminders(window.ctx, window)
        start_monitoring(window.ctx, window)
        start_mail_outbox(window.ctx, window)
        self._backup_timer.start()

    def _context(self, services: Services) -> UiContext:
        ctx = build_context(services)
        ctx.extras.update(
            {"restore": self.restore, "restart": self.restart, "log_path": self.log_path, "app": self}
        )
        ctx.tasks.recognised_error.connect(self._database_problem_during_work)
        return ctx

    def _build_window(self, services: Services) -> MainWindow:
        window = MainWindow(self._context(services))
        window.closing.connect(self._save_window_state)
        self.services, self.window = services, window
        return window

    def _restore_window_state(self, window: MainWindow) -> None:
        geometry = self.state.value("geometry")
        if isinstance(geometry, QByteArray | bytes):
            window.restoreGeometry(QByteArray(geometry))
        page = self.state.value("page")
        if isinstance(page, str) and window.has_page(page):
            window.show_page(page)

    @Slot()
    def _save_window_state(self) -> None:
        if self.window is None:
            return
        self.state.setValue("geometry", self.window.saveGeometry())
        page = self.window.current_page_key()
        if page:
            self.state.setValue("page", page)
        self.state.sync()

    def _tell_about_crash(self, report: Path) -> None:
        QMessageBox.information(
            self.window,
            "CommDesk",
            self.tr(
                "CommDesk closed unexpectedly the last time it ran. What happened was written to %1; send it to your IT officer if this happens again."
            ).replace("%1", str(report)),
        )

    def shutdown(self) -> None:
        """Close the window and the database, letting background work finish first."""
        self._backup_timer.stop()
        window, services = self.window, self.services
        self.window = self.services = None
        if self._opener is not None:  # the window closed while the data was opening
            self._opener.join()
            self._opener = None
            opened, self._opening_result = self._opening_result, None
            if opened is not None and opened.services is not None:
                opened.services.close()
        if window is not None:
            if window.is_attached():
                window.ctx.tasks.wait_for_done()
                QCoreApplication.sendPostedEvents()  # deliver the last results before the widgets go
                window.ctx.tasks.close()  # what those results started is dropped, not left running
                window.ctx.data_changed.detach()
            window.closing.disconnect(self._save_window_state)
            window.close()
            window.deleteLater()
        if services is not None:
            services.close()

    # -- backups ------------------------------------------------------------------------------
    @Slot()
    def daily_backup(self) -> None:
        if self.window is None or self.services is None:
            return
        from app.services.backup import daily_backup

        services, window = self.services, self.window

        def done(path: object) -> None:
            if path is not None and self.window is window:
                window.statusBar().showMessage(
                    self.tr("Daily backup written to %1.").replace("%1", str(path)), 15_000
                )

        def failed(error: BaseException) -> None:
            log.error("daily backup failed: %s", error)
            if self.window is window:
                window.statusBar().showMessage(
                    self.tr("The daily backup failed: %1. Check the backup folder in Settings.").replace(
                        "%1", str(error)
                    )
                )

        window.ctx.tasks.run_db(lambda: daily_backup(services), done, failed)

    def restore(self) -> None:
        """File → Restore: choose a copy, check it, confirm, then replace the data."""
        from app.services.backup import backup_folder, verify_backup
        from app.ui.database_problem import BackupChooser

        if self.window is None or self.services is None:
            return
        window, services = self.window, self.services
        window.ctx.tasks.run_db(
            lambda: backup_folder(services),
            lambda folder: self._choose_and_restore(window, folder, BackupChooser, verify_backup),
        )

    def _choose_and_restore(
        self, window: MainWindow, folder: Path, chooser_class: type, verify: Callable[[Path], str]
    ) -> None:
        chooser = chooser_class(folder, window)
        if chooser.exec() != QDialog.DialogCode.Accepted or chooser.selected is None:
            return
        candidate: Path = chooser.selected

        def checked(_revision: object) -> None:
            answer = QMessageBox.question(
                window,
                self.tr("Restore a backup"),
                self.tr(
                    "Replace the current data with the copy %1?\n\nChanges made after that copy was taken will no longer be in CommDesk; the current data is kept aside in the backup folder first. CommDesk closes the data file and opens it again."
                ).replace("%1", candidate.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.replace_database(candidate)

        def refused(error: BaseException) -> None:
            QMessageBox.warning(window, self.tr("Restore a backup"), str(error))

        window.ctx.tasks.run_io(lambda: verify(candidate), checked, refused)

    def replace_database(self, candidate: Path) -> Path | None:
        """Close everything, restore ``candidate`` over the data file, open it again.

        Returns the copy of the data that was replaced, or None when the restore was refused
        (the current data is then opened again, unchanged).
        """
        page = self.window.current_page_key() if self.window is not None else None
        self._save_window_state()
        app = QApplication.instance()
        quit_on_close = isinstance(app, QApplication) and app.quitOnLastWindowClosed()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)  # the window closes only to open again
        try:
            return self._replace_database(candidate, page)
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(quit_on_close)

    def _replace_database(self, candidate: Path, page: str | None) -> Path | None:
        self.shutdown()
        safety: Path | None = None
        problem: CommDeskError | None = None
        try:
            safety = self._restore_file(candidate)
        except CommDeskError as exc:
            problem = exc
        if not self.start_again(page):
            QApplication.exit(2)
            return safety
        assert self.window is not None
        if problem is not None:
            QMessageBox.warning(self.window, self.tr("Restore a backup"), str(problem))
        else:
            self.window.statusBar().showMessage(
                self.tr("Restored %1. The data it replaced was kept in %2.")
                .replace("%1", candidate.name)
                .replace("%2", str(safety)),
                30_000,
            )
        return safety

    def _restore_file(self, candidate: Path) -> Path:
        from app.services.backup import restore

        safety = restore(candidate, database_path(self.data_dir), backup_dir(self.data_dir))
        log.info("restored %s; previous data kept in %s", candidate, safety)
        return safety

    def start_again(self, page: str | None) -> bool:
        services = self.open_services()
        if services is None:
            return False
        window = self._build_window(services)
        self._restore_window_state(window)
        if page and window.has_page(page):
            window.show_page(page)
        window.show()
        self._start_background_work(window)
        return True

    # -- problems during work -------------------------------------------------------------------
    @Slot(object)
    def _database_problem_during_work(self, error: BaseException) -> None:
        """Locked and full come and go: the operation's own message is enough. Damaged,
        unreachable or read-only data needs a decision, once, not one dialog per failed query."""
        if not isinstance(error, DatabaseUnavailable) or error.kind not in (
            "corrupt",
            "read_only",
            "cannot_open",
            "io_error",
        ):
            return
        if self._problem_open or self.window is None:
            return
        from app.ui.database_problem import DatabaseProblemDialog

        self._problem_open = True
        try:
            dialog = DatabaseProblemDialog(
                error, database_path(self.data_dir), at_start=False, parent=self.window
            )
            dialog.exec()
        finally:
            self._problem_open = False
        if dialog.choice == "restore" and dialog.backup is not None:
            self.replace_database(dialog.backup)

    # -- restart ------------------------------------------------------------------------------
    def restart(self) -> None:
        """Start a new CommDesk process with the same arguments, then close this one."""
        if getattr(sys, "frozen", False):
            program, arguments = sys.executable, sys.argv[1:]
        else:
            program, arguments = sys.executable, ["-m", "app", *sys.argv[1:]]
        if self.window is not None:
            self.window.close()
        if QProcess.startDetached(program, arguments, os.getcwd())[0]:
            QApplication.quit()


def start_monitoring(ctx: UiContext, window: MainWindow) -> None:
    from app.ui.monitoring.background import start_monitoring as start

    start(ctx, window)


def start_mail_outbox(ctx: UiContext, window: MainWindow) -> None:
    from app.ui.media.send import start_mail_outbox as start

    start(ctx, window)


def start_reminders(ctx: UiContext, window: MainWindow) -> None:
    from app.ui.calendar.reminders import start_reminders as start

    start(ctx, window)


def run_gui(data_dir: Path, language: str | None = None) -> int:
    from app.ui.crash import CrashReporter

    app = make_application()
    log_path = setup_logging(data_dir)
    log.info("CommDesk %s starting, data in %s", __version__, data_dir)
    reporter = CrashReporter(log_path)
    reporter.install()
    crashed_last_time = previous_native_crash(data_dir)
    enable_native_crash_report(data_dir)
    desktop = DesktopApp(data_dir, language, log_path)
    desktop.gave_up.connect(lambda: QApplication.exit(0))
    try:
        desktop.start(crashed_last_time)
        code = app.exec()
    except Exception as exc:  # start-up itself failed: say so, never vanish
        reporter.excepthook(type(exc), exc, exc.__traceback__)
        if reporter.dialog is not None:
            reporter.dialog.exec()
        code = 1
    finally:
        desktop.shutdown()
        reporter.uninstall()
    log.info("CommDesk stopped with code %s", code)
    from app.logs import shutdown_logging

    shutdown_logging()
    return code
