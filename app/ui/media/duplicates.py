"""Likely duplicates, and merging two journalists into one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.duplicates import DuplicatePair
from app.ui.context import UiContext
from app.ui.media.background import on_db
from app.ui.media.common import set_up_table, show_error, tr
from app.ui.media.models import Column, RowsModel


def _describe(person: Any, agency: str) -> str:
    parts = [person.full_name, agency, person.emails, person.phones]
    return " · ".join(p for p in parts if p)


class MergeDialog(QDialog):
    """Which of the two records to keep; the other is folded into it."""

    def __init__(self, ctx: UiContext, first_id: str, second_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ids = (first_id, second_id)
        self.setWindowTitle(self.tr("Merge two journalists"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Choose the record to keep. Its values stay; empty fields are filled from the other; e-mails, "
                "phones and beats are combined. The history, invitations and list memberships of both are kept "
                "on the merged record, and the other record is deleted."
            )
        )
        intro.setWordWrap(True)
        self.keep_first = QRadioButton()
        self.keep_second = QRadioButton()
        self.keep_first.setChecked(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.keep_first)
        layout.addWidget(self.keep_second)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        services = ctx.services

        def load() -> list[str]:
            rows = [services.journalists.get(i) for i in self.ids]
            agencies = [services.agencies.get(r.agency_id).name if r.agency_id else "" for r in rows]
            return [_describe(r, a) for r, a in zip(rows, agencies, strict=True)]

        on_db(self, load, self._loaded, self._failed)

    def _loaded(self, descriptions: list[str]) -> None:
        self.keep_first.setText(self.tr("Keep: %1").replace("%1", descriptions[0]))
        self.keep_second.setText(self.tr("Keep: %1").replace("%1", descriptions[1]))
        self.merge_button.setEnabled(True)

    def merge(self) -> None:
        keep, drop = self.ids if self.keep_first.isChecked() else (self.ids[1], self.ids[0])
        duplicates = self.ctx.services.duplicates
        self.merge_button.setEnabled(False)
        on_db(self, lambda: duplicates.merge(keep, drop), lambda _r: self.accept(), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.merge_button.setEnabled(True)
        self.error_label.setText(str(error))


class DuplicatesDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Likely duplicates"))
        self.resize(820, 480)
        self.model = RowsModel(
            [
                Column(tr("First"), lambda p: p.first_name),
                Column(tr("Second"), lambda p: p.second_name),
                Column(tr("Why"), lambda p: str(p.describe())),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_table(self.table, stretch_column=2)
        self.table.setColumnWidth(0, 240)
        self.table.setColumnWidth(1, 240)
        self.status = QLabel(self.tr("Looking for duplicates…"))
        self.merge_button = QPushButton(self.tr("Merge the chosen pair…"))
        self.merge_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        close.clicked.connect(self.accept)
        self.merge_button.clicked.connect(self.merge)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.merge_button.setEnabled(self.table.currentIndex().isValid())
        )
        self.table.doubleClicked.connect(lambda _i: self.merge())
        self.reload()

    def reload(self) -> None:
        duplicates = self.ctx.services.duplicates
        on_db(self, duplicates.find, self._found, lambda err: show_error(self, err))

    def _found(self, pairs: list[DuplicatePair]) -> None:
        self.model.set_rows(pairs)
        self.status.setText(self.tr("%n likely duplicate pair(s)", "", len(pairs)))
        self.merge_button.setEnabled(False)

    def merge(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        pair = self.model.row_at(index.row())
        if MergeDialog(self.ctx, pair.first_id, pair.second_id, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()
