"""A form whose Save runs a service call on the database worker and shows the refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from app.ui.context import UiContext
from app.ui.forms import FormErrors


class ServiceDialog(QDialog):
    """A form whose Save runs a service call on the database worker and shows its refusals."""

    def __init__(self, ctx: UiContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: Any = None
        self.error_label = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.errors: FormErrors  # set by subclasses once their widgets exist

    def operation(self) -> Callable[[], Any]:
        raise NotImplementedError

    def save(self) -> None:
        self.buttons.setEnabled(False)
        self.ctx.tasks.run_db(self.operation(), self._saved, self._failed)

    def _saved(self, result: Any) -> None:
        if not shiboken6.isValid(self.buttons):
            return  # the form was closed and deleted while the work ran
        self.saved = result
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self.buttons):
            self.ctx.tasks.unhandled_error.emit(error)  # still told, in the main window
            return
        self.buttons.setEnabled(True)
        self.errors.show(error)


def combo(choices: list[tuple[str | None, str]], current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for value, text in choices:
        combo.addItem(text, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    return combo
