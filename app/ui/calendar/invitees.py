"""The invited agencies and journalists of an activity, with their attendance, edited in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.models import enums as e
from app.services.labels import enum_label
from app.services.schedule import InviteeView

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ATTENDANCE = [a.value for a in e.Attendance]


@dataclass
class InviteeRow:
    id: str | None  # None until saved
    agency_id: str | None
    journalist_id: str | None
    name: str
    agency_name: str
    attendance: str = e.Attendance.INVITED.value
    original_attendance: str | None = None

    @classmethod
    def stored(cls, view: InviteeView) -> InviteeRow:
        return cls(
            view.id,
            view.agency_id,
            view.journalist_id,
            view.name,
            view.agency_name,
            view.attendance,
            view.attendance,
        )

    @property
    def key(self) -> tuple[str | None, str | None]:
        return (self.agency_id, self.journalist_id)

    @property
    def attendance_edited(self) -> bool:
        if self.id is None:
            return self.attendance != e.Attendance.INVITED.value
        return self.attendance != self.original_attendance


def merge_invitee_edits(
    rows: list[InviteeRow], removed: list[str], newer: list[InviteeView]
) -> tuple[list[InviteeRow], list[str]]:
    """The person's edits (``rows``, ``removed``) laid over a newer stored list: what was invited,
    removed or re-marked here stays so; everything else is as stored now. An invitation whose
    attendance was changed here but which was removed elsewhere is offered again as a new one."""
    mine = {row.id: row for row in rows if row.id is not None}
    stored_ids = {view.id for view in newer}
    merged: list[InviteeRow] = []
    for view in newer:
        if view.id in removed:
            continue
        row = InviteeRow.stored(view)
        edited = mine.get(view.id)
        if edited is not None and edited.attendance_edited:
            row.attendance = edited.attendance
        merged.append(row)
    present = {row.key: row for row in merged}
    for row in rows:
        wanted = row.id is None or (row.id not in stored_ids and row.attendance_edited)
        if not wanted:
            continue
        same = present.get(row.key)
        if same is not None:  # invited elsewhere too: one invitation, with the attendance set here
            if row.attendance_edited:
                same.attendance = row.attendance
            continue
        fresh = InviteeRow(None, row.agency_id, row.journalist_id, row.name, row.agency_name, row.attendance)
        merged.append(fresh)
        present[fresh.key] = fresh
    return merged, [invitee_id for invitee_id in removed if invitee_id in stored_ids]


class InviteeModel(QAbstractTableModel):
    """Rows added, removed or changed here are written when the activity is saved."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[InviteeRow] = []
        self.removed: list[str] = []

    def set_rows(self, rows: list[InviteeRow], removed: list[str] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.removed = list(removed or [])
        self.endResetModel()

    def is_edited(self) -> bool:
        return bool(self.new_rows() or self.changed_rows() or self.removed)

    def add(self, row: InviteeRow) -> bool:
        if any(r.agency_id == row.agency_id and r.journalist_id == row.journalist_id for r in self.rows):
            return False
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()
        return True

    def remove(self, position: int) -> None:
        if not 0 <= position < len(self.rows):
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        row = self.rows.pop(position)
        self.endRemoveRows()
        if row.id is not None:
            self.removed.append(row.id)

    def new_rows(self) -> list[InviteeRow]:
        return [r for r in self.rows if r.id is None]

    def changed_rows(self) -> list[InviteeRow]:
        return [r for r in self.rows if r.id is not None and r.attendance != r.original_attendance]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                (self.tr("Invited"), self.tr("Press agency"), self.tr("Attendance"))[section]
                if 0 <= section < 3
                else None
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 2:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.name
            if index.column() == 1:
                return row.agency_name
            return str(enum_label(e.Attendance, row.attendance))
        if role == Qt.ItemDataRole.EditRole and index.column() == 2:
            return row.attendance
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 2 or role != Qt.ItemDataRole.EditRole:
            return False
        if value not in ATTENDANCE:
            return False
        self.rows[index.row()].attendance = value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True


class AttendanceDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for code in ATTENDANCE:
            combo.addItem(str(enum_label(e.Attendance, code)), code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
