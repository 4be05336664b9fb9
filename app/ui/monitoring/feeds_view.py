"""The followed feeds with their state: last check, errors, articles waiting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import UiContext
from app.ui.formatting import format_datetime, format_number
from app.ui.forms import FormErrors
from app.ui.monitoring.common import list_with_actions, selectable_list
from app.ui.row_models import DANGER, GOOD, Column, RowListModel
from app.ui.workspace import RefreshingTab, selected_rows, set_widths


def _state(feed: Any) -> str:
    if feed.last_error:
        return feed.last_error
    if feed.last_checked_at is None:
        return QCoreApplication.translate("FeedsView", "Not checked yet")
    return QCoreApplication.translate("FeedsView", "OK")


class AddFeedDialog(QDialog):
    def __init__(
        self, ctx: UiContext, agencies: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Follow a feed"))
        self.setMinimumWidth(520)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…/rss")
        self.agency = QComboBox()
        self.agency.addItem("—", None)
        for agency_id, name in agencies:
            self.agency.addItem(name, agency_id)
        form = QFormLayout()
        form.addRow(self.tr("RSS or Atom address"), self.url)
        form.addRow(self.tr("Press agency"), self.agency)
        self.error_label = QLabel()
        self.errors = FormErrors(self.error_label, {"url": self.url})
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        url, agency_id = self.url.text(), self.agency.currentData()
        feeds = self.ctx.services.feeds
        self.buttons.setEnabled(False)
        self.ctx.tasks.run_db(lambda: feeds.add(url, agency_id), lambda _r: self.accept(), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(error)


class FeedsView(RefreshingTab):
    tables = frozenset({"feed_subscription", "feed_proposal", "press_agency"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        columns = [
            Column(self.tr("Agency"), lambda f: f.agency_name),
            Column(self.tr("Feed"), lambda f: f.title or f.url, tooltip=lambda f: f.url),
            Column(self.tr("Last checked"), lambda f: format_datetime(f.last_checked_at)),
            Column(self.tr("Last success"), lambda f: format_datetime(f.last_success_at)),
            Column(self.tr("Next check"), lambda f: format_datetime(f.next_check_at)),
            Column(self.tr("Waiting"), lambda f: format_number(f.waiting), align_right=True),
            Column(
                self.tr("State"),
                _state,
                colour=lambda f: DANGER if f.last_error else (GOOD if f.last_success_at else None),
                tooltip=lambda f: f.last_error,
            ),
        ]
        self.model = RowListModel(columns, self)
        self.table = selectable_list(self.model, "feeds_table")
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        set_widths(self.table, [170, 240, 120, 120, 120, 70])
        self.add_button = QPushButton(self.tr("Follow a feed…"))
        self.import_button = QPushButton(self.tr("Follow the feeds of every agency"))
        self.remove_button = QPushButton(self.tr("Stop following"))
        self.fetch_button = QPushButton(self.tr("Check feeds now"))
        self.status = QLabel()
        intro = self.tr(
            "Feeds are checked in the background every 30 minutes while CommDesk is open and the network is there. A feed that fails is retried later; its error is shown here."
        )
        list_with_actions(
            self,
            intro,
            self.table,
            [self.add_button, self.import_button, self.remove_button],
            [self.status, self.fetch_button],
        )
        self.add_button.clicked.connect(self.add_feed)
        self.import_button.clicked.connect(self.import_agency_feeds)
        self.remove_button.clicked.connect(self.remove_selected)

    def load(self) -> None:
        self.run(self.ctx.services.feeds.list, self.model.set_rows)

    def add_feed(self) -> None:
        self.run(
            self.ctx.services.agencies.names,
            lambda agencies: self.open_dialog(AddFeedDialog(self.ctx, agencies, self)),
        )

    def import_agency_feeds(self) -> None:
        self.run(
            self.ctx.services.feeds.subscribe_agency_feeds,
            lambda n: self.status.setText(self.tr("%1 feeds added").replace("%1", format_number(n))),
        )

    def remove_selected(self) -> None:
        ids = [feed.id for feed in selected_rows(self.table)]
        feeds = self.ctx.services.feeds

        def remove() -> None:
            for feed_id in ids:
                feeds.remove(feed_id)

        if ids:
            self.ctx.tasks.run_db(remove)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
