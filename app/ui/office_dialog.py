"""First-run dialog: the office's details, used in report headers and sync."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import PeriodRule
from app.services.labels import enum_label
from app.ui.context import UiContext
from app.ui.forms import FormErrors


class OfficeDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, office: Any | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.office = office
        self.setWindowTitle(self.tr("Office details"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Tell CommDesk about your office. These details appear in report headers and can be changed later in Settings."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. UBND-HN"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Văn phòng Ủy ban nhân dân tỉnh"))
        self.province = QLineEdit()
        self.superior_body = QLineEdit()
        self.superior_body.setPlaceholderText(self.tr("e.g. ỦY BAN NHÂN DÂN TỈNH ..."))
        self.place_name = QLineEdit()
        self.symbol_suffix = QLineEdit("UBND")
        self.signer_name = QLineEdit()
        self.signer_title = QLineEdit()
        self.report_recipients = QPlainTextEdit()
        self.report_recipients.setFixedHeight(70)
        self.period_rule = QComboBox()
        for rule in PeriodRule:
            self.period_rule.addItem(str(enum_label(PeriodRule, rule.value)), rule.value)

        form = QFormLayout()
        form.addRow(self.tr("Office code"), self.code)
        form.addRow(self.tr("Office name"), self.name)
        form.addRow(self.tr("Province"), self.province)
        form.addRow(self.tr("Superior body"), self.superior_body)
        form.addRow(self.tr("Place name (for the date line)"), self.place_name)
        form.addRow(self.tr("Document symbol"), self.symbol_suffix)
        form.addRow(self.tr("Signer"), self.signer_name)
        form.addRow(self.tr("Signer's title"), self.signer_title)
        form.addRow(self.tr("Report recipients"), self.report_recipients)
        form.addRow(self.tr("Reporting period"), self.period_rule)

        self.error_label = QLabel()
        self.errors = FormErrors(
            self.error_label,
            {
                "code": self.code,
                "name": self.name,
                "province": self.province,
                "superior_body": self.superior_body,
                "place_name": self.place_name,
                "symbol_suffix": self.symbol_suffix,
                "signer_name": self.signer_name,
                "signer_title": self.signer_title,
                "report_recipients": self.report_recipients,
                "period_rule": self.period_rule,
            },
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if office is not None:
            self._fill(office)

    def _fill(self, office: Any) -> None:
        for name in (
            "code",
            "name",
            "province",
            "superior_body",
            "place_name",
            "symbol_suffix",
            "signer_name",
            "signer_title",
        ):
            getattr(self, name).setText(getattr(office, name))
        self.report_recipients.setPlainText(office.report_recipients)
        self.period_rule.setCurrentIndex(max(0, self.period_rule.findData(office.period_rule)))

    def values(self) -> dict[str, Any]:
        return {
            "code": self.code.text(),
            "name": self.name.text(),
            "province": self.province.text(),
            "superior_body": self.superior_body.text(),
            "place_name": self.place_name.text(),
            "symbol_suffix": self.symbol_suffix.text(),
            "signer_name": self.signer_name.text(),
            "signer_title": self.signer_title.text(),
            "report_recipients": self.report_recipients.toPlainText(),
            "period_rule": self.period_rule.currentData(),
        }

    def save(self) -> None:
        values = self.values()
        services = self.ctx.services
        self.buttons.setEnabled(False)
        if self.office is None:
            operation = lambda: services.offices.set_up(values)  # noqa: E731
        else:
            office_id = self.office.id
            operation = lambda: services.offices.update(office_id, values)  # noqa: E731
        self.ctx.tasks.run_db(operation, self._saved, self._failed)

    def _saved(self, office: Any) -> None:
        self.office = office
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(error)
