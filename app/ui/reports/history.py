"""Past reports on the Reports page: drafts and issued reports, filtered by year; open one,
or delete a draft."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import CommDeskError
from app.models import enums as e
from app.reports.history import ReportEntry, delete_draft, past_reports, report_years
from app.reports.periods import ROMAN
from app.ui.context import UiContext
from app.ui.formatting import format_date
from app.ui.row_models import GOOD, WARNING, Column, RowListModel
from app.ui.shortcuts import add_list_actions


class PastReports(QWidget):
    open_requested = Signal(object)  # ReportKey
    refreshed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.confirm: QMessageBox | None = None  # the open "delete this draft?" question
        columns = [
            Column(self.tr("Period"), self.period_text),
            Column(self.tr("Report"), self.kind_text),
            Column(self.tr("Number"), lambda r: r.number or "—"),
            Column(self.tr("Issued on"), lambda r: format_date(r.issued_on) or "—"),
            signer := Column(self.tr("Signer"), lambda r: r.signer_name),
            Column(self.tr("Status"), self.status_text, colour=lambda r: GOOD if r.issued else WARNING),
        ]
        self.model = RowListModel(columns, self)
        self.table = QTableView()
        self.table.setObjectName("past_reports")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The spare width goes to the names rather than leaving the status far from its row.
        header.setSectionResizeMode(columns.index(signer), QHeaderView.ResizeMode.Stretch)
        self.year = QComboBox()
        self.year.addItem(self.tr("All years"), None)
        self.open_button = QPushButton(self.tr("Open"))
        self.delete_button = QPushButton(self.tr("Delete draft…"))
        self.empty = QLabel(self.tr("No reports yet. Generate one and save it as a draft, or issue it."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

        self.year.currentIndexChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.ask_delete)
        self.actions_ = add_list_actions(
            self, self.table, edit=self.open_selected, delete=self.ask_delete, refresh=self.refresh
        )
        ctx.data_changed.changed.connect(self._data_changed)
        self._selection_changed()
        self.refresh()

    # ----- texts ---------------------------------------------------------------------------

    def period_text(self, row: ReportEntry) -> str:
        if row.key.period:
            return (
                self.tr("Quarter %1/%2").replace("%1", ROMAN[row.key.period]).replace("%2", str(row.key.year))
            )
        return self.tr("Year %1").replace("%1", str(row.key.year))

    def kind_text(self, row: ReportEntry) -> str:
        if row.key.kind == e.ReportKind.ANNUAL_SPOKESPERSON.value:
            return self.tr("Annual spokesperson report")
        return self.tr("Quarterly report")

    def status_text(self, row: ReportEntry) -> str:
        return self.tr("Issued") if row.issued else self.tr("Draft")

    # ----- loading -------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        services, year = self.ctx.services, self.year.currentData()
        self.ctx.tasks.run_db(
            lambda: (report_years(services), past_reports(services, year)), self._loaded, self._failed
        )

    def _loaded(self, result: tuple[list[int], list[ReportEntry]]) -> None:
        if not shiboken6.isValid(self):
            return
        years, rows = result
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("All years"), None)
        for year in sorted(set(years) | ({chosen} if chosen else set()), reverse=True):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self._selection_changed()
        self.refreshed.emit()

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            QMessageBox.warning(self, self.tr("Reports"), str(error))

    def _data_changed(self, tables: frozenset[str]) -> None:
        if "report" in tables or "office" in tables:
            self.refresh()

    # ----- actions -------------------------------------------------------------------------

    def selected(self) -> ReportEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    @Slot()
    def _selection_changed(self, *_args: Any) -> None:
        entry = self.selected()
        self.open_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None and not entry.issued)

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        entry = self.model.row_at(index.row())
        if entry is not None:
            self.open_requested.emit(entry.key)

    @Slot()
    def open_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.open_requested.emit(entry.key)

    @Slot()
    def ask_delete(self) -> None:
        entry = self.selected()
        if entry is None or entry.issued:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete draft"),
            self.tr("Delete the draft of %1? Its narrative is lost; the figures can be made again.").replace(
                "%1", self.period_text(entry)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm = box
        answer = box.exec()
        self.confirm = None
        if answer == QMessageBox.StandardButton.Yes:
            services, record_id = self.ctx.services, entry.id
            self.ctx.tasks.run_db(
                lambda: delete_draft(services, record_id), lambda _r: None, self._delete_failed
            )

    def _delete_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            text = str(error) if isinstance(error, CommDeskError) else repr(error)
            QMessageBox.warning(self, self.tr("Reports"), text)
