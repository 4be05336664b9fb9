"""The history with a journalist or an agency, newest first; overdue questions in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from app.models import enums as e
from app.services.labels import enum_label
from app.services.media import TimelineEntry
from app.ui.context import UiContext
from app.ui.formatting import format_date, format_datetime
from app.ui.media.background import on_db
from app.ui.media.common import kind_label, set_up_table, tr
from app.ui.media.models import RED, RED_BG, Column, RowsModel


def _state(entry: TimelineEntry) -> str:
    row = entry.interaction
    if row.kind == e.InteractionKind.QUESTION_RECEIVED.value:
        if row.answered_at is not None:
            return tr("Answered %1").replace("%1", format_date(row.answered_at))
        if entry.overdue:
            return tr("OVERDUE since %1").replace("%1", format_date(row.due_date))
        return tr("Due %1").replace("%1", format_date(row.due_date))
    if entry.attendance:
        return str(enum_label(e.Attendance, entry.attendance))
    return ""


def _details(entry: TimelineEntry, show_person: bool) -> str:
    """The activity (for invitations) or the summary, with the journalist on an agency's timeline."""
    summary = " ".join(entry.interaction.summary.split())
    parts = [entry.journalist_name] if show_person and entry.journalist_name else []
    parts += [p for p in (entry.activity_title, summary) if p]
    return " — ".join(parts)


def timeline_columns(show_person: bool) -> list[Column]:
    overdue_fg = lambda t: RED if t.overdue else None  # noqa: E731
    overdue_bg = lambda t: RED_BG if t.overdue else None  # noqa: E731
    return [
        Column(tr("When"), lambda t: format_datetime(t.interaction.occurred_at)),
        Column(tr("Kind"), lambda t: kind_label(t.interaction.kind)),
        Column(
            tr("Status"),
            _state,
            foreground=overdue_fg,
            background=overdue_bg,
            bold=lambda t: t.overdue,
        ),
        Column(
            tr("Details"),
            lambda t: _details(t, show_person),
            tooltip=lambda t: "\n".join(p for p in (t.activity_title, t.interaction.summary) if p),
        ),
    ]


class TimelineView(QWidget):
    def __init__(self, ctx: UiContext, show_person: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel(timeline_columns(show_person), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_table(self.table, stretch_column=self.model.columnCount() - 1)
        for column, width in enumerate((125, 115, 110)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._journalist_id: str | None = None
        self._agency_id: str | None = None

    def show_for(self, journalist_id: str | None = None, agency_id: str | None = None) -> None:
        self._journalist_id, self._agency_id = journalist_id, agency_id
        self.reload()

    def reload(self) -> None:
        if self._journalist_id is None and self._agency_id is None:
            self.model.set_rows([])
            return
        interactions = self.ctx.services.interactions
        journalist_id, agency_id = self._journalist_id, self._agency_id
        on_db(
            self,
            lambda: interactions.timeline(journalist_id=journalist_id, agency_id=agency_id),
            self._loaded,
        )

    def _loaded(self, entries: list[TimelineEntry]) -> None:
        self.model.set_rows(entries)

    def selected_entry(self) -> Any | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None
