"""Hybrid logical clock: timestamps that order events across devices even when clocks drift."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


def format_hlc(physical_ms: int, counter: int, node: str) -> str:
    return f"{physical_ms:015d}-{counter:05d}-{node}"


def parse_hlc(stamp: str) -> tuple[int, int, str]:
    physical, counter, node = stamp.split("-", 2)
    return int(physical), int(counter), node


class HybridLogicalClock:
    """Stamps sort as text in causal order; ties between devices break on the node id."""

    def __init__(self, node: str, wall_ms: Callable[[], int] = _wall_ms) -> None:
        self.node = node
        self._wall_ms = wall_ms
        self._physical = 0
        self._counter = 0
        self._lock = threading.Lock()

    def now(self) -> str:
        with self._lock:
            wall = self._wall_ms()
            if wall > self._physical:
                self._physical, self._counter = wall, 0
            else:
                self._counter += 1
            return format_hlc(self._physical, self._counter, self.node)

    def observe(self, remote: str) -> None:
        """Move past a stamp seen from another device, so later local stamps sort after it."""
        remote_physical, remote_counter, _ = parse_hlc(remote)
        with self._lock:
            wall = self._wall_ms()
            if wall > self._physical and wall > remote_physical:
                self._physical, self._counter = wall, 0
            elif remote_physical > self._physical:
                self._physical, self._counter = remote_physical, remote_counter + 1
            elif remote_physical == self._physical:
                self._counter = max(self._counter, remote_counter) + 1
            else:
                self._counter += 1
