"""Background work: run an operation off the GUI thread, get its result on the GUI thread.

Database operations go to a single worker, so they are serialised and each opens its own
session inside the service call; network and file work goes to a small separate pool.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, job_id: int, operation: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._job_id = job_id
        self._operation = operation

    def run(self) -> None:
        if self._runner._closed:  # queued before the shutdown: not started at all
            return
        try:
            result = self._operation()
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._report(False, exc)
        else:
            self._report(True, result)

    def _report(self, ok: bool, payload: object) -> None:
        runner = self._runner
        if runner._closed or not isValid(runner):
            log.debug("result of job %s dropped: its runner was closed", self._job_id)
            return
        try:
            runner._finished.emit(self._job_id, ok, payload)
        except RuntimeError:  # the runner went in the instant between the check and the emit
            log.debug("result of job %s dropped: its runner was deleted", self._job_id)


class TaskRunner(QObject):
    """Owns the worker pools; callbacks always run on the thread that owns this object."""

    # Emitted from a worker; the connection to our own slot is queued to our (GUI) thread.
    _finished = Signal(int, bool, object)
    # Errors of operations that had no failure callback of their own.
    unhandled_error = Signal(object)
    busy_changed = Signal(bool)
    # Every failure that ``translate_error`` recognised (e.g. the database is locked or full),
    # whether or not the operation had a failure callback: the shell offers a way out.
    recognised_error = Signal(object)

    # Runners with results still to deliver: held here so that a runner whose owner let go of
    # it (a closed page, a finished test) is not collected while its workers are running.
    _in_flight: set[TaskRunner] = set()

    def __init__(
        self,
        parent: QObject | None = None,
        translate_error: Callable[[BaseException], BaseException | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._translate_error = translate_error
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._io_pool = QThreadPool(self)
        self._io_pool.setMaxThreadCount(4)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Success | None, Failure | None]] = {}
        self._closed = False
        self._finished.connect(self._deliver)

    def run_db(
        self,
        operation: Callable[[], Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> int:
        """Run a database operation on the database worker."""
        return self._submit(self._db_pool, operation, on_success, on_failure)

    def run_io(
        self,
        operation: Callable[[], Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> int:
        """Run network or file work that does not touch the database."""
        return self._submit(self._io_pool, operation, on_success, on_failure)

    def _submit(
        self,
        pool: QThreadPool,
        operation: Callable[[], Any],
        on_success: Success | None,
        on_failure: Failure | None,
    ) -> int:
        job_id = next(self._ids)
        if self._closed:  # shutting down: late work (a refresh a last result asked for) is not started
            log.debug("job %s not started: the task runner is closed", job_id)
            return job_id
        if not self._callbacks:
            self.busy_changed.emit(True)
            TaskRunner._in_flight.add(self)
        self._callbacks[job_id] = (on_success, on_failure)
        pool.start(_Job(self, job_id, operation))
        return job_id

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        if self._closed:
            return
        on_success, on_failure = self._callbacks.pop(job_id, (None, None))
        try:
            if _owner_deleted(on_success) or _owner_deleted(on_failure):
                # The page or dialog closed while its work ran: its callbacks would touch
                # deleted widgets, and nobody is left to tell.
                log.debug("result of job %s dropped: its receiver was deleted", job_id)
                return
            if ok:
                if on_success is not None:
                    on_success(payload)
            else:
                assert isinstance(payload, BaseException)
                log.warning(
                    "background operation failed: %s", getattr(payload, "__traceback_text__", payload)
                )
                translated = self._translate_error(payload) if self._translate_error else None
                if translated is not None:
                    translated.__cause__ = payload
                    payload = translated
                    self.recognised_error.emit(payload)
                if on_failure is not None:
                    on_failure(payload)
                else:
                    self.unhandled_error.emit(payload)
        finally:
            if not self._callbacks:
                TaskRunner._in_flight.discard(self)
                self.busy_changed.emit(False)

    def pending(self) -> int:
        return len(self._callbacks)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the pools are idle (shutdown and tests); results still arrive via signals."""
        return self._db_pool.waitForDone(msecs) and self._io_pool.waitForDone(msecs)

    def close(self, msecs: int = 30_000) -> None:
        """Shut down: start nothing new, drop queued work, wait for what is running and throw
        its results away. Without this, work started by the last delivered results outlives
        the window and reports to a runner that no longer exists."""
        self._closed = True  # queued jobs see it and return at once
        self.wait_for_done(msecs)
        if self._callbacks:
            self._callbacks.clear()
            TaskRunner._in_flight.discard(self)
            self.busy_changed.emit(False)

    def is_closed(self) -> bool:
        return self._closed


def _owner_deleted(callback: object) -> bool:
    """Whether ``callback`` is a method of a Qt object that has since been deleted."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not isValid(owner)
