"""Distribution lists: named sets of journalists for press releases."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import UiContext
from app.ui.media.background import on_db
from app.ui.media.common import selected_rows, set_up_table, show_error, tr
from app.ui.media.models import RED, Column, RowsModel


class ListsTab(QWidget):
    send_requested = Signal(str)  # list id

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.counts: dict[str, int] = {}
        self.lists_model = RowsModel(
            [
                Column(tr("List"), lambda r: r.name),
                Column(tr("Members"), lambda r: str(self.counts.get(r.id, 0))),
                Column(tr("Description"), lambda r: r.description),
            ],
            self,
        )
        self.members_model = RowsModel(
            [
                Column(tr("Journalist"), lambda j: j.full_name),
                Column(tr("E-mails"), lambda j: j.emails),
                Column(
                    tr("Contact"),
                    lambda j: tr("Do not contact") if j.do_not_contact else "",
                    foreground=lambda j: RED if j.do_not_contact else None,
                ),
            ],
            self,
        )
        self.lists_view = QTableView()
        self.lists_view.setModel(self.lists_model)
        set_up_table(self.lists_view, stretch_column=2)
        self.lists_view.setColumnWidth(0, 200)
        self.members_view = QTableView()
        self.members_view.setModel(self.members_model)
        set_up_table(self.members_view)
        self.members_view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.members_view.setColumnWidth(0, 200)
        self.members_view.setColumnWidth(1, 220)

        self.new_button = QPushButton(self.tr("New list…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete list"))
        self.send_button = QPushButton(self.tr("Send press release to this list…"))
        self.remove_button = QPushButton(self.tr("Remove from list"))
        hint = QLabel(self.tr("Add journalists from the Journalists tab: select them, then “Add to list…”."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.lists_view, 1)
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        left_layout.addLayout(list_buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.members_view, 1)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.remove_button)
        member_buttons.addStretch(1)
        member_buttons.addWidget(self.send_button)
        right_layout.addLayout(member_buttons)
        right_layout.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.new_button.clicked.connect(self.new)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.remove_button.clicked.connect(self.remove_members)
        self.send_button.clicked.connect(lambda: self.send_requested.emit(self.current_list_id() or ""))
        self.lists_view.selectionModel().selectionChanged.connect(lambda *_: self.load_members())
        ctx.data_changed.changed.connect(self._data_changed)
        self._update_buttons()
        self.reload()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & {"distribution_list", "distribution_list_member", "journalist"}:
            self.reload()

    def current_list(self) -> Any | None:
        rows = selected_rows(self.lists_view)
        return self.lists_model.row_at(rows[0]) if rows else None

    def current_list_id(self) -> str | None:
        current = self.current_list()
        return current.id if current is not None else None

    def reload(self) -> None:
        lists = self.ctx.services.lists
        on_db(self, lambda: (lists.list(), lists.member_counts()), self._loaded)

    def _loaded(self, result: tuple[list[Any], dict[str, int]]) -> None:
        rows, counts = result
        keep = self.current_list_id()
        self.counts.clear()
        self.counts.update(counts)
        self.lists_model.set_rows(rows)
        for row, item in enumerate(rows):
            if item.id == keep:
                self.lists_view.selectRow(row)
        self.load_members()

    def load_members(self) -> None:
        list_id = self.current_list_id()
        self._update_buttons()
        if list_id is None:
            self.members_model.set_rows([])
            return
        services = self.ctx.services

        def members() -> list[Any]:
            ids = services.lists.member_ids(list_id)
            found = services.journalists.get_many(ids)
            return [found[i] for i in ids if i in found]

        on_db(self, members, self.members_model.set_rows)

    def _update_buttons(self) -> None:
        has_list = self.current_list_id() is not None
        for button in (self.rename_button, self.delete_button, self.send_button, self.remove_button):
            button.setEnabled(has_list)

    def new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New list"), self.tr("Name of the new list:"))
        if ok and name.strip():
            lists = self.ctx.services.lists
            on_db(self, lambda: lists.create({"name": name}), None, lambda err: show_error(self, err))

    def rename(self) -> None:
        current = self.current_list()
        if current is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename list"), self.tr("New name:"), text=current.name)
        if ok and name.strip():
            lists = self.ctx.services.lists
            on_db(
                self,
                lambda: lists.update(current.id, {"name": name}),
                None,
                lambda err: show_error(self, err),
            )

    def delete(self) -> None:
        current = self.current_list()
        if current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete list"),
            self.tr("Delete the list “%1”? The journalists stay.").replace("%1", current.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            lists = self.ctx.services.lists
            on_db(self, lambda: lists.delete(current.id), None, lambda err: show_error(self, err))

    def remove_members(self) -> None:
        list_id = self.current_list_id()
        rows = selected_rows(self.members_view)
        if list_id is None or not rows:
            return
        ids = [self.members_model.row_at(r).id for r in rows]
        lists = self.ctx.services.lists
        on_db(self, lambda: lists.remove_members(list_id, ids), None, lambda err: show_error(self, err))
