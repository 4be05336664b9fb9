"""Cold start to an interactive main window, against a bare PySide6 window (DESIGN.md §5: ≤ 4×).

Each start is a fresh Python process, launched the same way for both: the clock runs from
launching the process to the first turn of the event loop after the window is shown (the
moment a click would be handled). The app opens a copy of the large data set. Runs
alternate between the two so that machine load affects both alike; medians are compared.
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

BARE = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()

    def ready():
        print("ready", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()
    """
)

# The real start-up path (run_gui), watched from a timer queued before it runs.
APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTimer

    from app.ui.app import make_application, run_gui

    app = make_application([])
    HEAVY = ("alembic", "reportlab", "openpyxl", "fastapi", "httpx", "keyring", "icalendar",
             "feedparser", "holidays", "vobject", "rapidfuzz", "charset_normalizer", "PySide6.QtCharts",
             "PySide6.QtPdf", "numpy", "pandas", "pydantic", "recurring_ical_events", "num2words")

    def check():
        for widget in app.topLevelWidgets():
            if type(widget).__name__ == "MainWindow" and widget.isVisible():
                print("ready", flush=True)
                loaded = [name for name in HEAVY if name in sys.modules]
                print("heavy " + ",".join(loaded), flush=True)
                return
        QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)
    run_gui(Path(sys.argv[1]))
    """
)


def start_once(code: str, *args: str) -> tuple[float, list[str]]:
    """Seconds from launching a process to its "ready" line; the process is then stopped."""
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
        elapsed = None
        lines = []
        for line in process.stdout:
            if line.startswith("ready"):
                elapsed = time.perf_counter() - started
                if code is APP:  # the app then names the heavy modules it had loaded
                    lines.append(process.stdout.readline().strip())
                break
        process.kill()
        process.wait()
    if elapsed is None:
        raise RuntimeError("the process never showed its window")
    return elapsed, lines


def measure(folder: Path, runs: int = RUNS) -> tuple[list[float], list[float], list[str]]:
    bare: list[float] = []
    full: list[float] = []
    heavy: list[str] = []
    start_once(BARE)  # warm the OS file cache for both, so "cold" means a new process
    start_once(APP, str(folder))
    for _ in range(runs):
        bare.append(start_once(BARE)[0])
        seconds, lines = start_once(APP, str(folder))
        full.append(seconds)
        heavy = lines
    return bare, full, heavy


def run() -> list[Measurement]:
    folder = working_copy(large_dataset(), "startup")
    bare, full, heavy = measure(folder)
    bare_ms = statistics.median(bare) * 1000
    app_ms = statistics.median(full) * 1000
    heavy_modules = heavy[0].removeprefix("heavy").strip(" ,") if heavy else ""
    return [
        Measurement(
            "startup: cold start ratio (app / bare PySide6 window)",
            app_ms / bare_ms,
            "x",
            target=TARGET_RATIO,
            details={
                "app_median_ms": round(app_ms, 1),
                "bare_median_ms": round(bare_ms, 1),
                "runs": len(full),
                "heavy_modules_at_start": heavy_modules or "none",
            },
        ),
        Measurement("startup: app cold start to interactive window (median)", app_ms, "ms"),
        Measurement("startup: bare PySide6 window cold start (median)", bare_ms, "ms"),
    ]
