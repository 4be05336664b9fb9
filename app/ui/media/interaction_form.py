"""Logging an interaction with a journalist or an agency (a press question gets its due date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from app.models import enums as e
from app.services.fields import LOCAL_TZ
from app.services.media import question_due_date
from app.ui.context import UiContext
from app.ui.form_dialog import FormDialog
from app.ui.formatting import format_date
from app.ui.media.background import on_db
from app.ui.media.common import fill_enum

# Made by the app itself, not typed by people.
AUTOMATIC_KINDS = {e.InteractionKind.PRESS_RELEASE_SENT.value, e.InteractionKind.DELIVERY_FAILED.value}


def _to_datetime(edit: QDateTimeEdit) -> datetime:
    value = edit.dateTime().toPython()
    assert isinstance(value, datetime)
    return value.replace(tzinfo=LOCAL_TZ, second=0, microsecond=0)


class InteractionDialog(FormDialog):
    def __init__(
        self,
        ctx: UiContext,
        journalist_id: str | None = None,
        agency_id: str | None = None,
        kind: str = e.InteractionKind.PITCH.value,
        counterpart: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, service=ctx.services.interactions)
        self.journalist_id = journalist_id
        self.agency_id = agency_id
        self.setWindowTitle(self.tr("Log an interaction"))
        self.setMinimumWidth(480)

        self.counterpart = QLabel(f"<b>{counterpart}</b>")
        self.kind = QComboBox()
        fill_enum(self.kind, e.InteractionKind)
        for code in AUTOMATIC_KINDS:
            self.kind.removeItem(self.kind.findData(code))
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.occurred_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.occurred_at.setCalendarPopup(True)
        self.occurred_at.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(100)
        self.due_note = QLabel()
        self.due_note.setWordWrap(True)
        self.due_note.setStyleSheet("color: #1f4e8c;")
        self.staff = QComboBox()

        form = QFormLayout()
        form.addRow(self.tr("With"), self.counterpart)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("When"), self.occurred_at)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Staff member"), self.staff)
        form.addRow("", self.due_note)
        self.set_form(
            form,
            errors={
                "kind": self.kind,
                "occurred_at": self.occurred_at,
                "summary": self.summary,
                "staff_id": self.staff,
                "journalist_id": self.counterpart,
            },
        )

        self.kind.currentIndexChanged.connect(self._update_due_note)
        self.occurred_at.dateTimeChanged.connect(self._update_due_note)
        self._update_due_note()
        self.staff.addItem(self.tr("(nobody)"), None)
        staff = ctx.services.staff
        on_db(self, lambda: [(s.id, s.full_name) for s in staff.list()], self._staff_loaded)

    def _staff_loaded(self, staff: list[tuple[str, str]]) -> None:
        for staff_id, name in staff:
            self.staff.addItem(name, staff_id)

    def _update_due_note(self) -> None:
        if self.kind.currentData() == e.InteractionKind.QUESTION_RECEIVED.value:
            due = question_due_date(_to_datetime(self.occurred_at))
            self.due_note.setText(
                self.tr("To be answered by %1 (30 days, Press Law 2016 Art. 39).").replace(
                    "%1", format_date(due)
                )
            )
            self.due_note.show()
        else:
            self.due_note.hide()

    def values(self) -> dict[str, Any]:
        return {
            "journalist_id": self.journalist_id,
            "agency_id": self.agency_id,
            "kind": self.kind.currentData(),
            "occurred_at": _to_datetime(self.occurred_at),
            "summary": self.summary.toPlainText(),
            "staff_id": self.staff.currentData(),
        }

    @property
    def saved_row(self) -> Any | None:
        return self.saved


class AnswerDialog(FormDialog):
    """Marks a press question answered and logs the reply."""

    def __init__(self, ctx: UiContext, question: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.question = question
        self.setWindowTitle(self.tr("Answer a press question"))
        self.setMinimumWidth(460)
        asked = QLabel(question.summary or self.tr("(no summary)"))
        asked.setWordWrap(True)
        self.answered_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.answered_at.setCalendarPopup(True)
        self.answered_at.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Question"), asked)
        form.addRow(self.tr("Answered at"), self.answered_at)
        form.addRow(self.tr("Reply"), self.summary)
        self.set_form(form, errors={"answered_at": self.answered_at, "summary": self.summary})

    def values(self) -> dict[str, Any]:
        return {"answered_at": _to_datetime(self.answered_at), "summary": self.summary.toPlainText()}

    def create_operation(self, values: dict[str, Any]) -> Callable[[], Any]:
        interactions, question_id = self.ctx.services.interactions, self.question.id
        return lambda: interactions.answer(question_id, values["answered_at"], values["summary"])
