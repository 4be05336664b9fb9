"""Python's cycle collector, run on the GUI thread only.

The collector runs on whichever thread happens to allocate when a threshold is crossed. When
that is a worker thread and the garbage holds Qt wrappers, Qt objects are destroyed away from
their own thread, and the process can crash. So the automatic collector is switched off and
the GUI thread collects instead, by the same thresholds, from a timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500


def collect_due_generations() -> None:
    """Collect the oldest generation whose count passed its threshold, as gc itself would."""
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    due = -1
    for generation in range(3):
        if counts[generation] > thresholds[generation]:
            due = generation
    if due >= 0:
        gc.collect(due)


class GuiThreadCollector(QObject):
    """Owns the decision of when to collect: create it on the GUI thread, once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(collect_due_generations)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
