"""Unexpected errors: logged with their traceback, then shown in a dialog that says what happened
and where the log is. The app never closes silently; the user chooses to go on or to quit.

Three ways an error reaches us: an exception escaping a Qt slot or the start-up code
(``sys.excepthook``), an exception in a Python thread (``threading.excepthook``, handed to the
GUI thread), and a fatal message from Qt itself (its message handler: logged, and shown if Qt
is still able to, before it aborts).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.errors import CommDeskError

log = logging.getLogger("commdesk.crash")
qt_log = logging.getLogger("qt")


class CrashDialog(QDialog):
    """What went wrong, where the log is, and the choice to continue or quit."""

    def __init__(self, summary: str, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CommDesk — unexpected error"))
        self.setMinimumWidth(560)
        self.quit_requested = False
        self.log_path = log_path
        self.details_text = details
        heading = QLabel(
            "<b>"
            + self.tr("CommDesk met an error it did not expect.")
            + "</b><br>"
            + self.tr(
                "Changes saved before this moment are safe. If you were editing something, check it before you go on."
            )
        )
        heading.setWordWrap(True)
        self.summary_label = QLabel(summary)
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("color: #b71c1c;")
        self.log_label = QLabel(
            self.tr("The details were written to the log file:")
            + f"<br><code>{log_path}</code><br>"
            + self.tr("Send this file to your IT officer if the error comes back.")
        )
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(180)
        self.show_details = QPushButton(self.tr("Show details"))
        self.show_details.setCheckable(True)
        self.show_details.toggled.connect(self.details.setVisible)
        self.buttons = QDialogButtonBox()
        self.copy_button = self.buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button = self.buttons.addButton(
            self.tr("Open the log folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit_button = self.buttons.addButton(
            self.tr("Quit CommDesk"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.continue_button = self.buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setDefault(True)
        self.copy_button.clicked.connect(self._copy)
        self.folder_button.clicked.connect(self._open_folder)
        self.quit_button.clicked.connect(self._quit)
        self.continue_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.log_label)
        details_row = QHBoxLayout()
        details_row.addWidget(self.show_details)
        details_row.addStretch(1)
        layout.addLayout(details_row)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(f"CommDesk {__version__}\n{self.log_path}\n\n{self.details_text}")

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))

    def _quit(self) -> None:
        self.quit_requested = True
        self.reject()


def describe(error: BaseException) -> str:
    if isinstance(error, CommDeskError):
        return str(error)
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class CrashReporter(QObject):
    """Installs the hooks and shows one dialog at a time; errors meanwhile are only logged."""

    _from_thread = Signal(object, str)  # error, formatted traceback
    shown = Signal(object)  # the dialog, for tests and screenshots

    def __init__(
        self,
        log_path: Path,
        parent: QObject | None = None,
        quit: Callable[[int], None] = QApplication.exit,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self._quit = quit
        self.dialog: CrashDialog | None = None
        self.reported = 0
        self._previous_hooks: tuple[Any, Any, Any] | None = None
        self._from_thread.connect(self._show)

    # -- installation -----------------------------------------------------------------------
    def install(self) -> None:
        previous_qt = qInstallMessageHandler(qt_message_handler)
        self._previous_hooks = (sys.excepthook, threading.excepthook, previous_qt)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook, previous_qt = self._previous_hooks
            qInstallMessageHandler(previous_qt)
            self._previous_hooks = None

    # -- hooks ------------------------------------------------------------------------------
    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        log.error("unexpected error\n%s", details)
        if threading.current_thread() is threading.main_thread():
            self._show(error, details)
        else:
            self._from_thread.emit(error, details)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        details = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        name = args.thread.name if args.thread is not None else "?"
        log.error("unexpected error in thread %s\n%s", name, details)
        self._from_thread.emit(args.exc_value, details)

    @Slot(object, str)
    def _show(self, error: BaseException, details: str) -> None:
        self.reported += 1
        if self.dialog is not None:
            return  # one dialog at a time; the log has every error
        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(describe(error), details, self.log_path, parent)
        self.dialog.finished.connect(self._closed)
        self.dialog.setModal(True)
        self.dialog.show()
        self.shown.emit(self.dialog)

    @Slot(int)
    def _closed(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
            if dialog.quit_requested:
                self._quit(1)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to the log; a fatal one is also shown, as far as Qt still can."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)
    if kind != QtMsgType.QtFatalMsg:
        return
    for handler in logging.getLogger().handlers:
        handler.flush()
    print(f"CommDesk: fatal Qt error: {message}", file=sys.stderr)
    if QApplication.instance() is not None and threading.current_thread() is threading.main_thread():
        with contextlib.suppress(Exception):  # the toolkit is failing; the log has the message
            QMessageBox.critical(
                None,
                "CommDesk",
                QApplication.translate(
                    "CrashDialog", "CommDesk must close because of an error in Qt: %1"
                ).replace("%1", message),
            )
