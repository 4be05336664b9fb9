"""One notification per committed change, naming the entities (tables) it touched."""

from __future__ import annotations

import threading
from collections.abc import Callable

Listener = Callable[[frozenset[str]], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, entities: frozenset[str] | set[str]) -> None:
        if not entities:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(frozenset(entities))
