"""The conflict inbox as a table: one row per field changed in two places.

A conflict belongs to the whole office, so a colleague on a third desk may be the one settling it:
the columns say what happened (the value in use, the value it replaced), not whose value is whose,
and mark a value "this desk" only when this computer wrote it. The resolution codes underneath
("mine"/"theirs", from the desk's own point of view) are unchanged.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.labels import field_label
from app.sync.conflicts import KEEP_MINE, KEEP_THEIRS, Conflict
from app.ui.formatting import format_date, format_datetime

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("ConflictModel", "Record"),
    QT_TRANSLATE_NOOP("ConflictModel", "Field"),
    QT_TRANSLATE_NOOP("ConflictModel", "In use"),
    QT_TRANSLATE_NOOP("ConflictModel", "Replaced"),
    QT_TRANSLATE_NOOP("ConflictModel", "Found"),
)
IN_USE_COLUMN, REPLACED_COLUMN = 2, 3


def in_use(conflict: Conflict) -> Any:
    """The value the office's server kept, which every desk now has."""
    return conflict.mine if conflict.kept_side == "local" else conflict.theirs


def replaced(conflict: Conflict) -> Any:
    """The value that lost, kept aside in the conflict record."""
    return conflict.theirs if conflict.kept_side == "local" else conflict.mine


def in_use_written_here(conflict: Conflict) -> bool:
    """Whether this desk wrote the value in use (its conflict record says so; for the replaced
    value see app/ui/sync/authorship.py)."""
    return conflict.kept_side == "local"


def keep_in_use_choice(conflict: Conflict) -> str:
    """The resolution code that keeps the value in use, from this desk's point of view."""
    return KEEP_MINE if conflict.kept_side == "local" else KEEP_THEIRS


def restore_replaced_choice(conflict: Conflict) -> str:
    return KEEP_THEIRS if conflict.kept_side == "local" else KEEP_MINE


def this_desk_mark() -> str:
    return QCoreApplication.translate("ConflictModel", "(this desk)")


def show_value(conflict: Conflict, value: Any) -> str:
    if conflict.deletion:
        return (
            QCoreApplication.translate("ConflictModel", "deleted")
            if value is not None
            else QCoreApplication.translate("ConflictModel", "kept")
        )
    if value is None or value == "":
        return QCoreApplication.translate("ConflictModel", "(empty)")
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictModel", "yes")
            if value
            else QCoreApplication.translate("ConflictModel", "no")
        )
    return str(value)


class ConflictModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.conflicts: list[Conflict] = []
        self.replaced_here: set[str] = set()  # ids of conflicts whose replaced value this desk wrote

    def set_conflicts(self, conflicts: list[Conflict], replaced_here: set[str] | None = None) -> None:
        self.beginResetModel()
        self.conflicts = list(conflicts)
        self.replaced_here = set(replaced_here or ())
        self.endResetModel()

    def written_here(self, conflict: Conflict, column: int) -> bool:
        if column == IN_USE_COLUMN:
            return in_use_written_here(conflict)
        return column == REPLACED_COLUMN and conflict.id in self.replaced_here

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("ConflictModel", str(COLUMNS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.conflicts):
            return None
        conflict = self.conflicts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return conflict.record_label
            if column == 1:
                return (
                    QCoreApplication.translate("ConflictModel", "deletion")
                    if conflict.deletion
                    else str(field_label(conflict.field))
                )
            if column in (IN_USE_COLUMN, REPLACED_COLUMN):
                text = show_value(
                    conflict, in_use(conflict) if column == IN_USE_COLUMN else replaced(conflict)
                )
                return f"{text} {this_desk_mark()}" if self.written_here(conflict, column) else text
            if column == 4:
                return format_datetime(conflict.detected_at)
        if role == Qt.ItemDataRole.ToolTipRole and column in (IN_USE_COLUMN, REPLACED_COLUMN):
            text = show_value(conflict, in_use(conflict) if column == IN_USE_COLUMN else replaced(conflict))
            if self.written_here(conflict, column):
                text += "\n" + QCoreApplication.translate("ConflictModel", "Written on this computer.")
            return text
        if role == Qt.ItemDataRole.UserRole:
            return conflict.id
        return None
