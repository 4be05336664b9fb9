"""Table models of the Media workspace.

:class:`LazyRowModel` holds every matching id (cheap, one query) and fetches rows in blocks
as the view asks for them, on the database worker; until a block arrives its cells show an
ellipsis. :class:`RowsModel` is a plain model over a list already in memory (timelines,
awaiting answers, the outbox, import previews), each column a small function of the row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.ui.context import UiContext
from app.ui.media.background import on_db

BLOCK = 100
LOADING = "…"
RED = QColor("#c62828")
RED_BG = QColor("#fdecea")
AMBER = QColor("#8a5a00")
AMBER_BG = QColor("#fff4d6")
GREY = QColor("#777777")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort_key: str | None = None  # the service's order_by for lazy models
    foreground: Callable[[Any], QColor | None] | None = None
    background: Callable[[Any], QColor | None] | None = None
    tooltip: Callable[[Any], str] | None = None
    bold: Callable[[Any], bool] | None = None


def _decorate(column: Column, row: Any, role: int) -> Any:
    if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
        color = column.foreground(row)
        return QBrush(color) if color is not None else None
    if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
        color = column.background(row)
        return QBrush(color) if color is not None else None
    if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
        return column.tooltip(row) or None
    if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(row):
        font = QFont()
        font.setBold(True)
        return font
    return None


class LazyRowModel(QAbstractTableModel):
    """Ids first, rows on demand. ``fetch(ids) -> {id: row}`` runs on the database worker."""

    loaded = Signal(int)  # the number of matching rows, after each reload

    def __init__(
        self,
        ctx: UiContext,
        columns: Sequence[Column],
        list_ids: Callable[[dict[str, Any], str, str | None, bool], list[str]],
        fetch: Callable[[list[str]], dict[str, Any]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.columns = list(columns)
        self._list_ids = list_ids
        self._fetch = fetch
        self._ids: list[str] = []
        self._rows: dict[str, Any] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self.filters: dict[str, Any] = {}
        self.search = ""
        self.order_by: str | None = None
        self.descending = False

    # ----- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        filters, search, order_by, descending = (
            dict(self.filters),
            self.search,
            self.order_by,
            self.descending,
        )
        on_db(
            self,
            lambda: self._list_ids(filters, search, order_by, descending),
            lambda ids: self._set_ids(generation, ids),
        )

    def _set_ids(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return  # a newer search was typed meanwhile
        self.beginResetModel()
        self._ids = ids
        self._rows = {}
        self._pending = set()
        self.endResetModel()
        self.loaded.emit(len(ids))

    def refresh_rows(self) -> None:
        """Fetch again the rows already shown (after an edit), keeping the order and selection."""
        self._rows = {}
        self._pending = set()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def _request(self, row: int) -> None:
        block = row // BLOCK
        if block in self._pending:
            return
        self._pending.add(block)
        generation = self._generation
        ids = self._ids[block * BLOCK : (block + 1) * BLOCK]
        on_db(self, lambda: self._fetch(ids), lambda rows: self._arrived(generation, block, rows))

    def _arrived(self, generation: int, block: int, rows: dict[str, Any]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(block)
        self._rows.update(rows)
        first = block * BLOCK
        last = min(len(self._ids), first + BLOCK) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # ----- access ---------------------------------------------------------------------------

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, row_id: str) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def cached(self, row: int) -> Any | None:
        return self._rows.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    # ----- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        row = self._rows.get(self._ids[index.row()])
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._request(index.row())
                return LOADING
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(GREY)
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        return _decorate(column, row, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)) or self.columns[column].sort_key is None:
            return
        self.order_by = self.columns[column].sort_key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


class RowsModel(QAbstractTableModel):
    """A table over rows already loaded."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        return _decorate(column, row, role)
