"""Runs sync rounds in the background (timer and "Sync now") and tells the window how it went."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from app.sync.client import SyncClient, SyncStatus
from app.sync.engine import RoundResult
from app.ui.context import UiContext

EXTRA_KEY = "sync"
STARTUP_DELAY_MS = 3_000


class SyncController(QObject):
    """One per window. Each round and each status read is a task on the I/O pool with its own
    database sessions; results arrive here on the GUI thread."""

    status_changed = Signal(object)  # SyncStatus
    round_finished = Signal(object)  # RoundResult
    busy_changed = Signal(bool)
    online_changed = Signal(object)  # True, False, or None (not configured)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client = SyncClient(ctx.services)
        self.busy = False
        self.online: bool | None = None
        self.last_status: SyncStatus | None = None
        self.last_result: RoundResult | None = None
        self._interval_minutes = 5
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._timer_fired)
        self.stopped = False

    def start(self) -> None:
        """Read the state, then sync on the timer (the first round shortly after start-up)."""
        self.refresh_status()
        self.ctx.tasks.run_db(self.client.interval_minutes, self._interval_read, lambda _e: None)

    def stop(self, _window: object = None) -> None:
        """The window closed: no more rounds; the connection to the server is closed."""
        self.stopped = True
        self.timer.stop()
        if not self.busy:
            self.client.close()

    def _interval_read(self, minutes: int) -> None:
        self._interval_minutes = minutes
        if not self.stopped:
            self.timer.start(STARTUP_DELAY_MS)

    def _timer_fired(self) -> None:
        engine = self.client._engine
        if engine is not None and not engine.backoff.ready():
            # Failing rounds back off (up to 30 min) instead of hammering an unreachable server.
            self.timer.start(max(1_000, int((engine.backoff.next_allowed - time.monotonic()) * 1000)))
            return
        self.sync_now()

    def _schedule_next(self) -> None:
        if not self.stopped:
            self.timer.start(self._interval_minutes * 60_000)

    def sync_now(self) -> bool:
        if self.busy or self.stopped:
            return False
        self._set_busy(True)
        self.ctx.tasks.run_io(self._round, self._round_done, self._round_failed)
        return True

    def _round(self) -> tuple[RoundResult | None, SyncStatus]:
        result = self.client.sync_now() if self.client.configured() else None
        return result, self.client.status()

    def _round_done(self, outcome: tuple[RoundResult | None, SyncStatus]) -> None:
        result, status = outcome
        self._set_busy(False)
        if self.stopped:
            self.client.close()
            return
        self.last_result = result
        self._publish_status(status)
        if result is not None:
            self._set_online(result.ok or result.failure not in ("offline", "tls"))
            self.round_finished.emit(result)
        self._schedule_next()

    def _round_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._set_online(None if not self.client.configured() else self.online)
        self.round_finished.emit(RoundResult(ok=False, failure="error", detail=str(error)))
        self.refresh_status()
        self._schedule_next()

    def refresh_status(self) -> None:
        self.ctx.tasks.run_db(self.client.status, self._publish_status, lambda _e: None)

    def _publish_status(self, status: SyncStatus) -> None:
        self.last_status = status
        if not status.server_url or not status.logged_in:
            self._set_online(None)
        self.status_changed.emit(status)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def _set_online(self, online: bool | None) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    def logged_in(self, _token: Any = None) -> None:
        self.refresh_status()
        self.sync_now()


def sync_controller(ctx: UiContext) -> SyncController:
    """The window's controller, made on first use."""
    controller = ctx.extras.get(EXTRA_KEY)
    if not isinstance(controller, SyncController):
        controller = SyncController(ctx, ctx.tasks)
        ctx.extras[EXTRA_KEY] = controller
    return controller


def while_alive(owner: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """A task callback that does nothing once ``owner`` was closed and deleted."""

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call
