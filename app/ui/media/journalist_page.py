"""One journalist: details, press-card state, lists, and the history of work with them."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models import enums as e
from app.ui.context import UiContext
from app.ui.flow_layout import FlowLayout
from app.ui.formatting import format_date
from app.ui.media.background import on_db
from app.ui.media.common import card_colors, card_note
from app.ui.media.interaction_form import AnswerDialog, InteractionDialog
from app.ui.media.journalist_form import JournalistDialog
from app.ui.media.timeline import TimelineView


@dataclass(frozen=True)
class JournalistDetails:
    row: Any
    agency_name: str
    owner_name: str
    lists: list[str]


def load_details(services: Any, journalist_id: str) -> JournalistDetails:
    row = services.journalists.get(journalist_id)
    agency = services.agencies.get(row.agency_id).name if row.agency_id else ""
    owner = services.staff.get(row.owner_staff_id).full_name if row.owner_staff_id else ""
    lists = [x.name for x in services.lists.lists_of(journalist_id)]
    return JournalistDetails(row, agency, owner, lists)


class JournalistPage(QWidget):
    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.details: JournalistDetails | None = None
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fdecea; color: #c62828; padding: 6px; border-radius: 3px; font-weight: bold;"
        )
        self.card = QLabel()
        self.card.setWordWrap(True)
        self.phones = QLabel()
        self.emails = QLabel()
        self.beats = QLabel()
        self.lists = QLabel()
        self.owner = QLabel()
        self.press_card = QLabel()
        self.notes = QLabel()
        for label in (
            self.phones,
            self.emails,
            self.beats,
            self.lists,
            self.owner,
            self.press_card,
            self.notes,
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts = QFormLayout()
        facts.addRow(self.tr("Phones"), self.phones)
        facts.addRow(self.tr("E-mails"), self.emails)
        facts.addRow(self.tr("Beats"), self.beats)
        facts.addRow(self.tr("Press card"), self.press_card)
        facts.addRow(self.tr("Relationship owner"), self.owner)
        facts.addRow(self.tr("Distribution lists"), self.lists)
        facts.addRow(self.tr("Notes"), self.notes)

        self.edit_button = QPushButton(self.tr("Edit…"))
        self.log_button = QPushButton(self.tr("Log interaction…"))
        self.question_button = QPushButton(self.tr("Log press question…"))
        self.answer_button = QPushButton(self.tr("Mark answered…"))
        self.answer_button.setEnabled(False)
        buttons = FlowLayout()
        for button in (self.edit_button, self.log_button, self.question_button, self.answer_button):
            buttons.addWidget(button)

        self.timeline = TimelineView(ctx)
        history_title = self.tr("History with this journalist")
        history = QLabel(f"<b>{history_title}</b>")

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.card)
        layout.addLayout(facts)
        layout.addLayout(buttons)
        layout.addWidget(history)
        layout.addWidget(self.timeline, 1)

        self.edit_button.clicked.connect(self.edit)
        self.log_button.clicked.connect(lambda: self.log(e.InteractionKind.PITCH.value))
        self.question_button.clicked.connect(lambda: self.log(e.InteractionKind.QUESTION_RECEIVED.value))
        self.answer_button.clicked.connect(self.answer)
        self.timeline.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_answer_button()
        )
        self.timeline.model.modelReset.connect(self._update_answer_button)
        self._clear()

    def _clear(self) -> None:
        self.details = None
        hint = self.tr("Choose a journalist in the list.")
        self.heading.setText(f"<span style='color:#777'>{hint}</span>")
        for widget in (self.banner, self.card):
            widget.hide()
        for button in (self.edit_button, self.log_button, self.question_button):
            button.setEnabled(False)
        self.timeline.show_for(None)

    def show_journalist(self, journalist_id: str | None) -> None:
        if journalist_id is None:
            self._clear()
            return
        services = self.ctx.services
        on_db(self, lambda: load_details(services, journalist_id), self._show, lambda _e: self._clear())
        self.timeline.show_for(journalist_id=journalist_id)

    def reload(self) -> None:
        if self.details is not None:
            self.show_journalist(self.details.row.id)

    def _show(self, details: JournalistDetails) -> None:
        self.details = details
        j = details.row
        subtitle = " · ".join(html.escape(p) for p in (details.agency_name, j.title) if p)
        resident_text = html.escape(self.tr("Resident correspondent"))
        resident = f" · {resident_text}" if j.resident_correspondent else ""
        self.heading.setText(
            f"<h2 style='margin:0'>{html.escape(j.full_name)}</h2><span style='color:#555'>{subtitle}{resident}</span>"
        )
        if j.do_not_contact:
            reason = j.do_not_contact_reason or ""
            self.banner.setText(self.tr("Do not contact: %1").replace("%1", reason))
            self.banner.show()
        else:
            self.banner.hide()
        note = card_note(j.press_card_expires)
        color, background = card_colors(j.press_card_expires)
        if note and color is not None and background is not None:
            self.card.setText(note)
            self.card.setStyleSheet(
                f"color: {color.name()}; background: {background.name()}; padding: 6px; border-radius: 3px;"
                "font-weight: bold;"
            )
            self.card.show()
        else:
            self.card.hide()
        card_parts = [j.press_card_number]
        if j.press_card_issued:
            card_parts.append(self.tr("issued %1").replace("%1", format_date(j.press_card_issued)))
        if j.press_card_expires:
            card_parts.append(self.tr("expires %1").replace("%1", format_date(j.press_card_expires)))
        self.press_card.setText(", ".join(p for p in card_parts if p) or "—")
        self.phones.setText(j.phones or "—")
        self.emails.setText(j.emails or "—")
        self.beats.setText(j.beats or "—")
        self.owner.setText(details.owner_name or "—")
        self.lists.setText(", ".join(details.lists) or "—")
        self.notes.setText(j.notes or "—")
        for button in (self.edit_button, self.log_button, self.question_button):
            button.setEnabled(True)

    def _update_answer_button(self) -> None:
        entry = self.timeline.selected_entry()
        row = entry.interaction if entry is not None else None
        self.answer_button.setEnabled(
            row is not None
            and row.kind == e.InteractionKind.QUESTION_RECEIVED.value
            and row.answered_at is None
        )

    def edit(self) -> None:
        if self.details is None:
            return
        dialog = JournalistDialog(self.ctx, self.details.row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()

    def log(self, kind: str) -> None:
        if self.details is None:
            return
        dialog = InteractionDialog(
            self.ctx,
            journalist_id=self.details.row.id,
            kind=kind,
            counterpart=self.details.row.full_name,
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.timeline.reload()

    def answer(self) -> None:
        entry = self.timeline.selected_entry()
        if entry is None:
            return
        if AnswerDialog(self.ctx, entry.interaction, self).exec() == QDialog.DialogCode.Accepted:
            self.timeline.reload()
