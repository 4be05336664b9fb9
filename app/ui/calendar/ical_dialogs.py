"""Exporting the calendar to .ics and importing Outlook / Google files with a preview."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import enums as e
from app.services import ical
from app.services.labels import enum_label
from app.services.schedule import ActivityFilter, Occurrence
from app.ui.calendar.common import while_alive
from app.ui.context import UiContext
from app.ui.formatting import format_datetime

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class ExportDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        window: tuple[datetime, datetime],
        filters: ActivityFilter,
        selected: Occurrence | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window_range, self.filters, self.selected = window, filters, selected
        self.setWindowTitle(self.tr("Export to iCalendar (.ics)"))
        self.every = QRadioButton(self.tr("All activities"))
        self.shown = QRadioButton(self.tr("The period shown, with the current filters"))
        self.selection = QRadioButton(self.tr("The selected activity"))
        self.selection.setEnabled(selected is not None)
        self.shown.setChecked(True)
        self.path = QLineEdit(str(Path.home() / "commdesk-lich.ics"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.every, self.shown, self.selection):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), self.path.text(), "iCalendar (*.ics)")
        if path:
            self.path.setText(path if path.endswith(".ics") else path + ".ics")

    def export(self) -> None:
        path = Path(self.path.text().strip())
        services = self.ctx.services
        criteria: dict[str, Any] = {}
        if self.shown.isChecked():
            criteria = {
                "window": self.window_range,
                "filters": None if self.filters.is_empty() else self.filters,
            }
        elif self.selection.isChecked() and self.selected is not None:
            criteria = {"activity_ids": [self.selected.series_id or self.selected.activity.id]}
        self.buttons.setEnabled(False)
        self.ctx.tasks.run_db(lambda: ical.export_ics(services, path, **criteria), self._done, self._failed)

    @while_alive
    def _done(self, count: int) -> None:
        self.buttons.setEnabled(True)
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("%n activity(ies) exported.", "", count))

    @while_alive
    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(str(error))


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ical.Candidate] = []

    def set_plan(self, plan: ical.ImportPlan) -> None:
        self.beginResetModel()
        self.rows = list(plan.candidates)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 5
        ):
            return (self.tr("Action"), self.tr("Starts"), self.tr("Title"), self.tr("Type"), self.tr("Line"))[
                section
            ]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        candidate = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return {"create": self.tr("New"), "update": self.tr("Update"), "skip": self.tr("Skip")}[
                    candidate.action
                ]
            if column == 1:
                return format_datetime(candidate.values["starts_at"])
            if column == 2:
                return ("↻ " if candidate.values.get("rrule") else "") + candidate.values["title"]
            if column == 3:
                label = str(enum_label(e.ActivityType, candidate.values["type"]))
                return label + (" *" if candidate.type_guessed else "")
            return candidate.line
        if role == Qt.ItemDataRole.ForegroundRole and candidate.action == "skip":
            return QColor("#8a8f98")
        return None


class ImportDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import from iCalendar (.ics)"))
        self.resize(820, 560)
        self.plan: ical.ImportPlan | None = None
        self.data: bytes = b""
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("An .ics file from Outlook, Google Calendar or CommDesk"))
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self._browse)
        self.update_existing = QCheckBox(self.tr("Update activities already imported (same UID)"))
        self.update_existing.setChecked(True)
        self.update_existing.toggled.connect(self._preview)
        self.default_type = QComboBox()
        for member in e.ActivityType:
            self.default_type.addItem(str(enum_label(e.ActivityType, member.value)), member.value)
        self.default_type.setCurrentIndex(self.default_type.findData("other"))
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(120)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow("", self.update_existing)
        form.addRow(self.tr("Type when not recognised (*)"), self.default_type)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Problems")))
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import"), str(Path.home()), "iCalendar (*.ics);;*"
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        self.path.setText(str(path))
        try:
            self.data = path.read_bytes()
        except OSError as exc:
            self.summary.setText(str(exc))
            return
        self._preview()

    def _preview(self) -> None:
        if not self.data:
            return
        services, data, update = self.ctx.services, self.data, self.update_existing.isChecked()
        self.ctx.tasks.run_db(lambda: ical.preview(services, data, update), self._previewed, self._failed)

    @while_alive
    def _previewed(self, plan: ical.ImportPlan) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        self._show_problems(plan.problems)
        self.summary.setText(
            self.tr("New: %1 · update: %2 · skip: %3")
            .replace("%1", str(plan.count("create")))
            .replace("%2", str(plan.count("update")))
            .replace("%3", str(plan.count("skip")))
        )
        self.import_button.setEnabled(plan.count("create") + plan.count("update") > 0)

    def _show_problems(self, problems: list[ical.ImportProblem]) -> None:
        self.problems.clear()
        for problem in problems:
            where = self.tr("line %1: ").replace("%1", str(problem.line)) if problem.line else ""
            self.problems.addItem(where + str(problem.message))

    def run_import(self) -> None:
        if self.plan is None:
            return
        services, plan, default = self.ctx.services, self.plan, self.default_type.currentData()
        self.import_button.setEnabled(False)
        self.ctx.tasks.run_db(lambda: ical.apply(services, plan, default), self._imported, self._failed)

    @while_alive
    def _imported(self, result: ical.ImportResult) -> None:
        self._show_problems(result.problems)
        self.summary.setText(
            self.tr("Imported: %1 new, %2 updated, %3 skipped.")
            .replace("%1", str(result.created))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.skipped))
        )
        self.plan = None

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(str(error))
        self.import_button.setEnabled(self.plan is not None)
