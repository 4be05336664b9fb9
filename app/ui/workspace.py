"""Pieces every workspace tab shares: read-only tables, and a tab that reloads what it shows
when the tables it depends on change (only while it is visible) and acts on the selected row
of its lists (edit in a form, delete after a confirmation)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QMessageBox, QTableView, QWidget

from app.ui.context import UiContext
from app.ui.row_models import ROW_ROLE


def make_table(model: Any, sortable: bool = False) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setSortingEnabled(sortable)
    table.setWordWrap(False)
    return table


def selected_row(table: QTableView) -> Any | None:
    index = table.currentIndex()
    if not index.isValid():
        return None
    return table.model().data(index.siblingAtColumn(0), ROW_ROLE)


def selected_rows(table: QTableView) -> list[Any]:
    """The rows selected in ``table`` (one that allows several), top to bottom as selected."""
    rows = [table.model().data(index, ROW_ROLE) for index in table.selectionModel().selectedRows()]
    return [row for row in rows if row is not None]


def set_widths(table: QTableView, widths: list[int]) -> None:
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)


class RefreshingTab(QWidget):
    """A tab that reloads what it shows when its tables change, and only while visible."""

    tables: frozenset[str] = frozenset()
    # A tab whose figures show outside it (a count in its tab's title) reloads while hidden too;
    # such a tab calls reload() at the end of its __init__ instead of waiting to be shown.
    refresh_while_hidden = False

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.dialog: QDialog | None = None
        self._stale = True
        ctx.data_changed.changed.connect(self._changed)

    @Slot(object)
    def _changed(self, tables: frozenset[str]) -> None:
        if tables & self.tables:
            self._stale = True
            if self.isVisible() or self.refresh_while_hidden:
                self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.load()

    def load(self) -> None:
        raise NotImplementedError

    def run(self, operation: Callable[[], Any], then: Callable[[Any], None]) -> None:
        self.ctx.tasks.run_db(operation, then)

    def open_dialog(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()  # the previous form, closed by now
        self.dialog = dialog
        dialog.open()

    def with_selected(self, table: QTableView, action: Callable[[Any], None]) -> None:
        """Call ``action`` with the row selected in ``table``; nothing when no row is selected."""
        row = selected_row(table)
        if row is not None:
            action(row)

    def edit_selected(
        self,
        table: QTableView,
        form: Callable[[Any], QDialog],
        fetch: Callable[[Any], Any] | None = None,
    ) -> None:
        """Open ``form`` for the selected row. With ``fetch``, what the form edits is read first,
        in the background, from the row (a list row is often a summary: a balance, a focal point)."""

        def edit(row: Any) -> None:
            if fetch is None:
                self.open_dialog(form(row))
            else:
                self.run(lambda: fetch(row), lambda full: self.open_dialog(form(full)))

        self.with_selected(table, edit)

    def delete_selected(
        self, table: QTableView, describe: Callable[[Any], str], delete: Callable[[Any], Any]
    ) -> None:
        """Ask before deleting the selected row (named by ``describe``); ``delete`` runs in the background."""
        self.with_selected(table, lambda row: self.confirm_delete(describe(row), lambda: delete(row)))

    def confirm_delete(self, what: str, operation: Callable[[], Any]) -> None:
        answer = QMessageBox.question(
            self, self.tr("Delete"), self.tr("Delete %1? This cannot be undone here.").replace("%1", what)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.tasks.run_db(operation)
