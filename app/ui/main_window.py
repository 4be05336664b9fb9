"""The main window: navigation on the left, the current workspace on the right, status below."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
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

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for row, spec in enumerate(self._specs):
            action = QAction(QCoreApplication.translate("Pages", spec.title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.navigation.setCurrentRow(r))
            go_menu.addAction(action)

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
