"""The main window: navigation on the left, the current workspace on the right, status below.

The window can be shown before the data layer is open (a fresh start shows it at once): until
:meth:`MainWindow.attach` gives it its context, every workspace shows a quiet "Opening the
database…" notice and the actions that need the data are disabled.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.errors import CommDeskError
from app.ui.pages import PAGES, LoadingPage, PageSpec
from app.ui.shortcuts import PageKeysFromNavigation

if TYPE_CHECKING:  # the context brings in the data layer, which the first paint must not wait for
    from app.ui.context import UiContext


class MainWindow(QMainWindow):
    closing = Signal()  # before the window closes: the shell saves its geometry and page
    attached = Signal()  # the data layer is in: the workspaces are real from now on

    def __init__(self, ctx: UiContext | None = None, database: Path | None = None) -> None:
        super().__init__()
        self._ctx: UiContext | None = None
        self.setWindowTitle(self.tr("CommDesk — Policy communication"))
        self.resize(1280, 800)
        self._pages: dict[str, QWidget] = {}
        self._specs: list[PageSpec] = list(PAGES)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(210)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setStyleSheet(
            "QListWidget#navigation { background: #f3f5f8; border: none; font-size: 14px; }"
            "QListWidget#navigation::item { padding: 10px 12px; }"
            "QListWidget#navigation::item:selected { background: #1f4e8c; color: white; }"
        )
        for spec in self._specs:
            item = QListWidgetItem(QCoreApplication.translate("Pages", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
        self.stack = QStackedWidget()
        self.loading_page = LoadingPage()
        self.stack.addWidget(self.loading_page)
        # A chosen page's keys work at once, although the list keeps the focus for the arrows.
        self.page_keys = PageKeysFromNavigation(self.navigation, self.stack.currentWidget)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.pending_label = QLabel()
        self.connection_label = QLabel(self.tr("Not connected to a sync server"))
        self._database = database
        self.database_label = QLabel(str(database) if database is not None else "")
        self.database_label.setStyleSheet("color: #666;")
        self.statusBar().addWidget(self.connection_label)
        self.statusBar().addWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.database_label)

        self._build_menu()
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setCurrentRow(0)
        if ctx is not None:
            self.attach(ctx)
        else:
            self._data_actions_enabled(False)

    @property
    def ctx(self) -> UiContext:
        if self._ctx is None:
            raise RuntimeError("the main window has no data yet")
        return self._ctx

    def is_attached(self) -> bool:
        return self._ctx is not None

    def attach(self, ctx: UiContext) -> None:
        """Give the window its data: the pages are built from now on, starting with the current one."""
        self._ctx = ctx
        self._database = ctx.services.db.path
        self.database_label.setText(str(self._database))
        self._data_actions_enabled(True)
        ctx.tasks.unhandled_error.connect(self.show_error)
        ctx.data_changed.changed.connect(self._data_changed)
        self._show_row(self.navigation.currentRow())
        self.refresh_pending()
        from app.ui.sync.indicator import install as install_sync

        install_sync(self)
        self.attached.emit()

    def _data_actions_enabled(self, enabled: bool) -> None:
        self.backup_action.setEnabled(enabled)
        self.restore_action.setEnabled(enabled and callable(self.ctx.extras.get("restore")))

    def show_loading_problem(self, text: str) -> None:
        """The data could not be opened: say so where the workspace would be."""
        self.loading_page.show_problem(text)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), self)
        self.restore_action.triggered.connect(self._restore)
        self.settings_action = QAction(self.tr("&Settings"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(lambda: self.show_page("settings"))
        quit_action = QAction(self.tr("&Quit"), self)
        # QKeySequence.StandardKey.Quit has no binding on Windows (nor offscreen): say it plainly.
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action = quit_action
        quit_action.triggered.connect(self.close)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for row, spec in enumerate(self._specs):
            action = QAction(QCoreApplication.translate("Pages", spec.title), self)
            if row < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.navigation.setCurrentRow(r))
            go_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu = help_menu
        shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        shortcuts_action.triggered.connect(self.show_shortcuts)
        about_action = QAction(self.tr("&About CommDesk"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(shortcuts_action)
        help_menu.addAction(about_action)

    def current_page_key(self) -> str | None:
        row = self.navigation.currentRow()
        return self._specs[row].key if 0 <= row < len(self._specs) else None

    def has_page(self, key: str) -> bool:
        return any(spec.key == key for spec in self._specs)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.closing.emit()
        super().closeEvent(event)

    @Slot()
    def back_up_now(self) -> None:
        from app.services.backup import back_up_now

        services = self.ctx.services
        self.backup_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Backing up…"))
        self.ctx.tasks.run_db(lambda: back_up_now(services), self._backed_up, self._backup_failed)

    def _backed_up(self, path: object) -> None:
        self.backup_action.setEnabled(True)
        self.statusBar().showMessage(self.tr("Backed up to %1.").replace("%1", str(path)), 15_000)

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_action.setEnabled(True)
        self.statusBar().clearMessage()
        QMessageBox.warning(
            self, self.tr("Back up now"), self.tr("The backup failed: %1").replace("%1", str(error))
        )

    @Slot()
    def _restore(self) -> None:
        restore = self.ctx.extras.get("restore")
        if callable(restore):
            restore()

    @Slot()
    def show_shortcuts(self) -> None:
        from app.ui.help import ShortcutsDialog

        ShortcutsDialog(self).exec()

    @Slot()
    def show_about(self) -> None:
        from app.ui.help import show_about

        log_path = self._ctx.extras.get("log_path") if self._ctx is not None else None
        folder = self._database.parent if self._database is not None else None
        show_about(self, folder, log_path if isinstance(log_path, Path) else None)

    def page(self, key: str) -> QWidget:
        """The workspace for ``key``, created on first use so start-up stays fast."""
        if key not in self._pages:
            spec = next(s for s in self._specs if s.key == key)
            widget = spec.factory(self.ctx)
            widget.setObjectName(f"page_{key}")
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        """Show the workspace ``key``; until the data is in, the loading notice stands in for it."""
        row = next(i for i, s in enumerate(self._specs) if s.key == key)
        self.navigation.setCurrentRow(row)
        return self._pages.get(key, self.loading_page)

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        spec = self._specs[row]
        if self._ctx is None:
            self.loading_page.set_title(QCoreApplication.translate("Pages", spec.title))
            self.stack.setCurrentWidget(self.loading_page)
            return
        self.stack.setCurrentWidget(self.page(spec.key))

    @Slot(object)
    def _data_changed(self, _entities: frozenset[str]) -> None:
        self.refresh_pending()

    def refresh_pending(self) -> None:
        if self._ctx is None:
            return
        services = self.ctx.services
        self.ctx.tasks.run_db(services.pending_changes, self._show_pending, lambda _e: None)

    def _show_pending(self, count: int) -> None:
        self.pending_label.setText(self.tr("%n change(s) waiting to sync", "", count))

    @Slot(object)
    def show_error(self, error: BaseException) -> None:
        if isinstance(error, CommDeskError):
            QMessageBox.warning(self, self.tr("CommDesk"), str(error))
        else:
            QMessageBox.critical(
                self,
                self.tr("Unexpected error"),
                self.tr("Something went wrong: %1. Your data has not been changed.").replace(
                    "%1", repr(error)
                ),
            )
