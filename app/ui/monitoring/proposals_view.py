"""The inbox of articles the feeds proposed: accept into the log, or dismiss."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import UiContext
from app.ui.formatting import format_datetime, format_number
from app.ui.monitoring.common import TONE_COLOURS, tone_label
from app.ui.row_models import Column, RowListModel

WATCHED = frozenset({"feed_proposal", "policy_topic", "press_agency"})


class ProposalsView(QWidget):
    fetch_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        columns = [
            Column(self.tr("Published"), lambda p: format_datetime(p.published_at or p.found_at)),
            Column(self.tr("Headline"), lambda p: p.headline, tooltip=lambda p: p.summary),
            Column(self.tr("Agency"), lambda p: p.agency_name),
            Column(self.tr("Topics"), lambda p: "; ".join(p.topic_names)),
            Column(
                self.tr("Suggested tone"),
                lambda p: (
                    f"{tone_label(p.sentiment)} ({format_number((p.sentiment_confidence or 0) * 100)}%)"
                ),
                colour=lambda p: TONE_COLOURS.get(p.sentiment),
            ),
            Column(self.tr("Address"), lambda p: p.url),
        ]
        self.model = RowListModel(columns, self)
        self.table = QTableView()
        self.table.setObjectName("proposals_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (2, 160), (3, 200), (4, 140), (5, 220)):
            self.table.setColumnWidth(column, width)
        self.accept_button = QPushButton(self.tr("Accept into the log"))
        self.accept_button.setObjectName("accept_proposal")
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.fetch_button = QPushButton(self.tr("Check feeds now"))
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        buttons.addWidget(self.fetch_button)
        intro = QLabel(
            self.tr(
                "Articles from the followed feeds that mention a policy topic's keywords. Accept the ones about the province; the tone is suggested and can be changed in the log."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.fetch_button.clicked.connect(self.fetch_requested.emit)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        ctx.data_changed.changed.connect(self._data_changed)
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        feeds = self.ctx.services.feeds
        self.ctx.tasks.run_db(lambda: feeds.proposals(limit=2000), self._loaded)

    def _loaded(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.status.setText(self.tr("%1 waiting").replace("%1", format_number(len(rows))))

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & WATCHED:
            self.refresh()

    def selected(self) -> list[Any]:
        rows = [self.model.row_at(index.row()) for index in self.table.selectionModel().selectedRows()]
        return [r for r in rows if r is not None]

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.accept_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def accept_selected(self) -> None:
        ids = [p.id for p in self.selected()]
        feeds = self.ctx.services.feeds

        def accept() -> int:
            for proposal_id in ids:
                feeds.accept(proposal_id)
            return len(ids)

        if ids:
            self.ctx.tasks.run_db(accept)

    def dismiss_selected(self) -> None:
        ids = [p.id for p in self.selected()]
        feeds = self.ctx.services.feeds
        if ids:
            self.ctx.tasks.run_db(lambda: feeds.dismiss(ids))
