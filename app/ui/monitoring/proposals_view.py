"""The inbox of articles the feeds proposed: accept into the log, or dismiss."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton

from app.ui.context import UiContext
from app.ui.formatting import format_datetime, format_number
from app.ui.monitoring.common import TONE_COLOURS, list_with_actions, selectable_list, tone_label
from app.ui.row_models import Column, RowListModel
from app.ui.workspace import RefreshingTab, selected_rows, set_widths


class ProposalsView(RefreshingTab):
    tables = frozenset({"feed_proposal", "policy_topic", "press_agency"})
    # The Monitoring page shows how many are waiting in this tab's title.
    refresh_while_hidden = True
    fetch_requested = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
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
        self.table = selectable_list(self.model, "proposals_table")
        set_widths(self.table, [120, 0, 160, 200, 140, 220])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.accept_button = QPushButton(self.tr("Accept into the log"))
        self.accept_button.setObjectName("accept_proposal")
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.fetch_button = QPushButton(self.tr("Check feeds now"))
        self.status = QLabel()
        intro = self.tr(
            "Articles from the followed feeds that mention a policy topic's keywords. Accept the ones about the province; the tone is suggested and can be changed in the log."
        )
        list_with_actions(
            self,
            intro,
            self.table,
            [self.accept_button, self.dismiss_button],
            [self.status, self.fetch_button],
        )
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.fetch_button.clicked.connect(self.fetch_requested.emit)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self.reload()

    def load(self) -> None:
        feeds = self.ctx.services.feeds
        self.run(lambda: feeds.proposals(limit=2000), self._loaded)

    def _loaded(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.status.setText(self.tr("%1 waiting").replace("%1", format_number(len(rows))))

    def selected(self) -> list[Any]:
        return selected_rows(self.table)

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
