"""The main window: navigation on the left, the current workspace on the right, status below."""

from __future__ import annotations

from pathlib import Path

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
from app.ui.context import UiContext
from app.ui.pages import PAGES, PageSpec


class MainWindow(QMainWindow):
    closing = Signal()  # before the window closes: the shell saves its geometry and page

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
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

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.pending_label = QLabel()
        self.connection_label = QLabel(self.tr("Not connected to a sync server"))
        self.database_label = QLabel(str(ctx.services.db.path))
        self.database_label.setStyleSheet("color: #666;")
        self.statusBar().addWidget(self.connection_label)
        self.statusBar().addWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.database_label)

        self._build_menu()
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setCurrentRow(0)
        ctx.tasks.unhandled_error.connect(self.show_error)
        ctx.data_changed.changed.connect(self._data_changed)
        self.refresh_pending()
        from app.ui.sync.indicator import install as install_sync

        install_sync(self)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), self)
        self.restore_action.triggered.connect(self._restore)
        self.restore_action.setEnabled(callable(self.ctx.extras.get("restore")))
        self.settings_action = QAction(self.tr("&Settings"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(lambda: self.show_page("settings"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
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

        log_path = self.ctx.extras.get("log_path")
        show_about(self, self.ctx.services.db.path.parent, log_path if isinstance(log_path, Path) else None)

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
        row = next(i for i, s in enumerate(self._specs) if s.key == key)
        self.navigation.setCurrentRow(row)
        return self._pages[key]

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentWidget(self.page(self._specs[row].key))

    @Slot(object)
    def _data_changed(self, _entities: frozenset[str]) -> None:
        self.refresh_pending()

    def refresh_pending(self) -> None:
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
