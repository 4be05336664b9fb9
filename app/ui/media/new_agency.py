"""A press agency typed in a form but not in the list yet: offer to create it, type and level chosen."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.models import enums as e
from app.text import fold
from app.ui.media.common import fill_enum


def agency_key(name: str) -> str:
    """Names the same but for accents, case or spacing are the same agency."""
    return " ".join(fold(name).split())


class NewAgencyPrompt(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setWindowTitle(self.tr("New press agency"))
        self.question = QLabel(self.tr('Create press agency "{name}"?').format(name=name))
        self.question.setWordWrap(True)
        hint = QLabel(
            self.tr("It is not in the list yet. Choose its type and level; add the rest on the Agencies tab.")
        )
        hint.setWordWrap(True)
        self.kind = QComboBox()
        fill_enum(self.kind, e.AgencyKind)
        self.level = QComboBox()
        fill_enum(self.level, e.AgencyLevel)
        self.level.setCurrentIndex(self.level.findData(e.AgencyLevel.LOCAL.value))
        form = QFormLayout()
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Level"), self.level)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Yes).setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.No).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind.currentData(), "level": self.level.currentData()}
