"""When the database cannot be used (locked, read-only, full, damaged, too new): say so plainly
and offer the ways out — try again, restore a backup, open the data folder, or quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import CommDeskError, DatabaseTooNew, DatabaseUnavailable
from app.services.backup import list_backups
from app.ui.formatting import format_datetime, format_size


class DatabaseProblemDialog(QDialog):
    """``choice`` after exec(): "retry", "restore" (see ``backup``), or "quit"/"close"."""

    def __init__(
        self,
        error: CommDeskError,
        database: Path,
        at_start: bool,
        can_restore: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CommDesk — the data file cannot be used"))
        self.setMinimumWidth(560)
        self.error = error
        self.database = database
        self.choice = "quit" if at_start else "close"
        self.backup: Path | None = None
        kind = error.kind if isinstance(error, DatabaseUnavailable) else "too_new"
        self.kind = kind
        advice = {
            "locked": self.tr(
                "Another program is using the data file: another copy of CommDesk, a backup or antivirus program. Close it, then try again."
            ),
            "read_only": self.tr(
                "CommDesk is not allowed to write to the data file. Check that the folder is not read-only and that your account may write to it, or ask your IT officer."
            ),
            "cannot_open": self.tr(
                "Check that the data folder exists, that a network or USB drive holding it is connected, and that your account may write to it; or ask your IT officer."
            ),
            "full": self.tr(
                "Free some space on the disk (empty the Recycle Bin, remove large files you no longer need), then try again."
            ),
            "io_error": self.tr(
                "Check the drive (reconnect a network or USB drive), then try again. If it keeps happening, the disk may be failing: restore the newest backup onto a healthy disk."
            ),
            "corrupt": self.tr(
                "The data file is damaged. Restore the newest backup: the damaged file is kept aside, never deleted."
            ),
            "too_new": self.tr(
                "Install the newer version of CommDesk to open this data. The file was not changed."
            ),
        }.get(kind, "")
        message = QLabel(f"<b>{error}</b><br><br>{advice}")
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.RichText)
        where = QLabel(self.tr("Data file: %1").replace("%1", str(database)))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setStyleSheet("color: #555;")

        self.buttons = QDialogButtonBox()
        self.retry_button: QPushButton | None = None
        self.restore_button: QPushButton | None = None
        if at_start and kind != "too_new":
            self.retry_button = self.buttons.addButton(
                self.tr("Try again"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.retry_button.clicked.connect(lambda: self._finish("retry"))
            self.retry_button.setDefault(True)
        if (
            can_restore
            and kind in ("corrupt", "read_only", "cannot_open", "full", "io_error", "locked")
            and (kind == "corrupt" or at_start)
        ):
            self.restore_button = self.buttons.addButton(
                self.tr("Restore a backup…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.restore_button.clicked.connect(self._choose_backup)
            if kind == "corrupt":
                self.restore_button.setDefault(True)
        self.folder_button = self.buttons.addButton(
            self.tr("Open the data folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(database.parent)))
        )
        self.close_button = self.buttons.addButton(
            self.tr("Quit CommDesk") if at_start else self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(where)
        layout.addWidget(self.buttons)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _choose_backup(self) -> None:
        chooser = BackupChooser(self.database.parent / "backups", self)
        if chooser.exec() == QDialog.DialogCode.Accepted and chooser.selected is not None:
            self.backup = chooser.selected
            self._finish("restore")


class BackupChooser(QDialog):
    """The backups in a folder, newest first, or any other file the user points to."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumSize(520, 360)
        self.folder = folder
        self.selected: Path | None = None
        intro = QLabel(
            self.tr(
                "Choose the copy to restore. CommDesk checks it before anything is replaced, and keeps the current data file aside."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for backup in list_backups(folder) if folder.is_dir() else []:
            item = QListWidgetItem(
                f"{format_datetime(backup.taken_at)}   {backup.path.name}   ({format_size(backup.size)})"
            )
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.empty = QLabel(self.tr("There are no backups in %1.").replace("%1", str(folder)))
        self.empty.setVisible(self.list.count() == 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.other_button = self.buttons.addButton(
            self.tr("Other file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.choose_button = self.buttons.addButton(
            self.tr("Restore this copy"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.choose_button.setEnabled(self.list.count() > 0)
        self.choose_button.clicked.connect(self._choose_selected)
        self.other_button.clicked.connect(self._choose_other)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._choose_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)

    def _choose_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.selected = Path(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def _choose_other(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore a backup"),
            str(self.folder),
            self.tr("CommDesk data (*.sqlite3 *.db);;All files (*)"),
        )
        if chosen:
            self.selected = Path(chosen)
            self.accept()


def is_database_problem(error: BaseException) -> bool:
    return isinstance(error, DatabaseUnavailable | DatabaseTooNew)
