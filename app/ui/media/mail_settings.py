"""Settings section: the office's mail server for press releases, its password in the keyring."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.services import secrets
from app.services.mailer import SmtpSettings
from app.ui.context import UiContext
from app.ui.media.background import on_io
from app.ui.settings.form import PreferencesForm


class MailSection(PreferencesForm):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_intro(
            self.tr(
                "Press releases leave through the office's mail server, one message per recipient. The password "
                "is kept in the operating system's password store, never in CommDesk's data."
            )
        )
        self.host = self.add_text("smtp.host", placeholder="mail.example.gov.vn")
        self.port = self.add_number("smtp.port")
        self.security = self.add_choice(
            "smtp.security",
            [
                ("starttls", self.tr("STARTTLS (usually port 587)")),
                ("ssl", self.tr("SSL/TLS (usually port 465)")),
                ("none", self.tr("None (only inside the office network)")),
            ],
        )
        self.user = self.add_text("smtp.user")
        self.sender_address = self.add_text("smtp.from", placeholder="ttcs@example.gov.vn")
        # Certificates are always verified: an office with its own CA adds it here.
        self.ca_file = self.add_path(
            "smtp.ca_file", folder=False, placeholder=self.tr("Only the certificates trusted by the system")
        )
        self.quiet_days = self.add_number("media.pitch_quiet_days", suffix=self.tr(" days"))

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_password_button = QPushButton(self.tr("Keep password"))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.password, 1)
        line.addWidget(self.save_password_button)
        self.form.addRow(self.tr("Password"), row)
        self.keyring_status = QLabel()
        self.keyring_status.setWordWrap(True)
        self.form.addRow("", self.keyring_status)
        self.save_password_button.clicked.connect(self.save_password)
        self.load()
        on_io(self, secrets.status, self._show_status)

    def _show_status(self, status: str) -> None:
        texts = {
            "available": self.tr("The password store of this computer is available."),
            "unavailable": self.tr("This computer has no password store: the password cannot be kept."),
            "locked": self.tr("The password store is locked: unlock it to keep or read the password."),
        }
        self.keyring_status.setText(texts.get(status, status))
        self.keyring_status.setStyleSheet("" if status == "available" else "color: #c62828;")

    def save_password(self) -> None:
        config = SmtpSettings(
            self.host.text().strip(),
            self.port.value(),
            str(self.security.currentData()),
            self.user.text().strip(),
            "",
        )
        password = self.password.text()
        if not config.user:
            self.keyring_status.setText(self.tr("Enter the user name first."))
            return
        on_io(
            self,
            lambda: secrets.set_secret(config.password_key, password),
            self._password_saved,
            self._password_failed,
        )

    def _password_saved(self, _result: object) -> None:
        self.password.clear()
        self.keyring_status.setStyleSheet("color: #2e7d32;")
        self.keyring_status.setText(self.tr("Password kept in the password store."))

    def _password_failed(self, error: BaseException) -> None:
        self.keyring_status.setStyleSheet("color: #c62828;")
        self.keyring_status.setText(str(error))
