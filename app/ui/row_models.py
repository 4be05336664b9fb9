"""Table models over service rows.

``LazyRowModel`` holds only the ordered ids of a (possibly large) list and fetches the rows
shown, a block at a time, on the database worker; ``RowListModel`` shows a list of rows that
is already in memory (computed summaries, short lists). Both take their columns as data, so a
page declares what it shows and never subclasses Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself
ID_ROLE = Qt.ItemDataRole.UserRole + 2

WARNING = QColor("#b26a00")
DANGER = QColor("#c62828")
GOOD = QColor("#2e7d32")
DANGER_BACKGROUND = QColor("#fdecea")
WARNING_BACKGROUND = QColor("#fff4e0")


@dataclass(frozen=True)
class Column:
    title: str  # already translated
    text: Callable[[Any], str]
    align_right: bool = False
    order_by: str | None = None  # service field to sort on; None: not sortable
    colour: Callable[[Any], QColor | None] | None = None  # text colour
    background: Callable[[Any], QColor | None] | None = None
    tooltip: Callable[[Any], str] | None = None


class _ColumnsMixin:
    columns: Sequence[Column]

    def _cell(self, row: Any, column: int, role: int) -> Any:
        spec = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if spec.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and spec.colour is not None:
            colour = spec.colour(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.BackgroundRole and spec.background is not None:
            colour = spec.background(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip is not None:
            return spec.tooltip(row) or None
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return getattr(row, "id", None)
        return None


class RowListModel(_ColumnsMixin, QAbstractTableModel):
    """Rows already loaded; ``set_rows`` replaces them."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self._cell(self.rows[index.row()], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class LazyRowModel(_ColumnsMixin, QAbstractTableModel):
    """Ids first, rows when shown.

    ``load_ids(order_by, descending)`` is called on the GUI thread (so it may read filter
    widgets) and returns the operation that lists the ids, which runs on the database worker,
    as does ``load_rows(ids)``; results come back on the GUI thread. Rows not yet fetched show
    empty cells for a moment.
    """

    BLOCK = 200
    loaded = Signal()  # the id list was (re)loaded

    def __init__(
        self,
        tasks: TaskRunner,
        columns: Sequence[Column],
        load_ids: Callable[[str | None, bool], Callable[[], list[str]]],
        load_rows: Callable[[list[str]], dict[str, Any]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.columns = list(columns)
        self._load_ids = load_ids
        self._load_rows = load_rows
        self.ids: list[str] = []
        self._rows: dict[str, Any] = {}
        self._requested: set[str] = set()
        self._generation = 0
        self.order_by: str | None = None
        self.descending = False
        self.error: BaseException | None = None

    # ----- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the ids (after a change or a new filter); cached rows are fetched again."""
        self._generation += 1
        generation = self._generation
        self.tasks.run_db(
            self._load_ids(self.order_by, self.descending),
            lambda ids: self._ids_loaded(generation, ids),
            self._failed,
        )

    def _ids_loaded(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self.beginResetModel()
        self.ids = list(ids)
        self._rows = {}
        self._requested = set()
        self.endResetModel()
        self.error = None
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self.tasks.unhandled_error.emit(error)

    def _fetch_around(self, row: int) -> None:
        start = (row // self.BLOCK) * self.BLOCK
        wanted = [i for i in self.ids[start : start + self.BLOCK] if i not in self._requested]
        if not wanted:
            return
        self._requested.update(wanted)
        generation = self._generation
        self.tasks.run_db(
            lambda: self._load_rows(wanted),
            lambda rows: self._rows_loaded(generation, rows),
            self._failed,
        )

    def _rows_loaded(self, generation: int, rows: dict[str, Any]) -> None:
        if generation != self._generation:
            return
        self._rows.update(rows)
        positions = [n for n, row_id in enumerate(self.ids) if row_id in rows]
        if positions:
            self.dataChanged.emit(
                self.index(min(positions), 0), self.index(max(positions), len(self.columns) - 1)
            )

    def row_at(self, row: int) -> Any | None:
        if not 0 <= row < len(self.ids):
            return None
        return self._rows.get(self.ids[row])

    def is_fully_shown(self, first: int, last: int) -> bool:
        return all(i in self._rows for i in self.ids[first : last + 1])

    # ----- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        row_id = self.ids[index.row()]
        if role == ID_ROLE:
            return row_id
        row = self._rows.get(row_id)
        if row is None:
            if row_id not in self._requested:
                self._fetch_around(index.row())
            return None
        return self._cell(row, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].order_by is None:
            return
        self.order_by = self.columns[column].order_by
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
