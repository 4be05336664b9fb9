"""The conflict inbox as a table: one row per field changed in two places."""

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
from app.sync.conflicts import Conflict
from app.ui.formatting import format_date, format_datetime

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("ConflictModel", "Record"),
    QT_TRANSLATE_NOOP("ConflictModel", "Field"),
    QT_TRANSLATE_NOOP("ConflictModel", "My value"),
    QT_TRANSLATE_NOOP("ConflictModel", "Their value"),
    QT_TRANSLATE_NOOP("ConflictModel", "Kept for now"),
    QT_TRANSLATE_NOOP("ConflictModel", "Found"),
)


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

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        self.beginResetModel()
        self.conflicts = list(conflicts)
        self.endResetModel()

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
            if column == 2:
                return show_value(conflict, conflict.mine)
            if column == 3:
                return show_value(conflict, conflict.theirs)
            if column == 4:
                return (
                    QCoreApplication.translate("ConflictModel", "mine")
                    if conflict.kept_side == "local"
                    else QCoreApplication.translate("ConflictModel", "theirs")
                )
            if column == 5:
                return format_datetime(conflict.detected_at)
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            return show_value(conflict, conflict.mine if column == 2 else conflict.theirs)
        if role == Qt.ItemDataRole.UserRole:
            return conflict.id
        return None
