"""Starting the desktop application."""

from __future__ import annotations

import sys
import threading
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.errors import CommDeskError
from app.i18n import set_language
from app.services import Services, open_services
from app.ui.context import DataChangedRelay, UiContext
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner

_translators: list[QTranslator] = []


def install_translations(app: QApplication, language: str) -> None:
    """Load our .qm files and Qt's own for ``language`` (English needs none)."""
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
    ours = files("app.resources") / "i18n" / f"commdesk_{language}.qm"
    translator = QTranslator(app)
    if ours.is_file() and translator.load(str(ours)):
        app.installTranslator(translator)
        _translators.append(translator)


def build_context(services: Services) -> UiContext:
    tasks = TaskRunner()
    relay = DataChangedRelay(services)
    services.db.forbid_thread(threading.get_ident())
    return UiContext(services=services, tasks=tasks, data_changed=relay)


def create_main_window(services: Services) -> MainWindow:
    return MainWindow(build_context(services))


def run_gui(data_dir: Path, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("CommDesk")
    app.setOrganizationName("CommDesk")
    try:
        services = open_services(data_dir)
    except CommDeskError as exc:
        install_translations(app, language or "vi")
        QMessageBox.critical(None, "CommDesk", str(exc))
        return 2
    install_translations(app, language or services.settings.get("language", "vi"))
    first_run = services.offices.current() is None
    window = create_main_window(services)
    if first_run:
        from app.ui.office_dialog import OfficeDialog

        if OfficeDialog(window.ctx).exec() != QDialog.DialogCode.Accepted:
            return 0
    window.show()
    code = app.exec()
    window.ctx.tasks.wait_for_done()
    services.close()
    return code
