"""Settings → Backups: where the daily copies go, how many are kept, back up or restore now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.backup import back_up_now, backup_folder, list_backups
from app.ui.context import UiContext
from app.ui.formatting import format_datetime, format_size
from app.ui.settings.form import PreferencesForm


class BackupSection(PreferencesForm):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_intro(
            self.tr(
                "CommDesk copies its database once a day, the first time it runs that day, and keeps the newest copies. A copy is also taken before every upgrade and every restore. Choose a folder on another disk or a network share to survive a disk failure."
            )
        )
        self._folder: Path | None = None
        self.folder = self.add_path(
            "backup.folder", placeholder=self.tr("The backups folder inside the data folder")
        )
        self.keep = self.add_number("backup.keep")
        self.daily = self.add_check("backup.daily", self.tr("Back up automatically every day"))
        self.latest_label = QLabel()
        self.latest_label.setWordWrap(True)
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.open_button = QPushButton(self.tr("Open the backup folder"))
        actions = QHBoxLayout()
        actions.addWidget(self.back_up_button)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        self.column.addWidget(self.latest_label)
        self.column.addLayout(actions)
        self.back_up_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self._restore)
        self.open_button.clicked.connect(self._open_folder)
        self.restore_button.setEnabled(callable(ctx.extras.get("restore")))
        self.saved.connect(lambda _values: self.refresh())
        self.load()
        self.refresh()

    def refresh(self) -> None:
        services = self.ctx.services

        def survey() -> tuple[Path, list[Any]]:
            folder = backup_folder(services)
            return folder, list_backups(folder)

        self.ctx.tasks.run_db(survey, self._show_survey, self._failed)

    def _show_survey(self, result: tuple[Path, list[Any]]) -> None:
        self._folder, backups = result
        if backups:
            newest = backups[0]
            self.latest_label.setText(
                self.tr("%n copy(ies) in %1. The newest: %2 (%3).", "", len(backups))
                .replace("%1", str(self._folder))
                .replace("%2", format_datetime(newest.taken_at))
                .replace("%3", format_size(newest.size))
            )
        else:
            self.latest_label.setText(self.tr("No backup in %1 yet.").replace("%1", str(self._folder)))

    def back_up(self) -> None:
        services = self.ctx.services
        self.back_up_button.setEnabled(False)
        self.latest_label.setText(self.tr("Backing up…"))
        self.ctx.tasks.run_db(lambda: back_up_now(services), self._backed_up, self._backup_failed)

    def _backed_up(self, path: Path) -> None:
        self.back_up_button.setEnabled(True)
        self.status_label.setText(self.tr("Backed up to %1.").replace("%1", str(path)))
        self.refresh()

    def _backup_failed(self, error: BaseException) -> None:
        self.back_up_button.setEnabled(True)
        self.refresh()
        self._failed(error)

    def _restore(self) -> None:
        restore = self.ctx.extras.get("restore")
        if callable(restore):
            restore()

    def _open_folder(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))
