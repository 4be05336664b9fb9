"""While CommDesk runs: feeds are checked in the background, and a new warning is notified."""

from __future__ import annotations

from typing import Any

import httpx
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from app.services.feeds import FeedRow
from app.services.trends import CoverageWarning
from app.ui.context import UiContext

FEED_CHECK_MS = 5 * 60_000
WARNING_DELAY_MS = 10_000
NOTIFIED_KEY = "monitoring.notified_warnings"
KEEP_NOTIFIED = 200


class MonitoringBackground(QObject):
    round_finished = Signal(object)  # list of FetchOutcome
    new_warnings = Signal(object)  # list of CoverageWarning not notified before

    def __init__(self, ctx: UiContext, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.busy = False
        self._outcomes: list[Any] = []
        self._client: httpx.Client | None = None
        self._waiting = 0
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            style = QApplication.style()
            self.tray = QSystemTrayIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning), self)
            self.tray.setToolTip("CommDesk")
        self.feed_timer = QTimer(self)
        self.feed_timer.setInterval(FEED_CHECK_MS)
        self.feed_timer.timeout.connect(lambda: self.check_feeds(only_due=True))
        self.warning_timer = QTimer(self)
        self.warning_timer.setSingleShot(True)
        self.warning_timer.setInterval(WARNING_DELAY_MS)
        self.warning_timer.timeout.connect(self.check_warnings)
        ctx.data_changed.changed.connect(self._data_changed)

    def start(self) -> None:
        self.feed_timer.start()
        QTimer.singleShot(WARNING_DELAY_MS, self.check_warnings)
        QTimer.singleShot(30_000, lambda: self.check_feeds(only_due=True))

    # ----- feeds --------------------------------------------------------------------------------

    def check_feeds(self, only_due: bool = False) -> None:
        """One round: due (or all) feeds downloaded on the network pool, recorded on the DB worker."""
        if self.busy:
            return
        self.busy = True
        feeds = self.ctx.services.feeds
        self.ctx.tasks.run_db(
            lambda: feeds.due() if only_due else feeds.list(), self._got_feeds, self._round_failed
        )

    def _got_feeds(self, rows: list[FeedRow]) -> None:
        self._outcomes = []
        self._waiting = len(rows)
        if not rows:
            self._finish()
            return
        feeds = self.ctx.services.feeds
        self._client = feeds.client()
        for feed in rows:
            self._validate(feed)

    def _validate(self, feed: FeedRow) -> None:
        feeds = self.ctx.services.feeds
        self.ctx.tasks.run_db(
            lambda: feeds.validators(feed.id),
            lambda validators: self._download(feed, validators),
            self._one_failed,
        )

    def _download(self, feed: FeedRow, validators: tuple[str, str]) -> None:
        feeds, client = self.ctx.services.feeds, self._client
        assert client is not None
        self.ctx.tasks.run_io(
            lambda: feeds.download(feed, client, *validators), self._downloaded, self._one_failed
        )

    def _downloaded(self, download: Any) -> None:
        feeds = self.ctx.services.feeds
        self.ctx.tasks.run_db(lambda: feeds.record(download), self._recorded, self._one_failed)

    def _recorded(self, outcome: Any) -> None:
        self._outcomes.append(outcome)
        self._one_done()

    def _one_failed(self, _error: BaseException) -> None:
        self._one_done()

    def _one_done(self) -> None:
        self._waiting -= 1
        if self._waiting <= 0:
            self._finish()

    def _round_failed(self, _error: BaseException) -> None:
        self.busy = False

    def _finish(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        self.busy = False
        self.round_finished.emit(list(self._outcomes))

    # ----- warnings ------------------------------------------------------------------------------

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & {"coverage_item", "coverage_topic"}:
            self.warning_timer.start()

    def check_warnings(self) -> None:
        services = self.ctx.services

        def load() -> tuple[list[CoverageWarning], list[str]]:
            return services.trends.current_warnings(), list(services.settings.get(NOTIFIED_KEY, []) or [])

        self.ctx.tasks.run_db(load, self._got_warnings, lambda _e: None)

    def _got_warnings(self, result: tuple[list[CoverageWarning], list[str]]) -> None:
        warnings, notified = result
        fresh = [w for w in warnings if w.key not in notified]
        if not fresh:
            return
        keys = (notified + [w.key for w in fresh])[-KEEP_NOTIFIED:]
        settings = self.ctx.services.settings
        self.ctx.tasks.run_db(lambda: settings.set(NOTIFIED_KEY, keys), None, lambda _e: None)
        if self.tray is not None:
            self.tray.show()
            title = self.tr("CommDesk — early warning")
            self.tray.showMessage(
                title,
                "\n".join(str(w.message) for w in fresh[:3]),
                QSystemTrayIcon.MessageIcon.Warning,
                20_000,
            )
        self.new_warnings.emit(fresh)


def start_monitoring(ctx: UiContext, window: QWidget) -> MonitoringBackground:
    """Start the background feed checks and warning notifications for this window."""
    existing = ctx.extras.get("monitoring")
    if isinstance(existing, MonitoringBackground):
        return existing
    background = MonitoringBackground(ctx, window)
    ctx.extras["monitoring"] = background
    background.start()
    return background
