"""Press questions awaiting an answer, the soonest due first; overdue ones in red."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.services.media import AwaitingAnswer
from app.ui.context import UiContext
from app.ui.formatting import format_date, format_datetime
from app.ui.media.background import on_db
from app.ui.media.common import set_up_table, tr
from app.ui.media.interaction_form import AnswerDialog
from app.ui.media.models import RED, RED_BG, Column, RowsModel

REFRESH_MS = 10 * 60 * 1000  # a question turns overdue at midnight even if nothing else changes


def _days(w: AwaitingAnswer) -> str:
    if w.days_left < 0:
        return tr("Overdue by %n day(s)", "", -w.days_left)
    if w.days_left == 0:
        return tr("Due today")
    return tr("%n day(s) left", "", w.days_left)


def question_columns() -> list[Column]:
    red = lambda w: RED if w.overdue else None  # noqa: E731
    red_bg = lambda w: RED_BG if w.overdue else None  # noqa: E731
    return [
        Column(tr("Due"), lambda w: format_date(w.interaction.due_date), foreground=red, background=red_bg),
        Column(tr("Time left"), _days, foreground=red, background=red_bg, bold=lambda w: w.overdue),
        Column(tr("Journalist"), lambda w: w.journalist_name),
        Column(tr("Press agency"), lambda w: w.agency_name),
        Column(tr("Received"), lambda w: format_datetime(w.interaction.occurred_at)),
        Column(
            tr("Question"),
            lambda w: " ".join(w.interaction.summary.split()),
            tooltip=lambda w: w.interaction.summary,
        ),
    ]


class QuestionsTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel(question_columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_table(self.table, stretch_column=5)
        for column, width in enumerate((95, 175, 180, 220, 125)):
            self.table.setColumnWidth(column, width)
        self.summary = QLabel()
        self.answer_button = QPushButton(self.tr("Mark answered…"))
        self.answer_button.setEnabled(False)
        intro = QLabel(
            self.tr(
                "Questions from the press are answered within 30 days (Press Law 2016, Art. 39). Log a question "
                "on the journalist's page; it stays here until it is answered."
            )
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.answer_button.clicked.connect(self.answer)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.answer_button.setEnabled(self.table.currentIndex().isValid())
        )
        self.table.doubleClicked.connect(lambda _i: self.answer())
        ctx.data_changed.changed.connect(lambda tables: self.reload() if "interaction" in tables else None)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self._timer.start()
        self.reload()

    def reload(self) -> None:
        interactions = self.ctx.services.interactions
        on_db(self, interactions.awaiting_answer, self._loaded)

    def _loaded(self, waiting: list[AwaitingAnswer]) -> None:
        self.model.set_rows(waiting)
        overdue = sum(1 for w in waiting if w.overdue)
        text = self.tr("%n question(s) awaiting an answer", "", len(waiting))
        if overdue:
            text += " — " + self.tr("%n overdue", "", overdue)
            self.summary.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.summary.setStyleSheet("")
        self.summary.setText(text)
        self.answer_button.setEnabled(False)

    def answer(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        waiting = self.model.row_at(index.row())
        if AnswerDialog(self.ctx, waiting.interaction, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()
