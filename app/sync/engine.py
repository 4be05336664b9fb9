"""One sync round: push the outbox, then pull, then compare counts and digests (DESIGN.md §3)."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.db import Database
from app.services.changes import ChangeBus
from app.sync import local as state
from app.sync.hlc import HybridLogicalClock
from app.sync.local import LocalStore
from app.sync.protocol import DEFAULT_PULL_LIMIT, DEFAULT_PUSH_OPS
from app.sync.transport import (
    BadRequest,
    CursorAhead,
    CursorGone,
    SyncFailure,
    Transport,
)

log = logging.getLogger(__name__)

MAX_PAGES_PER_ROUND = 100_000
BACKOFF_BASE_SECONDS = 15.0
BACKOFF_MAX_SECONDS = 30 * 60.0


@dataclass
class RoundResult:
    ok: bool = False
    pushed: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    pending: int = 0
    recovered: str = ""
    repaired: list[str] = field(default_factory=list)
    failure: str = ""  # SyncFailure.kind
    detail: str = ""
    tables: set[str] = field(default_factory=set)

    def summary(self) -> str:
        if not self.ok:
            return f"sync failed ({self.failure}): {self.detail}; {self.pending} change(s) waiting"
        parts = [f"sent {self.pushed}", f"received {self.pulled}", f"waiting {self.pending}"]
        if self.merged:
            parts.append(f"merged {self.merged}")
        if self.conflicts:
            parts.append(f"conflicts {self.conflicts}")
        if self.rejected:
            parts.append(f"rejected {self.rejected}")
        if self.recovered:
            parts.append(f"recovered after {self.recovered}")
        if self.repaired:
            parts.append("re-read " + ", ".join(self.repaired))
        return "sync ok: " + ", ".join(parts)


class Backoff:
    """Exponential backoff with jitter after failed rounds; a success resets it."""

    def __init__(self, base: float = BACKOFF_BASE_SECONDS, maximum: float = BACKOFF_MAX_SECONDS) -> None:
        self.base = base
        self.maximum = maximum
        self.failures = 0
        self.next_allowed = 0.0

    def failed(self, now: float | None = None) -> float:
        self.failures += 1
        delay = min(self.maximum, self.base * 2 ** (self.failures - 1)) * random.uniform(0.8, 1.2)
        self.next_allowed = (now or time.monotonic()) + delay
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self.next_allowed = 0.0

    def ready(self, now: float | None = None) -> bool:
        return (now or time.monotonic()) >= self.next_allowed


class SyncEngine:
    def __init__(
        self,
        db: Database,
        transport: Transport,
        clock: HybridLogicalClock | None = None,
        bus: ChangeBus | None = None,
        push_batch: int = DEFAULT_PUSH_OPS,
        pull_limit: int = DEFAULT_PULL_LIMIT,
        office_id: Callable[[], str] = lambda: "",
    ) -> None:
        self.office_id = office_id
        self.store = LocalStore(db)
        self.transport = transport
        self.clock = clock
        self.bus = bus
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self.backoff = Backoff()
        self._lock = threading.Lock()  # one round at a time per database

    # ----- a round --------------------------------------------------------------------------

    def run_round(self) -> RoundResult:
        with self._lock:
            result = RoundResult()
            self.store.set_state(state.LAST_ATTEMPT, datetime.now(UTC).isoformat())
            if self.clock is not None:
                # Never stamp below our own queued changes, even if the wall clock stepped back.
                newest = self.store.max_outbox_hlc()
                if newest:
                    self.clock.observe(newest)
            try:
                self._push(result)
                self._pull(result)
                self._pull_reference(result)
                self._check(result)
                result.ok = True
            except SyncFailure as failure:
                result.failure = failure.kind
                result.detail = failure.detail
            finally:
                result.pending = self.store.pending_count()
                if result.tables and self.bus is not None:
                    self.bus.publish(result.tables)
            if result.ok:
                self.backoff.succeeded()
                self.store.set_state(state.LAST_SUCCESS, datetime.now(UTC).isoformat())
                self.store.set_state(state.LAST_ERROR, "")
            else:
                self.backoff.failed()
                self.store.set_state(state.LAST_ERROR, f"{result.failure}: {result.detail}"[:500])
            self.store.add_log(result.summary())
            return result

    def _push(self, result: RoundResult) -> None:
        after = 0
        while True:
            ops, broken = self.store.next_ops(self.push_batch, after)
            if broken:
                self.store.dead_letter_entries(broken)
                result.rejected += len(broken)
            if not ops:
                return
            after = ops[-1][0]
            try:
                response = self.transport.push([op for _seq, op in ops])
                answers = [(ops, response.results)]
            except BadRequest:
                # The batch as a whole was refused: send one by one so only the bad op stops.
                answers = []
                for single in ops:
                    try:
                        answers.append(([single], self.transport.push([single[1]]).results))
                    except BadRequest as exc:
                        self.store.dead_letter_entries([(single[0], exc.detail or "refused by the server")])
                        result.rejected += 1
            for sent, results in answers:
                summary = self.store.acknowledge(sent, results)
                result.pushed += summary.applied + summary.merged + summary.conflict_ops
                result.merged += summary.merged
                result.conflicts += summary.conflicts
                result.rejected += summary.rejected

    def _pull(self, result: RoundResult) -> None:
        recovery = self.store.get_state(state.RECOVERY)
        for _ in range(MAX_PAGES_PER_ROUND):
            cursor = self.store.cursor()
            try:
                page = self.transport.pull(cursor, self.pull_limit)
            except CursorGone:
                self._start_recovery("horizon")
                recovery = "horizon"
                continue
            except CursorAhead:
                self._start_recovery("epoch")
                recovery = "epoch"
                continue
            known_epoch = self.store.get_state(state.EPOCH)
            if known_epoch and page.server_epoch != known_epoch and recovery != "epoch":
                self._start_recovery("epoch")
                self.store.set_state(state.EPOCH, page.server_epoch)
                recovery = "epoch"
                continue
            if not known_epoch:
                self.store.set_state(state.EPOCH, page.server_epoch)
            summary = self.store.apply_page(list(page.rows), page.next_cursor, recovery)
            result.pulled += summary.rows
            result.tables |= summary.tables
            if self.clock is not None and summary.max_hlc:
                self.clock.observe(summary.max_hlc)
            if not page.has_more:
                break
        if recovery:
            self.store.finish_recovery(recovery)
            self.store.set_state(state.EPOCH, self.store.get_state(state.EPOCH))
            result.recovered = recovery
            self.store.add_log(f"reconciled with the server after {recovery}")
            # Rows the server lacked were queued again: send them now rather than next round.
            self._push(result)

    def _pull_reference(self, result: RoundResult) -> None:
        """Reference data the central role publishes; it arrives read-only, with its own cursor."""
        for _ in range(MAX_PAGES_PER_ROUND):
            since = int(self.store.get_state(state.REFERENCE_CURSOR, "0") or 0)
            try:
                page = self.transport.reference(since, self.pull_limit)
            except (CursorAhead, CursorGone):
                self.store.set_state(state.REFERENCE_CURSOR, "0")
                continue
            summary = self.store.apply_page(
                list(page.rows), page.next_cursor, cursor_key=state.REFERENCE_CURSOR
            )
            result.pulled += summary.rows
            result.tables |= summary.tables
            if not page.has_more:
                return

    def _start_recovery(self, kind: str) -> None:
        log.warning("sync recovery: %s", kind)
        self.store.begin_recovery(kind, office_id=self.office_id())

    def _check(self, result: RoundResult) -> None:
        """Counts and (id, version) digests per entity; a mismatch re-reads that entity."""
        status = self.transport.status()
        if status.server_epoch != self.store.get_state(state.EPOCH):
            return  # the next round reconciles
        if status.office_version != self.store.cursor():
            return  # others pushed since our pull: compare after the next round
        mine = self.store.digests(status.office_id)
        for entity in sorted(set(mine) | set(status.entities)):
            theirs = status.entities.get(entity)
            if mine.get(entity) != ((theirs.count, theirs.digest) if theirs else None):
                self._repair(entity, result)

    def _repair(self, entity: str, result: RoundResult) -> None:
        self.store.begin_recovery("mismatch", [entity], office_id=self.office_id())
        since = 0
        while True:
            page = self.transport.pull(since, self.pull_limit, entity=entity)
            summary = self.store.apply_page(list(page.rows), None)
            result.tables |= summary.tables
            since = page.next_cursor
            if not page.has_more:
                break
        self.store.finish_recovery("mismatch", [entity])
        result.repaired.append(entity)
        self.store.add_log(f"{entity}: counts differed from the server; re-read")
