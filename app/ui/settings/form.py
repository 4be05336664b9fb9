"""A settings section made of typed preferences: loads, checks and saves them in the background.

Subclass it, add rows with ``add_text``/``add_number``/``add_choice``/``add_check``/``add_path``
(the key's label comes from its declaration in ``app.services.preferences``), then call
``load()``. Save is enabled only when something changed; bad values are marked next to their
field with the reason, and nothing is stored until every value is right.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.preferences import PREFERENCES
from app.ui.context import UiContext
from app.ui.forms import FormErrors


class _Editor:
    __slots__ = ("get", "set", "widget")

    def __init__(self, widget: QWidget, get: Callable[[], Any], set: Callable[[Any], None]) -> None:
        self.widget = widget
        self.get = get
        self.set = set


class PreferencesForm(QWidget):
    saved = Signal(object)  # dict of the values stored

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._editors: dict[str, _Editor] = {}
        self._loaded: dict[str, Any] = {}
        self._filling = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #2e7d32;")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self._revert)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.intro)
        self.column.addLayout(self.form)
        self.column.addWidget(self.error_label)
        self.column.addLayout(buttons)
        self.errors = FormErrors(self.error_label, {})

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    # -- building ---------------------------------------------------------------------------
    def _label(self, key: str, label: str | None) -> str:
        return label if label is not None else str(PREFERENCES[key].label)

    def _add(self, key: str, label: str | None, editor: _Editor, row_widget: QWidget | None = None) -> None:
        self._editors[key] = editor
        self.errors.add(key, editor.widget)
        self.form.addRow(self._label(key, label), row_widget or editor.widget)

    def add_text(self, key: str, label: str | None = None, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._changed)
        self._add(key, label, _Editor(edit, edit.text, lambda v: edit.setText(str(v or ""))))
        return edit

    def add_number(self, key: str, label: str | None = None, suffix: str = "") -> QSpinBox:
        spec = PREFERENCES[key]
        spin = QSpinBox()
        spin.setRange(spec.minimum if spec.minimum is not None else 0, spec.maximum or 1_000_000)
        spin.setSuffix(suffix)
        spin.setMaximumWidth(160)
        spin.valueChanged.connect(self._changed)
        self._add(key, label, _Editor(spin, spin.value, lambda v: spin.setValue(int(v))))
        return spin

    def add_choice(self, key: str, options: list[tuple[str, str]], label: str | None = None) -> QComboBox:
        """``options``: (stored value, text shown)."""
        combo = QComboBox()
        for value, text in options:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._changed)
        self._add(
            key,
            label,
            _Editor(combo, combo.currentData, lambda v: combo.setCurrentIndex(max(0, combo.findData(v)))),
        )
        return combo

    def add_check(self, key: str, text: str, label: str | None = None) -> QCheckBox:
        box = QCheckBox(text)
        box.toggled.connect(self._changed)
        self._add(
            key,
            label if label is not None else "",
            _Editor(box, box.isChecked, lambda v: box.setChecked(bool(v))),
        )
        return box

    def add_path(
        self, key: str, label: str | None = None, folder: bool = True, placeholder: str = ""
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._changed)
        browse = QPushButton(self.tr("Browse…"))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1)
        line.addWidget(browse)

        def choose() -> None:
            if folder:
                chosen = QFileDialog.getExistingDirectory(self, self._label(key, label), edit.text())
            else:
                chosen, _filter = QFileDialog.getOpenFileName(self, self._label(key, label), edit.text())
            if chosen:
                edit.setText(chosen)

        browse.clicked.connect(choose)
        self._add(key, label, _Editor(edit, edit.text, lambda v: edit.setText(str(v or ""))), row)
        return edit

    # -- loading and saving -------------------------------------------------------------------
    def keys(self) -> list[str]:
        return list(self._editors)

    def load(self) -> None:
        preferences = self.ctx.services.preferences
        keys = self.keys()
        self.ctx.tasks.run_db(lambda: preferences.values(keys), self._fill, self._failed)

    def _fill(self, values: dict[str, Any]) -> None:
        self._filling = True
        try:
            for key, value in values.items():
                self._editors[key].set(value)
        finally:
            self._filling = False
        self._loaded = {key: self._editors[key].get() for key in values}
        self._changed()

    def values(self) -> dict[str, Any]:
        return {key: editor.get() for key, editor in self._editors.items()}

    def is_dirty(self) -> bool:
        return self.values() != self._loaded

    @Slot()
    def _changed(self) -> None:
        if self._filling:
            return
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status_label.clear()

    @Slot()
    def _revert(self) -> None:
        self._fill(dict(self._loaded))
        self.errors.clear()

    @Slot()
    def save(self) -> None:
        changes = {key: value for key, value in self.values().items() if self._loaded.get(key) != value}
        if not changes:
            return
        preferences = self.ctx.services.preferences
        self.save_button.setEnabled(False)
        self.ctx.tasks.run_db(lambda: preferences.update(changes), self._saved, self._failed)

    def _saved(self, stored: dict[str, Any]) -> None:
        self.errors.clear()
        self._loaded.update(stored)
        self._fill({**self._loaded})
        self.status_label.setText(self.tr("Saved."))
        self.saved.emit(stored)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(error)
