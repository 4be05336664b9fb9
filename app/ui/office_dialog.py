"""The office's details (used in report headers and sync): a form reused by the first-run
dialog and by the Settings page, where it is split into "Office" and "Report defaults"."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import PeriodRule
from app.services.entity import RecordChanged, Stamp, stamp_of
from app.services.labels import enum_label
from app.ui.context import UiContext
from app.ui.forms import FormErrors

IDENTITY_FIELDS = ("code", "name", "province", "superior_body", "place_name", "symbol_suffix")
REPORT_FIELDS = ("signer_name", "signer_title", "report_recipients", "period_rule")
ALL_FIELDS = IDENTITY_FIELDS + REPORT_FIELDS


class OfficeForm(QWidget):
    """Editors for some of the office's fields; ``save()`` creates the office or updates it."""

    saved = Signal(object)  # the office row
    failed = Signal(object)  # the error, already shown next to the fields
    dirty_changed = Signal(bool)

    def __init__(
        self, ctx: UiContext, fields: tuple[str, ...] = ALL_FIELDS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.office: Any | None = None
        self.fields = fields
        self.stamp: Stamp | None = None  # the version of ``office`` the fields were filled from
        self.saving = False
        self.watched = False  # set by a holder that shows a change bar for RecordChanged
        self._loaded: dict[str, Any] = {}
        self._only_edited = False  # after "keep my edits": save just the fields the person changed
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. UBND-HN"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Văn phòng Ủy ban nhân dân tỉnh"))
        self.province = QLineEdit()
        self.superior_body = QLineEdit()
        self.superior_body.setPlaceholderText(self.tr("e.g. ỦY BAN NHÂN DÂN TỈNH ..."))
        self.place_name = QLineEdit()
        self.symbol_suffix = QLineEdit("UBND")
        self.signer_name = QLineEdit()
        self.signer_title = QLineEdit()
        self.report_recipients = QPlainTextEdit()
        self.report_recipients.setFixedHeight(70)
        self.period_rule = QComboBox()
        for rule in PeriodRule:
            self.period_rule.addItem(str(enum_label(PeriodRule, rule.value)), rule.value)
        labels = {
            "code": self.tr("Office code"),
            "name": self.tr("Office name"),
            "province": self.tr("Province"),
            "superior_body": self.tr("Superior body"),
            "place_name": self.tr("Place name (for the date line)"),
            "symbol_suffix": self.tr("Document symbol"),
            "signer_name": self.tr("Signer"),
            "signer_title": self.tr("Signer's title"),
            "report_recipients": self.tr("Report recipients"),
            "period_rule": self.tr("Reporting period"),
        }
        form = QFormLayout()
        for field in fields:
            form.addRow(labels[field], self.editor(field))
        self.error_label = QLabel()
        self.errors = FormErrors(self.error_label, {field: self.editor(field) for field in fields})
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        for field in fields:
            editor = self.editor(field)
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                editor.textChanged.connect(self._edited)
            elif isinstance(editor, QComboBox):
                editor.currentIndexChanged.connect(self._edited)

    def editor(self, field: str) -> QWidget:
        widget = getattr(self, field)
        assert isinstance(widget, QWidget)
        return widget

    def fill(self, office: Any) -> None:
        self.adopt(office)
        self._only_edited = False
        for field in self.fields:
            editor = self.editor(field)
            value = getattr(office, field)
            if isinstance(editor, QLineEdit):
                editor.setText(value or "")
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
        self._loaded = self.values()
        self.dirty_changed.emit(False)

    def adopt(self, office: Any) -> None:
        """Take ``office`` as the version to save over, leaving the fields as they are."""
        self.office = office
        self.stamp = stamp_of(office) if hasattr(office, "updated_hlc") else None

    def keep_edits_over(self, office: Any) -> None:
        """The person keeps their edits over the newer ``office``: save only what they changed."""
        self.adopt(office)
        self._only_edited = True

    def shown_fields_of(self, office: Any) -> dict[str, Any]:
        """What ``office`` holds in this form's fields, as the form would show it."""
        shown: dict[str, Any] = {}
        for field in self.fields:
            value = getattr(office, field)
            shown[field] = value if isinstance(self.editor(field), QComboBox) else (value or "")
        return shown

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for field in self.fields:
            editor = self.editor(field)
            if isinstance(editor, QLineEdit):
                result[field] = editor.text()
            elif isinstance(editor, QPlainTextEdit):
                result[field] = editor.toPlainText()
            elif isinstance(editor, QComboBox):
                result[field] = editor.currentData()
        return result

    def is_dirty(self) -> bool:
        return self.values() != self._loaded

    def _edited(self) -> None:
        self.dirty_changed.emit(self.is_dirty())

    def load(self) -> None:
        self.ctx.tasks.run_db(self.ctx.services.offices.current, self._loaded_office, self.errors.show)

    def _loaded_office(self, office: Any | None) -> None:
        if office is not None:
            self.fill(office)

    def values_to_save(self) -> dict[str, Any]:
        values = self.values()
        if self._only_edited:
            values = {name: value for name, value in values.items() if self._loaded.get(name) != value}
        return values

    def save(self) -> None:
        offices = self.ctx.services.offices
        if self.office is None:
            values = self.values()
            operation = lambda: offices.set_up(values)  # noqa: E731
        else:
            office_id, stamp, values = self.office.id, self.stamp, self.values_to_save()
            # The version check runs in the update's own transaction.
            operation = lambda: offices.update(office_id, values, expected=stamp)  # noqa: E731
        self.saving = True
        self.ctx.tasks.run_db(operation, self._saved, self._failed)

    def _saved(self, office: Any) -> None:
        if not shiboken6.isValid(self.error_label):
            return  # closed while the work ran
        self.saving = False
        self.errors.clear()
        self.fill(office)
        self.saved.emit(office)

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self.error_label):
            self.ctx.tasks.unhandled_error.emit(error)  # still told, in the main window
            return
        self.saving = False
        if isinstance(error, RecordChanged) and self.watched:
            self.errors.clear()  # the holder's change bar explains what happened
        else:
            self.errors.show(error)
        self.failed.emit(error)


class OfficeDialog(QDialog):
    """First run: every detail of the office at once."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, office: Any | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Office details"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Tell CommDesk about your office. These details appear in report headers and can be changed later in Settings."
            )
        )
        intro.setWordWrap(True)
        self.form = OfficeForm(ctx)
        for field in ALL_FIELDS:
            setattr(self, field, self.form.editor(field))
        self.errors = self.form.errors
        self.error_label = self.form.error_label
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form.saved.connect(self._saved)
        self.form.failed.connect(lambda _error: self.buttons.setEnabled(True))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        if office is not None:
            self.form.fill(office)

    @property
    def office(self) -> Any | None:
        return self.form.office

    def values(self) -> dict[str, Any]:
        return self.form.values()

    def save(self) -> None:
        self.buttons.setEnabled(False)
        self.form.save()

    def _saved(self, _office: Any) -> None:
        self.buttons.setEnabled(True)
        self.accept()
