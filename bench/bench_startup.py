"""Cold start to an interactive main window, against a bare PySide6 window (DESIGN.md §5: ≤ 4×).

Each start is a fresh Python process, launched the same way for both: the clock runs from
launching the process to the first turn of the event loop after the window has been painted
(the moment a click would be handled). For the app that is its main window with navigation,
menus, status bar and its first page: the Dashboard, in its "Opening the database…" state
while the data layer opens on a background thread. How long the Dashboard then takes to show
its figures is measured too ("filled"), from the same launch. The app opens a copy of the large
data set. Runs alternate between the two so that machine load affects both alike; medians are
compared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from bench.common import Measurement, large_dataset, working_copy

RUNS = 7
TARGET_RATIO = 4.0

# Both watch for the first paint of their window with the same filter, then report on the next
# turn of the event loop.
WATCH = """
from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    seen = False

    def __init__(self, window_class):
        super().__init__()
        self.window_class = window_class

    def eventFilter(self, obj, event):
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and obj.isWidgetType()
            and type(obj.window()).__name__ == self.window_class
        ):
            self.seen = True
        return False
"""

BARE = WATCH + textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    painted = FirstPaint("QMainWindow")
    app.installEventFilter(painted)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()

    def ready():
        if not painted.seen:
            QTimer.singleShot(1, ready)
            return
        print("ready", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()
    """
)

# The real start-up path (run_gui), watched from a timer queued before it runs.
APP = WATCH + textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from app.ui.app import make_application, run_gui

    app = make_application([])
    painted = FirstPaint("MainWindow")
    app.installEventFilter(painted)
    HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "fastapi", "httpx", "keyring", "icalendar",
             "feedparser", "holidays", "vobject", "rapidfuzz", "charset_normalizer", "PySide6.QtCharts",
             "PySide6.QtPdf", "numpy", "pandas", "pydantic", "recurring_ical_events", "num2words")

    def main_window():
        for widget in app.topLevelWidgets():
            if type(widget).__name__ == "MainWindow" and widget.isVisible():
                return widget
        return None

    def check():
        window = main_window()
        # Usable: painted, with navigation and its first page (real or "Opening the database…").
        if window is None or not painted.seen or window.stack.currentWidget() is None:
            QTimer.singleShot(1, check)
            return
        print("ready", flush=True)
        loaded = [name for name in HEAVY if name in sys.modules]
        print("heavy " + ",".join(loaded), flush=True)
        QTimer.singleShot(FILLED_POLL_MS, filled)

    # Looked at every 20 ms, not every 1: a busy probe on the GUI thread would take the
    # interpreter lock from the thread that opens the data, and slow what it measures.
    FILLED_POLL_MS = 20

    def filled():
        window = main_window()
        page = window.stack.currentWidget() if window is not None else None
        if window is None or not window.is_attached() or getattr(page, "data", None) is None:
            QTimer.singleShot(FILLED_POLL_MS, filled)
            return
        print("filled", flush=True)

    QTimer.singleShot(0, check)
    run_gui(Path(sys.argv[1]))
    """
)


def start_once(code: str, *args: str) -> tuple[float, float | None, str]:
    """Seconds from launching a process to its "ready" line (and, for the app, to its "filled"
    line), and the heavy modules the app had loaded when ready; the process is then stopped."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as process:
        assert process.stdout is not None
        ready = filled = None
        heavy = ""
        for line in process.stdout:
            if line.startswith("ready"):
                ready = time.perf_counter() - started
                if code is not APP:
                    break
            elif line.startswith("heavy"):
                heavy = line.removeprefix("heavy").strip(" ,\n")
            elif line.startswith("filled"):
                filled = time.perf_counter() - started
                break
        process.kill()
        process.wait()
    if ready is None:
        raise RuntimeError("the process never showed its window")
    return ready, filled, heavy


def measure(folder: Path, runs: int = RUNS) -> tuple[list[float], list[float], list[float], str]:
    bare: list[float] = []
    full: list[float] = []
    filled: list[float] = []
    heavy = ""
    start_once(BARE)  # warm the OS file cache for both, so "cold" means a new process
    start_once(APP, str(folder))
    for _ in range(runs):
        bare.append(start_once(BARE)[0])
        seconds, data_seconds, heavy = start_once(APP, str(folder))
        full.append(seconds)
        if data_seconds is not None:
            filled.append(data_seconds)
    return bare, full, filled, heavy


def run() -> list[Measurement]:
    folder = working_copy(large_dataset(), "startup")
    bare, full, filled, heavy = measure(folder)
    bare_ms = statistics.median(bare) * 1000
    app_ms = statistics.median(full) * 1000
    measurements = [
        Measurement(
            "startup: cold start ratio (app / bare PySide6 window)",
            app_ms / bare_ms,
            "x",
            target=TARGET_RATIO,
            details={
                "app_median_ms": round(app_ms, 1),
                "bare_median_ms": round(bare_ms, 1),
                "runs": len(full),
                "heavy_modules_at_start": heavy or "none",
            },
        ),
        Measurement("startup: app cold start to interactive window (median)", app_ms, "ms"),
        Measurement("startup: bare PySide6 window cold start (median)", bare_ms, "ms"),
    ]
    if filled:
        filled_ms = statistics.median(filled) * 1000
        measurements.append(
            Measurement(
                "startup: app cold start until the Dashboard shows its figures (median)",
                filled_ms,
                "ms",
                details={"ratio_to_bare": round(filled_ms / bare_ms, 2), "runs": len(filled)},
            )
        )
    return measurements
