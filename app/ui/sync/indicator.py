"""The status-bar indicator: online or offline, the last successful sync, problems to look at."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from app.sync.client import SyncStatus
from app.ui.formatting import format_datetime
from app.ui.sync.controller import SyncController


class SyncIndicator(QObject):
    """Keeps the window's connection label up to date from the controller's signals."""

    def __init__(self, label: QLabel, controller: SyncController) -> None:
        super().__init__(label)  # dies with the label: Qt then disconnects these slots
        self.label = label
        self.controller = controller
        controller.status_changed.connect(self._update)
        controller.online_changed.connect(self._refresh)
        controller.busy_changed.connect(self._refresh)

    def round_finished(self, _result: object) -> None:
        window = self.label.window()
        refresh = getattr(window, "refresh_pending", None)
        if refresh is not None:
            refresh()

    def _refresh(self, _changed: object = None) -> None:
        self._update(self.controller.last_status)

    def _update(self, status: SyncStatus | None) -> None:
        controller = self.controller
        if status is None or not status.server_url or not status.logged_in:
            self.label.setText(self.tr("Not connected to a sync server"))
            self.label.setStyleSheet("color: #666;")
            self.label.setToolTip(self.tr("Log in to the sync server on the Sync page or in Settings."))
            return
        last = format_datetime(status.last_success) if status.last_success else self.tr("never")
        if controller.busy:
            text = self.tr("Syncing…")
            colour = "#1f4e8c"
        elif controller.online is False:
            text = self.tr("Offline · last synced %1").replace("%1", last)
            colour = "#a15c00"
        else:
            text = self.tr("Online · last synced %1").replace("%1", last)
            colour = "#1d6b35"
        problems = []
        if status.conflicts:
            problems.append(self.tr("%n conflict(s) to review", "", status.conflicts))
        if status.dead_letters:
            problems.append(self.tr("%n change(s) refused", "", status.dead_letters))
        if problems:
            text += " · " + " · ".join(problems)
            colour = "#b3261e"
        self.label.setText(text)
        self.label.setStyleSheet(f"color: {colour};")
        self.label.setToolTip(f"{status.server_url} — {status.username}\n{status.last_error}".strip())


def install(window: object) -> SyncController:
    """Wire sync into a MainWindow: its indicator and the background rounds."""
    from app.ui.main_window import MainWindow
    from app.ui.sync.controller import sync_controller

    assert isinstance(window, MainWindow)
    controller = sync_controller(window.ctx)
    window.sync_indicator = SyncIndicator(window.connection_label, controller)  # type: ignore[attr-defined]
    controller.round_finished.connect(window.sync_indicator.round_finished)  # type: ignore[attr-defined]
    # No rounds for a window that is gone (the controller belongs to the task runner).
    window.destroyed.connect(controller.stop)
    controller.start()
    return controller
