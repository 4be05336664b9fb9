"""The Settings workspace: sections listed on the left, the chosen one on the right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import UiContext
from app.ui.settings.registry import SETTINGS_SECTIONS, SettingsSection


class SettingsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._specs: list[SettingsSection] = list(SETTINGS_SECTIONS)
        self._sections: dict[str, QWidget] = {}
        self._holders: dict[str, QScrollArea] = {}

        self.sections = QListWidget()
        self.sections.setObjectName("settingsSections")
        self.sections.setFixedWidth(200)
        self.sections.setFrameShape(QFrame.Shape.NoFrame)
        self.sections.setStyleSheet(
            "QListWidget#settingsSections { border-right: 1px solid #dde2ea; }"
            "QListWidget#settingsSections::item { padding: 8px 10px; }"
        )
        for spec in self._specs:
            item = QListWidgetItem(QCoreApplication.translate("Settings", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sections.addItem(item)
        self.stack = QStackedWidget()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sections)
        layout.addWidget(self.stack, 1)
        self.sections.currentRowChanged.connect(self._show_row)
        self.sections.setCurrentRow(0)

    def section(self, key: str) -> QWidget:
        """The section widget for ``key``, created on first use."""
        if key not in self._sections:
            spec = next(s for s in self._specs if s.key == key)
            widget = spec.factory(self.ctx)
            widget.setObjectName(f"settings_{key}")
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(24, 16, 24, 16)
            heading = QLabel(f"<h2>{QCoreApplication.translate('Settings', spec.title)}</h2>")
            column.addWidget(heading)
            widget.setMaximumWidth(860)  # long lines of form are hard to read on wide screens
            column.addWidget(widget)
            column.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(holder)
            self._sections[key] = widget
            self._holders[key] = scroll
            self.stack.addWidget(scroll)
        return self._sections[key]

    def show_section(self, key: str) -> QWidget:
        row = next(i for i, s in enumerate(self._specs) if s.key == key)
        self.sections.setCurrentRow(row)
        return self._sections[key]

    def current_key(self) -> str | None:
        item = self.sections.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self._specs[row].key
        self.section(key)
        self.stack.setCurrentWidget(self._holders[key])
