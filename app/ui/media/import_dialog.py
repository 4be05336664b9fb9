"""Importing contacts: pick a file, map its columns, check, then import the good rows or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.contact_files import Table
from app.services.contacts_import import TARGETS, ImportPlan, ImportResult, suggest_mapping, target_label
from app.ui.context import UiContext
from app.ui.media.background import on_db, on_io
from app.ui.media.common import set_up_table, show_error, tr
from app.ui.media.models import RED, Column, RowsModel

PREVIEW_ROWS = 500


def _layout_name(layout: str) -> str:
    return {
        "google": tr("Google Contacts"),
        "outlook": tr("Outlook"),
        "vcard": tr("vCard"),
    }.get(layout, tr("ordinary table"))


class ImportDialog(QDialog):
    def __init__(self, ctx: UiContext, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table_data: Table | None = None
        self.plan: ImportPlan | None = None
        self.source = ""
        self.import_result: ImportResult | None = None
        self.setWindowTitle(self.tr("Import contacts"))
        self.resize(980, 620)

        self.file_label = QLabel(self.tr("Choose a CSV, XLSX or vCard file."))
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)

        # Step 1: the mapping of each column of the file to a field.
        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Import as")]
        )
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping.setColumnWidth(0, 260)
        self.mapping.setColumnWidth(1, 360)

        # Step 2: the preview of good rows and the report of rejected ones.
        self.good_model = RowsModel(
            [
                Column(tr("Line"), lambda g: str(g.line)),
                Column(tr("Full name"), lambda g: g.values.get("full_name", "")),
                Column(tr("Press agency"), lambda g: g.agency_name),
                Column(tr("E-mails"), lambda g: g.values.get("emails", "")),
                Column(tr("Phones"), lambda g: g.values.get("phones", "")),
                Column(tr("Title"), lambda g: g.values.get("title", "")),
            ],
            self,
        )
        self.rejected_model = RowsModel(
            [
                Column(tr("Line"), lambda r: str(r.line)),
                Column(
                    tr("Why it is refused"),
                    lambda r: "; ".join(str(m) for m in r.reasons),
                    foreground=lambda r: RED,
                    tooltip=lambda r: "\n".join(str(m) for m in r.reasons),
                ),
                Column(tr("Row"), lambda r: r.preview),
            ],
            self,
        )
        self.good_view = QTableView()
        self.good_view.setModel(self.good_model)
        set_up_table(self.good_view)
        self.rejected_view = QTableView()
        self.rejected_view.setModel(self.rejected_model)
        set_up_table(self.rejected_view)
        self.rejected_view.setColumnWidth(0, 60)
        self.rejected_view.setColumnWidth(1, 420)
        self.results = QTabWidget()
        self.results.addTab(self.good_view, self.tr("Rows to import"))
        self.results.addTab(self.rejected_view, self.tr("Rejected rows"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        review = QWidget()
        review_layout = QVBoxLayout(review)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.summary)
        review_layout.addWidget(self.results)

        # Step 3, when the import created agencies: what to check now.
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.steps = QStackedWidget()
        self.steps.addWidget(self.mapping)
        self.steps.addWidget(review)
        self.steps.addWidget(self.report)

        self.back_button = QPushButton(self.tr("Back to the columns"))
        self.check_button = QPushButton(self.tr("Check the rows"))
        self.import_good_button = QPushButton(self.tr("Import the good rows"))
        self.import_nothing_button = QPushButton(self.tr("Import nothing"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_good_button)
        buttons.addWidget(self.import_nothing_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)

        self.choose_button.clicked.connect(self.choose)
        self.check_button.clicked.connect(self.check)
        self.back_button.clicked.connect(lambda: self._show_step(0))
        self.import_good_button.clicked.connect(self.import_good)
        self.import_nothing_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        self._show_step(0)
        self.check_button.setEnabled(False)
        if path is not None:
            self.open_file(path)

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.back_button.setVisible(
            step == 1 and self.table_data is not None and self.table_data.kind != "vcard"
        )
        self.check_button.setVisible(step == 0)
        self.import_good_button.setVisible(step == 1)
        self.import_nothing_button.setVisible(step < 2)
        self.close_button.setVisible(step == 2)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts"),
            "",
            self.tr("Contacts (*.csv *.txt *.xlsx *.vcf);;All files (*)"),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        self.file_label.setText(self.tr("Reading %1…").replace("%1", str(path)))
        importer = self.ctx.services.contacts_import
        on_io(self, lambda: importer.read(path), lambda t: self._read(path, t), self._read_failed)

    def _read_failed(self, error: BaseException) -> None:
        self.file_label.setText(str(error))
        self.file_label.setStyleSheet("color: #c62828;")
        self.check_button.setEnabled(False)

    def _read(self, path: Path, table: Table) -> None:
        self.table_data = table
        self.source = path.name
        self.file_label.setStyleSheet("")
        if table.kind == "vcard":
            self.file_label.setText(
                self.tr("%1: %n card(s) in vCard format.", "", len(table.rows)).replace("%1", path.name)
            )
            self.check()
            return
        layout, mapping = suggest_mapping(table.headers)
        encoding = f", {table.encoding}" if table.encoding else ""
        self.file_label.setText(
            self.tr(
                "%1: %n row(s), recognised as %2%3. Check how each column is imported.", "", len(table.rows)
            )
            .replace("%1", path.name)
            .replace("%2", _layout_name(layout))
            .replace("%3", encoding)
        )
        self.mapping.setRowCount(len(table.headers))
        for column, header in enumerate(table.headers):
            self.mapping.setItem(column, 0, QTableWidgetItem(header))
            example = next(
                (row[column] for row in table.rows if column < len(row) and row[column].strip()), ""
            )
            self.mapping.setItem(column, 1, QTableWidgetItem(example[:200]))
            combo = QComboBox()
            combo.addItem(self.tr("(do not import)"), "")
            for target in TARGETS:
                combo.addItem(str(target_label(target)), target)
            combo.setCurrentIndex(max(0, combo.findData(mapping[column])))
            self.mapping.setCellWidget(column, 2, combo)
        self.check_button.setEnabled(True)
        self._show_step(0)

    def chosen_mapping(self) -> list[str]:
        mapping = []
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            mapping.append(str(combo.currentData() or ""))
        return mapping

    def check(self) -> None:
        if self.table_data is None:
            return
        table = self.table_data
        mapping = None if table.kind == "vcard" else self.chosen_mapping()
        importer = self.ctx.services.contacts_import
        source = self.source
        self.check_button.setEnabled(False)
        on_db(self, lambda: importer.plan(table, mapping, source), self._planned, self._plan_failed)

    def _plan_failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        show_error(self, error)

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.check_button.setEnabled(True)
        self.good_model.set_rows(plan.good[:PREVIEW_ROWS])
        self.rejected_model.set_rows(plan.rejected)
        self.results.setTabText(0, self.tr("Rows to import (%1)").replace("%1", str(len(plan.good))))
        self.results.setTabText(1, self.tr("Rejected rows (%1)").replace("%1", str(len(plan.rejected))))
        text = self.tr("%1 of %2 rows can be imported; %3 are refused, each with its reason.")
        text = (
            text.replace("%1", str(len(plan.good)))
            .replace("%2", str(plan.total))
            .replace("%3", str(len(plan.rejected)))
        )
        if plan.new_agencies:
            text += " " + self.tr("New press agencies will be created: %1.").replace(
                "%1", ", ".join(plan.new_agencies[:8])
            )
            if len(plan.new_agencies) > 8:
                text += " …"
        self.summary.setText(text)
        self.import_good_button.setText(
            self.tr("Import all %1 rows").replace("%1", str(len(plan.good)))
            if not plan.rejected
            else self.tr("Import the %1 good rows").replace("%1", str(len(plan.good)))
        )
        self.import_good_button.setEnabled(bool(plan.good))
        self.results.setCurrentIndex(1 if plan.rejected else 0)
        self._show_step(1)

    def import_good(self) -> None:
        if self.plan is None:
            return
        plan = self.plan
        importer = self.ctx.services.contacts_import
        self.import_good_button.setEnabled(False)
        on_db(self, lambda: importer.apply(plan), self._imported, self._import_failed)

    def _imported(self, result: ImportResult) -> None:
        self.import_result = result
        if not result.new_agencies:
            self.accept()
            return
        lines = [
            self.tr("%1 journalists imported.").replace("%1", str(result.imported)),
            "",
            self.tr(
                "New press agencies created — check their type and level (they were added as central "
                "newspapers, with a note saying so):"
            ),
        ]
        lines += [f"  • {name}" for name in result.new_agencies]
        self.report.setText("\n".join(lines))
        self._show_step(2)

    def _import_failed(self, error: BaseException) -> None:
        self.import_good_button.setEnabled(True)
        show_error(self, error)


def export_contacts(ctx: UiContext, parent: QWidget, ids: list[str] | None) -> None:
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        tr("Export contacts"),
        "nha-bao.xlsx",
        tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;vCard 3.0 (*.vcf);;vCard 4.0 (*.vcf)"),
    )
    if not name:
        return
    path = Path(name)
    fmt = {".csv": "csv", ".vcf": "vcf"}.get(path.suffix.lower(), "xlsx")
    version = "4.0" if "4.0" in chosen else "3.0"
    exporter = ctx.services.contacts_export

    def done(count: Any) -> None:
        QMessageBox.information(
            parent,
            tr("Export contacts"),
            tr("%1 journalists exported to %2.").replace("%1", str(count)).replace("%2", str(path)),
        )

    on_db(parent, lambda: exporter.export(path, fmt, ids, version), done, lambda err: show_error(parent, err))
