"""The Monitoring workspace: coverage log, proposed articles, feeds, trends and warnings."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.context import UiContext
from app.ui.formatting import format_number
from app.ui.monitoring.background import MonitoringBackground, start_monitoring
from app.ui.monitoring.coverage_dialog import CoverageDialog
from app.ui.monitoring.feeds_view import FeedsView
from app.ui.monitoring.log_view import CoverageLog
from app.ui.monitoring.proposals_view import ProposalsView
from app.ui.monitoring.trends_view import TrendsView


class MonitoringPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.log = CoverageLog(ctx)
        self.proposals = ProposalsView(ctx)
        self.feeds = FeedsView(ctx)
        self.trends = TrendsView(ctx)
        self.tabs.addTab(self.log, self.tr("Coverage log"))
        self.tabs.addTab(self.proposals, self.tr("Proposed articles"))
        self.tabs.addTab(self.feeds, self.tr("Feeds"))
        self.tabs.addTab(self.trends, self.tr("Trends and warnings"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.log.open_requested.connect(self.open_article)
        self.log.new_requested.connect(lambda: self._show_dialog(None))
        self.proposals.fetch_requested.connect(self.check_feeds)
        self.feeds.fetch_button.clicked.connect(self.check_feeds)
        self.background().round_finished.connect(self._round_finished)
        self.proposals.model.modelReset.connect(self._count_proposals)
        self.dialog: CoverageDialog | None = None

    def background(self) -> MonitoringBackground:
        existing = self.ctx.extras.get("monitoring")
        if isinstance(existing, MonitoringBackground):
            return existing
        return start_monitoring(self.ctx, self.window())

    def open_article(self, coverage_id: str) -> None:
        coverage = self.ctx.services.coverage
        self.ctx.tasks.run_db(lambda: coverage.get(coverage_id), self._show_dialog)

    def _show_dialog(self, row: Any | None) -> None:
        self.dialog = CoverageDialog(self.ctx, row, self)
        self.dialog.open()

    def check_feeds(self) -> None:
        self.feeds.show_status(self.tr("Checking feeds…"))
        self.background().check_feeds(only_due=False)

    def _round_finished(self, outcomes: list[Any]) -> None:
        proposed = sum(len(o.proposed) for o in outcomes)
        failed = sum(o.state == "failed" for o in outcomes)
        text = self.tr("%1 feeds checked, %2 new articles proposed, %3 failed")
        self.feeds.show_status(
            text.replace("%1", format_number(len(outcomes)))
            .replace("%2", format_number(proposed))
            .replace("%3", format_number(failed))
        )

    def _count_proposals(self) -> None:
        count = self.proposals.model.rowCount()
        title = self.tr("Proposed articles")
        self.tabs.setTabText(1, f"{title} ({format_number(count)})" if count else title)
