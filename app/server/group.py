"""Group commit: work that arrives for a key while earlier work for it is being done waits, and
is then done together, as one unit.

The server uses it for the pushes of one office: they all need the office's version counter,
which is held until commit, so done one by one they queue up behind each other's round trips and
commits. Done together, a burst of pushes costs about one. The first arrival leads: it takes
everything queued for its key, does it, hands the answers out, and passes the lead to the next
waiting arrival, so no thread works for others longer than its own group.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Answer = TypeVar("Answer")


@dataclass
class _Waiter(Generic[Item, Answer]):
    item: Item
    wake: threading.Event = field(default_factory=threading.Event)
    leads: bool = False
    finished: bool = False
    answer: Answer | None = None
    error: BaseException | None = None


class GroupCommit(Generic[Item, Answer]):
    def __init__(
        self,
        together: Callable[[str, list[Item]], list[Answer]],
        alone: Callable[[str, Item], Answer],
        size: Callable[[Item], int] = lambda _item: 1,
        limit: int = 2000,
    ) -> None:
        """``together(key, items)`` does a group; if it fails, each item is done again by
        ``alone(key, item)``, so one bad item only fails itself. A group holds at most ``limit``
        by ``size`` (at least one item)."""
        self._together = together
        self._alone = alone
        self._size = size
        self._limit = limit
        self._lock = threading.Lock()
        self._queues: dict[str, list[_Waiter[Item, Answer]]] = {}
        self._leading: set[str] = set()

    def submit(self, key: str, item: Item) -> Answer:
        waiter: _Waiter[Item, Answer] = _Waiter(item)
        with self._lock:
            self._queues.setdefault(key, []).append(waiter)
            if key not in self._leading:
                self._leading.add(key)
                waiter.leads = True
        while not waiter.finished:
            if waiter.leads:
                self._lead(key)
            else:
                waiter.wake.wait()
                waiter.wake.clear()
        if waiter.error is not None:
            raise waiter.error
        assert waiter.answer is not None
        return waiter.answer

    def _lead(self, key: str) -> None:
        with self._lock:
            group = self._take(key)
        try:
            self._do(key, group)
        finally:
            with self._lock:
                queue = self._queues.get(key)
                if queue:
                    queue[0].leads = True
                    queue[0].wake.set()
                else:
                    self._queues.pop(key, None)
                    self._leading.discard(key)

    def _take(self, key: str) -> list[_Waiter[Item, Answer]]:
        queue = self._queues[key]
        taken, total = 0, 0
        while taken < len(queue) and (taken == 0 or total + self._size(queue[taken].item) <= self._limit):
            total += self._size(queue[taken].item)
            taken += 1
        group, self._queues[key] = queue[:taken], queue[taken:]
        return group

    def _do(self, key: str, group: list[_Waiter[Item, Answer]]) -> None:
        if len(group) > 1:
            try:
                answers = self._together(key, [waiter.item for waiter in group])
            except Exception:
                log.warning(
                    "a group of %d for %s failed; doing each on its own", len(group), key, exc_info=True
                )
            else:
                for waiter, answer in zip(group, answers, strict=True):
                    waiter.answer = answer
                self._finish(group)
                return
        for waiter in group:
            try:
                waiter.answer = self._alone(key, waiter.item)
            except BaseException as exc:  # handed to the waiter's own thread, raised there
                waiter.error = exc
        self._finish(group)

    @staticmethod
    def _finish(group: list[_Waiter[Item, Answer]]) -> None:
        for waiter in group:
            waiter.finished = True
            waiter.leads = False
            waiter.wake.set()
