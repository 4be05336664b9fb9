"""Adding or editing a journalist: every field, problems shown on the fields themselves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.services.fields import clean_value
from app.services.media import JournalistService
from app.ui.context import UiContext
from app.ui.form_dialog import FormDialog
from app.ui.formatting import format_date
from app.ui.media.background import on_db
from app.ui.media.common import card_colors, card_note
from app.ui.media.new_agency import NewAgencyPrompt, agency_key


class JournalistDialog(FormDialog):
    def __init__(self, ctx: UiContext, journalist: Any | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, journalist, ctx.services.journalists)
        self.setWindowTitle(self.tr("Edit journalist") if journalist else self.tr("New journalist"))
        self.setMinimumWidth(560)

        self.full_name = QLineEdit()
        self.agency = QComboBox()
        self.agency.setEditable(True)
        self.agency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.agency.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.agency.setCompleter(completer)
        self.title_edit = QLineEdit()
        self.press_card_number = QLineEdit()
        self.press_card_issued = QLineEdit()
        self.press_card_issued.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.press_card_expires = QLineEdit()
        self.press_card_expires.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.card_state = QLabel()
        self.resident_correspondent = QCheckBox(self.tr("Resident correspondent in the province"))
        self.beats = QLineEdit()
        self.beats.setPlaceholderText(self.tr("e.g. Y tế, Giáo dục (comma-separated)"))
        self.phones = QLineEdit()
        self.phones.setPlaceholderText(self.tr("comma-separated"))
        self.emails = QLineEdit()
        self.emails.setPlaceholderText(self.tr("comma-separated; the first receives press releases"))
        self.do_not_contact = QCheckBox(self.tr("Do not contact"))
        self.do_not_contact_reason = QLineEdit()
        self.owner = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)

        form = QFormLayout()
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Press agency"), self.agency)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Press card number"), self.press_card_number)
        form.addRow(self.tr("Press card issued"), self.press_card_issued)
        form.addRow(self.tr("Press card expires"), self.press_card_expires)
        form.addRow("", self.card_state)
        form.addRow("", self.resident_correspondent)
        form.addRow(self.tr("Beats"), self.beats)
        form.addRow(self.tr("Phones"), self.phones)
        form.addRow(self.tr("E-mails"), self.emails)
        form.addRow("", self.do_not_contact)
        form.addRow(self.tr("Reason"), self.do_not_contact_reason)
        form.addRow(self.tr("Relationship owner"), self.owner)
        form.addRow(self.tr("Notes"), self.notes)

        self.set_form(
            form,
            errors={
                "full_name": self.full_name,
                "agency_id": self.agency,
                "title": self.title_edit,
                "press_card_number": self.press_card_number,
                "press_card_issued": self.press_card_issued,
                "press_card_expires": self.press_card_expires,
                "resident_correspondent": self.resident_correspondent,
                "beats": self.beats,
                "phones": self.phones,
                "emails": self.emails,
                "do_not_contact": self.do_not_contact,
                "do_not_contact_reason": self.do_not_contact_reason,
                "owner_staff_id": self.owner,
                "notes": self.notes,
            },
        )

        self.press_card_expires.textChanged.connect(self._show_card_state)
        self.do_not_contact.toggled.connect(self.do_not_contact_reason.setEnabled)
        self.do_not_contact_reason.setEnabled(False)
        self.buttons.setEnabled(False)
        services = ctx.services
        on_db(
            self,
            lambda: (services.agencies.names(), [(s.id, s.full_name) for s in services.staff.list()]),
            self._choices_loaded,
        )

    def _choices_loaded(self, choices: tuple[list[tuple[str, str]], list[tuple[str, str]]]) -> None:
        agencies, staff = choices
        self.agency.addItem("", None)
        for agency_id, name in agencies:
            self.agency.addItem(name, agency_id)
        self.owner.addItem(self.tr("(nobody)"), None)
        for staff_id, name in staff:
            self.owner.addItem(name, staff_id)
        if self.journalist is not None:
            self.fill(self.journalist)
            self.loaded()
        self.buttons.setEnabled(True)

    @property
    def journalist(self) -> Any | None:
        return self.record

    @property
    def saved_row(self) -> Any | None:
        return self.saved

    def fill(self, j: Any) -> None:
        self.full_name.setText(j.full_name)
        self.agency.setCurrentIndex(max(0, self.agency.findData(j.agency_id)))
        self.title_edit.setText(j.title)
        self.press_card_number.setText(j.press_card_number)
        self.press_card_issued.setText(format_date(j.press_card_issued) if j.press_card_issued else "")
        self.press_card_expires.setText(format_date(j.press_card_expires) if j.press_card_expires else "")
        self.resident_correspondent.setChecked(bool(j.resident_correspondent))
        self.beats.setText(j.beats)
        self.phones.setText(j.phones)
        self.emails.setText(j.emails)
        self.do_not_contact.setChecked(bool(j.do_not_contact))
        self.do_not_contact_reason.setText(j.do_not_contact_reason)
        self.owner.setCurrentIndex(max(0, self.owner.findData(j.owner_staff_id)))
        self.notes.setPlainText(j.notes)

    def _show_card_state(self, text: str) -> None:
        try:
            expires = clean_value(JournalistService.fields["press_card_expires"], text)
        except Exception:
            expires = None
        note = card_note(expires)
        color, background = card_colors(expires)
        self.card_state.setText(note)
        self.card_state.setVisible(bool(note))
        if color is not None and background is not None:
            self.card_state.setStyleSheet(
                f"color: {color.name()}; background: {background.name()}; padding: 2px 6px; border-radius: 3px;"
            )

    def _agency_index(self, text: str) -> int:
        wanted = agency_key(text)
        return next(
            (i for i in range(self.agency.count()) if agency_key(self.agency.itemText(i)) == wanted), -1
        )

    def agency_id(self) -> str | None:
        text = self.agency.currentText().strip()
        if not text:
            return None
        index = self._agency_index(text)
        if index < 0:
            return "?" + text  # refused by the service with "does not exist"
        data = self.agency.itemData(index)
        return str(data) if data else None

    def save(self) -> None:
        """An agency typed that is not in the list: offer to create it first, then save."""
        text = self.agency.currentText().strip()
        if text and self._agency_index(text) < 0:
            self.agency_prompt = NewAgencyPrompt(text, self)
            self.agency_prompt.accepted.connect(self._create_agency)
            self.agency_prompt.open()
            return
        super().save()

    def _create_agency(self) -> None:
        values, agencies = self.agency_prompt.values(), self.ctx.services.agencies
        self.buttons.setEnabled(False)
        on_db(self, lambda: agencies.create(values), self._agency_created, self._agency_failed)

    def _agency_created(self, row: Any) -> None:
        self.agency.addItem(row.name, row.id)
        self.agency.setCurrentIndex(self.agency.count() - 1)
        self.buttons.setEnabled(True)
        super().save()

    def _agency_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(error)

    def values(self) -> dict[str, Any]:
        return {
            "full_name": self.full_name.text(),
            "agency_id": self.agency_id(),
            "title": self.title_edit.text(),
            "press_card_number": self.press_card_number.text(),
            "press_card_issued": self.press_card_issued.text(),
            "press_card_expires": self.press_card_expires.text(),
            "resident_correspondent": self.resident_correspondent.isChecked(),
            "beats": self.beats.text(),
            "phones": self.phones.text(),
            "emails": self.emails.text(),
            "do_not_contact": self.do_not_contact.isChecked(),
            "do_not_contact_reason": self.do_not_contact_reason.text(),
            "owner_staff_id": self.owner.currentData(),
            "notes": self.notes.toPlainText(),
        }
