"""The agenda: every occurrence in a period as a list, loaded a month at a time as it scrolls."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.services.schedule import ActivityFilter, Occurrence
from app.ui.calendar.common import add_months, at_local, status_label, type_colour, type_label, while_alive
from app.ui.context import UiContext
from app.ui.formatting import format_date, format_time, weekday_name

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class AgendaModel(QAbstractTableModel):
    """Occurrences from ``start`` to ``end``; ``fetchMore`` loads the next month in the background."""

    COLUMNS = ("date", "time", "title", "type", "status", "people", "location")

    def __init__(self, ctx: UiContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Occurrence] = []
        self.start = date.today().replace(day=1)
        self.end = add_months(self.start, 12)
        self.loaded_until = self.start
        self.filters = ActivityFilter()
        self.staff_names: dict[str, str] = {}
        self._loading = False
        self._generation = 0

    # ----- loading -------------------------------------------------------------------------

    def reset(self, start: date, end: date, filters: ActivityFilter) -> None:
        self.beginResetModel()
        self.rows = []
        self.start, self.end, self.filters = start, end, filters
        self.loaded_until = start
        self._loading = False
        self._generation += 1
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self.loaded_until < self.end

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._loading or self.loaded_until >= self.end:
            return
        self._loading = True
        chunk_start = self.loaded_until
        chunk_end = min(self.end, add_months(chunk_start.replace(day=1), 1))
        generation = self._generation
        calendar = self.ctx.services.calendar
        filters = self.filters

        def load() -> list[Occurrence]:
            found = calendar.occurrences(at_local(chunk_start), at_local(chunk_end), filters)
            # an item belongs to the chunk where it starts, so none is listed twice
            return [o for o in found if chunk_start <= o.local_start().date() < chunk_end]

        self.ctx.tasks.run_db(load, lambda rows: self._loaded(generation, chunk_end, rows), self._failed)

    @while_alive
    def _loaded(self, generation: int, chunk_end: date, rows: list[Occurrence]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.loaded_until = chunk_end
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        elif self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())  # an empty month: go on until something shows

    @while_alive
    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.ctx.tasks.unhandled_error.emit(error)

    def is_loading(self) -> bool:
        return self._loading

    # ----- the table -----------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Date"),
            self.tr("Time"),
            self.tr("Title"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Chair / spokesperson"),
            self.tr("Location"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def occurrence(self, row: int) -> Occurrence | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, key: str) -> int:
        return next((i for i, o in enumerate(self.rows) if o.key == key), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        occurrence = self.rows[index.row()]
        activity = occurrence.activity
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "date":
                day = occurrence.local_start().date()
                return f"{weekday_name(day)}, {format_date(day)}"
            if column == "time":
                if activity.all_day:
                    return self.tr("All day")
                return f"{format_time(occurrence.starts_at)}–{format_time(occurrence.ends_at or occurrence.starts_at)}"
            if column == "title":
                return ("↻ " if occurrence.is_recurring else "") + activity.title
            if column == "type":
                return type_label(activity.type)
            if column == "status":
                return status_label(activity.status)
            if column == "people":
                names = [
                    self.staff_names.get(i, "") for i in (activity.chair_id, activity.spokesperson_id) if i
                ]
                return " / ".join(dict.fromkeys(n for n in names if n))
            if column == "location":
                return activity.location
        if role == Qt.ItemDataRole.DecorationRole and column == "type":
            return type_colour(activity.type)
        if role == Qt.ItemDataRole.ForegroundRole and activity.status in ("cancelled", "postponed"):
            return QColor("#8a8f98")
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return activity.description[:500] or activity.title
        if role == Qt.ItemDataRole.UserRole:
            return occurrence.key
        return None


def year_after(day: date) -> date:
    return add_months(day, 12) - timedelta(days=0)
