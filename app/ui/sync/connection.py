"""Server address, CA bundle, login and sync interval (in Settings and on the Sync page)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import CommDeskError
from app.sync.client import INTERVAL, SyncStatus
from app.sync.transport import SyncFailure
from app.ui.context import UiContext
from app.ui.sync.controller import sync_controller, while_alive


class ConnectionSection(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = sync_controller(ctx)
        self.server = QLineEdit()
        self.server.setObjectName("syncServer")
        self.server.setPlaceholderText("https://dongbo.example.gov.vn")
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setObjectName("syncCaBundle")
        self.ca_bundle.setPlaceholderText(self.tr("System certificates"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_bundle)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.ca_bundle, 1)
        bundle_row.addWidget(browse)
        self.username = QLineEdit()
        self.username.setObjectName("syncUsername")
        self.password = QLineEdit()
        self.password.setObjectName("syncPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.interval = QSpinBox()
        self.interval.setRange(1, 24 * 60)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.valueChanged.connect(self._save_interval)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("syncLogin")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.log_in)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.clicked.connect(self.log_out)
        self.message = QLabel()
        self.message.setObjectName("syncLoginMessage")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("CA certificate file"), bundle_row)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Sync every"), self.interval)
        buttons = QHBoxLayout()
        buttons.addWidget(self.login_button)
        buttons.addWidget(self.logout_button)
        buttons.addStretch(1)
        note = QLabel(
            self.tr(
                "The password is not kept: after logging in, a sign-in token is stored in the "
                "operating system's password store."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(note)

        self._loading = True
        client = self.controller.client
        ctx.tasks.run_db(
            lambda: (client.server_url, client.ca_bundle, client.username, client.interval_minutes()),
            while_alive(self, self._loaded),
            lambda _e: None,
        )
        self.controller.status_changed.connect(self._show_status)
        if self.controller.last_status is not None:
            self._show_status(self.controller.last_status)

    def _loaded(self, values: tuple[str, str, str, int]) -> None:
        server, bundle, username, minutes = values
        # Never overwrite what the person already typed while this was loading.
        for edit, value in ((self.server, server), (self.ca_bundle, bundle), (self.username, username)):
            if not edit.text():
                edit.setText(value)
        self.interval.setValue(minutes)
        self._loading = False

    def _choose_bundle(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate file"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_bundle.setText(path)

    def _save_interval(self, minutes: int) -> None:
        if self._loading:
            return
        settings = self.ctx.services.settings
        self.ctx.tasks.run_db(lambda: settings.set(INTERVAL, minutes), lambda _r: None, lambda _e: None)

    def log_in(self) -> None:
        server = self.server.text().strip()
        username = self.username.text().strip()
        password = self.password.text()
        if not server or not username or not password:
            self.message.setText(self.tr("Enter the server address, your user name and your password."))
            return
        if not server.startswith(("https://", "http://")):
            self.message.setText(self.tr("The server address starts with https://"))
            return
        bundle = self.ca_bundle.text().strip()
        self.login_button.setEnabled(False)
        self.message.setText(self.tr("Logging in…"))
        client = self.controller.client
        self.ctx.tasks.run_io(
            lambda: client.login(server, username, password, bundle),
            while_alive(self, self._logged_in),
            while_alive(self, self._failed),
        )

    def _logged_in(self, token: object) -> None:
        self.password.clear()
        self.login_button.setEnabled(True)
        self.message.setText(
            self.tr("Logged in as %1 for office %2.")
            .replace("%1", str(getattr(token, "username", "")))
            .replace("%2", str(getattr(token, "office_code", "")))
        )
        self.controller.logged_in(token)

    def _failed(self, error: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.message.setText(explain(self, error))

    def log_out(self) -> None:
        self.ctx.tasks.run_io(
            self.controller.client.logout,
            while_alive(self, lambda _r: self._logged_out()),
            while_alive(self, self._failed),
        )

    def _logged_out(self) -> None:
        self.message.setText(self.tr("Logged out. Changes stay on this computer until you log in again."))
        self.controller.refresh_status()

    def _show_status(self, status: SyncStatus) -> None:
        self.logout_button.setEnabled(status.logged_in)


def explain(widget: QWidget, error: BaseException) -> str:
    """A sentence for a person about why the server could not be used."""
    if isinstance(error, SyncFailure):
        kind = error.kind
        texts = {
            "offline": QCoreApplication.translate(
                "SyncMessages", "Cannot reach the server. Check the address and the network connection."
            ),
            "tls": QCoreApplication.translate(
                "SyncMessages",
                "The server's certificate could not be verified. Check the address or choose the CA "
                "certificate file your IT staff gave you.",
            ),
            "login_required": QCoreApplication.translate(
                "SyncMessages", "Wrong user name or password, or this computer was signed out."
            ),
            "throttled": QCoreApplication.translate(
                "SyncMessages", "Too many failed attempts. Wait 15 minutes and try again."
            ),
            "upgrade_required": QCoreApplication.translate(
                "SyncMessages",
                "This version of CommDesk and the server do not match. Ask IT to update; your changes are kept.",
            ),
            "server_error": QCoreApplication.translate(
                "SyncMessages", "The server had a problem. Your changes are kept; sync will retry."
            ),
        }
        return texts.get(
            kind,
            QCoreApplication.translate("SyncMessages", "The server refused the request: %1").replace(
                "%1", error.detail
            ),
        )
    if isinstance(error, CommDeskError):
        return str(error)
    return QCoreApplication.translate("SyncMessages", "Unexpected error: %1").replace("%1", str(error))
