"""The Reports page: choose the period, write the narrative, generate, preview, print, save, issue."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import CommDeskError
from app.reports.documents import (
    RenderedReport,
    ReportDocument,
    ReportKey,
    issue,
    open_document,
    save_draft,
    today_local,
)
from app.reports.documents import (
    generate as generate_report,
)
from app.reports.periods import quarter_of
from app.reports.tables import Narrative, default_subject
from app.ui.context import UiContext
from app.ui.flow_layout import FlowLayout
from app.ui.reports.history import PastReports

WATCHED = frozenset(
    {
        "activity",
        "activity_topic",
        "interaction",
        "coverage_item",
        "coverage_topic",
        "staff_member",
        "training_record",
        "unit",
        "budget_allocation",
        "budget_adjustment",
        "expense",
        "policy_topic",
        "office",
        "report",
    }
)
PRINT_DPI = 300
PREVIEW_MIN_WIDTH = 340  # an A4 page fitted to this width is still legible as a preview
FIELD_MIN_WIDTH = 200  # the narrative stays writable however far the preview is widened


def _labelled(label: QLabel, field: QWidget) -> QWidget:
    """A label and its field as one piece, so that a wrapping row never parts them."""
    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(field)
    return pair


class ProgressRelay(QObject):
    """Carries progress from the worker thread to the page (queued to the GUI thread)."""

    progress = Signal(float)


class ReportsPage(QWidget):
    generated = Signal()  # a PDF is shown in the preview

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.document: ReportDocument | None = None
        self.rendered: RenderedReport | None = None
        self._stale = False
        self._generate_after_load = False
        self._relay = ProgressRelay(self)
        self._relay.progress.connect(self._show_progress)

        today = today_local()
        current = quarter_of(today)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Quarterly report"), "quarterly")
        self.kind.addItem(self.tr("Annual spokesperson report"), "annual_spokesperson")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(current.year)
        self.quarter = QComboBox()
        for number, roman in ((1, "I"), (2, "II"), (3, "III"), (4, "IV")):
            self.quarter.addItem(self.tr("Quarter %1").replace("%1", roman), number)
        self.quarter.setCurrentIndex(current.number - 1)
        self.quarter_label = QLabel(self.tr("Quarter"))
        self.status = QLabel()
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)  # the issued line is long: it takes two lines when narrow

        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setDefault(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_pdf_button = QPushButton(self.tr("Save PDF…"))
        self.save_xlsx_button = QPushButton(self.tr("Save XLSX…"))
        self.save_draft_button = QPushButton(self.tr("Save draft"))
        self.issue_button = QPushButton(self.tr("Issue…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setVisible(False)

        # The period and Generate take a second line on a small screen; each label keeps its field.
        self.quarter_field = _labelled(self.quarter_label, self.quarter)
        bar = FlowLayout()
        bar.add_widgets(
            _labelled(QLabel(self.tr("Report")), self.kind),
            self.quarter_field,
            _labelled(QLabel(self.tr("Year")), self.year),
            self.generate_button,
            self.progress,
        )

        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("given when issued, e.g. 12"))
        self.subject = QLineEdit()
        self.signer_name = QLineEdit()
        self.signer_title = QLineEdit()
        self.assessment = QPlainTextEdit()
        self.next_tasks = QPlainTextEdit()
        self.recommendations = QPlainTextEdit()
        for field in (self.number, self.subject, self.signer_name, self.signer_title):
            field.setMinimumWidth(FIELD_MIN_WIDTH)
        for editor in (self.assessment, self.next_tasks, self.recommendations):
            editor.setTabChangesFocus(True)
            editor.setMinimumWidth(FIELD_MIN_WIDTH)
        form = QFormLayout()
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Signer"), self.signer_name)
        form.addRow(self.tr("Signer's title"), self.signer_title)
        form.addRow(self.tr("VI. Assessment"), self.assessment)
        form.addRow(self.tr("VII. Next-quarter tasks"), self.next_tasks)
        form.addRow(self.tr("VIII. Recommendations"), self.recommendations)
        self.next_tasks_label = form.labelForField(self.next_tasks)
        self.assessment_label = form.labelForField(self.assessment)
        self.recommendations_label = form.labelForField(self.recommendations)
        editor_panel = QWidget()
        editor_layout = QVBoxLayout(editor_panel)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.status)
        editor_layout.addLayout(form, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_draft_button)
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        editor_layout.addLayout(buttons)

        self.pdf = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setDocument(self.pdf)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setMinimumWidth(PREVIEW_MIN_WIDTH)
        self._buffer: QBuffer | None = None

        # Print and save act on what the preview shows, so they sit above it.
        outputs = QHBoxLayout()
        outputs.addStretch(1)
        for button in (self.print_button, self.save_pdf_button, self.save_xlsx_button):
            outputs.addWidget(button)
        preview_panel = QWidget()
        preview_layout = QVBoxLayout(preview_panel)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addLayout(outputs)
        preview_layout.addWidget(self.preview, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(editor_panel)
        splitter.addWidget(preview_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        report_tab = QWidget()
        report_layout = QVBoxLayout(report_tab)
        report_layout.addLayout(bar)
        report_layout.addWidget(splitter, 1)

        # The list of past reports has the whole width: its columns need it more than a preview.
        self.history = PastReports(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(report_tab, self.tr("Report"))
        self.tabs.addTab(self.history, self.tr("Past reports"))
        self.history.open_requested.connect(self.open_report)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Reports") + "</h2>"))
        layout.addWidget(self.tabs, 1)

        self.kind.currentIndexChanged.connect(self._period_changed)
        self.year.valueChanged.connect(self._period_changed)
        self.quarter.currentIndexChanged.connect(self._period_changed)
        self.generate_button.clicked.connect(self.generate)
        self.save_draft_button.clicked.connect(self.save_draft)
        self.issue_button.clicked.connect(self._ask_issue)
        self.print_button.clicked.connect(self._ask_print)
        self.save_pdf_button.clicked.connect(lambda: self._ask_save("pdf"))
        self.save_xlsx_button.clicked.connect(lambda: self._ask_save("xlsx"))
        ctx.data_changed.changed.connect(self._data_changed)
        self._set_output_enabled(False)
        self._period_changed()

    # ----- period and narrative ------------------------------------------------------------

    def key(self) -> ReportKey:
        if self.kind.currentData() == "annual_spokesperson":
            return ReportKey.annual(self.year.value())
        return ReportKey.quarterly(self.year.value(), int(self.quarter.currentData()))

    def narrative(self) -> Narrative:
        return Narrative(
            number=self.number.text().strip(),
            subject=self.subject.text().strip(),
            assessment=self.assessment.toPlainText(),
            next_tasks=self.next_tasks.toPlainText(),
            recommendations=self.recommendations.toPlainText(),
            signer_name=self.signer_name.text().strip(),
            signer_title=self.signer_title.text().strip(),
            recipients=self.document.narrative.recipients if self.document else "",
        )

    @Slot()
    def _period_changed(self) -> None:
        annual = self.kind.currentData() == "annual_spokesperson"
        self.quarter.setVisible(not annual)
        self.quarter_label.setVisible(not annual)
        self.quarter_field.setVisible(not annual)
        self.next_tasks.setVisible(not annual)
        if self.next_tasks_label is not None:
            self.next_tasks_label.setVisible(not annual)
        self.load()

    @Slot(object)
    def open_report(self, key: ReportKey) -> None:
        """Show a past report: its period chosen, its narrative loaded, then generated — an issued
        one from its frozen figures, exactly as issued; a draft recomputed from the data."""
        for widget in (self.kind, self.year, self.quarter):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(key.kind))
        self.year.setValue(key.year)
        if key.period:
            self.quarter.setCurrentIndex(self.quarter.findData(key.period))
        for widget in (self.kind, self.year, self.quarter):
            widget.blockSignals(False)
        self.tabs.setCurrentIndex(0)
        self._generate_after_load = True
        self._period_changed()

    def load(self) -> None:
        """Open the report of the chosen period: the issued record, or a draft recomputed now."""
        key = self.key()
        services = self.ctx.services
        self.status.setText(self.tr("Loading…"))
        self.ctx.tasks.run_db(lambda: open_document(services, key), self._loaded, self._failed)

    def _loaded(self, document: ReportDocument) -> None:
        if document.key != self.key():
            return  # the user chose another period meanwhile
        self.document = document
        self._stale = False
        n = document.narrative
        self.number.setText(n.number)
        self.subject.setText(n.subject)
        self.subject.setPlaceholderText(default_subject(document.key.kind, document.period))
        self.signer_name.setText(n.signer_name)
        self.signer_title.setText(n.signer_title)
        self.assessment.setPlainText(n.assessment)
        self.next_tasks.setPlainText(n.next_tasks)
        self.recommendations.setPlainText(n.recommendations)
        issued = document.issued
        for editor in (self.number, self.subject, self.signer_name, self.signer_title):
            editor.setReadOnly(issued)
        for text_editor in (self.assessment, self.next_tasks, self.recommendations):
            text_editor.setReadOnly(issued)
        self.save_draft_button.setEnabled(not issued)
        self.issue_button.setEnabled(not issued)
        period = document.period
        span = f"{period.first:%d/%m/%Y} – {period.last:%d/%m/%Y}"
        if issued:
            self.status.setText(
                self.tr("Issued on %1 — figures frozen as issued (%2). SHA-256 %3")
                .replace("%1", f"{document.document_date:%d/%m/%Y}")
                .replace("%2", span)
                .replace("%3", document.file_sha256[:16] + "…")
            )
        else:
            self.status.setText(self.tr("Draft — figures recomputed from the data (%1).").replace("%1", span))
        self.rendered = None
        self.pdf.close()
        self._set_output_enabled(False)
        if self._generate_after_load:
            self._generate_after_load = False
            self.generate()

    @Slot(object)
    def _data_changed(self, tables: frozenset[str]) -> None:
        if self.document is not None and not self.document.issued and tables & WATCHED - {"report"}:
            self._stale = True
            self.status.setText(
                self.status.text().split(" ⚠")[0] + " ⚠ " + self.tr("data changed: generate again")
            )

    # ----- generating ----------------------------------------------------------------------

    @Slot()
    def generate(self) -> None:
        """Recompute a draft (or take the issued figures) and render it in the background."""
        key = self.key()
        narrative = self.narrative()
        services = self.ctx.services
        relay = self._relay
        self._busy(True)

        self.ctx.tasks.run_db(
            lambda: generate_report(services, key, narrative, relay.progress.emit),
            self._generated,
            self._failed,
        )

    def _generated(self, result: tuple[ReportDocument, RenderedReport]) -> None:
        document, rendered = result
        self._busy(False)
        if document.key != self.key():
            return
        self.document = document
        self.rendered = rendered
        self._stale = False
        self._show_pdf(rendered.pdf)
        self._set_output_enabled(True)
        if document.issued and rendered.sha256 != document.file_sha256:
            QMessageBox.warning(
                self,
                self.tr("Reports"),
                self.tr("The regenerated file differs from the issued one (checksum mismatch)."),
            )
        self.generated.emit()

    def _show_pdf(self, data: bytes) -> None:
        self.pdf.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    @Slot(float)
    def _show_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        if busy:
            self.progress.setValue(0)
        self.generate_button.setEnabled(not busy)
        self.issue_button.setEnabled(not busy and not (self.document and self.document.issued))

    def _set_output_enabled(self, enabled: bool) -> None:
        for button in (self.print_button, self.save_pdf_button, self.save_xlsx_button):
            button.setEnabled(enabled)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, CommDeskError):
            QMessageBox.warning(self, self.tr("Reports"), str(error))
        else:
            QMessageBox.critical(
                self,
                self.tr("Reports"),
                self.tr("The report could not be made: %1").replace("%1", repr(error)),
            )
        if self.document is None:
            self.status.setText("")

    # ----- draft and issue -----------------------------------------------------------------

    @Slot()
    def save_draft(self) -> None:
        key, narrative, services = self.key(), self.narrative(), self.ctx.services
        self.ctx.tasks.run_db(lambda: save_draft(services, key, narrative), self._draft_saved, self._failed)

    def _draft_saved(self, _row: Any) -> None:
        self.status.setText(self.status.text().split(" ✓")[0] + " ✓ " + self.tr("draft saved"))

    @Slot()
    def _ask_issue(self) -> None:
        if not self.number.text().strip():
            QMessageBox.warning(
                self, self.tr("Reports"), self.tr("Enter the document number before issuing.")
            )
            self.number.setFocus()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Issue the report"),
            self.tr(
                "Issue report No. %1? Its figures are frozen as they are now and it can no longer be edited."
            ).replace("%1", self.number.text().strip()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.issue_now()

    def issue_now(self, document_date: date | None = None) -> None:
        key, narrative, services, relay = self.key(), self.narrative(), self.ctx.services, self._relay
        self._busy(True)
        self.ctx.tasks.run_db(
            lambda: issue(services, key, narrative, document_date, progress=relay.progress.emit),
            self._issued,
            self._failed,
        )

    def _issued(self, result: tuple[ReportDocument, RenderedReport]) -> None:
        self._generated(result)
        self._loaded(result[0])
        self.rendered = result[1]
        self._set_output_enabled(True)

    # ----- print and save ------------------------------------------------------------------

    @Slot()
    def _ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print the previewed PDF page by page at the printer's resolution."""
        if self.pdf.pageCount() == 0:
            return
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Reports"), self.tr("The printer could not be started."))
            return
        try:
            for index in range(self.pdf.pageCount()):
                if index:
                    printer.newPage()
                target = painter.viewport()
                points = self.pdf.pagePointSize(index)
                # 300 dpi is plenty for text on paper and keeps each page image small.
                size = QSize(int(points.width() / 72 * PRINT_DPI), int(points.height() / 72 * PRINT_DPI))
                image = self.pdf.render(index, size)
                painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
        finally:
            painter.end()

    def _ask_save(self, kind: str) -> None:
        if self.rendered is None or self.document is None:
            return
        key = self.document.key
        name = f"bao-cao-{key.year}-q{key.period}" if key.period else f"bao-cao-phat-ngon-{key.year}"
        if kind == "pdf":
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save PDF"), f"{name}.pdf", self.tr("PDF (*.pdf)")
            )
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save XLSX"), f"{name}.xlsx", self.tr("Excel workbook (*.xlsx)")
            )
        if path:
            self.save_to(Path(path), kind)

    def save_to(self, path: Path, kind: str) -> None:
        if self.rendered is None:
            return
        data = self.rendered.pdf if kind == "pdf" else self.rendered.xlsx
        if data is None:
            return
        self.ctx.tasks.run_io(lambda: path.write_bytes(data), lambda _n: self._saved(path), self._failed)

    def _saved(self, path: Path) -> None:
        self.status.setText(
            self.status.text().split(" ✓")[0] + " ✓ " + self.tr("saved to %1").replace("%1", str(path))
        )
